// SEND.PROJECT: the deficit projection of contract section 5, one row per year.
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
import { D, ONE, ZERO, roundMoney, type Dec } from "./money";
import { normKey } from "./normalize";
import type { Option } from "./rates";
import { SETTINGS, type Setting, type Grid } from "./types";
import { readForecast } from "./demand/forecastTable";
import { demandYears, type DemandYear } from "./demand/demandCounts";

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
    const label = start
      ? `${(start.value as Dec).toNumber() + y - 1}-${String(((start.value as Dec).toNumber() + y) % 100).padStart(2, "0")}`
      : String(y);
    out.push({ label, counts });
  }
  return out;
}

export function project(option: Option, forecast?: Grid | null): ProjectionRow[] | SendError {
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
      years = demandYears(readForecast(forecast), get, has, option.name);
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
    const rows: ProjectionRow[] = [];
    let cumulative = get("proj.opening");
    let opened = ZERO;
    years.forEach(({ label, counts }, i) => {
      const y = i + 1;
      if (counts.has("isp") && counts.has("special")) {
        const shift = D.min(get("proj.shift").times(y - 1), counts.get("isp")!);
        counts.set("isp", counts.get("isp")!.minus(shift));
        counts.set("special", counts.get("special")!.plus(shift));
        const opening = get(`proj.places.${y}`);
        opened = opened.plus(opening);
        const moved = D.min(opened, counts.get("isp")!);
        counts.set("isp", counts.get("isp")!.minus(moved));
        counts.set("special", counts.get("special")!.plus(moved));
      }
      const uplift = inflation.pow(y - 1);
      let spend = get("proj.other").plus(get("proj.ei.cost")).times(uplift);
      const levers = get("proj.newplans.cost").plus(get(`proj.places.${y}`).times(get("proj.places.cost")));
      if (!levers.isZero()) spend = spend.plus(levers.times(uplift));
      const ispUplift = ispInflation.pow(y - 1);
      const topupUplift = topupInflation.pow(y - 1);
      for (const [group, count] of counts) {
        const c = costOf(group);
        spend = spend.plus(count.times(get(c.key)).times(c.isp ? ispUplift : topupUplift));
      }
      const income = roundMoney(
        get("proj.grant")
          .times(ONE.plus(get("proj.grant.growth")).pow(y - 1))
          .plus(get(`proj.grant.extra.${y}`)),
        option.roundTo,
      );
      spend = roundMoney(spend, option.roundTo);
      const inYear = income.minus(spend);
      cumulative = cumulative.plus(inYear);
      rows.push({ year: forecast || start ? label : y, income, spend, inYear, cumulative });
    });
    return rows;
  });
}
