// `send-model forecast CASELOAD.csv [--new-plans NEW.csv] [--la CODE|NAME|all] [--origin YEAR] [--horizon N]
// [--coverage C] [--json]` (contract section 6): each area's history from the tidy files, forecast by exactly
// the engine SEND.FORECAST runs (the same history table, the same function), so the numbers are the same.
import { completeFromBundled, ENGLAND_CODE, HISTORY_SOURCE, laNumber } from "../data/ehcp";
import { readReleaseFiles, releaseKind } from "../data/ehcp/release";
import { readTidyFiles, TidyProblem, type TidyArea } from "../data/ehcp/tidy";
import { breakdownOf, checkOptions, forecast, readHistory, type ForecastRow } from "../engine/forecast";
import { isSendError } from "../engine/errors";
import { nearest } from "../engine/nearest";
import { FileProblem } from "../headless/io/files";
import { looksLikeFormula } from "../model/publish";
import { readReleasePaths, readText } from "./release";
import { progress, type CliIo } from "./io";

export interface ForecastOpts {
  newPlans?: string;
  /** the DfE release as downloaded: a folder, its zip, or its caseload.csv (and newplans.csv) */
  release?: string[];
  la?: string;
  origin?: string;
  horizon?: string;
  coverage?: string;
  json?: boolean;
}

type JsonRow = { year: number; breakdown: string; low: number; central: number; high: number };

/** What one area gives: its forecast (with what was read), or the function's message when it cannot be forecast. */
export type AreaResult =
  | { name: string; origin: number; last: Record<string, number>; coverage: number; forecast: JsonRow[] }
  | { name: string; error: string };

/** What was read: histories by area, and what a reader of the forecast should know about them. */
export interface Histories {
  columns: string[];
  areas: (TidyArea & { oldCode?: string })[];
  warnings: string[];
}

function numberOpt(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n)) throw new FileProblem(`${flag} '${text}' is not a number`);
  return n;
}

/** --origin, --horizon and --coverage checked (a usage problem naming the flag). */
function checkFlags(opts: ForecastOpts): { origin?: number; checked: { horizon: number; coverage: number } } {
  const origin = numberOpt(opts.origin, "--origin");
  if (origin !== undefined && !Number.isInteger(origin))
    throw new FileProblem(`--origin '${opts.origin}' is not a year`);
  const checked = checkOptions({
    horizon: numberOpt(opts.horizon, "--horizon"),
    coverage: numberOpt(opts.coverage, "--coverage"),
  });
  if (isSendError(checked)) throw new FileProblem(`--${checked.message}`);
  return { origin, checked };
}

/** The history table of an area, as SEND.FORECAST would see it on a sheet. */
export function historyGrid(columns: readonly string[], area: TidyArea): (string | number | null)[][] {
  return [[...(area.columns ?? columns)], ...area.rows];
}

/** The histories in either layout: the tidy files, or the DfE release (told apart by the caseload's header row). */
export function readHistories(
  caseloadText: string,
  newPlansText: string | undefined,
  origin: number | undefined,
  names = { caseload: "caseload file", newPlans: "new-plans file" },
): Histories {
  const opts = { origin, caseloadName: names.caseload, newPlansName: names.newPlans };
  const firstLine = caseloadText.slice(0, caseloadText.indexOf("\n") >>> 0);
  try {
    if (releaseKind(firstLine) === "caseload") {
      const h = readReleaseFiles(caseloadText, newPlansText, opts);
      if (completeFromBundled(h.columns, h.areas) > 0)
        h.warnings.push(
          `years before the release's first census, and New plans the release does not hold, are from the bundled history (${HISTORY_SOURCE.replace(/;.*$/, "")})`,
        );
      return h;
    }
    return { ...readTidyFiles(caseloadText, newPlansText, opts), warnings: [] };
  } catch (e) {
    if (e instanceof TidyProblem) throw new FileProblem(e.message);
    throw e;
  }
}

/** Forecasts the chosen areas: the JSON object of contract section 6, keyed by la_code, in file order. */
export function forecastAreas(
  caseloadText: string,
  newPlansText: string | undefined,
  opts: ForecastOpts,
  names = { caseload: "caseload file", newPlans: "new-plans file" },
): Record<string, AreaResult> {
  const { origin, checked } = checkFlags(opts);
  return forecastHistories(readHistories(caseloadText, newPlansText, origin, names), opts.la ?? "all", checked);
}

/** Forecasts the chosen areas of histories already read. Keyed by la_code ("__proto__" is a code like any other). */
export function forecastHistories(
  histories: Histories,
  la: string,
  checked: { horizon: number; coverage: number },
): Record<string, AreaResult> {
  const out = Object.create(null) as Record<string, AreaResult>;
  // England's row, when the files hold it, is the growth every area is pooled toward (a release's newer years)
  const englandArea = histories.areas.find((a) => a.code === ENGLAND_CODE && !a.problem);
  const englandHistory = englandArea && readHistory(historyGrid(histories.columns, englandArea));
  const england = englandHistory && !isSendError(englandHistory) ? englandHistory : undefined;
  for (const area of choose(histories.areas, la)) {
    if (area.problem) {
      out[area.code] = { name: area.name, error: area.problem };
      continue;
    }
    const grid = historyGrid(histories.columns, area);
    const rows = forecast(grid, { horizon: checked.horizon, coverage: checked.coverage, england });
    out[area.code] = isSendError(rows)
      ? { name: area.name, error: rows.message }
      : { name: area.name, ...lastCensus(grid), coverage: checked.coverage, forecast: rows.map(jsonRow) };
  }
  return out;
}

