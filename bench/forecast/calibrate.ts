// σ of the interval model (src/engine/forecast/intervals.ts) from out-of-sample errors e = ln((actual + 1) /
// (central + 1)), σ = (80th percentile of |e|) / z(0.9), for each breakdown, size band and horizon, as the
// geometric mean of two estimates:
//   (a) σ₁(band, the RECENT_ORIGINS latest origins) × σ_h / σ₁ (every origin): the level from the latest
//       one-year-ahead errors, the growth over the horizon from all
//   (b) σ_h(band, the RECENT_ORIGINS latest origins that have horizon h)
// Errors grew with demand after 2014, so σ from every origin alike understated them. A band with fewer than
// MIN_ERRORS errors takes the breakdown's pooled value; σ never shrinks as the horizon grows.
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

/** Origins whose one-year-ahead errors set the level of σ: the most recent (growth, and errors, change over time). */
export const RECENT_ORIGINS = 3;

export function calibrate(outcomes: readonly Outcome[]): Calibration {
  const cal: Calibration = { bands: BANDS, sigma: {} };
  const keys = [...new Set(outcomes.map((o) => o.key))];
  const latest = [...new Set(outcomes.filter((o) => o.h === 1).map((o) => o.origin))]
    .sort((a, b) => b - a)
    .slice(0, RECENT_ORIGINS);
  const sigmaOf = (errs: readonly Outcome[]) =>
    quantile(
      errs.map((o) => Math.abs(logError(o))),
      0.8,
    ) / Z80;
  for (const key of keys) {
    const mine = outcomes.filter((o) => o.key === key);
    // the shape over horizons from every origin: σ_h / σ_1
    const all = Array.from({ length: HORIZONS }, (_, h) => sigmaOf(mine.filter((o) => o.h === h + 1)));
    const shape = all.map((s) => (all[0] > 0 && Number.isFinite(s) ? s / all[0] : 1));
    // σ_h of the latest origins that have horizon h, by band: the other estimate, averaged with the first
    const latestAt = (h: number) =>
      [...new Set(mine.filter((o) => o.h === h).map((o) => o.origin))].sort((a, b) => b - a).slice(0, RECENT_ORIGINS);
    // the level from the latest one-year-ahead errors, by size band (pooled when a band has few)
    const recent = mine.filter((o) => o.h === 1 && latest.includes(o.origin));
    const pooled = sigmaOf(recent);
    const byBand: number[][] = [];
    for (let b = 0; b <= BANDS.length; b++) {
      const errs = recent.filter((o) => bandOf(cal, o.size) === b);
      let level = errs.length >= MIN_ERRORS ? sigmaOf(errs) : pooled;
      if (!Number.isFinite(level)) level = Number.isFinite(all[0]) ? all[0] : 0;
      let prev = 0;
      byBand.push(
        shape.map((r, h) => {
          const latest = mine.filter((o) => o.h === h + 1 && latestAt(h + 1).includes(o.origin));
          const inBand = latest.filter((o) => bandOf(cal, o.size) === b);
          let direct = inBand.length >= MIN_ERRORS ? sigmaOf(inBand) : sigmaOf(latest);
          if (!Number.isFinite(direct)) direct = level * Math.max(1, r);
          prev = Math.max(prev, Math.sqrt(level * Math.max(1, r) * direct));
          return Number(prev.toFixed(5));
        }),
      );
    }
    cal.sigma[key] = byBand;
  }
  return cal;
}
