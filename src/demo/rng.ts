// Draws the demo authority needs, over the shared seeded generator (src/util/rng.ts).
import type { Rng } from "../util/rng";

export { rng, type Rng } from "../util/rng";

/** `n` items spread over bins with the given weights (each item drawn independently). */
export function spread(r: Rng, n: number, weights: readonly number[]): number[] {
  const out = weights.map(() => 0);
  for (let i = 0; i < n; i++) out[r.weighted(weights)]++;
  return out;
}

/** `total` split in proportion to `weights`, whole numbers summing exactly to total (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, v) => s + v, 0);
  const order = exact.map((e, i) => ({ i, rem: e - Math.floor(e) })).sort((x, y) => y.rem - x.rem || x.i - y.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k].i]++;
  return out;
}
