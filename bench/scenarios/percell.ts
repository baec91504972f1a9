// Scenario 3: 10,000 SEND.ALLOCATE calls the way Excel makes them, through the custom-function wrapper.
// Excel hands every call a fresh array for each range argument, so each call gets its own equal-content
// copy of the rates table, the header row and its values row (built before timing: copying is Excel's
// cost, not ours). Reported: the median over runs of (run time / calls), and the median single call.
import { performance } from "node:perf_hooks";
import { median, maybeGc } from "../lib/stats";
import type { Invoke } from "../lib/hosts";
import { syntheticRates, LOCAL_OPTION } from "../data/rates";
import { syntheticInstitutions } from "../data/institutions";
import { refAllocateAll } from "../reference/allocate";
import { agreement, type Agreement } from "../lib/agree";
import type { Cell } from "../../src/engine/types";

export interface PerCellResult {
  calls: number;
  runs: number[];
  perCallMean: number;
  perCallMedian: number;
  perCallP99: number;
  agreement: Agreement;
}

export function perCellScenario(invoke: Invoke, calls: number, opts: { warmup: number; runs: number }): PerCellResult {
  const rates = syntheticRates();
  const table = syntheticInstitutions(calls, 31337);
  const header = table[0];
  const args: [Cell[][], string, Cell[][], Cell[][]][] = [];
  for (let i = 1; i <= calls; i++) {
    args.push([rates.map((r) => [...r]), LOCAL_OPTION, [[...header]], [[...table[i]]]]);
  }
  const out: unknown[] = new Array(calls);
  const single: number[] = new Array(calls);
  const pass = (timeEach: boolean) => {
    if (timeEach) {
      for (let i = 0; i < calls; i++) {
        const t0 = performance.now();
        out[i] = invoke("ALLOCATE", args[i]);
        single[i] = performance.now() - t0;
      }
    } else for (let i = 0; i < calls; i++) out[i] = invoke("ALLOCATE", args[i]);
  };
  for (let i = 0; i < opts.warmup; i++) pass(false);
  const runs: number[] = [];
  for (let k = 0; k < opts.runs; k++) {
    maybeGc();
    const t0 = performance.now();
    pass(false);
    runs.push(((performance.now() - t0) * 1000) / calls);
  }
  maybeGc();
  pass(true);
  const sorted = [...single].sort((a, b) => a - b);
  return {
    calls,
    runs,
    perCallMean: median(runs),
    perCallMedian: median(single) * 1000,
    perCallP99: sorted[Math.floor(calls * 0.99)] * 1000,
    agreement: agreement(out, refAllocateAll(rates, LOCAL_OPTION, table)),
  };
}
