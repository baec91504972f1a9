// Scenario 8 (issue 13): SEND.FIT on 300,000 amounts through `wrapper.invoke`, as a sheet passes them (one column
// of numbers, a baseline column, a floor and a cap), against the 0.2.0 decimal.js solver (reference/fit.ts) on
// 30,000 of the same rows, interleaved, results compared.
import { D } from "../../src/engine/money";
import { isSendError } from "../../src/engine/errors";
import { fitDetailed, fitResults } from "../../src/engine/fit";
import { fitDetailed as referenceFit } from "../reference/fit";
import type { Invoke } from "../lib/hosts";
import { rng } from "../lib/prng";
import { measure, measureMany, type Timing } from "../lib/stats";

export interface FitBench {
  rows: number;
  invoke: Timing;
  /** the same 30,000-row problem: scaled-integer engine vs the decimal reference */
  small: { rows: number; engine: Timing; reference: Timing; same: boolean };
}

/** Amounts up to £100,000 in pennies; baselines within ±10% of them; a budget 1% above the baselines' total. */
function table(n: number, seed: number): { amounts: number[][]; baseline: number[][]; budget: number } {
  const r = rng(seed);
  const amounts = Array.from({ length: n }, () => [r.int(0, 10_000_000) / 100]);
  const baseline = amounts.map(([a]) => [Math.round(a * r.between(0.9, 1.1) * 100) / 100]);
  const budget = Math.round(baseline.reduce((t, [b]) => t + b, 0) * 1.01);
  return { amounts, baseline, budget };
}

export function fitScenario(invoke: Invoke, runs: number, n = 300_000, small = 30_000): FitBench {
  const big = table(n, 8);
  const args = [big.amounts, big.budget, big.baseline, -0.005, 0.03];
  const invokeTiming = measure(() => invoke("FIT", args), { runs });

  const s = table(small, 80);
  const amounts = s.amounts.map(([a]) => new D(a));
  const baseline = s.baseline.map(([b]) => new D(b));
  const opts = { baseline, floor: new D("-0.005"), cap: new D("0.03") };
  const budget = new D(s.budget);
  const t = measureMany(
    { engine: () => fitDetailed(amounts, budget, opts), reference: () => referenceFit(amounts, budget, opts) },
    { runs },
  );
  const mine = fitDetailed(amounts, budget, opts);
  const theirs = referenceFit(amounts, budget, opts);
  const same =
    !isSendError(mine) &&
    !isSendError(theirs) &&
    fitResults(mine).every((v, i) => v.eq(theirs.results[i])) &&
    mine.factor.eq(theirs.factor);
  return { rows: n, invoke: invokeTiming, small: { rows: small, engine: t.engine, reference: t.reference, same } };
}
