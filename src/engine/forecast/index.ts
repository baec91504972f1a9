// SEND.FORECAST's engine (contract section 6): a history table -> one row per forecast year and breakdown with
// Low, Central and High. Forecasts are whole plans: Total rounded half up, the placement groups and the age
// groups each placed by largest remainder so they add up to Total exactly; Low rounded down and High up.
import { E, isSendError, type SendError } from "../errors";
import { TOTAL, type Breakdown } from "./breakdowns";
import { readHistory, type History } from "./history";
import { capGrowth, capInterval, intervalOf, SHIPPED_CALIBRATION, sigmaFor, type Calibration } from "./intervals";
import { BASELINE, SHIPPED_METHOD, type Method, type Reference } from "./method";
import { referenceAt } from "./national";
import { pointForecast } from "./model";
import { largestRemainder } from "./reconcile";
import type { Dec } from "../money";
import type { Grid } from "../types";

export { BREAKDOWNS, breakdownOf, type Breakdown } from "./breakdowns";
export { readHistory, type History } from "./history";
export { SHIPPED_CALIBRATION, type Calibration } from "./intervals";

export interface ForecastRow {
  year: number;
  breakdown: Breakdown;
  low: number;
  central: number;
  high: number;
}

export const DEFAULT_HORIZON = 3;
export const MAX_HORIZON = 15;
export const DEFAULT_COVERAGE = 0.8;

export interface ForecastOptions {
  horizon?: Dec | number | null;
  coverage?: Dec | number | null;
  /** the interval constants (the backtest passes ones measured before each origin) */
  calibration?: Calibration;
  /** England's history, when the caller holds a newer one than the bundled (the CLI reading a release) */
  england?: History;
}

/** Argument checks: horizon a whole number 1–15, coverage strictly between 0 and 1. */
export function checkOptions(opts: ForecastOptions): { horizon: number; coverage: number } | SendError {
  const h = opts.horizon ?? null;
  const horizon = h === null ? DEFAULT_HORIZON : typeof h === "number" ? h : h.toNumber();
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON) {
    return E.argRange("horizon", String(horizon), `a whole number of years from 1 to ${MAX_HORIZON}`);
  }
  const c = opts.coverage ?? null;
  const coverage = c === null ? DEFAULT_COVERAGE : typeof c === "number" ? c : c.toNumber();
  if (!(coverage > 0 && coverage < 1))
    return E.argRange("coverage", String(coverage), "strictly between 0 and 1 (0.8 is an 80% interval)");
  return { horizon, coverage };
}

/** SEND.FORECAST on a history grid. */
export function forecast(grid: Grid, opts: ForecastOptions = {}): ForecastRow[] | SendError {
  const history = readHistory(grid);
  if (isSendError(history)) return history;
  const checked = checkOptions(opts);
  if (isSendError(checked)) return checked;
  const reference = referenceAt(history.years[history.years.length - 1], SHIPPED_METHOD, opts.england);
  return forecastHistory(history, checked.horizon, checked.coverage, opts.calibration, SHIPPED_METHOD, reference);
}

/** The forecast of a history already read. */
export function forecastHistory(
  history: History,
  horizon: number,
  coverage: number,
  calibration: Calibration = SHIPPED_CALIBRATION,
  method: Method = BASELINE,
  reference?: Reference,
): ForecastRow[] {
  const p = pointForecast(history, horizon, method, reference);
  const n = history.years.length;
  const last = history.years[n - 1];
  // Total always: at its place in the table, else first
  const hasTotal = history.columns.some((c) => c.breakdown === TOTAL);
  const order = hasTotal
    ? history.columns.map((c, i) => ({ b: c.breakdown, i }))
    : [{ b: TOTAL, i: -1 }, ...history.columns.map((c, i) => ({ b: c.breakdown, i }))];
  const seriesOf = (i: number) => (i < 0 ? p.total : history.columns[i].values);
  const lastOf = (i: number) => seriesOf(i)[n - 1];
  const capOf = new Map(order.map(({ i }) => [i, capGrowth(seriesOf(i))]));

  const rows: ForecastRow[] = [];
  for (let h = 1; h <= horizon; h++) {
    const total = Math.round(p.totalForecast[h - 1]);
    const central = new Map<number, number>(); // by column index (-1 = Total)
    central.set(-1, total);
    const place = (kind: "placement" | "age", rest: number[] | null) => {
      const idx = history.columns.map((c, i) => (c.breakdown.kind === kind ? i : -1)).filter((i) => i >= 0);
      if (idx.length === 0) return;
      const parts = [...idx.map((i) => p.columns[i][h - 1]), ...(rest ? [rest[h - 1]] : [])];
      const whole = largestRemainder(parts, total);
      idx.forEach((i, k) => central.set(i, whole[k]));
    };
    place("placement", p.placementRest);
    place("age", p.ageRest);
    history.columns.forEach((c, i) => {
      if (c.breakdown === TOTAL) central.set(i, total);
      else if (c.breakdown.kind === "newPlans") central.set(i, Math.round(p.columns[i][h - 1]));
    });
    for (const { b, i } of order) {
      const c = central.get(i)!;
      const [lo, hi] = capInterval(
        intervalOf(c, sigmaFor(calibration, b.key, lastOf(i), h), coverage),
        c,
        capOf.get(i),
        h,
      );
      rows.push({ year: last + h, breakdown: b, low: Math.floor(lo + 1e-9), central: c, high: Math.ceil(hi - 1e-9) });
    }
  }
  return rows;
}
