// Reading a demand forecast given as a range: the spill of SEND.FORECAST (contract section 6), or the same
// columns typed or pasted. SEND.SUFFICIENCY and the demand-driven SEND.PROJECT read it here, so they depend on the
// spill's format only, never on how the forecast was made.
//   header row: Year, Breakdown, Central (required), Low, High (allowed, not used); any other header is #VALUE!
//   one row per year and breakdown; all-blank rows are skipped; years consecutive; each year the same breakdowns.
import { cellText, isBlank, readNumber } from "../coerce";
import { E, raise } from "../errors";
import type { Dec } from "../money";
import { normLabel } from "../normalize";
import type { Cell, Grid } from "../types";
import { BREAKDOWN_NAMES, findBreakdown, type BreakdownInfo } from "./breakdowns";

export interface ForecastTable {
  /** ascending, consecutive January census years */
  years: number[];
  /** in order of first appearance */
  breakdowns: BreakdownInfo[];
  /** Central by year, then breakdown id */
  central: Map<number, Map<string, Dec>>;
}

const FORECAST_HEADERS = ["Year", "Breakdown", "Low", "Central", "High"];

/** Header name -> column index for a table whose headers must all be known; the required ones must be present. */
export function headerColumns(
  header: readonly Cell[],
  arg: string,
  valid: readonly string[],
  required: readonly string[],
): Map<string, number> {
  const cols = new Map<string, number>();
  const byNorm = new Map(valid.map((v) => [normLabel(v), v]));
  const shown = header.map(cellText).filter((h) => h !== "");
  header.forEach((c, i) => {
    if (isBlank(c)) return;
    const h = cellText(c);
    const name = byNorm.get(normLabel(h));
    if (!name) raise(E.unknownHeader(arg, h, [...valid]));
    if (cols.has(name)) raise(E.duplicateHeader(arg, h));
    cols.set(name, i);
  });
  for (const r of required) if (!cols.has(r)) raise(E.missingColumn(arg, r, shown));
  return cols;
}

/** A whole year (1900..2200) in a cell. */
export function readYear(c: Cell, where: string): number {
  const n = readNumber(c);
  if (n.kind !== "number" || !n.value.isInteger() || n.value.lt(1900) || n.value.gt(2200))
    raise(E.notWholeYear(where, cellText(c)));
  return n.value.toNumber();
}

/** A count ≥ 0; blank is #VALUE! when `blankOk` is false, else null. */
export function readCount(c: Cell, where: string, header: string, blankOk: boolean): Dec | null {
  const n = readNumber(c);
  if (n.kind === "blank") {
    if (blankOk) return null;
    raise(E.blankField(where, header));
  }
  if (n.kind === "text") raise(E.notNumberField(where, header, n.text));
  if (n.value.isNegative()) raise(E.negativeCount(where, header, n.value.toString()));
  return n.value;
}

export function readBreakdown(c: Cell, where: string): BreakdownInfo {
  const name = cellText(c);
  const b = findBreakdown(name);
  if (!b) raise(E.unknownBreakdown(where, name, [...BREAKDOWN_NAMES]));
  return b;
}

/** The forecast argument; raises (Failure) on bad input: call inside `attempt`. */
export function readForecast(grid: Grid, arg = "forecast"): ForecastTable {
  if (grid.length < 2) raise(E.emptyTable(arg));
  const cols = headerColumns(grid[0], arg, FORECAST_HEADERS, ["Year", "Breakdown", "Central"]);
  const [yc, bc, cc] = ["Year", "Breakdown", "Central"].map((h) => cols.get(h)!);
  const central = new Map<number, Map<string, Dec>>();
  const firstRow = new Map<string, number>();
  const breakdowns: BreakdownInfo[] = [];
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r];
    if (row.every(isBlank)) continue;
    const where = `${arg} data row ${r}`;
    const year = readYear(row[yc], where);
    const b = readBreakdown(row[bc], where);
    const value = readCount(row[cc], where, "Central", false)!;
    const key = `${year}|${b.id}`;
    const seen = firstRow.get(key);
    if (seen !== undefined) raise(E.duplicateEntry(arg, `${b.label} in ${year}`, seen, r));
    firstRow.set(key, r);
    if (!breakdowns.includes(b)) breakdowns.push(b);
    let m = central.get(year);
    if (!m) central.set(year, (m = new Map()));
    m.set(b.id, value);
  }
  if (central.size === 0) raise(E.emptyTable(arg));
  const years = [...central.keys()].sort((a, b) => a - b);
  for (let y = years[0]; y <= years[years.length - 1]; y++) {
    const m = central.get(y);
    if (!m) raise(E.missingEntry(arg, `year ${y}`));
    for (const b of breakdowns) if (!m.has(b.id)) raise(E.missingEntry(arg, `${b.label} in ${y}`));
  }
  return { years, breakdowns, central };
}
