// Random options for the reference-vs-engine check (test/bench): rates with 0-2 decimals, shares and
// multipliers with up to 4, several round.to units.
import type { Cell } from "../../src/engine/types";
import { rng, type Rng } from "../lib/prng";
import { syntheticRates, BASE_OPTION, LOCAL_OPTION } from "./rates";

const money = (r: Rng, lo: number, hi: number) => {
  const dp = r.pick([0, 0, 0, 1, 2]);
  return Math.round((lo + r.next() * (hi - lo)) * 10 ** dp) / 10 ** dp;
};
const fraction = (r: Rng) => {
  if (r.chance(0.2)) return 0;
  if (r.chance(0.05)) return 1 - r.pick([0.4, 0.7, 0.9]); // a computed cell: 0.6000000000000001 and friends
  const k = 10 ** r.pick([1, 2, 3, 4]);
  return Math.round(r.next() * k) / k;
};

/** A randomised copy of the synthetic rates table (same keys, new values); `missing` blanks a few rates. */
export function randomRates(r: Rng, opts: { missing?: boolean } = {}): Cell[][] {
  const grid = syntheticRates().map((row) => [...row]);
  for (let i = 1; i < grid.length; i++) {
    const key = grid[i][0];
    if (typeof key !== "string" || key === "inherits") continue;
    const base = grid[i][3] as number;
    let v: number;
    if (key === "round.to") v = r.pick([0.01, 0.01, 0.01, 1, 0.05, 0.1]);
    else if (key.startsWith("notional.") || key === "ei.highneeds.threshold") v = fraction(r);
    else if (key === "fe.weighting" || key === "fe.area")
      v = Math.round((0.9 + r.next() * 0.8) * 10 ** r.pick([0, 1, 2, 4])) / 10 ** r.pick([0, 1, 2, 4]);
    else if (key === "ey.weeks") v = r.pick([38, 38, 39, 37.5]);
    else v = money(r, base * 0.5, base * 1.5);
    grid[i][3] = opts.missing && r.chance(0.03) ? null : v;
    grid[i][4] = r.chance(0.2) ? money(r, base * 0.5, base * 1.5) : null; // Local overrides some
    if (
      key === "round.to" ||
      key.startsWith("notional.") ||
      key.startsWith("ei.highneeds.thr") ||
      key.startsWith("fe.")
    )
      grid[i][4] = null;
  }
  return grid;
}

export { rng, BASE_OPTION, LOCAL_OPTION };
