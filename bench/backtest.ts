// `npm run backtest`: the demand forecast's rolling-origin backtest (issue 9). Every LA of the bundled history,
// origins 2016–2019, horizons 1–3 (targets ≤ 2022). Prints the weighted absolute percentage error
// (Σ|error| / Σactual) of the model and of the naive methods for Total and each placement group, the coverage
// of the 80% intervals, and PASS/FAIL lines for the targets; writes bench/backtest.json. Printed, not asserted.
//
// Honest intervals: at each origin the intervals use a calibration measured only from errors that were
// observable then (forecasts from earlier origins whose target year is ≤ the origin), never the shipped one.
// `npm run backtest -- --calibrate` also rewrites src/engine/forecast/calibration.json from every origin
// 2012–2021 (all targets ≤ 2022): the constants SEND.FORECAST ships with.
import fs from "node:fs";
import path from "node:path";
import { SHIPPED_CALIBRATION } from "../src/engine/forecast/intervals";
import { PLACEMENTS, TOTAL } from "../src/engine/forecast/breakdowns";
import { NAIVE_METHODS, naiveForecast } from "./forecast/naive";
import { areas, outcomes, type Outcome } from "./forecast/rolling";
import { calibrate, HORIZONS } from "./forecast/calibrate";

const ORIGINS = [2016, 2017, 2018, 2019];
const CALIBRATION_ORIGINS = [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021];
const LAST_YEAR = 2022;
const OUT = path.join(__dirname, "backtest.json");
const CALIBRATION_FILE = path.join(__dirname, "..", "src/engine/forecast/calibration.json");

type Table = Record<string, number[]>; // method -> WAPE by horizon

function wape(rows: readonly { f: number; a: number }[]): number {
  const err = rows.reduce((s, r) => s + Math.abs(r.f - r.a), 0);
  const act = rows.reduce((s, r) => s + r.a, 0);
  return act > 0 ? err / act : NaN;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function main(argv: string[]): void {
  const t0 = Date.now();
  const all = areas();
  process.stderr.write(`backtest: ${all.length} LAs with a readable history\n`);

  // 1. every origin's out-of-sample errors, with the shipped intervals (only the centrals are used from these)
  const byOrigin = new Map<number, Outcome[]>();
  for (const o of CALIBRATION_ORIGINS)
    byOrigin.set(o, outcomes(all, o, Math.min(HORIZONS, LAST_YEAR - o), SHIPPED_CALIBRATION));

  if (argv.includes("--calibrate")) {
    const cal = calibrate([...byOrigin.values()].flat());
    fs.writeFileSync(
      CALIBRATION_FILE,
      `${JSON.stringify(
        {
          note: "σ of ln((actual+1)/(forecast+1)) by breakdown, size band (last value below 30, 100, 300, 1000, or above) and horizon 1–3; from npm run backtest -- --calibrate (every LA, origins 2012–2021, targets ≤ 2022)",
          ...cal,
        },
        null,
        1,
      )}\n`,
    );
    process.stderr.write(`backtest: wrote ${path.relative(process.cwd(), CALIBRATION_FILE)}\n`);
  }

  // 2. the backtest proper: origins 2016–2019, intervals calibrated on what was known at each origin
  const results: Outcome[] = [];
  for (const origin of ORIGINS) {
    const known = [...byOrigin.entries()]
      .filter(([o]) => o < origin)
      .flatMap(([, os]) => os.filter((x) => x.origin + x.h <= origin));
    results.push(...outcomes(all, origin, HORIZONS, calibrate(known)));
  }

  const keys = [TOTAL.key, ...PLACEMENTS.map((p) => p.key)];
  const tables: Record<string, Table> = {};
  for (const key of keys) {
    const mine = results.filter((r) => r.key === key);
    const t: Table = { model: [] };
    for (const m of NAIVE_METHODS) t[m] = [];
    for (let h = 1; h <= HORIZONS; h++) {
      const at = mine.filter((r) => r.h === h);
      t.model.push(wape(at.map((r) => ({ f: r.row.central, a: r.actual }))));
      for (const m of NAIVE_METHODS)
        t[m].push(wape(at.map((r) => ({ f: naiveForecast(r.series, h, m), a: r.actual }))));
    }
    tables[key] = t;
  }
  const covered = (rs: Outcome[]) =>
    rs.filter((r) => r.row.low <= r.actual && r.actual <= r.row.high).length / rs.length;
  const coverage = {
    all: covered(results),
    byHorizon: Array.from({ length: HORIZONS }, (_, h) => covered(results.filter((r) => r.h === h + 1))),
    byBreakdown: Object.fromEntries(
      [...new Set(results.map((r) => r.key))].map((k) => [k, covered(results.filter((r) => r.key === k))]),
    ),
  };

  // 3. print
  const lines: string[] = [];
  lines.push(
    `Demand forecast backtest: ${all.length} LAs, origins ${ORIGINS.join(", ")}, horizons 1–${HORIZONS}; WAPE = Σ|forecast − actual| / Σactual`,
  );
  for (const key of keys) {
    lines.push("", `${key.padEnd(16)}${Array.from({ length: HORIZONS }, (_, h) => `h=${h + 1}`.padStart(9)).join("")}`);
    for (const [m, v] of Object.entries(tables[key]))
      lines.push(`  ${m.padEnd(14)}${v.map((x) => pct(x).padStart(9)).join("")}`);
  }
  lines.push(
    "",
    `80% interval coverage: ${coverage.all.toFixed(3)} overall; by horizon ${coverage.byHorizon.map((c) => c.toFixed(3)).join(", ")}`,
  );
  lines.push(
    `  by breakdown: ${Object.entries(coverage.byBreakdown)
      .map(([k, c]) => `${k} ${c.toFixed(3)}`)
      .join(", ")}`,
  );

  const checks: { name: string; pass: boolean; detail: string }[] = [];
  const naiveAt = (key: string, h: number) => NAIVE_METHODS.map((m) => tables[key][m][h]);
  for (let h = 0; h < HORIZONS; h++) {
    const best = Math.min(...naiveAt("total", h));
    checks.push({
      name: `total h=${h + 1} ≤ best naive`,
      pass: tables.total.model[h] <= best,
      detail: `${pct(tables.total.model[h])} vs ${pct(best)}`,
    });
  }
  for (const key of ["mainstream", "special", "isp"]) {
    for (let h = 0; h < HORIZONS; h++) {
      const med = median(naiveAt(key, h));
      checks.push({
        name: `${key} h=${h + 1} ≤ naive median`,
        pass: tables[key].model[h] <= med,
        detail: `${pct(tables[key].model[h])} vs ${pct(med)}`,
      });
    }
  }
  checks.push({
    name: "80% coverage in [0.70, 0.90]",
    pass: coverage.all >= 0.7 && coverage.all <= 0.9,
    detail: coverage.all.toFixed(3),
  });
  lines.push("");
  for (const c of checks) lines.push(`${c.pass ? "PASS" : "FAIL"}  ${c.name}: ${c.detail}`);
  process.stdout.write(`${lines.join("\n")}\n`);

  fs.writeFileSync(
    OUT,
    `${JSON.stringify(
      {
        generated: "npm run backtest",
        las: all.length,
        origins: ORIGINS,
        horizons: HORIZONS,
        cases: results.length,
        wape: tables,
        coverage,
        checks,
        seconds: (Date.now() - t0) / 1000,
      },
      null,
      1,
    )}\n`,
  );
  process.stderr.write(`backtest: wrote bench/backtest.json (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
}

if (require.main === module) main(process.argv.slice(2));
