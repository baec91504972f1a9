// A seeded generator for bulk structure: the shared one plus chaos cells. fast-check draws its seed, so a
// failing case replays from fast-check's seed; building a 120-row rates table from one seed is far cheaper
// than 400 fast-check draws.
import { BLANKS, ERROR_TEXT, EXTREME_NUMBERS, NAN_LIKE_TEXT, WORDS } from "./cells";
import type { Cell } from "../../src/engine/types";
import { rng as base, type Rng as BaseRng } from "../../src/util/rng";

export interface Rng extends BaseRng {
  /** a chaos cell (what cells.ts's chaosCell draws, from this generator) */
  chaos(hostSafe: boolean): Cell;
}

export function rng(seed: number): Rng {
  const r = base(seed);
  const { int, pick, next } = r;
  return {
    ...r,
    chaos: (hostSafe) => {
      switch (int(0, 7)) {
        case 0:
          return pick(EXTREME_NUMBERS);
        case 1:
          return int(-1000, 100000);
        case 2:
          return pick(NAN_LIKE_TEXT);
        case 3:
          return pick(ERROR_TEXT);
        case 4:
          return pick(BLANKS);
        case 5:
          return next() < 0.5;
        case 6:
          return pick(WORDS);
        default:
          return hostSafe ? int(-1e6, 1e6) / 100 : pick([NaN, Infinity, -Infinity, undefined, int(-1e6, 1e6) / 100]);
      }
    },
  };
}
