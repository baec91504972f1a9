// A small seeded generator (mulberry32): the same seed gives the same synthetic authority on every run.
export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  /** whole number in [lo, hi] */
  int(lo: number, hi: number): number;
  /** uniform in [lo, hi) */
  between(lo: number, hi: number): number;
  /** an index drawn with the given (non-negative) weights */
  pick(weights: readonly number[]): number;
}

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    between: (lo, hi) => lo + next() * (hi - lo),
    pick: (weights) => {
      const total = weights.reduce((s, w) => s + w, 0);
      let x = next() * total;
      for (let i = 0; i < weights.length; i++) {
        x -= weights[i];
        if (x < 0) return i;
      }
      return weights.length - 1;
    },
  };
}

/** `n` items spread over bins with the given weights (each item drawn independently). */
export function spread(r: Rng, n: number, weights: readonly number[]): number[] {
  const out = weights.map(() => 0);
  for (let i = 0; i < n; i++) out[r.pick(weights)]++;
  return out;
}

/** `total` split in proportion to `weights`, whole numbers summing exactly to total (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, v) => s + v, 0);
  const order = exact.map((e, i) => ({ i, rem: e - Math.floor(e) })).sort((x, y) => y.rem - x.rem || x.i - y.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k].i]++;
  return out;
}
