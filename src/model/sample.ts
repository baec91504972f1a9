// Synthetic sample data: a made-up local authority's institutions and an illustrative local option.
// Nothing here is a real school or a real council's rate; top-up and place values echo the public
// examples in the domain brief (Devon bands, the £64k INMSS average) so the numbers look plausible.
import { institutionsHeader, rowFromRecord, type Bands } from "./institutions";
import type { RawCell, Rows } from "./types";
import { rng } from "../util/rng";

export const SAMPLE_BANDS: Bands = { ehcp: ["Band 1", "Band 2", "Band 3"], senif: ["Band 1", "Band 2"] };
export const SAMPLE_SOURCE = "synthetic example (not a real rate)";

/** Illustrative local rates (inherits a national option for everything else). */
export const SAMPLE_LOCAL_VALUES: Record<string, RawCell> = {
  "notional.be": 0.05,
  "topup.mainstream.band1": 1600,
  "topup.mainstream.band2": 3100,
  "topup.mainstream.band3": 4500,
  "topup.rb.band1": 4000,
  "topup.rb.band2": 6000,
  "topup.rb.band3": 8000,
  "topup.special.band1": 11088,
  "topup.special.band2": 14000,
  "topup.special.band3": 17220,
  "topup.ap.band1": 12650,
  "topup.ap.band2": 12650,
  "topup.ap.band3": 18000,
  "topup.fe.band1": 3000,
  "topup.fe.band2": 5000,
  "topup.fe.band3": 8000,
  "topup.ey.band1": 2000,
  "topup.ey.band2": 4000,
  "topup.ey.band3": 6000,
  "topup.isp.band1": 54000,
  "topup.isp.band2": 64000,
  "topup.isp.band3": 75000,
  "place.rb.unoccupied": 10000,
  "ey.senif.band1": 14,
  "ey.senif.band2": 20,
};

/** Illustrative projection assumptions: a growing deficit, then the same with early intervention. */
export const SAMPLE_PROJECTION: Record<"Unmitigated" | "Mitigated", Record<string, RawCell>> = {
  Unmitigated: {
    "proj.start": 2025,
    "proj.years": 5,
    "proj.opening": -4000000,
    "proj.grant": 46000000,
    "proj.grant.growth": 0.03,
    "proj.mainstream.count": 900,
    "proj.mainstream.growth": 0.1,
    "proj.mainstream.cost": 9000,
    "proj.special.count": 700,
    "proj.special.growth": 0.06,
    "proj.special.cost": 26000,
    "proj.isp.count": 250,
    "proj.isp.growth": 0.08,
    "proj.isp.cost": 64000,
    "proj.inflation": 0.02,
    "proj.other": 6000000,
  },
  Mitigated: { "proj.ei.cost": 1500000, "proj.ei.reduction": 0.3, "proj.shift": 15 },
};

const MIX = [
  "Primary",
  "Primary",
  "Primary",
  "Secondary",
  "Primary",
  "Special",
  "Secondary",
  "Resource Base",
  "Primary",
  "Early Years",
  "AP",
  "Primary",
  "FE",
  "Secondary",
  "ISP",
  "Primary",
] as const;

/** `count` synthetic institutions as rows of the given header (phases cycle through a realistic mix). */
export function sampleInstitutions(
  count: number,
  header: readonly string[] = institutionsHeader(SAMPLE_BANDS),
  seed = 2024,
): Rows {
  const gen = rng(seed);
  const r = () => gen.next(); // the shared seeded generator: the same sample on every run
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const seen: Record<string, number> = {};
  const rows: Rows = [];
  for (let i = 0; i < count; i++) {
    const phase = MIX[i % MIX.length];
    seen[phase] = (seen[phase] ?? 0) + 1;
    const rec: Record<string, string | number | null> = {
      Name: `Synthetic ${phase} ${String(seen[phase]).padStart(2, "0")}`,
      URN: 900001 + i,
      Phase: phase,
    };
    const bands = (scale: number) => ({
      "EHCP Band 1": int(0, 3 * scale),
      "EHCP Band 2": int(0, 2 * scale),
      "EHCP Band 3": int(0, scale),
    });
    if (phase === "Primary" || phase === "Secondary") {
      const pupils = phase === "Primary" ? int(90, 420) : int(600, 1300);
      if (phase === "Primary") rec["Primary Pupils"] = pupils;
      else {
        rec["KS3 Pupils"] = Math.round(pupils * 0.6);
        rec["KS4 Pupils"] = pupils - Math.round(pupils * 0.6);
      }
      rec.FSM = Math.round(pupils * (0.1 + r() * 0.25));
      rec.FSM6 = Math.round((rec.FSM as number) * 1.2);
      rec["SEN Support"] = Math.round(pupils * (0.08 + r() * 0.06));
      Object.assign(rec, bands(2));
    } else if (phase === "Special" || phase === "AP") {
      rec.Places = int(40, 160);
      Object.assign(
        rec,
        phase === "Special"
          ? { "EHCP Band 1": int(5, 30), "EHCP Band 2": int(10, 50), "EHCP Band 3": int(5, 40) }
          : { "EHCP Band 1": int(5, 30) },
      );
    } else if (phase === "Resource Base") {
      rec.Places = int(8, 20);
      rec.Occupied = int(6, rec.Places as number);
      rec["EHCP Band 2"] = rec.Occupied;
    } else if (phase === "Early Years") {
      rec.DAF = int(0, 6);
      rec["SENIF Band 1"] = int(0, 40);
      rec["SENIF Band 2"] = int(0, 20);
    } else if (phase === "FE") {
      rec.Places = int(10, 60);
      rec.Students = int(800, 3000);
      Object.assign(rec, bands(6));
    } else if (phase === "ISP") {
      rec["EHCP Band 2"] = int(1, 6);
      rec["EHCP Band 3"] = int(0, 4);
    }
    rows.push(rowFromRecord(header, rec));
  }
  return rows;
}
