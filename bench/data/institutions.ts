// Synthetic institutions of every phase at national magnitudes (domain brief): seeded, deterministic.
// Zero counts are mostly left blank, as in real returns; an unknown "Notes" column is carried along.
import { institutionHeaders } from "../../src/engine/fields";
import type { Cell } from "../../src/engine/types";
import { rng, type Rng } from "../lib/prng";
import { BANDS, SENIF_BANDS } from "./rates";

export const INSTITUTION_HEADER: string[] = [...institutionHeaders({ ehcp: BANDS, senif: SENIF_BANDS }), "Notes"];

/** Rough national mix of funded institutions (per 100). */
const MIX: [string, number][] = [
  ["Primary", 50],
  ["Secondary", 10],
  ["Special", 5],
  ["Resource Base", 8],
  ["AP", 3],
  ["FE", 2],
  ["Early Years", 17],
  ["ISP", 5],
];
const MIX_CUM = (() => {
  let c = 0;
  return MIX.map(([p, w]) => [p, (c += w)] as [string, number]);
})();
const MONTHS = [5, 7, 3, 9, 1, 11, 6, 8.5, 2.5, 0];

function phaseOf(r: Rng): string {
  const x = r.next() * 100;
  for (const [p, c] of MIX_CUM) if (x < c) return p;
  return "Primary";
}

const col = new Map(INSTITUTION_HEADER.map((h, i) => [h, i]));

/** Spread `n` EHCPs over bands lo..hi (1-based), weighted towards the lower bands. */
function spread(r: Rng, row: Cell[], n: number, lo: number, hi: number): void {
  for (let i = 0; i < n; i++) {
    const b = lo + Math.min(hi - lo, Math.floor(-Math.log(1 - r.next()) * 1.2));
    const c = col.get(`EHCP ${BANDS[b - 1]}`)!;
    row[c] = ((row[c] as number | null) ?? 0) + 1;
  }
}

function set(row: Cell[], header: string, v: number): void {
  row[col.get(header)!] = v === 0 ? null : v;
}

function pct(r: Rng, pupils: number, lo: number, hi: number): number {
  return Math.round(pupils * (lo + r.next() * (hi - lo)));
}

export function syntheticInstitution(r: Rng, i: number, phase = phaseOf(r)): Cell[] {
  const row: Cell[] = Array(INSTITUTION_HEADER.length).fill(null);
  row[0] = `${phase} ${i + 1}`;
  row[1] = 100000 + i;
  row[2] = phase;
  if (phase === "Primary" || phase === "Secondary") {
    let pupils: number;
    if (phase === "Primary") {
      pupils = r.int(40, 650);
      set(row, "Primary Pupils", pupils);
    } else {
      const ks3 = r.int(250, 1000),
        ks4 = Math.round(ks3 * (0.6 + r.next() * 0.1));
      pupils = ks3 + ks4;
      set(row, "KS3 Pupils", ks3);
      set(row, "KS4 Pupils", ks4);
    }
    const fsm = pct(r, pupils, 0.05, 0.45);
    set(row, "FSM", fsm);
    set(row, "FSM6", Math.min(pupils, Math.round(fsm * (1.1 + r.next() * 0.3))));
    for (const b of "ABCDEF") set(row, `IDACI ${b}`, pct(r, pupils, 0, 0.08));
    set(row, "LPA", pct(r, pupils, 0.1, 0.3));
    set(row, "EAL", pct(r, pupils, 0, 0.6));
    set(row, "SEN Support", pct(r, pupils, 0.08, 0.18));
    spread(r, row, pct(r, pupils, 0.01, 0.045), 1, 6);
  } else if (phase === "Special") {
    const places = r.int(40, 250);
    set(row, "Places", places);
    spread(r, row, Math.round(places * (0.85 + r.next() * 0.2)), 2, 6);
  } else if (phase === "Resource Base") {
    const places = r.int(6, 30);
    set(row, "Places", places);
    const occupied = r.int(0, places);
    if (r.chance(0.7)) set(row, "Occupied", occupied); // blank Occupied means "all places occupied"
    spread(r, row, r.chance(0.7) ? occupied : places, 1, 6);
  } else if (phase === "AP") {
    const places = r.int(20, 120);
    set(row, "Places", places);
    spread(r, row, pct(r, places, 0.1, 0.4), 1, 6);
  } else if (phase === "FE") {
    const places = r.int(10, 150);
    set(row, "Places", places);
    set(row, "Students", r.int(500, 12000));
    spread(r, row, Math.round(places * (0.8 + r.next() * 0.3)), 1, 6);
  } else if (phase === "Early Years") {
    set(row, "DAF", r.int(0, 12));
    for (const b of SENIF_BANDS) set(row, `SENIF ${b}`, r.chance(0.6) ? r.int(0, 200) : 0);
    spread(r, row, r.int(0, 2), 1, 6);
  } else {
    spread(r, row, r.int(1, 40), 3, 6);
  }
  if (r.chance(0.15)) row[col.get("Months")!] = r.pick(MONTHS); // 0 is a real value (closed all year), not blank
  if (r.chance(0.05)) row[col.get("Notes")!] = "synthetic note";
  return row;
}

/** Header row plus `n` institutions. */
export function syntheticInstitutions(n: number, seed = 20240401): Cell[][] {
  const r = rng(seed);
  const grid: Cell[][] = [INSTITUTION_HEADER];
  for (let i = 0; i < n; i++) grid.push(syntheticInstitution(r, i));
  return grid;
}
