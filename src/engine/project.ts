// SEND.PROJECT: the deficit projection of contract section 5, one row per year.
// Unmitigated and mitigated plans are simply two options of the same rates table.
import { E, SendError } from "./errors";
import { D, ONE, ZERO, roundMoney, type Dec } from "./money";
import { normKey } from "./normalize";
import type { Option } from "./rates";
import { SETTINGS, type Setting } from "./types";

export interface ProjectionRow { year: string | number; income: Dec; spend: Dec; inYear: Dec; cumulative: Dec }

/** Settings whose growth early intervention slows (proj.ei.reduction). */
const REDUCED: ReadonlySet<Setting> = new Set(["mainstream", "rb", "special", "isp"]);

export function projectionYears(option: Option): number | SendError {
  const y = option.rates.get("proj.years");
  if (!y) return 5;
  const v = y.value as Dec;
  if (!v.isInteger()) return E.rateOutOfRange("proj.years", option.name, v.toString(), "a whole number");
  return v.toNumber();
}

export function project(option: Option): ProjectionRow[] | SendError {
  const get = (key: string): Dec => (option.rates.get(normKey(key))?.value as Dec | undefined) ?? ZERO;
  const n = projectionYears(option);
  if (n instanceof SendError) return n;
  const start = option.rates.get("proj.start");
  if (start && !(start.value as Dec).isInteger()) return E.rateOutOfRange("proj.start", option.name, String(start.value), "a whole year such as 2025");
  const inflation = ONE.plus(get("proj.inflation"));
  const reduction = get("proj.ei.reduction");
  const rows: ProjectionRow[] = [];
  let cumulative = get("proj.opening");
  for (let y = 1; y <= n; y++) {
    const counts = new Map<Setting, Dec>();
    for (const s of SETTINGS) {
      let g = get(`proj.${s}.growth`);
      if (REDUCED.has(s)) g = g.times(ONE.minus(reduction));
      counts.set(s, get(`proj.${s}.count`).times(ONE.plus(g).pow(y - 1)));
    }
    const shift = D.min(get("proj.shift").times(y - 1), counts.get("isp")!);
    counts.set("isp", counts.get("isp")!.minus(shift));
    counts.set("special", counts.get("special")!.plus(shift));
    const uplift = inflation.pow(y - 1);
    let spend = get("proj.other").plus(get("proj.ei.cost")).times(uplift);
    for (const s of SETTINGS) spend = spend.plus(counts.get(s)!.times(get(`proj.${s}.cost`)).times(uplift));
    const income = roundMoney(get("proj.grant").times(ONE.plus(get("proj.grant.growth")).pow(y - 1)).plus(get(`proj.grant.extra.${y}`)), option.roundTo);
    spend = roundMoney(spend, option.roundTo);
    const inYear = income.minus(spend);
    cumulative = cumulative.plus(inYear);
    const label = start ? `${(start.value as Dec).toNumber() + y - 1}-${String(((start.value as Dec).toNumber() + y) % 100).padStart(2, "0")}` : y;
    rows.push({ year: label, income, spend, inYear, cumulative });
  }
  return rows;
}
