// SEND.FIT: the funding guarantee with capping and scaling, solved exactly.
//
// Every amount is multiplied by ONE common factor f ≥ 0 and clamped to its bounds:
//   result_i = clamp(a_i × f, lo_i, hi_i),  lo_i = baseline_i × (1 + floor),  hi_i = baseline_i × (1 + cap)
// and f is chosen so the results total `budget`. S(f) = Σ clamp(a_i f, lo_i, hi_i) is continuous, non-decreasing
// and piecewise linear, with breakpoints at lo_i / a_i and hi_i / a_i: we sort the breakpoints, walk the pieces and
// solve the one linear piece that reaches the budget (f = (budget − C) / A), in exact rational arithmetic.
//
// Arithmetic: every value is a scaled BigInt (scaled.ts): amounts at their common number of decimal places, bounds
// and results as whole numbers of `unit`. Sums and cross-products of 300,000 amounts stay exact without Decimal's
// cost (a Decimal per amount alone takes longer than the whole solve). Doubles only ever decide an order they
// are sure of: a comparison within 10^-12 of a tie, or of a value a double cannot hold, is made in BigInt.
//
// Rules (decided here; the contract is silent on them):
// - amounts: a blank (null) is 0 but keeps its row; a negative amount is #NUM! naming the row; no amounts is #VALUE!.
// - baseline absent: bounds are relative to the amounts themselves (baseline_i = a_i) when floor or cap is given,
//   otherwise there are no bounds. Baseline present: it must have as many rows as amounts (#VALUE! naming both);
//   a negative baseline is #NUM! naming the row.
// - a row whose baseline is blank or 0 (a new institution) has no bounds: it is neither protected nor capped.
// - floor absent → no lower bound (results ≥ 0); cap absent → no upper bound. floor and cap are fractions
//   (−0.005 is −0.5%), each at least −1; floor > cap is #NUM!.
// - a row with amount 0 is not scaled: it gets its floor (its lower bound, 0 when it has none).
// - bounds are rounded inward to `unit` BEFORE solving: the protection is rounded up and the cap down, so every
//   rounded result is within baseline × (1 + floor) … baseline × (1 + cap) exactly. A row whose bounds hold no
//   multiple of `unit` (e.g. floor = cap on a baseline of £10.005) is #NUM! naming the row.
// - budget is rounded to `unit` first (as every money amount is), so floating-point noise from an Excel SUM is
// harmless.
//   A budget outside the reachable range (Σ lower bounds … Σ upper bounds of rows that can move) is #NUM! stating
//   the range in pounds.
// - results are rounded to `unit` (default £0.01) by largest remainder: every result is its exact value rounded
//   down or up to the unit, exactly as many are rounded up as the budget needs, largest remainders first, ties to
//   the earlier row. Results therefore total the budget exactly and are deterministic.
// - f is the smallest factor reaching the budget (0 when the budget equals the sum of the floors).
// - status: 'protected' when a_i × f is below the floor (raised to it), 'capped' when above the cap (cut to it),
//   'scaled' otherwise.
import { D, type Dec, PENNY, roundMoney } from "./money";
import { E, attempt, fail, isSendError, type SendError } from "./errors";
import { MAX_K, toDouble } from "./fast/exact";
import { ceilDiv, commonScale, decOf, formatScaled, pow10, scaledOf, type Scaled } from "./scaled";

export type FitStatus = "protected" | "capped" | "scaled";

/** An amount or baseline: a Decimal, a number (the decimal String(x) shows, as `new Decimal(x)` reads it) or blank. */
export type FitValue = Dec | number | null;

export interface FitOptions {
  baseline?: readonly FitValue[] | null;
  floor?: Dec | null;
  cap?: Dec | null;
  /** rounding unit for the results, default £0.01 */
  unit?: Dec | null;
}

export interface FitResult {
  /** each result as a whole number of `unit`s (fitResults and fitNumbers turn them into money) */
  units: bigint[];
  unit: Dec;
  /** the common factor f (rounded to 40 significant digits) */
  factor: Dec;
  status: FitStatus[];
}

