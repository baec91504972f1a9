// The seeded generator (mulberry32) for everything synthetic: the demo authority, benchmark data and the
// randomised tests. The same seed gives the same sequence on every machine, so runs and failures replay.
export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  /** whole number in [lo, hi] */
  int(lo: number, hi: number): number;
  /** uniform in [lo, hi) */
  between(lo: number, hi: number): number;
  /** one element, uniformly */
  pick<T>(xs: readonly T[]): T;
  /** an index drawn with the given (non-negative) weights */
  weighted(weights: readonly number[]): number;
  /** true with probability p */
  chance(p: number): boolean;
  /** shuffles in place (Fisher-Yates) and returns the array */
  shuffle<T>(xs: T[]): T[];
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
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    between: (lo, hi) => lo + next() * (hi - lo),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    weighted: (weights) => {
      const total = weights.reduce((s, w) => s + w, 0);
      let x = next() * total;
      for (let i = 0; i < weights.length; i++) {
        x -= weights[i];
        if (x < 0) return i;
      }
      return weights.length - 1;
    },
    chance: (p) => next() < p,
    shuffle: (xs) => {
      for (let i = xs.length - 1; i > 0; i--) {
        const j = int(0, i);
        [xs[i], xs[j]] = [xs[j], xs[i]];
      }
      return xs;
    },
  };
}
