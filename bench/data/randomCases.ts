// Random options and awkward institutions for equivalence checks (prototypes vs engine, reference vs
// engine): rates with 0-2 decimals, shares and multipliers with up to 4, several round.to units,
// Months with halves and quarters (tie-prone), and a sprinkling of rows the engine must reject.
import type { Cell } from "../../src/engine/types";
import { rng, type Rng } from "../lib/prng";
import { syntheticRates, BASE_OPTION, LOCAL_OPTION } from "./rates";
import { syntheticInstitution, INSTITUTION_HEADER } from "./institutions";

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
    else if (key === "fe.weighting" || key === "fe.area") v = Math.round((0.9 + r.next() * 0.8) * 10 ** r.pick([0, 1, 2, 4])) / 10 ** r.pick([0, 1, 2, 4]);
    else if (key === "ey.weeks") v = r.pick([38, 38, 39, 37.5]);
    else v = money(r, base * 0.5, base * 1.5);
    grid[i][3] = opts.missing && r.chance(0.03) ? null : v;
    grid[i][4] = r.chance(0.2) ? money(r, base * 0.5, base * 1.5) : null; // Local overrides some
    if (key === "round.to" || key.startsWith("notional.") || key.startsWith("ei.highneeds.thr") || key.startsWith("fe.")) grid[i][4] = null;
  }
  return grid;
}

/** Months values that make ties likely, plus some the fast paths must hand back to the engine. */
const MONTHS: Cell[] = [null, null, null, 1, 2.5, 3, 4.5, 5, 6.25, 7, 8.5, 9.75, 11, 0, 12, 0.125, "6"];

/** An institution row, now and then broken in one of the ways the engine reports. */
export function randomInstitution(r: Rng, i: number): Cell[] {
  const row = syntheticInstitution(r, i);
  const mc = INSTITUTION_HEADER.indexOf("Months");
  row[mc] = r.pick(MONTHS);
  if (r.chance(0.02)) {
    const c = 3 + Math.floor(r.next() * (INSTITUTION_HEADER.length - 5));
    row[c] = r.pick<Cell>([-1, 2.5, "1,234", "n/a", true, " ", "12"]);
  }
  if (r.chance(0.003)) row[2] = r.pick(["Nursery", "", "primary", " Resource-Base "]);
  if (r.chance(0.003)) return row.map(() => null);
  return row;
}

export function randomTable(r: Rng, n: number, start = 0): Cell[][] {
  const t: Cell[][] = [INSTITUTION_HEADER];
  for (let i = 0; i < n; i++) t.push(randomInstitution(r, start + i));
  return t;
}

export { rng, BASE_OPTION, LOCAL_OPTION };

const TOPUP_MONTHS: Cell[] = [null, 12, 1, 2.5, 5, 7, 7.25, 9.5, 11, 0, 0.125, "6"];
const TOPUP_FTE: Cell[] = [null, 1, 1, 0.5, 0.6, 0.8, 0.33, 1.25, 0.125, 0, "1"];
const SETTING_TEXT = ["mainstream", "rb", "special", "ap", "fe", "ey", "isp", "Primary", "Resource Base", "ISP", " Special "];

/** Random SEND.TOPUP arguments [setting, band, months, fte], now and then with an unknown band. */
export function randomPupils(r: Rng, n: number): Cell[][] {
  const out: Cell[][] = [];
  for (let i = 0; i < n; i++) {
    const band = r.chance(0.005) ? 9 : r.int(1, 6);
    out.push([r.pick(SETTING_TEXT), r.pick([`Band ${band}`, `band${band}`, `BAND_${band}`]), r.pick(TOPUP_MONTHS), r.pick(TOPUP_FTE)]);
  }
  return out;
}
