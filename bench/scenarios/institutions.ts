// Scenarios 1 and 5: SEND.ALLOCATEALL over national-size tables, against a plain-number reference.
import { measureMany, type Timing } from "../lib/stats";
import { coreAllocateAll } from "../lib/core";
import { agreement, type Agreement } from "../lib/agree";
import type { Invoke } from "../lib/hosts";
import { syntheticRates, LOCAL_OPTION } from "../data/rates";
import { syntheticInstitutions } from "../data/institutions";
import { refAllocateAll } from "../reference/allocate";
import type { Cell } from "../../src/engine/types";

export type AllocateAll = (rates: Cell[][], option: string, table: Cell[][]) => unknown;

/** SEND.ALLOCATEALL as the bench times it: the registry's when there is one, else the engine core. */
export function oursAllocateAll(invoke: Invoke | null): { via: string; fn: AllocateAll } {
  if (invoke)
    return { via: "registry ALLOCATEALL (wrapper.invoke)", fn: (r, o, t) => invoke("ALLOCATEALL", [r, o, t]) };
  return { via: "engine core (readTable + allocateTotal)", fn: coreAllocateAll };
}

const toList = (x: unknown): unknown[] => (Array.isArray(x) ? x : [x]);

export interface InstitutionsResult {
  n: number;
  via: string;
  timings: Record<string, Timing>;
  agreement: Agreement;
}

export function institutionsScenario(
  n: number,
  invoke: Invoke | null,
  opts: { warmup: number; runs: number },
): InstitutionsResult {
  const rates = syntheticRates();
  const table = syntheticInstitutions(n);
  const ours = oursAllocateAll(invoke);
  const fns = {
    ours: () => ours.fn(rates, LOCAL_OPTION, table),
    reference: () => refAllocateAll(rates, LOCAL_OPTION, table),
    ...(invoke ? { core: () => coreAllocateAll(rates, LOCAL_OPTION, table) } : {}),
  } as Record<string, () => unknown>;
  const timings = measureMany(fns, opts);
  const oursOut = toList(fns.ours());
  return {
    n,
    via: ours.via,
    timings,
    agreement: agreement(oursOut, refAllocateAll(rates, LOCAL_OPTION, table)),
  };
}

export interface GrowthResult {
  via: string;
  sizes: number[];
  reps: number[];
  timings: Timing[];
  ratios: number[];
}

/**
 * Scenario 5: the same call at each size; the ratio of medians per tenfold. Sizes are measured round-robin
 * (1k 10k 100k, 1k 10k 100k, …) so a change in machine load hits every size alike, and a small size is
 * repeated within one measurement (1k × 20) so a run is not shorter than the timer's noise.
 */
export function growthScenario(sizes: number[], invoke: Invoke | null, runs: number): GrowthResult {
  const ours = oursAllocateAll(invoke);
  const rates = syntheticRates();
  const tables = sizes.map((n) => syntheticInstitutions(n));
  const reps = sizes.map((n) => Math.max(1, Math.round(20000 / n)));
  const fns: Record<string, () => unknown> = {};
  sizes.forEach((n, i) => {
    fns[String(n)] = () => {
      for (let k = 0; k < reps[i]; k++) ours.fn(rates, LOCAL_OPTION, tables[i]);
    };
  });
  const t = measureMany(fns, { warmup: 1, runs });
  const timings = sizes.map((n, i) => {
    const per = t[String(n)].runs.map((x) => x / reps[i]);
    return { runs: per, median: t[String(n)].median / reps[i], min: t[String(n)].min / reps[i] };
  });
  const ratios = timings.slice(1).map((x, i) => x.median / timings[i].median);
  return { via: ours.via, sizes, reps, timings, ratios };
}
