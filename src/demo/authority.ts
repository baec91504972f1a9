// The SYNTHETIC local authority: a made-up large English county, generated from a fixed seed.
// Sizes and magnitudes follow the domain brief (sections 1, 3, 5, 6); no row is a real institution.
// ISP placements are grouped by provider (one row per provider, EHCP counts per band), which is how an
// LA's independent-placement spend is usually reviewed and keeps the sheet readable.
import { apportion, rng, spread, type Rng } from "./rng";

export const DEMO_SEED = 20250401;
export const EHCP_BANDS = ["Band 1", "Band 2", "Band 3", "Band 4", "Band 5", "Band 6"] as const;
export const SENIF_BANDS = ["Band 1", "Band 2", "Band 3"] as const;

/** Institution rows by phase, and ISP placements (spread over ISP_PROVIDERS rows). */
export const DEMO_SIZES = {
  Primary: 240,
  Secondary: 38,
  Special: 14,
  "Resource Base": 10,
  AP: 2,
  FE: 5,
  "Early Years": 200,
} as const;
export const ISP_PROVIDERS = 48;
export const ISP_PLACEMENTS = 400;

export type DemoRecord = Record<string, string | number | null>;

// Share of EHCP pupils at each band, by setting (low bands common in mainstream, high in special / ISP).
const BAND_MIX: Record<string, number[]> = {
  mainstream: [30, 28, 20, 12, 7, 3],
  rb: [5, 20, 35, 25, 10, 5],
  special: [6, 14, 22, 26, 20, 12],
  ap: [10, 30, 35, 20, 5, 0],
  fe: [25, 30, 25, 12, 6, 2],
  isp: [0, 2, 12, 28, 36, 22],
};

function ehcp(counts: number[]): DemoRecord {
  const rec: DemoRecord = {};
  EHCP_BANDS.forEach((b, i) => (rec[`EHCP ${b}`] = counts[i]));
  return rec;
}

const label = (phase: string, i: number, width = 3) => `SYNTHETIC ${phase} ${String(i).padStart(width, "0")}`;

/** Deprivation and need counts of a mainstream school with `pupils` on roll. */
function mainstreamNeeds(r: Rng, pupils: number, ehcpRate: number): DemoRecord {
  const fsmShare = r.between(0.06, 0.36);
  const fsm = Math.round(pupils * fsmShare);
  const idaci = [0.02, 0.03, 0.04, 0.05, 0.06, 0.07].map((s) =>
    Math.round(pupils * s * (0.4 + fsmShare * 3) * r.between(0.6, 1.4)),
  );
  const ehcps = Math.max(0, Math.round(pupils * ehcpRate * r.between(0.3, 1.8)));
  return {
    FSM: fsm,
    FSM6: Math.min(pupils, Math.round(fsm * r.between(1.1, 1.45))),
    ...Object.fromEntries("ABCDEF".split("").map((b, i) => [`IDACI ${b}`, idaci[i]])),
    LPA: Math.round(pupils * r.between(0.12, 0.32)),
    EAL: Math.round(pupils * r.between(0.01, 0.25)),
    "SEN Support": Math.round(pupils * r.between(0.09, 0.17)),
    ...ehcp(spread(r, ehcps, BAND_MIX.mainstream)),
  };
}

/** All institutions of the synthetic county, in phase order. Deterministic for a given seed. */
export function demoInstitutions(seed = DEMO_SEED): DemoRecord[] {
  const r = rng(seed);
  const out: DemoRecord[] = [];
  let urn = 990001;
  const add = (rec: DemoRecord) => out.push({ URN: urn++, Months: 12, ...rec });

  for (let i = 1; i <= DEMO_SIZES.Primary; i++) {
    // a county: many small rural primaries, some large town ones
    const pupils = Math.round(r.next() < 0.3 ? r.between(45, 150) : r.between(150, 630));
    add({
      Name: label("Primary School", i),
      Phase: "Primary",
      "Primary Pupils": pupils,
      ...mainstreamNeeds(r, pupils, 0.021),
    });
  }
  for (let i = 1; i <= DEMO_SIZES.Secondary; i++) {
    const pupils = Math.round(r.between(550, 1850));
    const ks3 = Math.round(pupils * r.between(0.57, 0.63));
    add({
      Name: label("Secondary School", i, 2),
      Phase: "Secondary",
      "KS3 Pupils": ks3,
      "KS4 Pupils": pupils - ks3,
      ...mainstreamNeeds(r, pupils, 0.019),
    });
  }
  for (let i = 1; i <= DEMO_SIZES.Special; i++) {
    const places = r.int(80, 220);
    const pupils = Math.round(places * r.between(0.95, 1.06));
    // the newest special school opened in September: seven months of this financial year
    const months = i === DEMO_SIZES.Special ? 7 : 12;
    add({
      Name: label("Special School", i, 2),
      Phase: "Special",
      Places: places,
      ...ehcp(spread(r, pupils, BAND_MIX.special)),
      Months: months,
    });
  }
  for (let i = 1; i <= DEMO_SIZES["Resource Base"]; i++) {
    const places = r.int(8, 20);
    const occupied = r.int(Math.max(4, places - 5), places);
    add({
      Name: label("Resource Base", i, 2),
      Phase: "Resource Base",
      Places: places,
      Occupied: occupied,
      ...ehcp(spread(r, occupied, BAND_MIX.rb)),
    });
  }
  for (let i = 1; i <= DEMO_SIZES.AP; i++) {
    const places = r.int(40, 75);
    add({
      Name: label("AP Academy", i, 2),
      Phase: "AP",
      Places: places,
      ...ehcp(spread(r, r.int(10, 22), BAND_MIX.ap)),
    });
  }
  for (let i = 1; i <= DEMO_SIZES.FE; i++) {
    // high-needs students only: element 1 through the 16-19 formula, element 2 as place funding
    const places = r.int(45, 130);
    const students = Math.round(places * r.between(0.92, 1.05));
    add({
      Name: label("FE College", i, 2),
      Phase: "FE",
      Places: places,
      Students: students,
      ...ehcp(spread(r, students, BAND_MIX.fe)),
    });
  }
  for (let i = 1; i <= DEMO_SIZES["Early Years"]; i++) {
    const rec: DemoRecord = {
      Name: label("Early Years Setting", i),
      Phase: "Early Years",
      DAF: r.next() < 0.45 ? r.int(1, 4) : 0,
    };
    // weekly funded hours of children at each SENIF band (many settings have none at the higher bands)
    rec["SENIF Band 1"] = r.next() < 0.6 ? r.int(5, 45) : 0;
    rec["SENIF Band 2"] = r.next() < 0.35 ? r.int(5, 30) : 0;
    rec["SENIF Band 3"] = r.next() < 0.15 ? r.int(10, 30) : 0;
    add(rec);
  }
  // ISP: 400 placements over 48 providers, a few large providers and a long tail
  const weights = Array.from({ length: ISP_PROVIDERS }, () => Math.pow(r.next(), 2.2) + 0.05);
  const placements = apportion(ISP_PLACEMENTS - ISP_PROVIDERS, weights).map((n) => n + 1);
  placements.forEach((n, k) =>
    add({ Name: label("Independent Provider", k + 1, 2), Phase: "ISP", ...ehcp(spread(r, n, BAND_MIX.isp)) }),
  );
  return out;
}

/** EHCP pupils in a record (sum of its EHCP band counts). */
export function ehcpCount(rec: DemoRecord): number {
  return EHCP_BANDS.reduce((s, b) => s + Number(rec[`EHCP ${b}`] ?? 0), 0);
}
