// The worked cases of test/cases whose functions have no exact fast path (PROJECT, CHECK, FIT, DEFICIT, PAYBACK,
// REGISTER,
// APPRAISE, FORECAST), through the function layer: wrapper.invoke with the arguments a sheet would hand it
// (vectors as one-column ranges, blank cells as null, omitted arguments as undefined). These functions compute in
// Decimal only, so useExactPath does not reach them and each case runs once. The engine runners
// (test/engine/cases.test.ts, fit/deficit/payback/appraise/forecast.test.ts) run the same cases; expected values are
// checked as exactly (the JSON number is the exact figure, and the function returns it as that double).
import { readFileSync } from "fs";
import { join } from "path";
import { isSendError, type Cell, type Grid } from "../engine/api";
import { invoke, type HostValue } from "../../src/functions/wrapper";
import { APPRAISE_HEADER } from "../../src/functions/specs/appraise";
import { expectCaseError, type ExpectedError } from "../engine/expectCase";

type Num = number | null;
const load = <T>(f: string) =>
  (JSON.parse(readFileSync(join(__dirname, "../cases", f), "utf8")) as (T & { name: string })[]).map(
    (c) => [c.name, c] as const,
  );
const isErr = (x: unknown): x is ExpectedError =>
  typeof x === "object" && x !== null && !Array.isArray(x) && "error" in x;
/** An omitted argument (absent or null in the JSON) reaches the wrapper as undefined, as from a sheet. */
const arg = (v: unknown): HostValue => (v === null || v === undefined ? undefined : (v as HostValue));
/** A list of values entered down a column. */
const column = (v: Num[] | undefined): HostValue => (v === undefined ? undefined : v.map((x) => [x]));
function grid(r: unknown): Cell[][] {
  if (isSendError(r)) throw new Error(`unexpected ${r.toString()}`);
  if (!Array.isArray(r)) throw new Error(`expected a grid, got ${JSON.stringify(r)}`);
  return r as Cell[][];
}

describe("SEND.PROJECT worked examples (project.json) through wrapper.invoke", () => {
  type C = { rates: Grid; option: Cell; expected: { rows: (string | number)[][] } | ExpectedError };
  test.each(load<C>("project.json"))("%s", (_, c) => {
    const r = invoke("PROJECT", [c.rates, arg(c.option)]);
    if (isErr(c.expected)) return expectCaseError(r, c.expected);
    expect(grid(r)).toEqual([["Year", "Income", "Spend", "In-year", "Cumulative"], ...c.expected.rows]);
  });
});

describe("SEND.CHECK worked examples (check.json) through wrapper.invoke", () => {
  type Problem = { option: string; key: string; contains: string[] };
  type C = { rates: Grid; option: Cell; table?: Grid; expected: { problems: Problem[] } | ExpectedError };
  test.each(load<C>("check.json"))("%s", (_, c) => {
    const r = invoke("CHECK", [c.rates, arg(c.option), arg(c.table)]);
    if (isErr(c.expected)) return expectCaseError(r, c.expected);
    const problems = c.expected.problems;
    if (problems.length === 0) return expect(r).toBe("OK");
    const [header, ...rows] = grid(r);
    expect(header).toEqual(["Option", "Key", "Problem"]);
    expect(rows.map((p) => [p[0], p[1]])).toEqual(problems.map((p) => [p.option, p.key]));
    problems.forEach((p, i) => {
      for (const s of p.contains) expect(rows[i][2]).toContain(s);
    });
  });
});

describe("SEND.FIT worked examples (fit.json) through wrapper.invoke", () => {
  type Inputs = { amounts: Num[]; budget: number; baseline?: Num[]; floor?: number; cap?: number; unit?: number };
  type C = { inputs: Inputs; expected: number[] | ExpectedError };
  const all = load<C>("fit.json");
  // SEND.FIT has no unit argument (it fits to the penny): the cases with another unit are the engine's alone.
  const withUnit = all.filter(([, c]) => c.inputs.unit !== undefined);
  test("only the cases with a unit other than the penny are left to the engine runner", () => {
    expect(withUnit.every(([, c]) => c.inputs.unit !== 0.01)).toBe(true);
    expect(withUnit.length).toBeLessThanOrEqual(3);
  });
  test.each(all.filter(([, c]) => c.inputs.unit === undefined))("%s", (_, c) => {
    const { amounts, budget, baseline, floor, cap } = c.inputs;
    const r = invoke("FIT", [column(amounts), budget, column(baseline), arg(floor), arg(cap)]);
    if (isErr(c.expected)) return expectCaseError(r, c.expected);
    expect(grid(r)).toEqual(c.expected.map((n) => [n]));
  });
});

