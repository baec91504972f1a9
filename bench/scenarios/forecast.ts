// Scenario 6 (issue 9): the demand forecast. (a) every LA of the published files through the real CLI
// (`send-model forecast … --json`, a child process, start-up included); (b) one SEND.FORECAST recalculation in a
// HeadlessWorkbook after a history cell changes (England's history, 13 years × 16 columns, horizon 15).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { HeadlessWorkbook } from "../../src/headless";
import { historyTable, ENGLAND_CODE } from "../../src/data/ehcp";
import { median } from "../lib/stats";

const ROOT = path.join(__dirname, "../..");
const BIN = path.join(ROOT, "bin/send-model.js");
const CASELOAD = path.join(ROOT, "data/ehcp/ehcp-caseload-2010-2022.csv");
const NEW_PLANS = path.join(ROOT, "data/ehcp/ehcp-new-plans-2009-2021.csv");

export interface ForecastBench {
  cli: { runs: number[]; median: number; las: number; forecast: number; errors: number } | { error: string };
  recalc: { runs: number[]; median: number; rows: number };
}

function cliRun(): { ms: number; las: number; forecast: number } | { error: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, "forecast", CASELOAD, "--new-plans", NEW_PLANS, "--json", "-q"], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) return { error: (r.stderr || `exit ${r.status}`).trim().split("\n").slice(-2).join(" ") };
  const out = JSON.parse(r.stdout) as Record<string, { forecast?: unknown[] }>;
  const las = Object.keys(out).length;
  return { ms, las, forecast: Object.values(out).filter((v) => v.forecast).length };
}

export function forecastScenario(runs: number): ForecastBench {
  const cliRuns: number[] = [];
  let cli: ForecastBench["cli"] | undefined;
  for (let i = 0; i < runs; i++) {
    const r = cliRun();
    if ("error" in r) {
      cli = r;
      break;
    }
    cliRuns.push(r.ms);
    cli = { runs: cliRuns, median: median(cliRuns), las: r.las, forecast: r.forecast, errors: r.las - r.forecast };
  }

  const table = historyTable(ENGLAND_CODE)!;
  const wb = HeadlessWorkbook.create({ History: table, Calc: [[`=SEND.FORECAST(History!A1:Q${table.length}, 15)`]] });
  const total0 = table[table.length - 1][1] as number;
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs * 4 + 1; i++) {
    const t0 = performance.now();
    wb.setCells("History", `B${table.length}`, [[total0 + (i % 2)]]); // the latest Total, edited: the forecast recalculates
    const v = wb.getValues("Calc", "A1:E241");
    const ms = performance.now() - t0;
    rows = v.filter((r) => r[0] !== null).length;
    if (i > 0) times.push(ms); // the first is a warm-up
  }
  return { cli: cli ?? { error: "not run" }, recalc: { runs: times, median: median(times), rows } };
}
