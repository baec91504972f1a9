// σ of the interval model (src/engine/forecast/intervals.ts) from out-of-sample errors: for each breakdown,
// size band and horizon, σ = (80th percentile of |ln((actual + 1) / (central + 1))|) / z(0.9). A cell with
// fewer than MIN_ERRORS errors takes the breakdown's pooled value; σ never shrinks as the horizon grows.
import { bandOf, Z80, type Calibration } from "../../src/engine/forecast/intervals";
import type { Outcome } from "./rolling";

export const BANDS = [30, 100, 300, 1000];
export const MIN_ERRORS = 40;
export const HORIZONS = 3;

export function logError(o: Outcome): number {
  return Math.log((o.actual + 1) / (o.row.central + 1));
}

function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = (s.length - 1) * p,
    lo = Math.floor(i),
    hi = Math.ceil(i);
  return s[lo] + (s[hi] - s[lo]) * (i - lo);
}

export function calibrate(outcomes: readonly Outcome[]): Calibration {
  const cal: Calibration = { bands: BANDS, sigma: {} };
  const keys = [...new Set(outcomes.map((o) => o.key))];
  for (const key of keys) {
    const mine = outcomes.filter((o) => o.key === key);
    const pooled = Array.from(
      { length: HORIZONS },
      (_, h) =>
        quantile(
          mine.filter((o) => o.h === h + 1).map((o) => Math.abs(logError(o))),
          0.8,
        ) / Z80,
    );
    const byBand: number[][] = [];
    for (let b = 0; b <= BANDS.length; b++) {
      let prev = 0;
      byBand.push(
        Array.from({ length: HORIZONS }, (_, h) => {
          const errs = mine.filter((o) => o.h === h + 1 && bandOf(cal, o.size) === b).map((o) => Math.abs(logError(o)));
          let s = errs.length >= MIN_ERRORS ? quantile(errs, 0.8) / Z80 : pooled[h];
          if (!Number.isFinite(s)) s = prev;
          prev = Math.max(prev, s);
          return Number(prev.toFixed(5));
        }),
      );
    }
    cal.sigma[key] = byBand;
  }
  return cal;
}
