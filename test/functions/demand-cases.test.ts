// Worked examples of the demand functions, as data (test/cases/sufficiency.json, test/cases/project-demand.json),
// run through the wrapper both hosts use: SEND.SUFFICIENCY and SEND.PROJECT with a forecast, results and errors.
import { readFileSync } from "fs";
import { join } from "path";
import { isSendError } from "../../src/engine/errors";
import type { Cell } from "../../src/engine/types";
import { invoke, type HostValue } from "../../src/functions/wrapper";

type Expected = { rows: Cell[][] } | { error: string; message_contains: string[] };
interface Case {
  name: string;
  source?: string;
  expected: Expected;
  [arg: string]: unknown;
}

const load = (f: string) => JSON.parse(readFileSync(join(__dirname, "../cases", f), "utf8")) as Case[];

function check(result: unknown, expected: Expected) {
  if ("error" in expected) {
    if (!isSendError(result)) throw new Error(`expected ${expected.error}, got ${JSON.stringify(result)}`);
    expect(result.kind).toBe(expected.error);
    for (const s of expected.message_contains) expect(result.message).toContain(s);
    return;
  }
  if (isSendError(result)) throw new Error(`unexpected ${result.toString()}`);
  expect(result).toEqual(expected.rows);
}

const host = (v: unknown): HostValue => (v === null ? undefined : (v as HostValue));

describe("SEND.SUFFICIENCY worked examples", () => {
  const cases = load("sufficiency.json");
  test("the set covers results and errors", () => {
    expect(cases.filter((c) => "rows" in c.expected).length).toBeGreaterThanOrEqual(5);
    expect(cases.filter((c) => "error" in c.expected).length).toBeGreaterThanOrEqual(12);
  });
  test.each(cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const r = invoke("SUFFICIENCY", [host(c.forecast), host(c.capacity), host(c.overflow)]);
    check(
      r,
      "rows" in c.expected
        ? { rows: [["Year", "Breakdown", "Demand", "Places", "Gap"], ...c.expected.rows] }
        : c.expected,
    );
  });
});

describe("SEND.PROJECT with a forecast, worked examples", () => {
  const cases = load("project-demand.json");
  test.each(cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const r = invoke("PROJECT", [host(c.rates), host(c.option), host(c.forecast), host(c.history)]);
    check(
      r,
      "rows" in c.expected
        ? { rows: [["Year", "Income", "Spend", "In-year", "Cumulative"], ...c.expected.rows] }
        : c.expected,
    );
  });
});
