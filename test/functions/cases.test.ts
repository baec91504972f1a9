// Every worked case of test/cases that a SEND.* function computes, through the function layer (wrapper.invoke:
// argument coercion, range lifting, errors) on both paths: the exact fast path and, with it switched off, the
// decimal path. test/engine/cases.test.ts runs the same cases through the engine.
import { readdirSync, readFileSync, statSync } from "fs";
import { basename, join, relative } from "path";
import { D, isSendError, roundMoney, SendError, type Cell, type Grid } from "../engine/api";
import { Range } from "../../src/functions/args";
import { ratesAndOptionOf, useExactPath } from "../../src/functions/memory";
import { invoke, type HostValue } from "../../src/functions/wrapper";
import { option } from "../engine/pipeline";
import { expectCaseError } from "../engine/expectCase";

const ROOT = join(__dirname, "../cases");
type Err = { error: string; message_contains?: string[] };
type Case = { name: string } & Record<string, unknown>;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".json") ? [p] : [];
  });
}
const kindOf = (p: string) =>
  relative(ROOT, p).split(/[\\/]/).length > 1 ? relative(ROOT, p).split(/[\\/]/)[0] : basename(p, ".json");
const casesOf = (kind: string): [string, Case][] =>
  files(ROOT)
    .filter((p) => kindOf(p) === kind)
    .flatMap((p) =>
      (JSON.parse(readFileSync(p, "utf8")) as Case[]).map((c): [string, Case] => [
        `${relative(ROOT, p)}: ${c.name}`,
        c,
      ]),
    );

const isErr = (x: unknown): x is Err => typeof x === "object" && x !== null && "error" in x;

const expectError = expectCaseError;

/** A money cell: the exact figure as the double the function returns. */
function expectNumber(actual: unknown, expected: number, where: string) {
  if (actual !== expected)
    throw new Error(
      `${where}: expected ${expected}, got ${actual instanceof SendError ? actual.toString() : String(actual)}`,
    );
}

const PATHS = [
  ["exact", true],
  ["decimal", false],
] as const;

describe.each(PATHS)("worked cases through wrapper.invoke, %s path", (_path, exact) => {
  beforeAll(() => useExactPath(exact));
  afterAll(() => useExactPath(true));

  test("the path really is the one named", () => {
    const rates: Grid = [
      ["Factor", "A"],
      ["place.special", 10000],
    ];
    const ro = ratesAndOptionOf(new Range(rates, 2, 2), "A", "option");
    if (isSendError(ro)) throw new Error(ro.toString());
    expect(ro.compiled === null).toBe(!exact);
  });

  test.each(casesOf("allocate"))("ALLOCATE and BREAKDOWN: %s", (_, c) => {
    const args: HostValue[] = [c.rates as Grid, c.option as Cell, [c.fields as Cell[]], [c.values as Cell[]]];
    const total = invoke("ALLOCATE", args);
    const breakdown = invoke("BREAKDOWN", args);
    if (isErr(c.expected)) {
      expectError(total, c.expected);
      return expectError(breakdown, c.expected);
    }
    const e = c.expected as { total?: number; components?: Record<string, number> };
    if (e.total !== undefined) expectNumber(total, e.total, "ALLOCATE");
    if (isSendError(breakdown)) throw new Error(breakdown.toString());
    const rows = breakdown as Cell[][];
    if (e.total !== undefined) expectNumber(rows[rows.length - 1][2], e.total, "BREAKDOWN Total");
    for (const [name, amount] of Object.entries(e.components ?? {})) {
      expectNumber(rows.find((r) => r[0] === name)?.[2], amount, `BREAKDOWN ${name}`);
    }
  });

  test.each(casesOf("allocateall"))("ALLOCATEALL: %s", (_, c) => {
    const result = invoke("ALLOCATEALL", [c.rates as Grid, c.option as Cell, c.table as Grid]);
    if (isErr(c.expected)) return expectError(result, c.expected);
    const e = c.expected as { totals: (number | null | Err)[] };
    if (isSendError(result)) throw new Error(result.toString());
    const col = (result as unknown[][]).map((r) => r[0]);
    expect(col.length).toBe(e.totals.length);
    e.totals.forEach((t, i) => {
      if (t === null) expect(col[i]).toBeNull();
      else if (isErr(t)) expectError(col[i], t);
      else expectNumber(col[i], t, `row ${i + 1}`);
    });
  });

  test.each(casesOf("compare"))("COMPARE: %s", (_, c) => {
    const result = invoke("COMPARE", [c.rates as Grid, c.optionA as Cell, c.optionB as Cell, c.table as Grid]);
    if (isErr(c.expected)) return expectError(result, c.expected);
    const e = c.expected as { header: string[]; rows: unknown[][]; total: unknown[] };
    if (isSendError(result)) throw new Error(result.toString());
    const grid = result as unknown[][];
    expect(grid[0]).toEqual(e.header);
    expect(grid.length).toBe(e.rows.length + 2);
    [...e.rows, e.total].forEach((row, i) =>
      row.forEach((want, j) => {
        const got = grid[i + 1][j];
        if (want === null || typeof want === "string") expect(got).toBe(want);
        else if (isErr(want)) expect(isSendError(got) && got.kind).toBe(want.error);
        else if (j === 4)
          expect(Math.abs((got as number) - (want as number))).toBeLessThan(5e-14); // Change: a ratio
        else expectNumber(got, want as number, `row ${i + 1} col ${j + 1}`);
      }),
    );
  });

  test.each(casesOf("topup"))("TOPUP: %s", (_, c) => {
    const result = invoke("TOPUP", [c.rates as Grid, c.option as Cell, c.setting as Cell, c.band as Cell]);
    if (isErr(c.expected)) return expectError(result, c.expected);
    const opt = option(c.rates as Grid, c.option as Cell);
    if (isSendError(opt)) throw new Error(opt.toString());
    // a full year at fte 1: the rate, rounded to the option's round.to
    expectNumber(result, roundMoney(new D((c.expected as { rate: number }).rate), opt.roundTo).toNumber(), "TOPUP");
  });

  test.each(casesOf("band"))("BAND: %s", (_, c) => {
    const result = invoke("BAND", [c.rates as Grid, c.option as Cell, c.score as Cell]);
    if (isErr(c.expected)) return expectError(result, c.expected);
    expect(result).toBe((c.expected as { band: string }).band);
  });
});
