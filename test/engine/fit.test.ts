import fc from "fast-check";
import { D, type Dec, toNumber, roundMoney } from "../../src/engine/money";
import { isSendError } from "../../src/engine/errors";
import { expectCaseError } from "./expectCase";
import { fit, fitDetailed, fitNumbers, fitResults, pounds, type FitOptions } from "../../src/engine/fit";
import cases from "../cases/fit.json";

type Num = number | null;
interface FitCase {
  name: string;
  inputs: { amounts: Num[]; budget: number; baseline?: Num[]; floor?: number; cap?: number; unit?: number };
  expected: number[] | { error: string; message_contains: string };
  status?: string[];
  factor?: number;
  source?: string;
}

const dn = (v: Num) => (v === null ? null : new D(v));

function run(c: FitCase) {
  const { amounts, budget, baseline, floor, cap, unit } = c.inputs;
  const opts: FitOptions = {
    baseline: baseline?.map(dn),
    floor: floor === undefined ? undefined : new D(floor),
    cap: cap === undefined ? undefined : new D(cap),
    unit: unit === undefined ? undefined : new D(unit),
  };
  return {
    plain: fit(amounts.map(dn), new D(budget), opts),
    detailed: fitDetailed(amounts.map(dn), new D(budget), opts),
  };
}

describe("SEND.FIT worked examples (test/cases/fit.json)", () => {
  test.each((cases as unknown as FitCase[]).map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const { plain, detailed } = run(c);
    if (Array.isArray(c.expected)) {
      if (isSendError(plain) || isSendError(detailed)) throw new Error(`unexpected error: ${String(plain)}`);
      const want = c.expected.map((n) => new D(n).toString());
      expect(plain.map(String)).toEqual(want);
      expect(fitResults(detailed).map(String)).toEqual(want);
      expect(fitNumbers(detailed)).toEqual(fitResults(detailed).map(toNumber));
      if (c.status) expect(detailed.status).toEqual(c.status);
      if (c.factor !== undefined) expect(detailed.factor.toString()).toBe(new D(c.factor).toString());
    } else {
      expectCaseError(plain, c.expected);
    }
  });

  test("there are at least 12 worked examples", () => {
    expect((cases as unknown[]).length).toBeGreaterThanOrEqual(12);
  });
});

describe("pounds", () => {
  test("groups thousands, keeps pennies, signs negatives", () => {
    expect(pounds(new D("1234567.891"))).toBe("£1,234,567.89");
    expect(pounds(new D("-5"))).toBe("-£5.00");
    expect(pounds(new D("0.5"), new D("0.001"))).toBe("£0.500");
  });
});

describe("SEND.FIT exactness beyond doubles", () => {
  test("amounts with many digits still total the budget to the penny", () => {
    const amounts = ["0.1", "0.2", "0.3", "1234567.123456789", "1e-9", "333333333.333333333333"].map((s) => new D(s));
    const r = fit(amounts, new D("987654321.09"));
    if (isSendError(r)) throw new Error(r.toString());
    expect(r.reduce((a, b) => a.plus(b), new D(0)).toString()).toBe("987654321.09");
  });

  test("2,000 rows with floors and caps reach the budget exactly", () => {
    const n = 2000;
    const amounts = Array.from({ length: n }, (_, i) => new D(1000 + ((i * 7919) % 5000)));
    const baseline = Array.from({ length: n }, (_, i) => new D(1000 + ((i * 104729) % 5000)));
    const budget = baseline.reduce((a, b) => a.plus(b), new D(0));
    const r = fitDetailed(amounts, budget, { baseline, floor: new D("-0.005"), cap: new D("0.02") });
    if (isSendError(r)) throw new Error(r.toString());
    expect(
      fitResults(r)
        .reduce((a, b) => a.plus(b), new D(0))
        .eq(budget),
    ).toBe(true);
    const counts = { protected: 0, capped: 0, scaled: 0 };
    for (const s of r.status) counts[s]++;
    expect(counts.protected).toBeGreaterThan(0);
    expect(counts.capped).toBeGreaterThan(0);
  });
});

// ---- properties -------------------------------------------------------------------------------------------------

