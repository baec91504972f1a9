// SEND.PROJECT: the deficit projection of contract section 5, one row per year. projectYears is the one computation
// behind both SEND.PROJECT (its totals) and SEND.PLAN (its lines and counts), so the two tie out by construction.
// Children are whole: each group's count (typed growth or a forecast's Central) is rounded half up every year, the
// levers move whole children, and costs use those counts.
// Unmitigated and mitigated plans are simply two options of the same rates table.
// With a forecast (the spill of SEND.FORECAST), the pupils of each year come from the forecast instead of
// proj.<s>.count and proj.<s>.growth (src/engine/demand/demandCounts.ts); everything after the counts is shared.
// Added keys, each 0 (or proj.inflation) when absent, so a table without them projects exactly as before:
// - proj.inflation.isp: ISP (and SPI) fee inflation; proj.inflation.topup: uplift of LA-set costs (other settings);
// - proj.places.<y>: new special places opening in year y, each taking one ISP pupil while ISP pupils remain;
//   proj.places.cost: one-off cost per new place in its opening year (uplifted by proj.inflation);
// - proj.newplans.cut, proj.newplans.cost: the early-help lever (forecast only) and its yearly cost;
// - proj.elsewhere.cost: cost per plan of the forecast's Other group (educated elsewhere, NEET, awaiting provision).
import { attempt, E, must, SendError } from "./errors";
import { D, ONE, ZERO, roundMoney, sum, type Dec } from "./money";
import { normKey } from "./normalize";
import type { Option } from "./rates";
import { SETTINGS, type Setting, type Grid } from "./types";
import { readForecast } from "./demand/forecastTable";
import { demandYears, withCensusBefore, type DemandYear } from "./demand/demandCounts";
import { yearLabel } from "./years";

export interface ProjectionRow {
  year: string | number;
  income: Dec;
  spend: Dec;
  inYear: Dec;
  cumulative: Dec;
}

/** Settings whose growth early intervention slows (proj.ei.reduction). */
const REDUCED: ReadonlySet<Setting> = new Set(["mainstream", "rb", "special", "isp"]);

export function projectionYears(option: Option): number | SendError {
  const y = option.rates.get("proj.years");
  if (!y) return 5;
  const v = y.value as Dec;
  if (!v.isInteger()) return E.rateOutOfRange("proj.years", option.name, v.toString(), "a whole number");
  return v.toNumber();
}

/** The cost key and whether ISP fee inflation applies, for a setting or a forecast placement group. */
function costOf(group: string): { key: string; isp: boolean } {
  if (group === "spi") return { key: "proj.isp.cost", isp: true };
  if (group === "other") return { key: "proj.elsewhere.cost", isp: false };
  return { key: `proj.${group}.cost`, isp: group === "isp" };
}

/** Pupils by setting from proj.<s>.count and proj.<s>.growth (contract section 5). */
function typedYears(option: Option, get: (key: string) => Dec, n: number): DemandYear[] {
  const start = option.rates.get("proj.start");
  const reduction = get("proj.ei.reduction");
  const out: DemandYear[] = [];
  for (let y = 1; y <= n; y++) {
    const counts = new Map<string, Dec>();
    for (const s of SETTINGS) {
      let g = get(`proj.${s}.growth`);
      if (REDUCED.has(s)) g = g.times(ONE.minus(reduction));
      counts.set(s, get(`proj.${s}.count`).times(ONE.plus(g).pow(y - 1)));
    }
    const label = start ? yearLabel((start.value as Dec).toNumber() + y - 1) : String(y);
    out.push({ label, counts });
  }
  return out;
}

/** Spend lines of the plan, in order: what each amount of the projection is reported under (engine/plan.ts). */
export const LINE_KEYS = ["mainstream", "rb", "special", "isp", "ap", "fe", "ey", "ei", "places", "other"] as const;
export type LineKey = (typeof LINE_KEYS)[number];

/** Placement groups a projection can count: the seven settings, then the forecast's SPI and Other groups. */
export const GROUPS = [...SETTINGS, "spi", "other"] as const;
export type Group = (typeof GROUPS)[number];

/** The line a placement group's cost is reported on: SPI fees with ISP fees, the Other group with other spend. */
const LINE_OF: Record<Group, LineKey> = {
  mainstream: "mainstream",
  rb: "rb",
  special: "special",
  ap: "ap",
  fe: "fe",
  ey: "ey",
  isp: "isp",
  spi: "isp",
  other: "other",
};

/** One year of the projection with everything both SEND.PROJECT and SEND.PLAN show. */
export interface ProjectedYear extends ProjectionRow {
  /** whole children by placement group, after every lever (the counts the costs use) */
  counts: Map<string, Dec>;
  /** cost per child this year, by placement group (after inflation) */
  unitCosts: Map<string, Dec>;
  /** unrounded spend by plan line; Spend = round(Σ amounts) */
  amounts: Map<LineKey, Dec>;
  /** children moved from ISP to special schools this year: by proj.shift (cumulative) and into new places */
  moved: { shift: Dec; places: Dec };
}

