// The knobs of the point forecast (model.ts), chosen by the rolling-origin backtest (bench/backtest.ts):
//   phi    damping of every own trend (1 = undamped)
//   total  weight of the area's own model for Total (the age cohort model when every age group is there, else
//          Total's damped trend); the rest goes to the pooled forecast: the area's last value grown at England's
//          recent compound growth of Total
//   parts  the same weight for each placement group and New plans (own damped trend vs last × England's growth of
//          that group), before the groups are reconciled to Total
//   years  the years over which England's compound growth of Total is measured (partYears: of the groups)
// Many short, noisy LA series move together: an LA's own trend is combined with (shrunk toward) the national
// growth of the same breakdown over the same years, a combination of two forecasts whose weights the backtest
// picks. BASELINE (weights 1) is the 0.2 method, kept by name so the backtest shows it beside the winner.
import shipped from "./method.json";

export interface Method {
  readonly name: string;
  readonly phi: number;
  readonly total: number;
  readonly parts: number;
  readonly years: number;
  readonly partYears: number;
}

export const BASELINE: Method = { name: "0.2", phi: 0.7, total: 1, parts: 1, years: 3, partYears: 3 };

/** The method SEND.FORECAST uses: the backtest's choice (`npm run backtest -- --calibrate` writes method.json). */
export const SHIPPED_METHOD: Method = shipped as Method;

/** Compound growth per year by breakdown key (England's, up to the origin): what an area's forecast is pooled to. */
export type Reference = Readonly<Record<string, number>>;

/** The compound growth per year of a series over its last `years` years (fewer when it is shorter; 0 from 0). */
export function compoundGrowth(values: readonly number[], years: number): number {
  const n = values.length;
  const k = Math.min(years, n - 1);
  if (k < 1 || !(values[n - 1 - k] > 0)) return 0;
  return (values[n - 1] / values[n - 1 - k]) ** (1 / k) - 1;
}
