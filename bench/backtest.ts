// `npm run backtest`: the demand forecast's rolling-origin backtest (issues 9 and 18). Every LA of the bundled
// history, evaluation origins 2016–2019, horizons 1–3 (targets ≤ 2022). For Total, mainstream, special and ISP it
// prints the weighted absolute percentage error (Σ|error| / Σactual) of every candidate method, of the 0.2 method
// and of the six naive methods, in the same run; then the coverage of the 80% intervals by breakdown and horizon,
// and PASS/FAIL lines for the targets. Writes bench/backtest.json. Printed, not asserted.
//
// No peeking: the "chosen" method is selected afresh at each evaluation origin on the origins whose targets were
// all published by then (bench/forecast/select.ts), and its intervals use a calibration measured only from errors
// observable then. `npm run backtest -- --calibrate` selects the shipped method on every origin 2012–2019 (all
// targets ≤ 2022) and writes it (src/engine/forecast/method.json) with its interval constants
// (calibration.json, from origins 2012–2021): what SEND.FORECAST ships with.
import fs from "node:fs";
import path from "node:path";
import { SHIPPED_CALIBRATION } from "../src/engine/forecast/intervals";
import { BASELINE, type Method } from "../src/engine/forecast/method";
import { NAIVE_METHODS, naiveForecast } from "./forecast/naive";
import { areas, outcomes, upTo, type Area, type Outcome } from "./forecast/rolling";
import { calibrate, HORIZONS } from "./forecast/calibrate";
import { errorsAt, selectMethod } from "./forecast/select";

const ORIGINS = [2016, 2017, 2018, 2019];
const FIRST_ORIGIN = 2012;
const LAST_YEAR = 2022;
const KEYS = ["total", "mainstream", "special", "isp"];
const OUT = path.join(__dirname, "backtest.json");
const SRC = path.join(__dirname, "..", "src/engine/forecast");

/** Fixed candidates shown beside the chosen method (each a point on the selection grid). */
const CANDIDATES: Method[] = [
  BASELINE,
  { name: "less damped", phi: 0.85, total: 1, parts: 1, years: 3, partYears: 3 },
  { name: "undamped", phi: 1, total: 1, parts: 1, years: 3, partYears: 3 },
  { name: "pooled ½", phi: 0.7, total: 0.5, parts: 0.5, years: 3, partYears: 3 },
  { name: "pooled ½ undamped", phi: 1, total: 0.5, parts: 0.5, years: 3, partYears: 3 },
  { name: "pooled ½ last yr", phi: 0.7, total: 0.5, parts: 0.5, years: 1, partYears: 1 },
];

const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => a + i);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const describe = (m: Method) =>
  `φ ${m.phi}, own weight ${m.total} (Total) / ${m.parts} (groups), England ${m.years}-yr / ${m.partYears}-yr growth`;

/** The method chosen at an origin: selected on every earlier origin whose targets were published by then. */
function chosenAt(all: readonly Area[], origin: number): Method {
  return selectMethod(all, range(FIRST_ORIGIN, origin - HORIZONS), "chosen");
}

/** Outcomes of `m` from every origin before `origin` whose targets were published by `origin`. */
function knownBefore(all: readonly Area[], m: Method, origin: number): Outcome[] {
  return range(FIRST_ORIGIN, origin - 1).flatMap((o) =>
    outcomes(all, o, Math.min(HORIZONS, origin - o), SHIPPED_CALIBRATION, m),
  );
}

function wapeOf(all: readonly Area[], m: Method | ((o: number) => Method), key: string): number[] {
  return Array.from({ length: HORIZONS }, (_, h) => {
    let err = 0,
      act = 0;
    for (const o of ORIGINS) {
      const e = errorsAt(all, typeof m === "function" ? m(o) : m, o)[key];
      err += e.err[h];
      act += e.act[h];
    }
    return err / act;
  });
}

function naiveWape(all: readonly Area[], key: string): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const method of NAIVE_METHODS) {
    out[method] = Array.from({ length: HORIZONS }, (_, h) => {
      let err = 0,
        act = 0;
      for (const o of ORIGINS)
        for (const a of all) {
          const hist = upTo(a.history, o);
          const i = a.history.columns.findIndex((c) => c.breakdown.key === key);
          const t = a.history.years.indexOf(o + h + 1);
          if (!hist || i < 0 || t < 0) continue;
          const actual = a.history.columns[i].values[t];
          err += Math.abs(naiveForecast(hist.columns[i].values, h + 1, method) - actual);
          act += actual;
        }
      return err / act;
    });
  }
  return out;
}

