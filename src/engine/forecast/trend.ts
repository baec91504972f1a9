// The damped local trend every series of the forecast uses (Gardner & McKenzie's damped trend, with the slope
// estimated by least squares over a recent window rather than by smoothing):
//   slope b = least-squares slope of the last WINDOW values (fewer when the history is shorter)
//   forecast(h) = last value + b × (φ + φ² + … + φʰ)
// Anchored at the last value (the latest census is the best estimate of the level) and damped, because a
// trend in demand does not continue undiminished for ever: each year keeps φ of the previous year's step.

/** Years of history the slope is estimated from (the last six transitions of a stock span a whole primary phase). */
export const WINDOW = 6;
/** Damping: each forecast year's step is φ times the previous one's. */
export const PHI = 0.7;

/** Least-squares slope of the last `window` values (0 for fewer than 2). */
export function slopeOf(values: readonly number[], window = WINDOW): number {
  const n = Math.min(window, values.length);
  if (n < 2) return 0;
  const w = values.slice(values.length - n);
  const xMean = (n - 1) / 2;
  const yMean = w.reduce((s, v) => s + v, 0) / n;
  let sxy = 0,
    sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - xMean) * (w[i] - yMean);
    sxx += (i - xMean) * (i - xMean);
  }
  return sxy / sxx;
}

/** φ + φ² + … + φʰ: how many slopes h years ahead adds up to. */
export function dampedSteps(h: number, phi = PHI): number {
  let s = 0,
    p = 1;
  for (let i = 1; i <= h; i++) {
    p *= phi;
    s += p;
  }
  return s;
}

/** The damped trend of a series, 1…horizon years after its last value; never below 0. `slope` replaces the
 * series' own least-squares slope (a pooled one, model.ts). */
export function dampedTrend(values: readonly number[], horizon: number, phi = PHI, slope?: number): number[] {
  const last = values[values.length - 1];
  const b = slope ?? slopeOf(values);
  const out: number[] = [];
  for (let h = 1; h <= horizon; h++) out.push(Math.max(0, last + b * dampedSteps(h, phi)));
  return out;
}

/** The typical size of a year-on-year change over the window (root mean square): how uncertain a series is. */
export function changeScale(values: readonly number[], window = WINDOW): number {
  const n = Math.min(window, values.length);
  if (n < 2) return 0;
  let s = 0;
  for (let i = values.length - n + 1; i < values.length; i++) s += (values[i] - values[i - 1]) ** 2;
  return Math.sqrt(s / (n - 1));
}
