// Budgets and the seed of the fuzz suite. `npm test` runs the default budget (about 20 s on 2 cores);
// `npm run fuzz` (scripts/fuzz.js: FUZZ_RUNS=20000) runs a much larger one. To replay a failure, rerun with the
// FUZZ_SEED and FUZZ_RUNS it ran with: every function derives its own fast-check seed from FUZZ_SEED (seedFor), so
// the same case comes back (fast-check's own seed and path, printed with the failure, are those derived ones).

function envInt(name: string, dflt: number, min = 0): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`${name} must be a whole number of at least ${min}, not '${raw}'`);
  return n;
}

/** The seed every summary line prints: rerun with it (and the same FUZZ_RUNS) to replay a failure. */
export const SEED = envInt("FUZZ_SEED", 20250611, -(2 ** 31));
/** Cases per function through the wrapper (the main property). */
export const RUNS = envInt("FUZZ_RUNS", 250);
/** Cases per function through the Excel entry points and through HyperFormula (a sample of the same generator). */
export const EXCEL_RUNS = envInt("FUZZ_EXCEL_RUNS", Math.max(30, Math.round(RUNS / 5)));
export const HEADLESS_RUNS = envInt("FUZZ_HEADLESS_RUNS", Math.max(12, Math.round(RUNS / 25)));
/** 10,000-row cases per function (structured and chaos). */
export const BIG_RUNS = envInt("FUZZ_BIG_RUNS", Math.max(2, Math.round(RUNS / 1000)));
export const BIG_ROWS = 10_000;

/** Jest's limit per test, grown with the budget (the default 60 s is too short for FUZZ_RUNS=20000). */
export const TEST_TIMEOUT_MS = Math.max(60_000, RUNS * 50);

/** A generous guard against pathological slowness, not a benchmark. */
export const MAX_MS = 1000;

/** The seed of one function's property: distinct per function and per test file, reproducible from SEED. */
export function seedFor(fn: string, salt: string): number {
  let h = SEED | 0;
  for (const ch of `${salt}:${fn}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h | 0;
}
