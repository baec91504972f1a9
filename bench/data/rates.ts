// A synthetic rates table at national magnitudes (domain brief sections 2-5): a "National (synthetic)"
// option with every key the components read, and a "Local (synthetic)" option that inherits it and
// overrides a few rates, as an LA candidate would. Nothing here is a real council's rate.
import type { Cell } from "../../src/engine/types";

export const BASE_OPTION = "National (synthetic)";
export const LOCAL_OPTION = "Local (synthetic)";
/** Bench top-up bands: labels as written in headers ("Band 1") and keys ("band1"). */
export const BANDS = [1, 2, 3, 4, 5, 6].map((n) => `Band ${n}`);
export const SENIF_BANDS = [1, 2, 3].map((n) => `Band ${n}`);
export const SETTING_NAMES = ["mainstream", "rb", "special", "ap", "fe", "ey", "isp"] as const;

const TOPUP: Record<string, number[]> = {
  mainstream: [1600, 3100, 4500, 6500, 9000, 12000],
  rb: [4000, 6000, 8000, 10000, 12500, 14750.5],
  special: [11088, 12500, 14000, 15600, 17220, 21000],
  ap: [12650, 13500, 15000, 16500, 18000, 20000],
  fe: [3000, 5000, 8000, 9500, 11000, 12000],
  ey: [2000, 4000, 6000], // bands 4-6 fall back to topup.all
  isp: [54000, 58000, 64000, 69000, 75000, 90000],
  all: [1500, 3000, 4500, 6000, 8000, 10000],
};

type KV = [string, number | string];

const schools: KV[] = [
  ["be.primary", 3562],
  ["be.ks3", 5022],
  ["be.ks4", 5661],
  ["fsm.primary", 490],
  ["fsm.secondary", 490],
  ["fsm6.primary", 820],
  ["fsm6.secondary", 1200],
  ...["a", "b", "c", "d", "e", "f"].map((b, i): KV => [`idaci.primary.${b}`, [680, 515, 485, 445, 285, 235][i]]),
  ...["a", "b", "c", "d", "e", "f"].map((b, i): KV => [`idaci.secondary.${b}`, [945, 740, 690, 630, 450, 340][i]]),
  ["lpa.primary", 1170],
  ["lpa.secondary", 1775],
  ["eal.primary", 590],
  ["eal.secondary", 1585],
  ["lumpsum.primary", 134400],
  ["lumpsum.secondary", 134400],
];
const notional: KV[] = [
  ["notional.be", 0.05],
  ["notional.fsm", 0.5],
  ["notional.fsm6", 0.5],
  ["notional.idaci", 0.5],
  ["notional.lpa", 1],
  ["notional.eal", 0.5],
  ["notional.lumpsum", 0.1],
  ["element2.threshold", 6000],
];
const places: KV[] = [
  ["place.special", 10000],
  ["place.ap", 10000],
  ["place.rb.occupied", 6000],
  ["place.rb.unoccupied", 10000],
  ["place.fe", 6000],
];
const topups: KV[] = Object.entries(TOPUP).flatMap(([s, vs]) => vs.map((v, i): KV => [`topup.${s}.band${i + 1}`, v]));
const ei: KV[] = [
  ["ei.sensupport", 125.5],
  ["ei.perpupil", 12],
  ["ei.highneeds.threshold", 0.025],
  ["ei.highneeds.rate", 2500],
  ["ei.notional.guarantee", 6000],
];
const ey: KV[] = [
  ["ey.daf", 910],
  ["ey.senif.band1", 14],
  ["ey.senif.band2", 18.75],
  ["ey.senif.band3", 25.2],
  ["ey.weeks", 38],
];
const fe: KV[] = [
  ["fe.rate", 4843],
  ["fe.weighting", 1.2],
  ["fe.area", 1.0735],
];

/** Local candidate: blank = inherit, except these. */
const LOCAL: Record<string, number | string> = {
  inherits: BASE_OPTION,
  "notional.be": 0.06,
  "topup.mainstream.band1": 1750,
  "topup.special.band3": 14350.25,
  "ei.sensupport": 150,
  "place.rb.unoccupied": 8000,
};

const SECTIONS: [string, KV[]][] = [
  [
    "General",
    [
      ["inherits", ""],
      ["round.to", 0.01],
    ],
  ],
  ["Schools formula", schools],
  ["Notional SEN", notional],
  ["Place funding", places],
  ["Top-up", topups],
  ["Early intervention", ei],
  ["Early years", ey],
  ["16-19", fe],
];

/** The rates grid: Factor | Description | Unit | National | Local, with section-heading rows. */
export function syntheticRates(): Cell[][] {
  const grid: Cell[][] = [["Factor", "Description", "Unit", BASE_OPTION, LOCAL_OPTION]];
  for (const [title, kvs] of SECTIONS) {
    grid.push([null, title, null, null, null]);
    for (const [k, v] of kvs) {
      const base = k === "inherits" ? null : v;
      grid.push([k, `synthetic ${k}`, null, base, LOCAL[k] ?? null]);
    }
  }
  return grid;
}
