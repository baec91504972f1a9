// Seeded randomness for the fast-path identity tests: the shared generator plus a digit-count draw.
import { rng as base, type Rng as BaseRng } from "../../../src/util/rng";

export interface Rng extends BaseRng {
  /** a random integer with 1..maxDigits digits (uniform digit count, then uniform value) */
  digits(maxDigits: number): number;
}

export function rng(seed: number): Rng {
  const r = base(seed);
  return {
    ...r,
    digits: (maxDigits) => {
      const d = r.int(1, maxDigits);
      // two draws so 15-16 digit values are uniform too (one double draw has 53 bits)
      const hi = Math.floor(r.next() * 10 ** Math.max(0, d - 8));
      const lo = Math.floor(r.next() * 10 ** Math.min(8, d));
      return hi * 10 ** Math.min(8, d) + lo;
    },
  };
}