export function main(argv: string[]): void {
  const t0 = Date.now();
  const all = areas();
  process.stderr.write(`backtest: ${all.length} LAs with a readable history\n`);

  if (argv.includes("--calibrate")) {
    const shipped = { ...selectMethod(all, range(FIRST_ORIGIN, LAST_YEAR - HORIZONS), "0.3") };
    fs.writeFileSync(
      path.join(SRC, "method.json"),
      `${JSON.stringify({ ...shipped, note: `chosen by npm run backtest -- --calibrate on origins ${FIRST_ORIGIN}–${LAST_YEAR - HORIZONS} (every target ≤ ${LAST_YEAR})` }, null, 1)}\n`,
    );
    const cal = calibrate(
      range(FIRST_ORIGIN, LAST_YEAR - 1).flatMap((o) =>
        outcomes(all, o, Math.min(HORIZONS, LAST_YEAR - o), SHIPPED_CALIBRATION, shipped),
      ),
    );
    fs.writeFileSync(
      path.join(SRC, "calibration.json"),
      `${JSON.stringify(
        {
          note: `σ of ln((actual+1)/(forecast+1)) by breakdown, size band (last value below 30, 100, 300, 1000, or above) and horizon 1–3; from npm run backtest -- --calibrate (method ${shipped.name}, every LA, origins ${FIRST_ORIGIN}–${LAST_YEAR - 1}, targets ≤ ${LAST_YEAR})`,
          ...cal,
        },
        null,
        1,
      )}\n`,
    );
    process.stderr.write(`backtest: shipped method ${describe(shipped)}; wrote method.json and calibration.json\n`);
  }

  // the chosen method at each evaluation origin, and its outcomes with honest intervals
  const chosen = new Map(ORIGINS.map((o) => [o, chosenAt(all, o)]));
  const results: Outcome[] = [];
  for (const o of ORIGINS) {
    const m = chosen.get(o)!;
    results.push(...outcomes(all, o, HORIZONS, calibrate(knownBefore(all, m, o)), m));
  }

  const tables: Record<string, Record<string, number[]>> = {};
  for (const key of KEYS) {
    const t: Record<string, number[]> = { chosen: wapeOf(all, (o) => chosen.get(o)!, key) };
    for (const c of CANDIDATES) t[c.name] = wapeOf(all, c, key);
    Object.assign(t, naiveWape(all, key));
    tables[key] = t;
  }
  const covered = (rs: Outcome[]) =>
    rs.filter((r) => r.row.low <= r.actual && r.actual <= r.row.high).length / rs.length;
  const coverage: Record<string, number[]> = {};
  for (const key of [...new Set(results.map((r) => r.key))])
    coverage[key] = Array.from({ length: HORIZONS }, (_, h) =>
      covered(results.filter((r) => r.key === key && r.h === h + 1)),
    );

  const lines: string[] = [];
  lines.push(
    `Demand forecast backtest: ${all.length} LAs, origins ${ORIGINS.join(", ")}, horizons 1–${HORIZONS}; WAPE = Σ|forecast − actual| / Σactual`,
    `chosen = selected at each origin on origins ${FIRST_ORIGIN}…origin−${HORIZONS}: ${ORIGINS.map((o) => `${o}: ${describe(chosen.get(o)!)}`).join("; ")}`,
  );
  for (const key of KEYS) {
    lines.push("", `${key.padEnd(20)}${Array.from({ length: HORIZONS }, (_, h) => `h=${h + 1}`.padStart(9)).join("")}`);
    for (const [m, v] of Object.entries(tables[key]))
      lines.push(`  ${m.padEnd(18)}${v.map((x) => pct(x).padStart(9)).join("")}`);
  }
  lines.push("", "80% interval coverage (chosen method, calibrated at each origin on errors observable then):");
  for (const [k, v] of Object.entries(coverage))
    lines.push(`  ${k.padEnd(12)}${v.map((c) => c.toFixed(3).padStart(7)).join("")}`);

  const checks: { name: string; pass: boolean; detail: string }[] = [];
  const naiveAt = (key: string, h: number) => NAIVE_METHODS.map((m) => tables[key][m][h]);
  for (let h = 0; h < HORIZONS; h++) {
    const best = Math.min(...naiveAt("total", h));
    const base = tables.total[BASELINE.name][h];
    checks.push({
      name: `total h=${h + 1} < every naive and < ${BASELINE.name}`,
      pass: tables.total.chosen[h] < best && tables.total.chosen[h] < base,
      detail: `${pct(tables.total.chosen[h])} vs best naive ${pct(best)}, ${BASELINE.name} ${pct(base)}`,
    });
  }
  for (const key of ["mainstream", "special", "isp"]) {
    const best = Math.min(...naiveAt(key, HORIZONS - 1));
    checks.push({
      name: `${key} h=${HORIZONS} ≤ best naive`,
      pass: tables[key].chosen[HORIZONS - 1] <= best,
      detail: `${pct(tables[key].chosen[HORIZONS - 1])} vs ${pct(best)}`,
    });
  }
  for (const key of KEYS)
    for (let h = 0; h < HORIZONS; h++) {
      const c = coverage[key][h];
      checks.push({
        name: `${key} h=${h + 1} 80% coverage in [0.75, 0.85]`,
        pass: c >= 0.75 && c <= 0.85,
        detail: c.toFixed(3),
      });
    }
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
        chosen: Object.fromEntries(chosen),
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
