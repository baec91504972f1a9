// Timing: a warm-up, then several measured runs; the median is what gets reported. Absolute times are
// noise on a shared 2-core machine, so every comparison is a ratio of medians taken in the same run.
import { performance } from "node:perf_hooks";

export interface Timing {
  /** milliseconds, one per measured run */
  runs: number[];
  median: number;
  min: number;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function summarize(runs: number[]): Timing {
  return { runs, median: median(runs), min: Math.min(...runs) };
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times measured. `fn` returns a value so the work is not dead code.
 * */
export function measure(fn: () => unknown, opts: { warmup?: number; runs?: number } = {}): Timing & { last: unknown } {
  const warmup = opts.warmup ?? 1;
  const runs = opts.runs ?? 5;
  let last: unknown;
  for (let i = 0; i < warmup; i++) last = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    maybeGc();
    const t0 = performance.now();
    last = fn();
    times.push(performance.now() - t0);
  }
  return { ...summarize(times), last };
}

/**
 * Interleaves several functions (A B C A B C …) so drift in machine load hits them alike; every
 * function gets `warmup` unmeasured calls first. Returns one Timing per name.
 */
export function measureMany<K extends string>(
  fns: Record<K, () => unknown>,
  opts: { warmup?: number; runs?: number } = {},
): Record<K, Timing> {
  const warmup = opts.warmup ?? 1;
  const runs = opts.runs ?? 5;
  const names = Object.keys(fns) as K[];
  for (let i = 0; i < warmup; i++) for (const n of names) fns[n]();
  const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < runs; i++) {
    for (const n of names) {
      maybeGc();
      const t0 = performance.now();
      fns[n]();
      times[n].push(performance.now() - t0);
    }
  }
  return Object.fromEntries(names.map((n) => [n, summarize(times[n])])) as Record<K, Timing>;
}

/** A full GC between runs when node runs with --expose-gc, so one run's garbage is not billed to the next. */
export function maybeGc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
}