const pennies = (max: number) => fc.integer({ min: 0, max }).map((p) => new D(p).div(100));
const oddDecimal = fc.integer({ min: 0, max: 10 ** 9 }).map((p) => new D(p).div(7)); // long expansions
const amountArb = fc.oneof(
  { weight: 6, arbitrary: pennies(10_000_000) },
  { weight: 1, arbitrary: fc.constant(new D(0)) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: oddDecimal },
);
const baselineArb = fc.oneof(
  { weight: 8, arbitrary: pennies(10_000_000) },
  { weight: 1, arbitrary: fc.constant(new D(0)) },
  { weight: 1, arbitrary: fc.constant(null) },
);
const rate = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((k) => new D(k).div(1000));

const scenario = fc
  .record({
    n: fc.integer({ min: 1, max: 12 }),
    withBaseline: fc.boolean(),
    floor: fc.option(rate(-20, 30), { nil: undefined }),
    capGap: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    unit: fc.constantFrom("0.01", "0.01", "1", "0.05"),
    pick: fc.integer({ min: -50, max: 1100 }),
  })
  .chain((s) =>
    fc.record({
      s: fc.constant(s),
      amounts: fc.array(amountArb, { minLength: s.n, maxLength: s.n }),
      baseline: fc.array(baselineArb, { minLength: s.n, maxLength: s.n }),
      capAlone: rate(-10, 60),
    }),
  );

interface Oracle {
  lo: Dec;
  hi: Dec | null;
  exactLo: Dec;
  exactHi: Dec | null;
  a: Dec;
}

/** Independent statement of the bounds rules (header of fit.ts). null when some row has no room. */
function oracle(
  amounts: (Dec | null)[],
  baseline: (Dec | null)[] | undefined,
  floor?: Dec,
  cap?: Dec,
  unit = new D("0.01"),
) {
  const rows: Oracle[] = [];
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i] ?? new D(0);
    const b = baseline ? baseline[i] : floor || cap ? a : null;
    if (!b || b.isZero()) {
      rows.push({ a, lo: new D(0), hi: null, exactLo: new D(0), exactHi: null });
      continue;
    }
    const exactLo = floor ? b.times(floor.plus(1)) : new D(0);
    const exactHi = cap ? b.times(cap.plus(1)) : null;
    const lo = exactLo.div(unit).toDecimalPlaces(0, D.ROUND_CEIL).times(unit);
    const hi = exactHi && exactHi.div(unit).toDecimalPlaces(0, D.ROUND_FLOOR).times(unit);
    if (hi && lo.gt(hi)) return null;
    rows.push({ a, lo, hi, exactLo, exactHi });
  }
  const sMin = rows.reduce((s, r) => s.plus(r.lo), new D(0));
  const unbounded = rows.some((r) => r.a.gt(0) && !r.hi);
  const sMax = unbounded ? null : rows.reduce((s, r) => s.plus(r.a.gt(0) ? (r.hi as Dec) : r.lo), new D(0));
  return { rows, sMin, sMax };
}

