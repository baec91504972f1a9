// The demo's rates: the built-in National 2025-26 option, a SYNTHETIC local baseline that inherits it,
// three candidate options and two projection plans that inherit the baseline (blank = same as parent).
// Local values echo the public examples in the domain brief (Devon bands, the £54k-£64k INMSS fees,
// SENIF hourly rates) but are made up: every one is labelled SYNTHETIC in the Source column.
import { libraryRatesGrid } from "../engine/library";
import { findKeyInfo } from "../engine/keys";
import { financialYearFormula } from "../engine/years";
import { PROJECTION_KEY_ROWS, ratesSheet, type KeyRow, type RawCell, type Rows } from "../model";
import { EHCP_BANDS, SENIF_BANDS } from "./authority";

export const NATIONAL = "National 2025-26";
export const BASELINE = "Baseline";
export const CANDIDATES = ["Higher banded top-ups", "Early intervention package", "Special place expansion"] as const;
export const PLANS = ["Unmitigated", "Mitigated"] as const;
/** Projection plans whose pupils come from the Demand sheet's forecast (SEND.PROJECT's third argument). */
export const DEMAND_PLANS = ["Demand unmitigated", "Demand mitigated"] as const;
/** Options with an Allocations column (the national column alone prices no top-ups). */
export const ALLOCATION_OPTIONS = [BASELINE, ...CANDIDATES];
export const SYNTHETIC_SOURCE = "SYNTHETIC demo value (not a real rate)";

const band = (b: string) => b.toLowerCase().replace(/\s+/g, ""); // "Band 3" -> "band3"

// Top-up per EHCP pupil a year, bands 1..6, by setting.
const TOPUPS: Record<string, number[]> = {
  mainstream: [1600, 2350, 3100, 3800, 4500, 6200],
  rb: [4000, 5500, 7000, 8500, 10000, 12000],
  special: [11088, 12350, 13600, 14850, 16100, 17220],
  ap: [9000, 10500, 12650, 14000, 16000, 18000],
  fe: [3000, 4500, 6000, 8000, 10000, 13000],
  ey: [2000, 3000, 4000, 5000, 6500, 8000],
  isp: [52000, 55000, 58000, 61000, 64000, 68000],
};

/** Every top-up key; with `scale`, only the keys it changes (the rest inherit), scaled to whole pounds. */
function topups(scale?: (setting: string, i: number) => number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [setting, rates] of Object.entries(TOPUPS)) {
    rates.forEach((v, i) => {
      const f = scale ? scale(setting, i) : 1;
      if (!scale || f !== 1) out[`topup.${setting}.${band(EHCP_BANDS[i])}`] = Math.round(v * f);
    });
  }
  return out;
}

/** 16-19 national funding rates (band 5) by academic year, from the library's sources. */
export const FE_RATE_AY_2024_25 = 4843;
export const FE_RATE_AY_2025_26 = 5105;
/** The financial year 2025-26 spends April-August at the 2024-25 academic-year rate, September-March at 2025-26's. */
const FE_RATE_FY = financialYearFormula(FE_RATE_AY_2024_25, FE_RATE_AY_2025_26);
const FE_RATE_SOURCE =
  "Financial year 2025-26 = 5/12 x academic year 2024-25 (£4,843, gov.uk 16-19 funding information 2024 to 2025) " +
  "+ 7/12 x academic year 2025-26 (£5,105, gov.uk 16-19 funding information 2025 to 2026)";
const BE_SOURCE = "2024-25 national value carried forward: no sourced 2025-26 value (SYNTHETIC local choice)";
const PLACE_RB_SOURCE = "£10,000 per empty resource-base place, as the project's worked case (SYNTHETIC local choice)";

/** The local baseline: everything the national option leaves to the LA. */
const BASELINE_VALUES: Record<string, RawCell> = {
  "be.primary": 3562,
  "be.ks3": 5022,
  "be.ks4": 5661, // 2024-25 national values carried forward (no 2025-26 value in the library)
  "fsm.primary": 500,
  "fsm.secondary": 500,
  "lpa.primary": 1200,
  "lpa.secondary": 1800,
  "notional.be": 0.04,
  "notional.fsm": 0.5,
  "notional.lpa": 1,
  ...topups(),
  "place.rb.unoccupied": 10000,
  "ey.senif.band1": 3.5,
  "ey.senif.band2": 7,
  "ey.senif.band3": 14,
  "fe.rate": FE_RATE_FY,
  "fe.weighting": 1,
  "fe.area": 1,
};

const CANDIDATE_VALUES: Record<(typeof CANDIDATES)[number], Record<string, RawCell>> = {
  // steeper mainstream bands (less at band 1, 10% more from band 3), 10% more in resource bases, 5% in special
  "Higher banded top-ups": topups((s, i) =>
    s === "mainstream" ? [0.8, 0.95, 1.1, 1.1, 1.1, 1.1][i] : s === "rb" ? 1.1 : s === "special" ? 1.05 : 1,
  ),
  // money into mainstream schools before an EHCP: SEN Support, high-incidence and a notional SEN guarantee
  "Early intervention package": {
    "ei.sensupport": 300,
    "ei.highneeds.threshold": 0.025,
    "ei.highneeds.rate": 2500,
    "ei.notional.guarantee": 6000,
  },
  // lifts the two most complex special bands by 10% (empty resource-base places are already £10,000 in the Baseline)
  "Special place expansion": {
    ...topups((s, i) => (s === "special" && i >= 4 ? 1.1 : 1)),
  },
};

