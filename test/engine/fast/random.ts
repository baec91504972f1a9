// Seeded randomness for the fast-path identity tests (mulberry32: deterministic, so a failure replays).
export interface Rng {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
  /** a random integer with 1..maxDigits digits (uniform digit count, then uniform value) */
  digits(maxDigits: number): number;
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
    next, int,
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
    digits: (maxDigits) => {
      const d = int(1, maxDigits);
      // two draws so 15-16 digit values are uniform too (one double draw has 53 bits)
      const hi = Math.floor(next() * 10 ** Math.max(0, d - 8));
      const lo = Math.floor(next() * 10 ** Math.min(8, d));
      return hi * 10 ** Math.min(8, d) + lo;
    },
  };
}
