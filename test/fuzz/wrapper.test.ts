// Fuzzing every SEND function through the wrapper (issue 6): random and nearly valid arguments; every call returns
// a value or a contract error, never throws, never NaN/Infinity, its spill size agrees with its result, and it is fast.
import fc from "fast-check";
import { casesFor, NAMES } from "./cases";
import { RUNS, SEED, seedFor, TEST_TIMEOUT_MS } from "./config";
import { checkCall, statsOf, summary } from "./oracle";

/**
 * Shares of calls that must get through, so the fuzzing reaches the engine and does not stop at the first
 * argument check: past the wrapper's argument checks; a value rather than a whole-formula error (a missing rate,
 * a bad row, an unreachable budget are deep errors, so these floors are low); a result holding a number.
 * Observed shares (default seed) are about 1.5 times these floors.
 */
const MIN_COERCED = 0.5;
const MIN_OK: Record<string, number> = {
  ALLOCATE: 0.25,
  BREAKDOWN: 0.25,
  ALLOCATEALL: 0.3,
  COMPARE: 0.25,
  TOPUP: 0.15,
  BAND: 0.2,
  FIT: 0.2,
  DEFICIT: 0.3,
  PROJECT: 0.3,
  PLAN: 0.3,
  PAYBACK: 0.2,
  FORECAST: 0.25,
  SUFFICIENCY: 0.2,
  APPRAISE: 0.2,
  REGISTER: 0.2,
  FACTORS: 0.5,
  CHECK: 0.4,
};
const MIN_NUMERIC: Record<string, number> = {
  ALLOCATE: 0.25,
  BREAKDOWN: 0.25,
  ALLOCATEALL: 0.25,
  COMPARE: 0.25,
  TOPUP: 0.15,
  FIT: 0.2,
  DEFICIT: 0.3,
  PROJECT: 0.3,
  PAYBACK: 0.2,
  FORECAST: 0.25,
  APPRAISE: 0.2,
};

afterAll(() => {
  console.log(summary("wrapper", SEED));
});

describe.each(NAMES)("SEND.%s through the wrapper", (name) => {
  test(
    `${RUNS} random calls: values or contract errors, finite, sized, fast`,
    () => {
      fc.assert(
        fc.property(casesFor(name), (c) => {
          checkCall(name, c.args);
        }),
        { seed: seedFor(name, "wrapper"), numRuns: RUNS },
      );
      const s = statsOf(name);
      expect(s.coerced / s.cases).toBeGreaterThanOrEqual(MIN_COERCED);
      expect(s.ok / s.cases).toBeGreaterThanOrEqual(MIN_OK[name]);
      if (MIN_NUMERIC[name] !== undefined) expect(s.numeric / s.cases).toBeGreaterThanOrEqual(MIN_NUMERIC[name]);
    },
    TEST_TIMEOUT_MS,
  );
});
