// Synthetic pupils for SEND.TOPUP: 7 settings × 6 bands, with months and FTE. Settings are mostly
// written as settings, sometimes as phase names; band labels spelled the ways sheets spell them
// ("Band 3", "band3", "BAND_3"), all meeting key topup.<setting>.band3 (contract section 3).
import type { Cell } from "../../src/engine/types";
import { rng } from "../lib/prng";
import { SETTING_NAMES } from "./rates";

const PHASE_FOR: Record<string, string> = {
  mainstream: "Primary",
  rb: "Resource Base",
  special: "Special",
  ap: "AP",
  fe: "FE",
  ey: "Early Years",
  isp: "ISP",
};
const SETTING_WEIGHT = [40, 8, 25, 5, 10, 2, 10]; // share of EHCP pupils by setting
const CUM = (() => {
  let c = 0;
  return SETTING_WEIGHT.map((w) => (c += w));
})();
const FTE = [1, 1, 1, 1, 1, 1, 1, 0.5, 0.6, 0.8, 0.4];
const MONTHS = [12, 12, 12, 12, 12, 12, 7, 5, 1, 2, 3, 4, 6, 8, 9, 10, 11];

export type Pupil = [setting: string, band: Cell, months: Cell, fte: Cell];

export function syntheticPupils(n: number, seed = 600000): Pupil[] {
  const r = rng(seed);
  const out: Pupil[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const x = r.next() * 100;
    let s = 0;
    while (x >= CUM[s]) s++;
    const setting = SETTING_NAMES[s];
    const band = 1 + Math.min(5, Math.floor(-Math.log(1 - r.next()) * 2));
    out[i] = [
      r.chance(0.1) ? PHASE_FOR[setting] : setting,
      r.pick([`Band ${band}`, `Band ${band}`, `band${band}`, `BAND_${band}`]),
      r.chance(0.15) ? null : r.pick(MONTHS),
      r.chance(0.3) ? null : r.pick(FTE),
    ];
  }
  return out;
}
