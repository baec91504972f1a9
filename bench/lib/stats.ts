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

/** Runs `fn` `warmup` times unmeasured, then `runs` times measured. `fn` returns a value so the work is not dead code. */
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

/** Interleaves two functions (A B A B …) so drift in machine load hits both alike. */
export function measurePair(a: () => unknown, b: () => unknown, opts: { warmup?: number; runs?: number } = {}): { a: Timing; b: Timing } {
  const warmup = opts.warmup ?? 1;
  const runs = opts.runs ?? 5;
  for (let i = 0; i < warmup; i++) { a(); b(); }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    maybeGc();
    let t0 = performance.now();
    a();
    ta.push(performance.now() - t0);
    maybeGc();
    t0 = performance.now();
    b();
    tb.push(performance.now() - t0);
  }
  return { a: summarize(ta), b: summarize(tb) };
}

/** A full GC between runs when node runs with --expose-gc, so one run's garbage is not billed to the next. */
export function maybeGc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
}