/** The rows as scaled integers: amount a_i = A[i] / 10^kA; bounds in whole units (H[i] null when uncapped). */
interface Rows {
  A: bigint[];
  kA: number;
  L: bigint[];
  H: (bigint | null)[];
}

export function fit(amounts: readonly FitValue[], budget: Dec, opts: FitOptions = {}): Dec[] | SendError {
  const r = fitDetailed(amounts, budget, opts);
  return isSendError(r) ? r : fitResults(r);
}

export function fitDetailed(amounts: readonly FitValue[], budget: Dec, opts: FitOptions = {}): FitResult | SendError {
  return attempt(() => solve(amounts, budget, opts));
}

/** The results as Decimals. */
export function fitResults(r: FitResult): Dec[] {
  const u = scaledOf(r.unit);
  return r.units.map((n) => decOf(n * u.m, u.k));
}

/** The results as the doubles `Decimal#toNumber()` gives for them, without building a Decimal per row. */
export function fitNumbers(r: FitResult): number[] {
  const u = scaledOf(r.unit);
  return r.units.map((n) => {
    const m = n * u.m;
    return u.k <= MAX_K && m <= MAX_SAFE ? toDouble(Number(m), u.k) : Number(formatScaled(m, u.k));
  });
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function solve(amounts: readonly FitValue[], budget: Dec, opts: FitOptions): FitResult {
  const unitD = opts.unit ?? PENNY;
  const floor = opts.floor ?? null;
  const cap = opts.cap ?? null;
  const baseline = opts.baseline ?? null;
  if (unitD.lte(0)) raise(E.argRange("unit", unitD.toFixed(), "more than 0"));
  if (floor && floor.lt(-1)) raise(E.argRange("floor", floor.toFixed(), "-1 or more (a fraction: -0.005 is -0.5%)"));
  if (cap && cap.lt(-1)) raise(E.argRange("cap", cap.toFixed(), "-1 or more (a fraction: 0.05 is 5%)"));
  if (floor && cap && floor.gt(cap)) raise(E.floorAboveCap(floor.toFixed(), cap.toFixed()));
  if (amounts.length === 0) raise(E.noValues("amounts", "give one amount per row"));
  if (baseline && baseline.length !== amounts.length)
    raise(E.lengthMismatch("amounts", "baseline", amounts.length, baseline.length));

  const unit = scaledOf(unitD);
  const rows = makeRows(amounts, baseline, floor, cap, unit, unitD);
  const Bd = roundMoney(budget, unitD);
  const B = wholeUnits(scaledOf(Bd), unit);
  const money = (units: bigint) => pounds(decOf(units * unit.m, unit.k), unitD);

  // Reachable range: every row at its floor (f = 0) … every row that can move at its cap.
  const { A, L, H } = rows;
  let sMin = 0n;
  let sMax: bigint | null = 0n;
  for (let i = 0; i < A.length; i++) {
    sMin += L[i];
    if (sMax !== null) sMax = A[i] === 0n ? sMax + L[i] : H[i] === null ? null : sMax + (H[i] as bigint);
  }
  if (B < sMin || (sMax !== null && B > sMax)) {
    const why = A.every((a) => a === 0n) ? " All amounts are 0, so scaling cannot change them." : "";
    raise(E.budgetUnreachable(money(B), money(sMin), sMax === null ? null : money(sMax), why));
  }

  const [N, Dn] = B === sMin ? [0n, 1n] : solveFactor(rows, B, sMin);
  const { units, status } = place(rows, N, Dn, B);
  // Row i's value in units is A[i] × N / Dn = a_i × f / unit, so f = N × 10^kA × unit / Dn.
  const factor = new D((N * pow10(rows.kA) * unit.m).toString()).div(new D((Dn * pow10(unit.k)).toString()));
  return { units, unit: unitD, factor, status };
}

/** Parses every row, checks it (row by row, in order: amount, baseline, bounds) and bounds it in whole units. */
function makeRows(
  amounts: readonly FitValue[],
  baseline: readonly FitValue[] | null,
  floor: Dec | null,
  cap: Dec | null,
  unit: Scaled,
  unitD: Dec,
): Rows {
  const n = amounts.length;
  const { m: a, k: kA } = commonScale(amounts);
  const A = a.map((v) => v ?? 0n);
  // without a baseline, floor and cap are relative to the amounts themselves
  const b = baseline ? commonScale(baseline) : null;
  const kB = b ? b.k : kA;
  const bounded = b !== null || floor !== null || cap !== null;
  const Bm = b ? b.m : A;
  // bound_i = baseline_i × (1 + rate) / unit = Bm_i × (10^kr + mr) × 10^ku / (10^(kB + kr) × mu)
  const bound = (rate: Dec | null) => {
    if (rate === null) return null;
    const r = scaledOf(rate);
    const times = pow10(r.k) + r.m;
    return { times, num: times * pow10(unit.k), den: pow10(kB + r.k) * unit.m, k: kB + r.k };
  };
  const lo = bound(floor);
  const hi = bound(cap);
  const L: bigint[] = new Array<bigint>(n);
  const H: (bigint | null)[] = new Array<bigint | null>(n);
  for (let i = 0; i < n; i++) {
    if (A[i] < 0n) raise(E.argRange(`amounts row ${i + 1}`, formatScaled(A[i], kA), "0 or more"));
    const bi = bounded ? Bm[i] : null;
    if (b && bi !== null && bi < 0n) raise(E.argRange(`baseline row ${i + 1}`, formatScaled(bi, kB), "0 or more"));
    // a row with no baseline, or a zero one (a new institution), has no bounds
    if (bi === null || bi === 0n) {
      L[i] = 0n;
      H[i] = null;
      continue;
    }
    L[i] = lo ? ceilDiv(bi * lo.num, lo.den) : 0n; // the protection rounds up …
    H[i] = hi ? (bi * hi.num) / hi.den : null; // … and the cap down, so both hold after rounding
    if (H[i] !== null && L[i] > (H[i] as bigint)) {
      const exactLo = lo ? formatScaled(bi * lo.times, lo.k) : "0";
      const exactHi = formatScaled(bi * (hi as { times: bigint }).times, (hi as { k: number }).k);
      raise(E.noRoomInBounds(`${b ? "baseline" : "amounts"} row ${i + 1}`, exactLo, exactHi, unitD.toFixed()));
    }
  }
  return { A, kA, L, H };
}

/** v / unit for a v that is a whole number of units. */
function wholeUnits(v: Scaled, unit: Scaled): bigint {
  const k = Math.max(v.k, unit.k);
  return (v.m * pow10(k - v.k)) / (unit.m * pow10(k - unit.k));
}

/**
 * Walk the pieces of S(t) = C + A t (t in units per scaled amount) in order of their breakpoints and return
 * t = N / Dn on the piece that reaches B. Precondition: sMin < B ≤ sMax.
 */
function solveFactor(rows: Rows, B: bigint, sMin: bigint): [bigint, bigint] {
  const { A, L, H } = rows;
  // event e = 2 × row + 0 where the row leaves its floor (starts to scale), + 1 where it reaches its cap
  const events: number[] = [];
  for (let i = 0; i < A.length; i++) {
    if (A[i] === 0n) continue;
    events.push(2 * i);
    if (H[i] !== null) events.push(2 * i + 1);
  }
  const p = (e: number): bigint => (e % 2 === 0 ? L[e / 2] : (H[(e - 1) / 2] as bigint));
  const q = (e: number): bigint => A[Math.floor(e / 2)];
  const order = breakpointOrder(2 * A.length, events, p, q);
  events.sort(order);

  let C = sMin; // S(0) = Σ lo: every row starts at its floor
  let slope = 0n;
  for (let k = 0; k < events.length;) {
    const e = events[k];
    const pe = p(e);
    const qe = q(e);
    // On the piece ending at t = p / q, S = C + slope t; has it reached B by t? (× q > 0 to stay exact)
    if (C * qe + slope * pe >= B * qe) return [B - C, slope]; // slope > 0: S(previous t) < B
    for (; k < events.length && order(events[k], e) === 0; k++) {
      const g = events[k];
      const row = Math.floor(g / 2);
      if (g % 2 === 0) {
        slope += A[row];
        C -= L[row];
      } else {
        slope -= A[row];
        C += H[row] as bigint;
      }
    }
  }
  if (slope <= 0n) throw new Error("fit: budget above the reachable range after the range check"); // cannot happen
  return [B - C, slope];
}

/**
 * The exact order of breakpoints p(e) / q(e) (p ≥ 0, q > 0). A double decides only when the two are further apart
 * than its rounding could move them (each key is within 4 × 10^-16 of the true ratio); otherwise BigInt decides.
 */
function breakpointOrder(
  size: number,
  events: readonly number[],
  p: (e: number) => bigint,
  q: (e: number) => bigint,
): (e: number, g: number) => number {
  const keys = new Float64Array(size);
  for (const e of events) {
    const k = Number(p(e)) / Number(q(e));
    keys[e] = Number.isFinite(k) && (k === 0 || k > 1e-300) ? k : NaN; // NaN: this one is compared exactly
  }
  return (e, g) => {
    const ke = keys[e];
    const kg = keys[g];
    const d = ke - kg;
    if (d > 1e-12 * ke || -d > 1e-12 * kg) return d; // false for NaN
    const x = p(e) * q(g);
    const y = p(g) * q(e);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

/** Evaluate every row at t = N / Dn and round to whole units by largest remainder. */
function place(rows: Rows, N: bigint, Dn: bigint, B: bigint): { units: bigint[]; status: FitStatus[] } {
  const { A, L, H } = rows;
  const n = A.length;
  const units = new Array<bigint>(n);
  const status = new Array<FitStatus>(n);
  // A scaled row's exact value is A × N / Dn units: a whole part and a remainder over the one denominator Dn.
  const fractional: number[] = [];
  const rem: bigint[] = [];
  let placed = 0n;
  for (let i = 0; i < n; i++) {
    const v = A[i] * N;
    const hi = H[i];
    if (v < L[i] * Dn) {
      status[i] = "protected";
      units[i] = L[i];
    } else if (hi !== null && v > hi * Dn) {
      status[i] = "capped";
      units[i] = hi;
    } else {
      status[i] = "scaled";
      const w = v / Dn; // values are ≥ 0, so truncation is floor
      units[i] = w;
      const r = v - w * Dn;
      if (r > 0n) {
        fractional.push(i);
        rem.push(r);
      }
    }
    placed += units[i];
  }
  const short = Number(B - placed); // units still to place: the sum of the fractions
  if (short < 0 || short > fractional.length) throw new Error("fit: remainders do not add up"); // cannot happen
  for (const i of largestRemainders(fractional, rem, short)) units[i] += 1n;
  return { units, status };
}

/**
 * The `count` rows with the largest remainders, ties to the earlier row. Number(bigint) is monotone, so only the
 * rows whose double equals the cut-off's need comparing in BigInt.
 */
function largestRemainders(rowsOf: readonly number[], rem: readonly bigint[], count: number): number[] {
  if (count === 0) return [];
  if (count === rowsOf.length) return rowsOf.slice();
  const keys = Float64Array.from(rem, Number);
  const cut = Float64Array.from(keys).sort()[keys.length - count];
  const chosen: number[] = [];
  const atCut: number[] = [];
  keys.forEach((key, j) => {
    if (key > cut) chosen.push(rowsOf[j]);
    else if (key === cut) atCut.push(j);
  });
  atCut.sort((x, y) => (rem[x] > rem[y] ? -1 : rem[x] < rem[y] ? 1 : x - y)); // rowsOf is ascending
  for (const j of atCut.slice(0, count - chosen.length)) chosen.push(rowsOf[j]);
  return chosen;
}

function raise(e: SendError): never {
  return fail(e.kind, e.message);
}

/** £1,234,567.89 (to 2 places, or the unit's places if finer). */
export function pounds(v: Dec, unit: Dec = PENNY): string {
  const dp = Math.max(2, unit.decimalPlaces());
  const [int, frac] = v.abs().toFixed(dp).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${v.isNeg() && !v.isZero() ? "-" : ""}£${grouped}${frac ? "." + frac : ""}`;
}
