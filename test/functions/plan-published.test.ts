// Published council plan figures reproduced through the same functions as every plan: SEND.PLAN through the wrapper
// both hosts use (its DSG-wide rows) and the mitigations log's prudent totals (engine/mitigations.ts).
// Each case in test/cases/plan-published.json quotes its public source and says what had to be inferred.
import fs from "node:fs";
import path from "node:path";
import { isSendError } from "../engine/api";
import { mitigationTotals } from "../../src/engine/mitigations";
import { D } from "../../src/engine/money";
import type { Cell } from "../../src/engine/types";
import { invoke, type HostValue } from "../../src/functions/wrapper";

interface PublishedCase {
  name: string;
  source: string;
  published: string;
  modelled: string;
  rates: Cell[][];
  option: string;
  mitigations: {
    description: string;
    start: number;
    oneOff: number;
    recurring: number;
    savings: number[];
    confidence: number;
  }[];
  expected: {
    dsgInYear: number[];
    dsgCumulative: number[];
    mitigatedCumulative: number[];
    riskAdjustedCumulative: number[];
  };
}

const CASES = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../cases", "plan-published.json"), "utf8"),
) as PublishedCase[];

describe("published council plans reproduce through SEND.PLAN and the mitigations log", () => {
  test("there are at least two, each citing a public source and its own words", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(2);
    for (const c of CASES) {
      expect(c.source).toMatch(/^https?:\/\//);
      expect(c.published.length).toBeGreaterThan(20);
    }
  });

  test.each(CASES.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const spill = invoke("PLAN", [c.rates as HostValue, c.option]);
    if (isSendError(spill)) throw new Error(spill.message);
    const rows = spill as Cell[][];
    const row = (label: string) =>
      rows
        .find((r) => r[0] === label)!
        .slice(1)
        .map((v) => new D(v as number));
    const inYear = row("DSG in-year balance (all blocks)");
    const cumulative = row("DSG cumulative balance");
    const start = Number(c.rates.find((r) => r[0] === "proj.start")![1]);
    const log = c.mitigations.map((m) => ({
      ...m,
      owner: "",
      oneOff: new D(m.oneOff),
      recurring: new D(m.recurring),
      savings: m.savings.map((s) => new D(s)),
      confidence: new D(m.confidence),
    }));
    const totals = mitigationTotals(log, start, inYear.length);
    let mitigated = cumulative[0].minus(inYear[0]);
    let risk = mitigated;
    const got = inYear.map((x, k) => {
      mitigated = mitigated.plus(x).plus(totals[k].net);
      risk = risk.plus(x).plus(totals[k].riskAdjusted);
      return [x, cumulative[k], mitigated, risk].map((v) => v.toNumber());
    });
    expect({
      dsgInYear: got.map((g) => g[0]),
      dsgCumulative: got.map((g) => g[1]),
      mitigatedCumulative: got.map((g) => g[2]),
      riskAdjustedCumulative: got.map((g) => g[3]),
    }).toEqual(c.expected);
  });
});
