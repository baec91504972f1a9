// Choosing the point forecast's knobs (src/engine/forecast/method.ts) by the rolling-origin backtest, on origins
// whose targets are all published (no peeking): first phi, the weight of Total's own model and England's growth
// window, on Total's error; then the weight of each placement group's own trend, on the placement groups' error.
// The loss is the WAPE (Σ|forecast − actual| / Σactual) over the chosen origins, averaged over horizons 1–3.
import { pointForecast } from "../../src/engine/forecast/model";
import type { Method } from "../../src/engine/forecast/method";
import { referenceAt } from "../../src/engine/forecast/national";
import { upTo, type Area } from "./rolling";

export const PHIS = [0.7, 0.85, 1];
export const TOTAL_WEIGHTS = [0.5, 0.65, 0.8, 1];
export const PART_WEIGHTS = [0.5, 0.65, 0.8, 1];
export const GROWTH_YEARS = [1, 3];
const HORIZONS = 3;
const PART_KEYS = ["mainstream", "special", "isp"];

type Errors = Record<string, { err: number[]; act: number[] }>; // key -> by horizon

const cache = new Map<string, Errors>();

/** Σ|error| and Σactual by breakdown and horizon of one method from one origin, over every LA (memoised). */
export function errorsAt(all: readonly Area[], m: Method, origin: number): Errors {
  const id = `${m.phi}|${m.total}|${m.parts}|${m.years}|${m.partYears}|${origin}`;
  const hit = cache.get(id);
  if (hit) return hit;
  const out: Errors = {};
  const reference = referenceAt(origin, m);
  for (const a of all) {
    const h = upTo(a.history, origin);
    if (!h) continue;
    const p = pointForecast(h, HORIZONS, m, reference);
    const cols: [string, readonly number[], number[]][] = [["total", a.history.columns[0].values, p.totalForecast]];
    h.columns.forEach((c, i) => {
      if (PART_KEYS.includes(c.breakdown.key)) cols.push([c.breakdown.key, a.history.columns[i].values, p.columns[i]]);
    });
    for (const [key, full, f] of cols) {
      const e = (out[key] ??= { err: [0, 0, 0], act: [0, 0, 0] });
      for (let k = 1; k <= HORIZONS; k++) {
        const t = a.history.years.indexOf(origin + k);
        if (t < 0) continue;
        e.err[k - 1] += Math.abs(f[k - 1] - full[t]);
        e.act[k - 1] += full[t];
      }
    }
  }
  cache.set(id, out);
  return out;
}

function loss(all: readonly Area[], m: Method, origins: readonly number[], keys: readonly string[]): number {
  let s = 0;
  for (const key of keys) {
    for (let h = 0; h < HORIZONS; h++) {
      let err = 0,
        act = 0;
      for (const o of origins) {
        const e = errorsAt(all, m, o)[key];
        if (!e) continue;
        err += e.err[h];
        act += e.act[h];
      }
      s += act > 0 ? err / act : 0;
    }
  }
  return s;
}

/** The method with the least loss on `origins` (every target of which must be published). */
export function selectMethod(all: readonly Area[], origins: readonly number[], name: string): Method {
  let best: Method | undefined,
    bestLoss = Infinity;
  for (const phi of PHIS)
    for (const total of TOTAL_WEIGHTS)
      for (const years of GROWTH_YEARS) {
        const m = { name, phi, total, parts: 1, years, partYears: years };
        const l = loss(all, m, origins, ["total"]);
        if (l < bestLoss - 1e-12) [best, bestLoss] = [m, l];
      }
  let chosen = best!;
  bestLoss = Infinity;
  for (const parts of PART_WEIGHTS)
    for (const partYears of GROWTH_YEARS) {
      const m = { ...best!, parts, partYears };
      const l = loss(all, m, origins, PART_KEYS);
      if (l < bestLoss - 1e-12) [chosen, bestLoss] = [m, l];
    }
  return chosen;
}
