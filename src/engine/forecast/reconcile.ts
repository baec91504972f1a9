// Making the parts agree with the whole: placement groups (and age groups) with the Total.

/**
 * Adds `total − Σ parts` to the parts in proportion to their weights (each part's typical yearly change: a
 * volatile group absorbs more of the disagreement than a steady one), never taking a part below 0.
 * A weighted least-squares reconciliation with a diagonal weight matrix (as in MinT with variance scaling).
 */
export function reconcile(parts: readonly number[], weights: readonly number[], total: number): number[] {
  const out = [...parts];
  for (let pass = 0; pass < parts.length + 1; pass++) {
    const gap = total - out.reduce((s, v) => s + v, 0);
    if (Math.abs(gap) < 1e-9 * Math.max(1, total)) break;
    // a part at 0 cannot give any more
    const open = out.map((v) => gap > 0 || v > 0);
    let w = weights.reduce((s, x, i) => s + (open[i] ? x : 0), 0);
    const useEven = w <= 0;
    if (useEven) w = open.filter(Boolean).length;
    if (w <= 0) break;
    for (let i = 0; i < out.length; i++) {
      if (open[i]) out[i] = Math.max(0, out[i] + (gap * (useEven ? 1 : weights[i])) / w);
    }
  }
  return out;
}

/**
 * Whole numbers summing exactly to `total` (a whole number), each the floor of its share or one more: the
 * largest remainders get the extra units (ties to the earlier part). Parts are scaled to the total first.
 */
export function largestRemainder(parts: readonly number[], total: number): number[] {
  const sum = parts.reduce((s, v) => s + v, 0);
  const scaled = sum > 0 ? parts.map((v) => (v * total) / sum) : parts.map(() => total / parts.length);
  const floors = scaled.map((v) => Math.floor(v));
  let left = total - floors.reduce((s, v) => s + v, 0);
  const order = scaled.map((v, i) => ({ i, r: v - floors[i] })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0 && k < order.length; k++, left--) floors[order[k].i]++;
  return floors;
}
