// SEND.FIT in scaled BigInts (src/engine/fit.ts) against the decimal.js solver it replaced (bench/reference/fit.ts):
// the same results, statuses, factor and error message on random tables built to hit ties, long decimals, huge
// and tiny amounts, numbers as Excel passes them and Decimals as the engine holds them.
import fc from "fast-check";
import { D, type Dec } from "../../src/engine/money";
import { isSendError } from "../../src/engine/errors";
import { fitDetailed, fitNumbers, fitResults, type FitValue } from "../../src/engine/fit";
import { commonScale, formatScaled } from "../../src/engine/scaled";
import { fitDetailed as referenceFit } from "../../bench/reference/fit";

const money = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 10_000_000 }).map((p) => p / 100) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1000, 2500.5) }, // repeated values: ties between breakpoints
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 10 ** 9 }).map((p) => new D(p).div(7)) }, // 40-digit Decimals
  { weight: 1, arbitrary: fc.constantFrom(1e-9, 123456789012.34, 1e20, 3.3333333333333335) },
  { weight: 1, arbitrary: fc.constant(null) },
);
const rate = fc.option(
  fc.integer({ min: -1000, max: 200 }).map((k) => new D(k).div(1000)),
  { nil: undefined, freq: 3 },
);
const unit = fc.constantFrom(undefined, "0.01", "1", "0.05", "0.001").map((u) => (u ? new D(u) : undefined));

const key = (r: ReturnType<typeof fitDetailed> | ReturnType<typeof referenceFit>, results: Dec[] | null) =>
  isSendError(r)
    ? `${r.kind} ${r.message}`
    : JSON.stringify({ results: results?.map(String), status: r.status, factor: r.factor.toString() });

describe("SEND.FIT in scaled integers equals the decimal solver", () => {
  test("random tables, with and without baseline, floor, cap and unit", () => {
    let solved = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(money, money), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        rate,
        rate,
        unit,
        fc.integer({ min: -50, max: 1050 }),
        (pairs, withBaseline, floor, cap, u, pick) => {
          const amounts = pairs.map((p) => p[0]);
          const baseline = withBaseline ? pairs.map((p) => p[1]) : undefined;
          // a budget around the reachable range: sums of amounts and baselines, scaled by pick / 1000
          const total = pairs.reduce((t, [a, b]) => t.plus(a ?? 0).plus(b ?? 0), new D(0)).div(2);
          const budget = total.times(pick).div(1000);
          const opts = { baseline, floor, cap, unit: u };
          const dec = (v: FitValue) => (v === null || typeof v !== "number" ? v : new D(v));
          const mine = fitDetailed(amounts, budget, opts);
          const theirs = referenceFit(amounts.map(dec), budget, { ...opts, baseline: baseline?.map(dec) });
          const results = isSendError(mine) ? null : fitResults(mine);
          expect(key(mine, results)).toBe(key(theirs, isSendError(theirs) ? null : theirs.results));
          if (!isSendError(mine)) {
            solved++;
            expect(fitNumbers(mine)).toEqual(results!.map((d) => d.toNumber()));
          }
        },
      ),
      { numRuns: 1500, seed: 20261205 },
    );
    expect(solved).toBeGreaterThan(300);
  });

  test("5,000 rows where every breakpoint ties (no baseline, one floor and cap)", () => {
    const amounts = Array.from({ length: 5000 }, (_, i) => 1000 + (i % 3) * 1000);
    const budget = new D(amounts.reduce((t, a) => t + a, 0)).times("1.01");
    const opts = { floor: new D("-0.01"), cap: new D("0.02") };
    const mine = fitDetailed(amounts, budget, opts);
    const theirs = referenceFit(
      amounts.map((a) => new D(a)),
      budget,
      opts,
    );
    if (isSendError(mine) || isSendError(theirs)) throw new Error("unexpected error");
    expect(fitResults(mine).map(String)).toEqual(theirs.results.map(String));
    expect(mine.factor.toString()).toBe(theirs.factor.toString());
  });
});

describe("commonScale reads a number exactly as new Decimal(x) does", () => {
  test("any finite double, one at a time and beside others", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (x, y) => {
          const { m, k } = commonScale([x, y, null]);
          expect(formatScaled(m[0] as bigint, k)).toBe(new D(x).toFixed());
          expect(formatScaled(m[1] as bigint, k)).toBe(new D(y).toFixed());
          expect(m[2]).toBeNull();
        },
      ),
      { numRuns: 3000, seed: 42 },
    );
  });
});