/** Projection plans: a growing deficit, then the same with early intervention and ISP-to-special moves. */
const PLAN_VALUES: Record<(typeof PLANS)[number], Record<string, RawCell>> = {
  Unmitigated: {
    "proj.start": 2025,
    "proj.years": 6,
    "proj.opening": -32000000,
    "proj.grant": 99000000,
    "proj.grant.growth": 0.04,
    "proj.mainstream.count": 2250,
    "proj.mainstream.growth": 0.1,
    "proj.mainstream.cost": 3400,
    "proj.rb.count": 130,
    "proj.rb.growth": 0.05,
    "proj.rb.cost": 13500,
    "proj.special.count": 2150,
    "proj.special.growth": 0.06,
    "proj.special.cost": 24500,
    "proj.ap.count": 30,
    "proj.ap.growth": 0.03,
    "proj.ap.cost": 22650,
    "proj.fe.count": 420,
    "proj.fe.growth": 0.04,
    "proj.fe.cost": 11500,
    "proj.ey.count": 60,
    "proj.ey.growth": 0.05,
    "proj.ey.cost": 4500,
    "proj.isp.count": 400,
    "proj.isp.growth": 0.09,
    "proj.isp.cost": 61000,
    "proj.inflation": 0.025,
    "proj.other": 9000000,
  },
  Mitigated: { "proj.ei.cost": 3000000, "proj.ei.reduction": 0.5, "proj.shift": 25 },
};

/**
 * The demand-driven plans: the forecast covers January 2023 to 2025, financial years 2022-23 to 2024-25, each
 * interpolated between the censuses around it (default proj.census.weight 0.75; January 2022 is the history's last
 * year, which SEND.PROJECT reads from its history argument). Unit costs
 * come from Unmitigated; ISP fees rise faster than LA-set top-ups. The mitigated plan avoids 10% of new plans with
 * early help and opens 40 special places in year 2. SYNTHETIC money, like every other plan.
 */
const DEMAND_PLAN_VALUES: Record<(typeof DEMAND_PLANS)[number], Record<string, RawCell>> = {
  "Demand unmitigated": {
    "proj.start": 2022,
    "proj.years": 3,
    "proj.opening": -18000000,
    "proj.grant": 78000000,
    "proj.inflation.isp": 0.06,
    "proj.inflation.topup": 0.02,
    "proj.elsewhere.cost": 15000,
  },
  "Demand mitigated": {
    "proj.newplans.cut": 0.1,
    "proj.newplans.cost": 1500000,
    "proj.places.2": 40,
    "proj.places.cost": 25000,
  },
};

function describe(key: string): KeyRow {
  const info = findKeyInfo(key);
  const top = /^topup\.([^.]+)\.(.+)$/.exec(key);
  const senif = /^ey\.senif\.(.+)$/.exec(key);
  const description = top
    ? `Top-up per EHCP pupil, ${top[1]} setting, ${top[2]}`
    : senif
      ? `SEN inclusion fund hourly rate, ${senif[1]}`
      : info?.description;
  const section = key.startsWith("topup.")
    ? "Top-up"
    : /^(be|fsm|fsm6|lpa|eal|idaci|lumpsum)\./.test(key)
      ? "Schools formula"
      : key.startsWith("notional.")
        ? "Notional SEN"
        : key.startsWith("place.")
          ? "Place funding"
          : key.startsWith("ei.")
            ? "Early intervention"
            : key.startsWith("ey.")
              ? "Early years"
              : key.startsWith("fe.")
                ? "16-19"
                : "Projection";
  const source =
    key === "fe.rate"
      ? FE_RATE_SOURCE
      : key === "place.rb.unoccupied"
        ? PLACE_RB_SOURCE
        : /^be\./.test(key)
          ? BE_SOURCE
          : SYNTHETIC_SOURCE;
  return { key, description, unit: info?.unit, source, section };
}

/** The Rates sheet rows. */
export function demoRatesGrid(): Rows {
  const values: Record<string, Record<string, RawCell>> = {
    [BASELINE]: BASELINE_VALUES,
    ...CANDIDATE_VALUES,
    ...PLAN_VALUES,
    ...DEMAND_PLAN_VALUES,
  };
  const localKeys = [...new Set(Object.values(values).flatMap((v) => Object.keys(v)))].filter(
    (k) => !k.startsWith("proj."),
  );
  const senifKeys = SENIF_BANDS.map((b) => `ey.senif.${band(b)}`);
  return ratesSheet({
    base: libraryRatesGrid([NATIONAL]),
    candidates: [
      { name: BASELINE, inherits: NATIONAL },
      ...CANDIDATES.map((name) => ({ name, inherits: BASELINE })),
      { name: "Unmitigated", inherits: BASELINE },
      { name: "Mitigated", inherits: "Unmitigated" },
      { name: DEMAND_PLANS[0], inherits: "Unmitigated" },
      { name: DEMAND_PLANS[1], inherits: DEMAND_PLANS[0] },
    ],
    keys: [...localKeys, ...senifKeys]
      .map(describe)
      .concat(PROJECTION_KEY_ROWS.map((k) => ({ ...k, source: SYNTHETIC_SOURCE }))),
    values,
  });
}
