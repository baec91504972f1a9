// Exact decimals as scaled BigInts: a value is m / 10^k (k ≥ 0). For a solver whose cross-products outgrow both
// doubles and Decimal's 40 digits (SEND.FIT multiplies sums of 300,000 amounts together), BigInt keeps every value
// exact and costs a fraction of a Decimal. Inputs are read exactly as `new Decimal(x)` reads them.
import { D, type Dec } from "./money";
import { MAX_K, POW10 } from "./fast/exact";

export interface Scaled {
  m: bigint;
  k: number;
}

const POW10_BIG: bigint[] = [1n];

/** 10^k as a BigInt (k ≥ 0), cached. */
export function pow10(k: number): bigint {
  while (POW10_BIG.length <= k) POW10_BIG.push(POW10_BIG[POW10_BIG.length - 1] * 10n);
  return POW10_BIG[k];
}

/** x exactly: a number as String(x) shows it (what `new Decimal(x)` parses), a Decimal as it holds it. */
export function scaledOf(x: Dec | number): Scaled {
  let s = typeof x === "number" ? String(x) : x.toFixed();
  if (s.includes("e")) s = new D(x).toFixed(); // 1e-7, 1e+21: written out in full
  const neg = s.startsWith("-");
  if (neg) s = s.slice(1);
  const dot = s.indexOf(".");
  const m = BigInt(dot < 0 ? s : s.slice(0, dot) + s.slice(dot + 1));
  return { m: neg ? -m : m, k: dot < 0 ? 0 : s.length - dot - 1 };
}

const M_LIMIT = 2 ** 50;

/**
 * Every value at one common scale: value_i = m[i] / 10^k, null staying null. A number takes no string detour when
 * it has a short decimal form: for the fewest places k at which Math.round(x × 10^k) / 10^k gives x back, that
 * integer over 10^k is the numeral String(x) writes (the shortest that round-trips), and with |m| ≤ 2^50 the
 * product's rounding error stays below 1/4, so Math.round finds m exactly.
 */
export function commonScale(xs: readonly (Dec | number | null)[]): { m: (bigint | null)[]; k: number } {
  const n = xs.length;
  const small = new Float64Array(n);
  const places = new Int8Array(n);
  const big: (Scaled | undefined)[] = new Array<Scaled | undefined>(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    if (x === null) continue;
    let ki = -1;
    if (typeof x === "number") {
      const ax = Math.abs(x);
      for (let j = 0; j <= MAX_K && ax * POW10[j] <= M_LIMIT; j++) {
        const m = Math.round(x * POW10[j]);
        if (m / POW10[j] === x) {
          small[i] = m;
          ki = j;
          break;
        }
      }
    }
    if (ki < 0) {
      const s = scaledOf(x);
      big[i] = s;
      ki = s.k;
    } else places[i] = ki;
    if (ki > k) k = ki;
  }
  const m = new Array<bigint | null>(n);
  for (let i = 0; i < n; i++) {
    const b = big[i];
    m[i] = xs[i] === null ? null : b ? b.m * pow10(k - b.k) : BigInt(small[i]) * pow10(k - places[i]);
  }
  return { m, k };
}

/** m / 10^k as plain decimal text with no trailing zeros: what Decimal's toFixed() writes for the same value. */
export function formatScaled(m: bigint, k: number): string {
  const neg = m < 0n;
  let digits = (neg ? -m : m).toString();
  if (k > 0) {
    digits = digits.padStart(k + 1, "0");
    const int = digits.slice(0, digits.length - k);
    const frac = digits.slice(digits.length - k).replace(/0+$/, "");
    digits = frac ? `${int}.${frac}` : int;
  }
  return neg && m !== 0n ? `-${digits}` : digits;
}

/** m / 10^k as a Decimal. */
export function decOf(m: bigint, k: number): Dec {
  return new D(formatScaled(m, k));
}

/** ⌈n / d⌉ for n ≥ 0, d > 0. */
export function ceilDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return q * d === n ? q : q + 1n;
}
