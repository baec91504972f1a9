// The exact fast path's arithmetic: a value is m / 10^k with m a safe integer (|m| ≤ 2^53 − 1) held in a
// plain double and 0 ≤ k ≤ 22 (10^k is then an exact double). Every product, sum and rescaling is checked:
// a result outside the safe range becomes NaN, and NaN spreads through everything after it, so a caller
// only has to test its final answer and run the decimal.js path when it is NaN. Within the safe range
// doubles hold integers exactly, so nothing here ever rounds except `divRound`, on purpose.
//
// Why the results equal decimal.js (precision 40, half-up):
// - inputs are parsed from String(x), exactly as `new Decimal(x)` does;
// - a product or sum of safe integers has at most 16 significant digits, so decimal.js computes it exactly
//   too (every partial product of safe factors ≥ 1 is no larger than the whole; a zero factor gives 0 in both);
// - `roundUnits` rounds the exact rational num/den (both < 2^53) once; decimal.js divides twice at 40 digits,
//   which moves a quotient below 2^53 by < 10^-23, while a non-tie is at least 1/(2·den) > 5·10^-17 from the
//   nearest tie, and a true tie is a short terminating decimal that both compute exactly (README.md here).
import type { Dec } from "../money";

export const MAX = Number.MAX_SAFE_INTEGER;
/** 10^0 … 10^22: the powers of ten that are exact doubles. */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
export const MAX_K = 22;

/** x when it is a safe integer's value, else NaN (NaN stays NaN). */
export function safe(x: number): number {
  return x <= MAX && x >= -MAX ? x : NaN;
}

/** m × 10^d, checked (d ≥ 0). */
export function scaleUp(m: number, d: number): number {
  if (d === 0 || m === 0) return m;
  return d > MAX_K ? NaN : safe(m * POW10[d]);
}

/** A value m / 10^k being built by checked sums and products; m is NaN once anything left the exact range. */
export class Acc {
  m = 0;
  k = 0;

  set(m: number, k: number): this {
    this.m = m;
    this.k = k;
    return this;
  }

  /** += m / 10^k */
  add(m: number, k: number): this {
    if (k === this.k) this.m = safe(this.m + m);
    else if (k > this.k) {
      this.m = safe(scaleUp(this.m, k - this.k) + m);
      this.k = k;
    } else this.m = safe(this.m + scaleUp(m, this.k - k));
    return this;
  }

  /** ×= m / 10^k */
  mul(m: number, k: number): this {
    this.m = safe(this.m * m);
    this.k += k;
    return this;
  }

  /** max(0, this); NaN stays NaN. */
  atLeastZero(): this {
    if (this.m < 0) this.m = 0;
    return this;
  }
}

/** Compares a / 10^ak with b / 10^bk: negative, zero or positive; NaN when they cannot be aligned. */
export function cmp(am: number, ak: number, bm: number, bk: number): number {
  if (ak === bk) return am - bm;
  return ak > bk ? am - scaleUp(bm, ak - bk) : scaleUp(am, bk - ak) - bm;
}

/** round(num / den) half away from zero, exactly (den > 0; both safe, else NaN). */
export function divRound(num: number, den: number): number {
  const a = num < 0 ? -num : num;
  const n2 = safe(safe(a * 2) + den);
  const d2 = safe(den * 2);
  const r = n2 % d2;
  const q = (n2 - r) / d2;
  return num < 0 ? 0 - q : q;
}

/**
 * The engine's `roundMoney(annual × months / 12, unit)` in units of `unit`: annual = am / 10^ak,
 * months = mm / 10^mk, unit = um / 10^uk (um > 0). Exact; NaN when a step leaves the safe range.
 */
export function roundUnits(am: number, ak: number, mm: number, mk: number, um: number, uk: number): number {
  if (am === 0) return 0;
  let num: number;
  let den: number;
  if (mm === 12 && mk === 0) {
    num = am; // a full year: the twelves cancel
    den = um;
  } else {
    num = safe(am * mm);
    den = safe(um * 12);
  }
  const e = uk - ak - mk;
  if (e > 0) num = scaleUp(num, e);
  else if (e < 0) den = scaleUp(den, -e);
  return divRound(num, den);
}

