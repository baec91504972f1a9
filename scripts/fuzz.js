#!/usr/bin/env node
// npm run fuzz: the fuzz suite (test/fuzz) with a large budget. `npm test` runs the same suite with a small one.
//   npm run fuzz                 20,000 cases per function through the wrapper (and a share through Excel/HyperFormula)
//   npm run fuzz -- 5000 1234    5,000 cases per function, seed 1234 (replays a failure fast-check reported)
// FUZZ_RUNS, FUZZ_SEED, FUZZ_EXCEL_RUNS, FUZZ_HEADLESS_RUNS and FUZZ_BIG_RUNS in the environment work too
// (test/fuzz/config.ts). Set here rather than as `FUZZ_RUNS=… jest` so the script also runs on Windows.
"use strict";
const path = require("path");
const { spawnSync } = require("child_process");

const [runs = process.env.FUZZ_RUNS || "20000", seed = process.env.FUZZ_SEED] = process.argv.slice(2);
for (const [name, v] of [["runs", runs], ["seed", seed]]) {
  if (v !== undefined && !/^-?\d+$/.test(v)) {
    console.error(`fuzz: ${name} must be a whole number, not '${v}'`);
    process.exit(2);
  }
}
const env = { ...process.env, FUZZ_RUNS: runs };
if (seed !== undefined) env.FUZZ_SEED = seed;
const jest = require.resolve("jest/bin/jest");
const r = spawnSync(process.execPath, [jest, "test/fuzz"], { stdio: "inherit", env, cwd: path.join(__dirname, "..") });
process.exit(r.status === null ? 1 : r.status);