/** A child is counted whole: fractional growth or forecast values are rounded half up (0.5 -> 1). */
const whole = (x: Dec): Dec => x.toDecimalPlaces(0, D.ROUND_HALF_UP);

/**
 * The one projection: placements, unit costs, each lever's effect and each line's amount, year by year.
 * SEND.PROJECT shows its totals and SEND.PLAN its lines, so the two tie out by construction.
 * Counts are whole children: each group's count after growth (or the forecast's Central) is rounded half up, and the
 * levers move whole children (proj.shift × (y−1) and proj.places.<y> rounded half up), so costs use the shown counts.
 */
export function projectYears(
  option: Option,
  forecast?: Grid | null,
  history?: Grid | null,
): ProjectedYear[] | SendError {
  const get = (key: string): Dec => (option.rates.get(normKey(key))?.value as Dec | undefined) ?? ZERO;
  const has = (key: string): boolean => option.rates.has(normKey(key));
  const n = projectionYears(option);
  if (n instanceof SendError) return n;
  const start = option.rates.get("proj.start");
  if (start && !(start.value as Dec).isInteger())
    return E.rateOutOfRange("proj.start", option.name, String(start.value), "a whole year such as 2025");
  return attempt(() => {
    let years: DemandYear[];
    if (forecast) {
      const f = readForecast(forecast);
      years = demandYears(history ? withCensusBefore(f, history) : f, get, has, option.name);
    } else {
      if (!get("proj.newplans.cut").isZero())
        must(
          E.forecastLacks(
            "New plans rows",
            `proj.newplans.cut of option '${option.name}'; give SEND.PROJECT a forecast`,
          ),
        );
      years = typedYears(option, get, n);
    }
    const inflation = ONE.plus(get("proj.inflation"));
    const ispInflation = has("proj.inflation.isp") ? ONE.plus(get("proj.inflation.isp")) : inflation;
    const topupInflation = has("proj.inflation.topup") ? ONE.plus(get("proj.inflation.topup")) : inflation;
    const out: ProjectedYear[] = [];
    let cumulative = get("proj.opening");
    let opened = ZERO;
    years.forEach(({ label, counts: raw }, i) => {
      const y = i + 1;
      const counts = new Map<string, Dec>([...raw].map(([g, c]) => [g, whole(c)]));
      const moved = { shift: ZERO, places: ZERO };
      opened = opened.plus(whole(get(`proj.places.${y}`)));
      if (counts.has("isp") && counts.has("special")) {
        moved.shift = D.min(whole(get("proj.shift").times(y - 1)), counts.get("isp")!);
        counts.set("isp", counts.get("isp")!.minus(moved.shift));
        moved.places = D.min(opened, counts.get("isp")!);
        counts.set("isp", counts.get("isp")!.minus(moved.places));
        counts.set("special", counts.get("special")!.plus(moved.shift).plus(moved.places));
      }
      const uplift = inflation.pow(y - 1);
      const ispUplift = ispInflation.pow(y - 1);
      const topupUplift = topupInflation.pow(y - 1);
      const amounts = new Map<LineKey, Dec>(LINE_KEYS.map((k) => [k, ZERO]));
      const add = (k: LineKey, x: Dec) => amounts.set(k, amounts.get(k)!.plus(x));
      add("other", get("proj.other").times(uplift));
      add("ei", get("proj.ei.cost").plus(get("proj.newplans.cost")).times(uplift));
      add("places", get(`proj.places.${y}`).times(get("proj.places.cost")).times(uplift));
      const unitCosts = new Map<string, Dec>();
      for (const [group, count] of counts) {
        const c = costOf(group);
        const unit = get(c.key).times(c.isp ? ispUplift : topupUplift);
        unitCosts.set(group, unit);
        add(LINE_OF[group as Group] ?? "other", count.times(unit));
      }
      const income = roundMoney(
        get("proj.grant")
          .times(ONE.plus(get("proj.grant.growth")).pow(y - 1))
          .plus(get(`proj.grant.extra.${y}`)),
        option.roundTo,
      );
      const spend = roundMoney(sum(amounts.values()), option.roundTo);
      const inYear = income.minus(spend);
      cumulative = cumulative.plus(inYear);
      const year = forecast || start ? label : y;
      out.push({ year, income, spend, inYear, cumulative, counts, unitCosts, amounts, moved });
    });
    return out;
  });
}

/** SEND.PROJECT's rows: the totals of the one projection. */
export function project(option: Option, forecast?: Grid | null, history?: Grid | null): ProjectionRow[] | SendError {
  const years = projectYears(option, forecast, history);
  if (years instanceof SendError) return years;
  return years.map(({ year, income, spend, inYear, cumulative }) => ({ year, income, spend, inYear, cumulative }));
}
