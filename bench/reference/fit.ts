// The named baseline for SEND.FIT (bench scenario 8) and its test oracle: 0.2.0's decimal.js solver, precision 1000.
// src/engine/fit.ts solves the same rules in scaled BigInts; test/engine/fitReference.test.ts checks that every
// result, status, factor and error message is identical. Not shipped.
import { D, type Dec, PENNY, ZERO, roundMoney } from "../../src/engine/money";
import { E, attempt, fail, type SendError } from "../../src/engine/errors";
import { pounds } from "../../src/engine/fit";

/**
 * Exact arithmetic: sums and cross-products of many 40-digit inputs must never be rounded, so the solver works in a
 * clone with room for them. It only ever divides to a whole number (divToInt, exact); the one true division (the
 * factor reported) is done in `D`.
 */
const X = D.clone({ precision: 1000 });
const x = (d: Dec): Dec => new X(d);

export type FitStatus = "protected" | "capped" | "scaled";

export interface FitOptions {
  baseline?: readonly (Dec | null)[] | null;
  floor?: Dec | null;
  cap?: Dec | null;
  /** rounding unit for the results, default £0.01 */
  unit?: Dec | null;
}

export interface FitResult {
  results: Dec[];
  /** the common factor f (rounded to 40 significant digits) */
  factor: Dec;
  status: FitStatus[];
}

interface Row {
  a: Dec;
  /** lower bound, a multiple of unit (0 when none) */
  lo: Dec;
  /** upper bound, a multiple of unit; null when none */
  hi: Dec | null;
}

/** A breakpoint t = p / q (q > 0) where the slope A and constant C of S(f) = C + A f change. */
interface Breakpoint {
  p: Dec;
  q: Dec;
  dA: Dec;
  dC: Dec;
}

export function fitDetailed(
  amounts: readonly (Dec | null)[],
  budget: Dec,
  opts: FitOptions = {},
): FitResult | SendError {
  return attempt(() => solve(amounts, budget, opts));
}

function solve(amounts: readonly (Dec | null)[], budget: Dec, opts: FitOptions): FitResult {
  const unit = x(opts.unit ?? PENNY);
  const floor = opts.floor ?? null;
  const cap = opts.cap ?? null;
  const baseline = opts.baseline ?? null;
  if (unit.lte(0)) raise(E.argRange("unit", plain(unit), "more than 0"));
  if (floor && floor.lt(-1)) raise(E.argRange("floor", plain(floor), "-1 or more (a fraction: -0.005 is -0.5%)"));
  if (cap && cap.lt(-1)) raise(E.argRange("cap", plain(cap), "-1 or more (a fraction: 0.05 is 5%)"));
  if (floor && cap && floor.gt(cap)) raise(E.floorAboveCap(plain(floor), plain(cap)));
  if (amounts.length === 0) raise(E.noValues("amounts", "give one amount per row"));
  if (baseline && baseline.length !== amounts.length)
    raise(E.lengthMismatch("amounts", "baseline", amounts.length, baseline.length));

  const rows = amounts.map((ai, i) => makeRow(ai, baseline ? baseline[i] : undefined, i, floor, cap, unit));
  const B = x(roundMoney(budget, unit));
  const money = (v: Dec) => pounds(v, unit);

  // Reachable range: every row at its floor (f = 0) … every row that can move at its cap.
  const sMin = sumX(rows.map((r) => r.lo));
  const unbounded = rows.some((r) => r.a.gt(0) && r.hi === null);
  const sMax = unbounded ? null : sumX(rows.map((r) => (r.a.gt(0) ? (r.hi as Dec) : r.lo)));
  if (B.lt(sMin) || (sMax !== null && B.gt(sMax))) {
    const why = rows.every((r) => r.a.isZero()) ? " All amounts are 0, so scaling cannot change them." : "";
    raise(E.budgetUnreachable(money(B), money(sMin), sMax === null ? null : money(sMax), why));
  }

  const [N, Dn] = B.eq(sMin) ? [new X(0), new X(1)] : solveFactor(rows, B, sMin);
  return place(rows, N, Dn, B, unit);
}

