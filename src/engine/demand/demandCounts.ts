// The caseload a demand-driven SEND.PROJECT costs: the forecast's placements year by year, after the early-help
// levers. Decided here (the README states the same):
// - Year t of the projection is the financial year holding the January census of forecast year Y: census January
//   2025 -> 2024-25. proj.start (if given) is the first financial year to show; proj.years (if given) how many;
//   without them every forecast year is shown.
// - Census to financial year (proj.census.weight = w, default 0.75): a financial year April Y to March Y+1 counts
//   w × January Y+1 + (1 − w) × January Y. Children counted in January stand for a caseload that grows through the
//   year; read linearly between the two censuses, the caseload's average over April..March is its value at the
//   year's midpoint, 1 October Y, which lies 9 months after January Y and 3 months before January Y+1:
//   w = 9/12 = 0.75. w = 1 (set proj.census.weight 1) is the convention of earlier versions: the whole year at the
//   January inside it, 3 months after the midpoint, which overstates a growing caseload by a quarter of a year's
//   growth. The first forecast year's census before it is an actual one, not forecast: it comes from the history
//   SEND.FORECAST read (SEND.PROJECT's history argument, `withCensusBefore`). The retention of avoided new plans
//   reads the censuses themselves. Typed proj.<s>.count values are financial-year averages already and are not
//   converted.
// - proj.ei.reduction slows growth as it does without a forecast: a reduced group (mainstream, rb, special, isp)
//   counts c(first year) + (c(year) − c(first year)) × (1 − reduction).
// - proj.newplans.cut = x: early help avoids x × the forecast's New plans each year. Avoided plans accumulate with
//   the retention the forecast implies, r = (Total − New plans) / last year's Total (0..1; no retention term in the
//   first year), and come off every placement group in proportion to its share that year. Needs New plans rows.
import { E, must, raise } from "../errors";
import { readHistory } from "../forecast/history";
import { D, ONE, ZERO, type Dec } from "../money";
import type { Grid } from "../types";
import { yearLabel } from "../years";
import type { ForecastTable } from "./forecastTable";

/** proj.census.weight when the option does not set it: the financial year's midpoint (see above). */
export const CENSUS_WEIGHT_DEFAULT = new D("0.75");

/**
 * The forecast with the census before its first year added from the history (the table SEND.FORECAST read, header
 * row first): each of the forecast's breakdowns that January, Total summed from the placements when the history has
 * no Total column. Projected years stay the forecast's own. A history without that year adds nothing (demandYears
 * then names the census it lacks); a breakdown the forecast has and the history lacks is #VALUE! naming it.
 */
export function withCensusBefore(f: ForecastTable, historyGrid: Grid, arg = "history"): ForecastTable {
  const year = f.years[0] - 1;
  const h = must(readHistory(historyGrid, arg));
  const i = h.years.indexOf(year);
  if (i < 0 || f.central.has(year)) return f;
  const counts = new Map<string, Dec>();
  for (const b of f.breakdowns) {
    const col = h.columns.find((c) => c.breakdown.key === b.id);
    if (col) counts.set(b.id, new D(col.values[i]));
    else if (b.kind === "total")
      counts.set(
        b.id,
        h.columns.filter((c) => c.breakdown.kind === "placement").reduce((s, c) => s.plus(c.values[i]), ZERO),
      );
    else
      raise(
        E.missingColumn(
          arg,
          b.label,
          h.columns.map((c) => c.breakdown.header),
        ),
      );
  }
  return { ...f, central: new Map([[year, counts], ...f.central]) };
}

export interface DemandYear {
  /** financial-year label, e.g. "2024-25" */
  label: string;
  /** placement breakdown id -> pupils (ISP and SPI kept apart: only ISP moves to special places) */
  counts: Map<string, Dec>;
}

const REDUCED = new Set(["mainstream", "rb", "special", "isp"]);

export function demandYears(
  f: ForecastTable,
  get: (key: string) => Dec,
  has: (key: string) => boolean,
  option: string,
): DemandYear[] {
  const placements = f.breakdowns.filter((b) => b.kind === "placement");
  if (placements.length === 0)
    raise(
      E.forecastLacks("placement rows (Mainstream, Special, ISP, …)", `the spend by setting of option '${option}'`),
    );
  let years = f.years;
  if (has("proj.start")) {
    const start = get("proj.start").toNumber();
    years = years.filter((y) => y >= start + 1);
    if (years.length === 0)
      raise(
        E.forecastLacks(`year from ${yearLabel(start)} (January ${start + 1})`, `proj.start of option '${option}'`),
      );
  }
  if (has("proj.years")) {
    const n = get("proj.years").toNumber();
    if (years.length < n)
      raise(
        E.forecastLacks(
          `${n} years from ${yearLabel(years[0] - 1)} (it has ${years.length})`,
          `proj.years of option '${option}'; forecast a longer horizon`,
        ),
      );
    years = years.slice(0, n);
  }
  const cut = get("proj.newplans.cut");
  const hasNew = f.breakdowns.some((b) => b.id === "new plans");
  if (!cut.isZero() && !hasNew)
    raise(
      E.forecastLacks(
        "New plans rows",
        `proj.newplans.cut of option '${option}'; give the history a 'New plans' column`,
      ),
    );
  const reduction = get("proj.ei.reduction");
  const w = has("proj.census.weight") ? get("proj.census.weight") : CENSUS_WEIGHT_DEFAULT;
  if (!w.eq(ONE) && !f.central.has(years[0] - 1))
    raise(
      E.forecastLacks(
        `January ${years[0] - 1} (the census before ${yearLabel(years[0] - 1)})`,
        `proj.census.weight ${w.toString()} of option '${option}', which interpolates between the censuses around ` +
          `each financial year; give SEND.PROJECT the history SEND.FORECAST read as its history argument (it holds ` +
          `January ${years[0] - 1}), or start a year later (proj.start ${years[0]}), or set proj.census.weight to 1`,
      ),
    );
  const census = (y: number, id: string): Dec => f.central.get(y)!.get(id)!;
  /** the financial year's caseload: w × the January inside it + (1 − w) × the January before it */
  const central = (y: number, id: string): Dec =>
    w.eq(ONE) || id === "new plans"
      ? census(y, id)
      : census(y, id)
          .times(w)
          .plus(census(y - 1, id).times(ONE.minus(w)));
  const total = (y: number): Dec =>
    f.central.get(y)!.get("total") ?? placements.reduce((s, b) => s.plus(census(y, b.id)), ZERO);
  const first = years[0];
  let avoided = ZERO;
  return years.map((y, t) => {
    const counts = new Map<string, Dec>();
    for (const b of placements) {
      const c = central(y, b.id);
      const base = central(first, b.id);
      counts.set(b.id, REDUCED.has(b.id) ? base.plus(c.minus(base).times(ONE.minus(reduction))) : c);
    }
    if (!cut.isZero()) {
      const made = central(y, "new plans");
      const prev = t === 0 ? null : total(years[t - 1]);
      const retention = prev === null || prev.isZero() ? ZERO : D.min(ONE, D.max(ZERO, total(y).minus(made).div(prev)));
      avoided = avoided.times(retention).plus(made.times(cut));
      const sum = [...counts.values()].reduce((s, c) => s.plus(c), ZERO);
      if (!sum.isZero()) {
        const share = D.min(avoided, sum).div(sum);
        for (const [id, c] of counts) counts.set(id, c.minus(c.times(share)));
      }
    }
    return { label: yearLabel(y - 1), counts };
  });
}
