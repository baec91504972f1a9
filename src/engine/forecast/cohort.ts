// The caseload by age as a stock that ages on (a cohort-component model of plans):
//   stock(a, t+1) = stock(a, t) × (1 − 1/width_a) + stock(a−1, t) / width_(a−1) + net inflow(a, t)
// Each January a group keeps the plans of the children who stay in its age range and receives those ageing in
// from the group below (plans spread evenly over the single years of age of a group); plans of 25-year-olds leave.
// The net inflow of a group — new plans at that age minus plans ending (at 16, 19 and 25 above all) or moving
// away — is what the history shows beyond ageing:
//   net inflow(a, t) = stock(a, t+1) − ageing(stock(·, t))(a)
// and it is forecast by the damped trend of trend.ts, so a bulge in primary ages moves on into secondary,
// post-16 and post-19 in later years, and the growth of post-16 plans since the 2014 reforms fades as it
// is carried by the trend rather than assumed for ever.
import { dampedSteps, PHI, slopeOf, WINDOW } from "./trend";

/** Single years of age in each group: 0-4, 5-10, 11-15, 16-19, 20-25. */
export const AGE_WIDTHS = [5, 6, 5, 4, 6] as const;

function ageOn(stock: readonly number[]): number[] {
  return stock.map((s, a) => s * (1 - 1 / AGE_WIDTHS[a]) + (a > 0 ? stock[a - 1] / AGE_WIDTHS[a - 1] : 0));
}

/**
 * Ages by year (oldest first, 5 values each) -> 1…horizon years of forecast ages. A group's stock never goes
 * below 0 (a negative inflow cannot remove more plans than there are).
 */
export function cohortForecast(ages: readonly (readonly number[])[], horizon: number, phi = PHI): number[][] {
  const n = ages.length;
  const inflows: number[][] = [[], [], [], [], []]; // by group, one per transition
  for (let t = 0; t + 1 < n; t++) {
    const aged = ageOn(ages[t]);
    for (let a = 0; a < 5; a++) inflows[a].push(ages[t + 1][a] - aged[a]);
  }
  // the inflow's damped trend, from its recent level (the window's least-squares line at its last point)
  const level = inflows.map((f) => fittedLast(f));
  const slope = inflows.map((f) => slopeOf(f));
  const out: number[][] = [];
  let stock = [...ages[n - 1]];
  for (let h = 1; h <= horizon; h++) {
    const aged = ageOn(stock);
    stock = aged.map((s, a) => Math.max(0, s + level[a] + slope[a] * dampedSteps(h, phi)));
    out.push(stock);
  }
  return out;
}

/** The least-squares line of the window, at its last point: the recent level of a noisy series. */
function fittedLast(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const n = Math.min(WINDOW, values.length);
  const w = values.slice(values.length - n);
  const mean = w.reduce((s, v) => s + v, 0) / n;
  return mean + slopeOf(values) * ((n - 1) / 2);
}
