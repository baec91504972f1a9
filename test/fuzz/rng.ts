// A seeded generator for bulk structure (mulberry32). fast-check draws its seed, so a failing case replays from
// fast-check's seed; building a 120-row rates table from one seed is far cheaper than 400 fast-check draws.
import { BLANKS, ERROR_TEXT, EXTREME_NUMBERS, NAN_LIKE_TEXT, WORDS } from "./cells";
import type { Cell } from "../../src/engine/types";

export interface Rng {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
  shuffle<T>(xs: T[]): T[];
  /** a chaos cell (what cells.ts's chaosCell draws, from this generator) */
  chaos(hostSafe: boolean): Cell;
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
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const self: Rng = {
    next, int, pick,
    chance: (p) => next() < p,
    shuffle: (xs) => {
      for (let i = xs.length - 1; i > 0; i--) {
        const j = int(0, i);
        [xs[i], xs[j]] = [xs[j], xs[i]];
      }
      return xs;
    },
    chaos: (hostSafe) => {
      switch (int(0, 7)) {
        case 0: return pick(EXTREME_NUMBERS);
        case 1: return int(-1000, 100000);
        case 2: return pick(NAN_LIKE_TEXT);
        case 3: return pick(ERROR_TEXT);
        case 4: return pick(BLANKS);
        case 5: return next() < 0.5;
        case 6: return pick(WORDS);
        default: return hostSafe ? int(-1e6, 1e6) / 100 : pick([NaN, Infinity, -Infinity, undefined, int(-1e6, 1e6) / 100]);
      }
    },
  };
  return self;
}