/** The origin (last census year read) and that census's counts, keyed as the forecast's breakdowns. */
function lastCensus(grid: readonly (readonly (string | number | null)[])[]): {
  origin: number;
  last: Record<string, number>;
} {
  const row = grid[grid.length - 1];
  const last: Record<string, number> = {};
  grid[0].forEach((h, c) => {
    const b = c > 0 ? breakdownOf(String(h)) : undefined;
    if (b) last[b.key] = Number(row[c] ?? 0);
  });
  return { origin: Number(row[0]), last };
}

function jsonRow(r: ForecastRow): JsonRow {
  return { year: r.year, breakdown: r.breakdown.key, low: r.low, central: r.central, high: r.high };
}

/** `all`, a code, the former three-digit LA number (886) or a name (case-insensitive); an unknown one is a usage
 * problem naming the nearest. A number shared by a former code and its successor means the successor. */
function choose(areas: readonly (TidyArea & { oldCode?: string })[], la: string): TidyArea[] {
  const key = la.trim().toLowerCase();
  if (key === "all") return [...areas];
  const byCode = areas.filter((a) => a.code.toLowerCase() === key);
  if (byCode.length) return byCode;
  const byNumber = /^\d{3}$/.test(key) ? areas.filter((a) => (a.oldCode ?? laNumber(a.code)) === key) : [];
  if (byNumber.length) return [byNumber[byNumber.length - 1]];
  const byName = areas.filter((a) => a.name.toLowerCase() === key);
  if (byName.length) return byName;
  const near = nearest(
    la.trim(),
    areas.flatMap((a) => [a.code, a.name]),
  );
  throw new FileProblem(
    `--la '${la}' is not an area of the caseload file${near ? `; did you mean '${near}'?` : ""} (give a code, a three-digit LA number, a name or all)`,
  );
}

/** One JSON object, one area per line (keys in file order). */
export function forecastJson(results: Record<string, AreaResult>): string {
  const entries = Object.entries(results);
  if (entries.length === 0) return "{}\n";
  return `{\n${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(",\n")}\n}\n`;
}

/** A plain table: la_code, la_name, year, breakdown, low, central, high, coverage (CSV, names quoted when needed;
 * text Excel would read as a formula, starting =, +, - or @, kept as text with an apostrophe as publish does). */
function forecastCsv(results: Record<string, AreaResult>): string {
  const q = (text: string) => {
    const s = looksLikeFormula(text) ? `'${text}` : text;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = ["la_code,la_name,year,breakdown,low,central,high,coverage"];
  for (const [code, r] of Object.entries(results)) {
    if ("forecast" in r)
      for (const f of r.forecast)
        lines.push([q(code), q(r.name), f.year, q(f.breakdown), f.low, f.central, f.high, r.coverage].join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** Runs the command; resolves to whether at least one area was forecast. */
export async function runForecast(
  caseload: string | undefined,
  opts: ForecastOpts,
  io: CliIo,
  quiet: boolean,
): Promise<boolean> {
  const say = progress(io, quiet);
  let files: { caseload: string; newPlans?: string; names: { caseload: string; newPlans: string } };
  if (opts.release?.length) {
    if (caseload !== undefined)
      throw new FileProblem(`give either a caseload file or --release, not both ('${caseload}' and --release)`);
    const r = await readReleasePaths(opts.release);
    if (opts.newPlans !== undefined) {
      r.newPlans = readText(opts.newPlans, "new-plans file");
      r.names.newPlans = opts.newPlans;
    }
    files = r;
  } else {
    if (caseload === undefined) throw new FileProblem("give a caseload file, or the DfE release with --release PATH");
    files = {
      caseload: readText(caseload, "caseload file"),
      newPlans: opts.newPlans === undefined ? undefined : readText(opts.newPlans, "new-plans file"),
      names: { caseload, newPlans: opts.newPlans ?? "new-plans file" },
    };
  }
  const { origin, checked } = checkFlags(opts);
  const histories = readHistories(files.caseload, files.newPlans, origin, files.names);
  say(`read ${describe(histories, files.names.caseload)}`);
  for (const w of histories.warnings) io.err(`send-model: warning: ${w}\n`);
  const results = forecastHistories(histories, opts.la ?? "all", checked);
  const failed = Object.entries(results).filter(([, r]) => "error" in r);
  for (const [code, r] of failed) say(`${code} ${r.name}: ${"error" in r ? r.error : ""}`);
  const done = Object.keys(results).length - failed.length;
  say(`forecast ${done} of ${Object.keys(results).length} areas`);
  io.out(opts.json ? forecastJson(results) : forecastCsv(results));
  return done > 0;
}

/** "caseload.csv: 153 areas, census years 2019–2025" (what the forecast rests on: its vintage). */
function describe(h: Histories, file: string): string {
  const years = h.areas.flatMap((a) => a.rows.map((r) => Number(r[0])));
  const span = years.length ? `, census years ${Math.min(...years)}–${Math.max(...years)}` : "";
  return `${file}: ${h.areas.length} areas${span}`;
}
