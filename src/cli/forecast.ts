// `send-model forecast CASELOAD.csv [--new-plans NEW.csv] [--la CODE|NAME|all] [--origin YEAR] [--horizon N]
// [--coverage C] [--json]` (contract section 6): each area's history from the tidy files, forecast by exactly
// the engine SEND.FORECAST runs (the same history table, the same function), so the numbers are the same.
import { readTidyFiles, TidyProblem, type TidyArea } from "../data/ehcp/tidy";
import { checkOptions, forecast, type ForecastRow } from "../engine/forecast";
import { isSendError } from "../engine/errors";
import { nearest } from "../engine/nearest";
import { FileProblem } from "../headless/io/files";
import { readInputText } from "../headless/io/inputFile";
import { progress, type CliIo } from "./io";

export interface ForecastOpts {
  newPlans?: string;
  la?: string;
  origin?: string;
  horizon?: string;
  coverage?: string;
  json?: boolean;
}

/** What one area gives: its forecast, or the function's message when its history cannot be forecast. */
export type AreaResult =
  | { name: string; forecast: { year: number; breakdown: string; low: number; central: number; high: number }[] }
  | { name: string; error: string };

function readText(file: string, what: string): string {
  return readInputText(file, { what, maxBytes: 100_000_000 }); // a FIFO or /dev/zero refused, not waited on
}

function numberOpt(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n)) throw new FileProblem(`${flag} '${text}' is not a number`);
  return n;
}

/** The history table of an area, as SEND.FORECAST would see it on a sheet. */
export function historyGrid(columns: readonly string[], area: TidyArea): (string | number | null)[][] {
  return [[...columns], ...area.rows];
}

/** Forecasts the chosen areas: the JSON object of contract section 6, keyed by la_code, in file order. */
export function forecastAreas(
  caseloadText: string,
  newPlansText: string | undefined,
  opts: ForecastOpts,
  names = { caseload: "caseload file", newPlans: "new-plans file" },
): Record<string, AreaResult> {
  const origin = numberOpt(opts.origin, "--origin");
  if (origin !== undefined && !Number.isInteger(origin))
    throw new FileProblem(`--origin '${opts.origin}' is not a year`);
  const checked = checkOptions({
    horizon: numberOpt(opts.horizon, "--horizon"),
    coverage: numberOpt(opts.coverage, "--coverage"),
  });
  if (isSendError(checked)) throw new FileProblem(`--${checked.message}`);
  let tidy;
  try {
    tidy = readTidyFiles(caseloadText, newPlansText, {
      origin,
      caseloadName: names.caseload,
      newPlansName: names.newPlans,
    });
  } catch (e) {
    if (e instanceof TidyProblem) throw new FileProblem(e.message);
    throw e;
  }
  const chosen = choose(tidy.areas, opts.la ?? "all");
  const out: Record<string, AreaResult> = {};
  for (const area of chosen) {
    const rows = forecast(historyGrid(tidy.columns, area), { horizon: checked.horizon, coverage: checked.coverage });
    out[area.code] = isSendError(rows)
      ? { name: area.name, error: rows.message }
      : { name: area.name, forecast: rows.map(jsonRow) };
  }
  return out;
}

function jsonRow(r: ForecastRow) {
  return { year: r.year, breakdown: r.breakdown.key, low: r.low, central: r.central, high: r.high };
}

/** `all`, a code, or a name (case-insensitive); an unknown one is a usage problem naming the nearest. */
function choose(areas: readonly TidyArea[], la: string): TidyArea[] {
  const key = la.trim().toLowerCase();
  if (key === "all") return [...areas];
  const hit = areas.filter((a) => a.code.toLowerCase() === key || a.name.toLowerCase() === key);
  if (hit.length) return hit;
  const near = nearest(
    la.trim(),
    areas.flatMap((a) => [a.code, a.name]),
  );
  throw new FileProblem(
    `--la '${la}' is not an area of the caseload file${near ? `; did you mean '${near}'?` : ""} (give a code, a name or all)`,
  );
}

/** One JSON object, one area per line (keys in file order). */
export function forecastJson(results: Record<string, AreaResult>): string {
  const entries = Object.entries(results);
  if (entries.length === 0) return "{}\n";
  return `{\n${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(",\n")}\n}\n`;
}

/** A plain table: la_code, la_name, year, breakdown, low, central, high (CSV, names quoted when needed). */
function forecastCsv(results: Record<string, AreaResult>): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ["la_code,la_name,year,breakdown,low,central,high"];
  for (const [code, r] of Object.entries(results)) {
    if ("forecast" in r)
      for (const f of r.forecast)
        lines.push([q(code), q(r.name), f.year, q(f.breakdown), f.low, f.central, f.high].join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** Runs the command; resolves to whether at least one area was forecast. */
export function runForecast(caseload: string, opts: ForecastOpts, io: CliIo, quiet: boolean): boolean {
  const say = progress(io, quiet);
  const caseloadText = readText(caseload, "caseload file");
  const newPlansText = opts.newPlans === undefined ? undefined : readText(opts.newPlans, "new-plans file");
  const results = forecastAreas(caseloadText, newPlansText, opts, {
    caseload,
    newPlans: opts.newPlans ?? "new-plans file",
  });
  const failed = Object.entries(results).filter(([, r]) => "error" in r);
  for (const [code, r] of failed) say(`${code} ${r.name}: ${"error" in r ? r.error : ""}`);
  const done = Object.keys(results).length - failed.length;
  say(`forecast ${done} of ${Object.keys(results).length} areas`);
  io.out(opts.json ? forecastJson(results) : forecastCsv(results));
  return done > 0;
}
