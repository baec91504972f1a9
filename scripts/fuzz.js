#!/usr/bin/env node
// npm run fuzz: the fuzz suite (test/fuzz) with a large budget. `npm test` runs the same suite with a small one.
//   npm run fuzz                 20,000 cases per function through the wrapper (and a share through Excel/HyperFormula)
//   npm run fuzz -- 5000 1234    5,000 cases per function, seed 1234 (replays a failure fast-check reported)
// FUZZ_RUNS, FUZZ_SEED, FUZZ_EXCEL_RUNS, FUZZ_HEADLESS_RUNS and FUZZ_BIG_RUNS in the environment work too
// (test/fuzz/config.ts). Set here rather than as `FUZZ_RUNS=… jest` so the script also runs on Windows.
"use strict";
const path = require("path");
const { spawnSync } = require("child_process");

//   npm run fuzz -- --cases N    N cases per property, the file layer (test/fuzz/files.test.ts) included
//   npm run fuzz -- --seed-by-date  the seed is today's date (YYYYMMDD, printed): a CI slice that rotates daily
const argv = process.argv.slice(2);
const take = (flag) => {
  const i = argv.indexOf(flag);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  argv.splice(i, 2);
  return v;
};
const cases = take("--cases");
const byDate = argv.includes("--seed-by-date");
if (byDate) argv.splice(argv.indexOf("--seed-by-date"), 1);
let [runs = cases || process.env.FUZZ_RUNS || "20000", seed = process.env.FUZZ_SEED] = argv;
if (byDate) seed = new Date().toISOString().slice(0, 10).replace(/-/g, "");
for (const [name, v] of [
  ["runs", runs],
  ["seed", seed],
]) {
  if (v !== undefined && !/^-?\d+$/.test(v)) {
    console.error(`fuzz: ${name} must be a whole number, not '${v}'`);
    process.exit(2);
  }
}
const env = { ...process.env, FUZZ_RUNS: runs, FILE_FUZZ_RUNS: process.env.FILE_FUZZ_RUNS || runs };
console.error(`fuzz: ${runs} cases per property, seed ${seed === undefined ? "(default)" : seed}`);
if (seed !== undefined) env.FUZZ_SEED = seed;
const jest = require.resolve("jest/bin/jest");
const r = spawnSync(process.execPath, [jest, "test/fuzz"], { stdio: "inherit", env, cwd: path.join(__dirname, "..") });
process.exit(r.status === null ? 1 : r.status);
