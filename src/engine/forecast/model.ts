// The point forecast (README "Demand forecast"), method 0.3 (method.ts; 0.2 is BASELINE): Total is the area's own
// model (the age cohort model when the history has all five age groups, else Total's damped trend) combined with
// its last value grown at England's recent growth; each placement group likewise (its damped trend with England's
// growth of that group), reconciled to Total; New plans likewise. Numbers are plain doubles: these are counts of
// plans, not money.
import { AGES, PLACEMENTS, type Breakdown } from "./breakdowns";
import { cohortForecast } from "./cohort";
import type { History } from "./history";
import { reconcile } from "./reconcile";
import { BASELINE, type Method, type Reference } from "./method";
import { changeScale, dampedTrend } from "./trend";

export interface PointForecast {
  /** the Total series of the history (given, or summed from placements, else ages) */
  total: readonly number[];
  /** Total's forecast, 1…horizon */
  totalForecast: number[];
  /** per history column (same order as history.columns): forecast 1…horizon */
  columns: number[][];
  /** for placement and age columns: the forecast of the groups the history leaves out (Total − the rest) */
  placementRest: number[] | null;
  ageRest: number[] | null;
}

const sum = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0);

/** Reconciliation weight of a series: the typical size of its yearly change (+1, so a flat series still takes a share).
 * */
const weightOf = (values: readonly number[]) => Math.sqrt(changeScale(values) ** 2 + 1);

/** `own` (one forecast per horizon) combined with the series' last value grown at the reference growth. */
function pooled(own: readonly number[], last: number, weight: number, growth: number | undefined): number[] {
  if (growth === undefined || weight >= 1) return [...own];
  return own.map((f, h) => weight * f + (1 - weight) * last * (1 + growth) ** (h + 1));
}

export function pointForecast(
  history: History,
  horizon: number,
  method: Method = BASELINE,
  reference?: Reference,
): PointForecast {
  const n = history.years.length;
  const trendOf = (values: readonly number[], key: string, weight = method.parts) =>
    pooled(dampedTrend(values, horizon, method.phi), values[values.length - 1], weight, reference?.[key]);
  const col = (b: Breakdown) => history.columns.find((c) => c.breakdown === b)?.values;
  const placements = PLACEMENTS.map(col);
  const ages = AGES.map(col);
  const given = history.columns.find((c) => c.breakdown.kind === "total")?.values;
  const presentPlacements = placements.filter((v): v is readonly number[] => v !== undefined);
  const presentAges = ages.filter((v): v is readonly number[] => v !== undefined);
  const yearsOf = <T>(f: (t: number) => T): T[] => Array.from({ length: n }, (_, t) => f(t));
  const total =
    given ??
    (presentPlacements.length
      ? yearsOf((t) => sum(presentPlacements.map((v) => v[t])))
      : yearsOf((t) => sum(presentAges.map((v) => v[t]))));

  // Total: the cohort model when every age group is there, otherwise Total's own damped trend
  let totalForecast: number[];
  let ageForecast: number[][] | null = null; // by age group (5), 1…horizon, scaled to Total
  const allAges = presentAges.length === AGES.length;
  const agesLast = allAges ? sum(presentAges.map((v) => v[n - 1])) : 0;
  if (allAges && agesLast > 0) {
    const byYear = yearsOf((t) => presentAges.map((v) => v[t]));
    const cohort = cohortForecast(byYear, horizon, method.phi);
    const ratio = total[n - 1] / agesLast; // ages that do not add up to Total (a user's own table) keep their ratio
    totalForecast = pooled(
      cohort.map((stock) => sum(stock) * ratio),
      total[n - 1],
      method.total,
      reference?.total,
    );
    ageForecast = AGES.map((_, a) =>
      cohort.map((stock, h) => {
        const s = sum(stock);
        return s > 0 ? (stock[a] / s) * totalForecast[h] : 0;
      }),
    );
  } else {
    totalForecast = trendOf(total, "total", method.total);
  }

  // groups: each its own damped trend, the groups the table leaves out as one more ("the rest"), reconciled to Total
  const groups = (series: readonly (readonly number[] | undefined)[], of: readonly Breakdown[], complete: boolean) => {
    const present = series.filter((v): v is readonly number[] => v !== undefined);
    const keys = of.filter((_, i) => series[i] !== undefined).map((b) => b.key);
    const members = complete
      ? present
      : [...present, yearsOf((t) => Math.max(0, total[t] - sum(present.map((v) => v[t]))))];
    const trends = members.map((v, i) => trendOf(v, keys[i] ?? "rest"));
    const weights = members.map(weightOf);
    const byH = totalForecast.map((tot, h) =>
      reconcile(
        trends.map((f) => f[h]),
        weights,
        tot,
      ),
    );
    return { present, byMember: members.map((_, i) => byH.map((r) => r[i])) };
  };

  const forecastOf = new Map<Breakdown, number[]>();
  let placementRest: number[] | null = null;
  if (presentPlacements.length) {
    const complete = presentPlacements.length === PLACEMENTS.length;
    const g = groups(placements, PLACEMENTS, complete);
    let i = 0;
    PLACEMENTS.forEach((b, j) => {
      if (placements[j]) forecastOf.set(b, g.byMember[i++]);
    });
    if (!complete) placementRest = g.byMember[i];
  }
  let ageRest: number[] | null = null;
  if (ageForecast) {
    AGES.forEach((b, a) => forecastOf.set(b, ageForecast![a]));
  } else if (presentAges.length) {
    const g = groups(ages, AGES, false);
    let i = 0;
    AGES.forEach((b, j) => {
      if (ages[j]) forecastOf.set(b, g.byMember[i++]);
    });
    ageRest = g.byMember[i];
  }

  const columns = history.columns.map((c) => {
    if (c.breakdown.kind === "total") return totalForecast;
    if (c.breakdown.kind === "newPlans") return trendOf(c.values, c.breakdown.key);
    return forecastOf.get(c.breakdown)!;
  });
  return { total, totalForecast, columns, placementRest, ageRest };
}