describe("SEND.DEFICIT worked examples (deficit.json) through wrapper.invoke", () => {
  type Inputs = { opening: number; income: Num[]; spend: Num[]; adjustments?: Num[] };
  type C = { inputs: Inputs; expected: number[][] | ExpectedError };
  test.each(load<C>("deficit.json"))("%s", (_, c) => {
    const { opening, income, spend, adjustments } = c.inputs;
    const r = invoke("DEFICIT", [opening, column(income), column(spend), column(adjustments)]);
    if (isErr(c.expected)) return expectCaseError(r, c.expected);
    expect(grid(r)).toEqual(c.expected);
  });
});

describe("SEND.PAYBACK worked examples (payback.json) through wrapper.invoke", () => {
  type Inputs = { investment: number; annual_saving: number; annual_cost?: number };
  type C = { inputs: Inputs; expected: number | ExpectedError };
  test.each(load<C>("payback.json"))("%s", (_, c) => {
    const { investment, annual_saving, annual_cost } = c.inputs;
    const r = invoke("PAYBACK", [investment, annual_saving, arg(annual_cost)]);
    if (isErr(c.expected)) return expectCaseError(r, c.expected);
    expect(r).toBe(c.expected);
  });
});

describe("SEND.APPRAISE worked examples (appraise.json) through wrapper.invoke", () => {
  type C = {
    inputs: {
      places: number;
      capital_per_place: number;
      place_cost: number;
      top_up: number;
      isp_fee: number;
      ramp?: number[];
      opening?: number;
      discount_rate?: number;
      years?: number;
    };
    expected:
      | ExpectedError
      | { npv: number; payback: number | null; presentValues?: number[]; savingPerPlace?: number; filled?: number[] };
  };
  test.each(load<C>("appraise.json"))("%s", (_, c) => {
    const i = c.inputs;
    const r = invoke("APPRAISE", [
      i.places,
      i.capital_per_place,
      i.place_cost,
      i.top_up,
      i.isp_fee,
      column(i.ramp),
      arg(i.opening),
      arg(i.discount_rate),
      arg(i.years),
    ]);
    if (isErr(c.expected)) return expectCaseError(r, c.expected);
    const g = grid(r);
    expect(g[0]).toEqual([...APPRAISE_HEADER]);
    const years = g.slice(1).filter((row) => typeof row[0] === "number");
    const line = (label: string) => g.find((row) => row[0] === label)?.[1];
    expect(line("NPV")).toBe(c.expected.npv);
    const payback = line("Discounted payback (years)");
    if (c.expected.payback === null) expect(payback).toBe(`not within ${years.length - 1} years`);
    else expect(payback).toBe(c.expected.payback);
    if (c.expected.presentValues) expect(years.slice(1).map((y) => y[5])).toEqual(c.expected.presentValues);
    if (c.expected.savingPerPlace !== undefined)
      expect(line("Saving per filled place a year")).toBe(c.expected.savingPerPlace);
    if (c.expected.filled) expect(years.map((y) => y[1])).toEqual(c.expected.filled);
  });
});

describe("SEND.FORECAST worked examples (forecast.json) through wrapper.invoke", () => {
  type Inputs = { history: Grid; horizon?: number; coverage?: number };
  type C = { inputs: Inputs; expected: { rows: [number, string, number][] } | ExpectedError };
  test.each(load<C>("forecast.json"))("%s", (_, c) => {
    const r = invoke("FORECAST", [c.inputs.history, arg(c.inputs.horizon), arg(c.inputs.coverage)]);
    if (isErr(c.expected)) return expectCaseError(r, c.expected);
    const [header, ...rows] = grid(r);
    expect(header).toEqual(["Year", "Breakdown", "Low", "Central", "High"]);
    expect(rows.map((x) => [x[0], x[1], x[3]])).toEqual(c.expected.rows);
    for (const [, , low, central, high] of rows as number[][]) expect(low <= central && central <= high).toBe(true);
  });
});

describe("SEND.REGISTER worked examples (register.json) through wrapper.invoke", () => {
  type C = {
    name: string;
    inputs: { first_year: number; years?: number; local_cost?: number };
    expected: (string | number | null)[][];
  };
  const data = JSON.parse(readFileSync(join(__dirname, "../cases", "register.json"), "utf8")) as {
    placements: Grid;
    cases: C[];
  };
  test.each(data.cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const i = c.inputs;
    const r = grid(invoke("REGISTER", [data.placements, i.first_year, arg(i.years), arg(i.local_cost)]));
    expect(r[0][0]).toBe("Year");
    expect(r.slice(1)).toEqual(c.expected);
  });
});