/** The double nearest to m / 10^k (IEEE division of two exact doubles is correctly rounded: the same
 *  double as Decimal#toNumber of that value). */
export function toDouble(m: number, k: number): number {
  return k === 0 ? m : m / POW10[k];
}

// ------------------------------------------------------------------ parsing

/** Where a parse puts its value m / 10^k: the caller's own (an Acc, a row's scratch), so nothing allocates. */
export interface Scaled {
  m: number;
  k: number;
}

/**
 * Parses a plain decimal numeral ("-12.50", "1.5e-7", "3e+21"; digits only, as String(number) and
 * Decimal#toFixed write them) into `out`. False when the value is not m / 10^k with m safe and k ≤ 22.
 */
export function parseNumeral(s: string, out: Scaled): boolean {
  let i = 0;
  let neg = false;
  if (s.charCodeAt(0) === 45) {
    neg = true;
    i = 1;
  }
  let digits = "";
  let frac = 0;
  let seenDot = false;
  let exp = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits += s[i];
      if (seenDot) frac++;
    } else if (c === 46 && !seenDot) seenDot = true;
    else if (c === 101 || c === 69) {
      exp = Number(s.slice(i + 1));
      if (!Number.isInteger(exp)) return false;
      break;
    } else return false;
  }
  if (digits === "") return false;
  // trailing zeros of the fraction carry no value: 1.50 is 15 / 10
  let end = digits.length;
  let k = frac - exp;
  while (k > 0 && end > 1 && digits.charCodeAt(end - 1) === 48) {
    end--;
    k--;
  }
  let m = Number(digits.slice(0, end));
  if (!(m <= MAX)) return false; // also rejects a numeral too long to be an exact integer
  if (k < 0) {
    m = scaleUp(m, -k);
    if (m !== m) return false;
    k = 0;
  }
  if (k > MAX_K) {
    if (m !== 0) return false;
    k = 0;
  }
  out.m = neg ? -m : m;
  out.k = m === 0 ? 0 : k;
  return true;
}

/** Below this, no two numerals with the same number of decimal places round to one double (their spacing 10^-k is
 * more than an ulp of m / 10^k when m < 2^51). */
const SHORT = 2 ** 51;

/**
 * Parses a finite JS number the way `new Decimal(x)` reads it (its shortest round-trip string) into `out`.
 * Safe integers take no detour, and nor do short decimals (0.5, 8.5, 0.125): the fewest places k at which
 * m = round(|x| × 10^k) gives back x (m / 10^k, correctly rounded, is x) are String(x)'s own digits, because
 * while m < 2^51 that m is the only numeral of k places that rounds to x, and no numeral of fewer places does.
 */
export function parseNumber(x: number, out: Scaled): boolean {
  if (Number.isInteger(x) && x <= MAX && x >= -MAX) {
    out.m = x;
    out.k = 0;
    return true;
  }
  const a = x < 0 ? -x : x;
  for (let k = 1; k <= 15; k++) {
    const m = Math.round(a * POW10[k]);
    if (!(m < SHORT)) break;
    if (m / POW10[k] === a) {
      out.m = x < 0 ? -m : m;
      out.k = k;
      return true;
    }
  }
  return Number.isFinite(x) && parseNumeral(String(x), out);
}

/** Parses a Decimal into `out` (false when it is not m / 10^k with m safe and k ≤ 22). */
export function parseDec(d: Dec, out: Scaled): boolean {
  if (!d.isFinite()) return false;
  if (d.isZero()) {
    out.m = 0;
    out.k = 0;
    return true;
  }
  // ≤ 15 significant digits survive a trip through a double unchanged, and that trip is cheap
  if (d.sd() <= 15) {
    const x = d.toNumber();
    if (x !== 0 && Number.isFinite(x)) return parseNumber(x, out);
  }
  if (d.decimalPlaces() > MAX_K || d.abs().gt(MAX)) return false;
  return parseNumeral(d.toFixed(), out);
}