describe("SEND.FIT properties (fast-check, seeded)", () => {
  test("succeeds exactly when the budget is reachable; then totals the budget, stays in bounds, scales by one factor", () => {
    let successes = 0;
    fc.assert(
      fc.property(scenario, ({ s, amounts, baseline, capAlone }) => {
        const unit = new D(s.unit);
        const floor = s.floor;
        const cap =
          s.capGap !== undefined ? (floor ?? new D(0)).plus(new D(s.capGap).div(1000)) : floor ? undefined : capAlone;
        const base = s.withBaseline ? baseline : undefined;
        const o = oracle(amounts, base, floor, cap, unit);
        const sum = amounts.reduce<Dec>((acc, a) => acc.plus(a ?? 0), new D(0));
        const budget = o
          ? o.sMin.plus((o.sMax ?? o.sMin.plus(sum.times(3)).plus(100)).minus(o.sMin).times(s.pick).div(1000))
          : sum;
        const r = fitDetailed(amounts, budget, { baseline: base, floor, cap, unit });
        const B = roundMoney(budget, unit);
        const reachable = o !== null && B.gte(o.sMin) && (o.sMax === null || B.lte(o.sMax));
        if (!reachable) {
          expect(isSendError(r) && r.kind).toBe("#NUM!");
          return;
        }
        if (isSendError(r)) throw new Error(`unexpected ${r.toString()}`);
        successes++;
        const { status, factor } = r;
        const results = fitResults(r);
        expect(results).toHaveLength(amounts.length);
        // totals the budget to the penny
        expect(results.reduce((acc, v) => acc.plus(v), new D(0)).toString()).toBe(B.toString());
        results.forEach((v, i) => {
          const row = o!.rows[i];
          expect(Number.isFinite(toNumber(v))).toBe(true);
          expect(v.mod(unit).isZero()).toBe(true);
          // within the exact (unrounded) bounds
          expect(v.gte(row.exactLo)).toBe(true);
          if (row.exactHi) expect(v.lte(row.exactHi)).toBe(true);
          // one common factor: result = clamp(a f, lo, hi), to within one unit
          const ideal = D.max(row.lo, row.hi ? D.min(row.a.times(factor), row.hi) : row.a.times(factor));
          expect(v.minus(ideal).abs().lt(unit)).toBe(true);
          if (status[i] === "protected") expect(v.eq(row.lo)).toBe(true);
          if (status[i] === "capped") expect(v.eq(row.hi as Dec)).toBe(true);
        });
        expect(Number.isFinite(toNumber(factor)) && factor.gte(0)).toBe(true);
        // monotone: among scaled rows a larger amount never gets less; equal amounts differ by at most the
        // unit, the earlier row getting the spare one
        const scaled = results.map((_, i) => i).filter((i) => status[i] === "scaled");
        for (const i of scaled)
          for (const j of scaled) {
            if (i >= j) continue;
            const ai = o!.rows[i].a,
              aj = o!.rows[j].a;
            if (ai.lt(aj)) expect(results[i].lte(results[j])).toBe(true);
            if (ai.gt(aj)) expect(results[i].gte(results[j])).toBe(true);
            if (ai.eq(aj)) {
              expect(results[i].gte(results[j])).toBe(true);
              expect(results[i].minus(results[j]).lte(unit)).toBe(true);
            }
          }
      }),
      { numRuns: 400, seed: 20240401 },
    );
    expect(successes).toBeGreaterThan(100); // the generator really exercises the success path
  });

  test("results preserve the order of amount / baseline ratios among scaled rows (up to one unit of rounding)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            pennies(1_000_000).filter((a) => a.gt(0)),
            pennies(1_000_000).filter((b) => b.gt(100)),
          ),
          { minLength: 2, maxLength: 10 },
        ),
        fc.integer({ min: 0, max: 1000 }),
        (pairs, pick) => {
          const amounts = pairs.map((p) => p[0]);
          const baseline = pairs.map((p) => p[1]);
          const floor = new D("-0.005"),
            cap = new D("0.03");
          const o = oracle(amounts, baseline, floor, cap)!;
          const budget = o.sMin.plus(o.sMax!.minus(o.sMin).times(pick).div(1000));
          const r = fitDetailed(amounts, budget, { baseline, floor, cap });
          if (isSendError(r)) throw new Error(r.toString());
          const results = fitResults(r);
          const scaled = results.map((_, i) => i).filter((i) => r.status[i] === "scaled");
          const penny = new D("0.01");
          for (const i of scaled)
            for (const j of scaled) {
              const ri = amounts[i].div(baseline[i]),
                rj = amounts[j].div(baseline[j]);
              if (ri.lt(rj)) {
                // r_i / b_i ≤ r_j / b_j, allowing each result its rounding penny
                expect(results[i].minus(penny).div(baseline[i]).lte(results[j].plus(penny).div(baseline[j]))).toBe(
                  true,
                );
              }
            }
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });

  test("floor above cap is always #NUM!", () => {
    fc.assert(
      fc.property(
        rate(-50, 50),
        fc.integer({ min: 1, max: 50 }),
        fc.array(pennies(100000), { minLength: 1, maxLength: 5 }),
        (cap, gap, amounts) => {
          const r = fit(amounts, new D(100), { floor: cap.plus(new D(gap).div(1000)), cap });
          expect(isSendError(r) && r.kind).toBe("#NUM!");
        },
      ),
      { numRuns: 200, seed: 11 },
    );
  });
});
