// Scenario 2: SEND.TOPUP for 600,000 pupils: as a sheet would compute them (one SEND.TOPUP over the pupil
// columns, lifted like Excel's own functions), per pupil (600,000 calls), and the engine's batch paths. Runs in a child
// process (bin/bench.js --child pupils …) so
// the peak resident set size it reports is its own: the process's VmHWM (bench/lib/peakRss.js; getrusage's maxRSS
// survives exec, so it would report the bench's own size) plus RSS sampled every 20,000 pupils while computing.
import { performance } from "node:perf_hooks";
import { median, maybeGc } from "../lib/stats";
import { peakKb } from "../lib/peakRss";
import { coreTopupAll, engineFastTopupAll } from "../lib/core";
import { loadInvoke } from "../lib/hosts";
import { syntheticRates, LOCAL_OPTION } from "../data/rates";
import { syntheticPupils, type Pupil } from "../data/pupils";
import type { Cell } from "../../src/engine/types";

export type PupilsMode = "lifted" | "wrapper" | "engineFast" | "core";

export interface PupilsResult {
  mode: PupilsMode;
  via: string;
  n: number;
  runs: number[];
  median: number;
  /** MB: this child's own peak RSS (VmHWM), and the highest RSS sampled while computing */
  maxRss: number;
  sampledRss: number;
  baselineRss: number;
  errors: number;
  checksum: number;
}

const MB = 1024 * 1024;

export function pupilsChild(mode: PupilsMode, n: number, runs: number): PupilsResult {
  const baselineRss = process.memoryUsage().rss / MB;
  const rates = syntheticRates();
  const pupils = syntheticPupils(n);
  let sampled = 0;
  const sample = () => {
    const r = process.memoryUsage().rss / MB;
    if (r > sampled) sampled = r;
  };
  let run: () => unknown[];
  let via: string;
  if (mode === "lifted") {
    const invoke = loadInvoke();
    if (!invoke) throw new Error("wrapper.ts not available");
    // the pupils as a sheet holds them: four columns, each handed over as one range (built before timing)
    const columns = [0, 1, 2, 3].map((k) => pupils.map((p): Cell[] => [p[k]]));
    via =
      "wrapper.invoke('TOPUP', …) once, setting, band, months and fte as 600,000-row columns (lifted: one result per pupil)";
    run = () => {
      const r = invoke("TOPUP", [rates, LOCAL_OPTION, ...columns]);
      sample();
      return Array.isArray(r) ? r : [r];
    };
  } else if (mode === "wrapper") {
    const invoke = loadInvoke();
    if (!invoke) throw new Error("wrapper.ts not available");
    via = "wrapper.invoke('TOPUP', …) per pupil (one rates array, hashed by content each call)";
    run = () => {
      const out = new Array(pupils.length);
      for (let i = 0; i < pupils.length; i++) {
        const p = pupils[i];
        out[i] = invoke("TOPUP", [rates, LOCAL_OPTION, p[0], p[1], p[2], p[3]]);
        if (i % 20000 === 0) sample();
      }
      return out;
    };
  } else {
    const engineFast = engineFastTopupAll();
    if (mode === "engineFast" && !engineFast) throw new Error("src/engine/fast not available");
    const batch = mode === "core" ? coreTopupAll : engineFast!;
    via =
      mode === "core"
        ? "engine decimal batch (option resolved once; Decimal per pupil)"
        : "engine fast path batch (src/engine/fast topupAmount, option resolved once)";
    run = () => {
      const out: unknown[] = [];
      for (let i = 0; i < pupils.length; i += 20000) {
        const r = batch(rates, LOCAL_OPTION, pupils.slice(i, i + 20000) as Pupil[] as Cell[][]);
        if (Array.isArray(r)) for (const x of r) out.push(x);
        sample();
      }
      return out;
    };
  }
  let last: unknown[] = run(); // warm-up
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    maybeGc();
    const t0 = performance.now();
    last = run();
    times.push(performance.now() - t0);
  }
  if (mode === "lifted") last = last.map((row) => (Array.isArray(row) ? row[0] : row)); // one-column spill -> values
  let errors = 0,
    checksum = 0;
  for (const x of last)
    if (typeof x === "number") checksum += x;
    else errors++;
  return {
    mode,
    via,
    n,
    runs: times,
    median: median(times),
    maxRss: peakKb() / 1024,
    sampledRss: sampled,
    baselineRss,
    errors,
    checksum: Math.round(checksum * 100) / 100,
  };
}