function makeRow(
  ai: Dec | null,
  bi: Dec | null | undefined,
  i: number,
  floor: Dec | null,
  cap: Dec | null,
  unit: Dec,
): Row {
  const a = x(ai ?? ZERO);
  if (a.lt(0)) raise(E.argRange(`amounts row ${i + 1}`, plain(a), "0 or more"));
  let b: Dec | null;
  if (bi !== undefined) {
    b = bi === null ? null : x(bi);
    if (b && b.lt(0)) raise(E.argRange(`baseline row ${i + 1}`, plain(b), "0 or more"));
  } else {
    b = floor || cap ? a : null;
  }
  if (!b || b.isZero()) return { a, lo: new X(0), hi: null };
  const exactLo = floor ? b.times(x(floor).plus(1)) : new X(0);
  const exactHi = cap ? b.times(x(cap).plus(1)) : null;
  const lo = ceilTo(exactLo, unit);
  const hi = exactHi === null ? null : floorTo(exactHi, unit);
  if (hi !== null && lo.gt(hi)) {
    const where = bi !== undefined ? `baseline row ${i + 1}` : `amounts row ${i + 1}`;
    raise(E.noRoomInBounds(where, plain(exactLo), plain(exactHi as Dec), plain(unit)));
  }
  return { a, lo, hi };
}

/**
 * Walk the pieces of S(f) = C + A f in order of their breakpoints and return f = N / Dn on the piece that reaches
 * B. Precondition: sMin < B ≤ sMax.
 */
function solveFactor(rows: Row[], B: Dec, sMin: Dec): [Dec, Dec] {
  const events: Breakpoint[] = [];
  for (const r of rows) {
    if (r.a.isZero()) continue;
    events.push({ p: r.lo, q: r.a, dA: r.a, dC: r.lo.neg() }); // leaves its floor: starts to scale
    if (r.hi !== null) events.push({ p: r.hi, q: r.a, dA: r.a.neg(), dC: r.hi }); // reaches its cap
  }
  const cmp = (e: Breakpoint, g: Breakpoint) => e.p.times(g.q).cmp(g.p.times(e.q));
  events.sort(cmp);

  let C = sMin; // S(0) = Σ lo: every row starts at its floor
  let A: Dec = new X(0);
  for (let k = 0; k < events.length;) {
    const { p, q } = events[k];
    // On the piece ending at t = p / q, S = C + A t; has it reached B by t? (× q > 0 to stay exact)
    if (C.times(q).plus(A.times(p)).gte(B.times(q))) return [B.minus(C), A]; // A > 0: S(previous t) < B
    for (; k < events.length && cmp(events[k], { p, q } as Breakpoint) === 0; k++) {
      A = A.plus(events[k].dA);
      C = C.plus(events[k].dC);
    }
  }
  if (A.lte(0)) throw new Error("fit: budget above the reachable range after the range check"); // cannot happen
  return [B.minus(C), A];
}

/** Evaluate every row at f = N / Dn and round to the unit by largest remainder. */
function place(rows: Row[], N: Dec, Dn: Dec, B: Dec, unit: Dec): FitResult {
  // Each exact result, in units, is P / Q: a bound is a whole number of units; a scaled row is a N / (Dn unit).
  const exact = rows.map((r) => {
    const v = r.a.times(N);
    if (v.lt(r.lo.times(Dn))) return { status: "protected" as const, P: r.lo, Q: unit };
    if (r.hi !== null && v.gt(r.hi.times(Dn))) return { status: "capped" as const, P: r.hi, Q: unit };
    return { status: "scaled" as const, P: v, Q: Dn.times(unit) };
  });
  const whole = exact.map((e) => e.P.divToInt(e.Q)); // values are ≥ 0, so truncation is floor
  const rem = exact.map((e, i) => e.P.minus(whole[i].times(e.Q)));
  const short = B.divToInt(unit).minus(sumX(whole)).toNumber(); // units still to place: Σ of the fractions
  const order = rows.map((_, i) => i).filter((i) => rem[i].gt(0));
  // largest remainder first (rem_i / Q_i compared exactly by cross-multiplying), ties to the earlier row
  order.sort((i, j) => rem[j].times(exact[i].Q).cmp(rem[i].times(exact[j].Q)) || i - j);
  if (short < 0 || short > order.length) throw new Error("fit: remainders do not add up"); // cannot happen
  const up = new Set(order.slice(0, short));
  const results = whole.map((w, i) => new D(w.plus(up.has(i) ? 1 : 0).times(unit)));
  const factor = new D(N).div(new D(Dn));
  return { results, factor, status: exact.map((e) => e.status) };
}

function raise(e: SendError): never {
  return fail(e.kind, e.message);
}

function sumX(xs: Dec[]): Dec {
  let acc: Dec = new X(0);
  for (const v of xs) acc = acc.plus(v);
  return acc;
}

/** Largest multiple of unit ≤ v (v ≥ 0). */
function floorTo(v: Dec, unit: Dec): Dec {
  return v.divToInt(unit).times(unit);
}

/** Smallest multiple of unit ≥ v (v ≥ 0). */
function ceilTo(v: Dec, unit: Dec): Dec {
  const f = floorTo(v, unit);
  return f.eq(v) ? f : f.plus(unit);
}

/** A number as written, never in exponent notation. */
function plain(v: Dec): string {
  return v.toFixed();
}
