// A demand history table (contract section 6) read into years and one series per breakdown.
// Rules: headers as in section 1 (case, spaces, '_' and '-' ignored); an unknown header is #VALUE! naming the
// nearest valid one (never dropped); a column with values but no header is #VALUE!; an all-blank column or row
// is skipped. Year: a 4-digit whole number; the years must be consecutive (either order is read; the forecast
// follows the latest), with no duplicate, and at least 3. Counts: blank is 0, text is #VALUE! naming header and
// row, negative or above MAX_COUNT is #NUM! (a count the forecast's arithmetic could overflow on is no area's).
import { isBlank, readNumber } from "../coerce";
import { E, type SendError, attempt, raise } from "../errors";
import { normLabel } from "../normalize";
import type { Grid } from "../types";
import { breakdownOf, VALID_HEADERS, YEAR_HEADER, type Breakdown } from "./breakdowns";

/** The largest count of plans a history cell may hold: 20 × England's total, far below any overflow. */
export const MAX_COUNT = 10_000_000;

export interface HistoryColumn {
  readonly breakdown: Breakdown;
  /** one value per year, oldest first */
  readonly values: readonly number[];
}

export interface History {
  /** consecutive census years, oldest first */
  readonly years: readonly number[];
  /** the breakdown columns in the table's order */
  readonly columns: readonly HistoryColumn[];
}

export const MIN_YEARS = 3;

export function readHistory(grid: Grid, arg = "history"): History | SendError {
  return attempt(() => read(grid, arg));
}

function read(grid: Grid, arg: string): History {
  if (grid.length < 2) raise(E.emptyTable(arg));
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
  const header = grid[0];
  let yearCol = -1;
  const cols: { index: number; breakdown: Breakdown }[] = [];
  const seen = new Set<string>();
  const headersGiven: string[] = [];
  for (let c = 0; c < width; c++) {
    const h = header[c];
    if (isBlank(h)) {
      if (grid.some((row, r) => r > 0 && !isBlank(row[c]))) raise(E.noHeader(arg, c + 1));
      continue;
    }
    const text = String(h).trim();
    headersGiven.push(text);
    const id = normLabel(text);
    if (id === normLabel(YEAR_HEADER)) {
      if (yearCol >= 0) raise(E.duplicateHeader(arg, text));
      yearCol = c;
      continue;
    }
    const b = breakdownOf(text);
    if (!b) raise(E.unknownHeader(arg, text, VALID_HEADERS));
    if (seen.has(b.key)) raise(E.duplicateHeader(arg, text));
    seen.add(b.key);
    cols.push({ index: c, breakdown: b });
  }
  if (yearCol < 0) raise(E.noYearColumn(arg, headersGiven));

  const rows: { year: number; row: number; values: number[] }[] = [];
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r];
    if (row.every((c) => isBlank(c))) continue;
    const where = `${arg} row ${r + 1}`;
    const y = readNumber(row[yearCol]);
    const yearText = y.kind === "text" ? y.text : y.kind === "blank" ? "" : y.value.toString();
    if (y.kind !== "number" || !y.value.isInteger() || y.value.lt(1000) || y.value.gt(9999))
      raise(E.notYear(where, yearText));
    const values = cols.map(({ index, breakdown }) => {
      const n = readNumber(row[index]);
      if (n.kind === "text") raise(E.notNumberField(where, breakdown.header, n.text));
      if (n.kind === "blank") return 0;
      if (n.value.isNeg() && !n.value.isZero()) raise(E.negativeCount(where, breakdown.header, n.value.toString()));
      if (n.value.gt(MAX_COUNT))
        raise(E.countTooLarge(where, breakdown.header, n.value.toString(), MAX_COUNT.toLocaleString("en-GB")));
      return n.value.toNumber();
    });
    rows.push({ year: y.value.toNumber(), row: r + 1, values });
  }
  const sorted = [...rows].sort((a, b) => a.year - b.year || a.row - b.row);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1],
      cur = sorted[i];
    if (cur.year === prev.year)
      raise(E.duplicateYear(arg, cur.year, Math.min(prev.row, cur.row), Math.max(prev.row, cur.row)));
    if (cur.year !== prev.year + 1) raise(E.yearGap(arg, prev.year + 1, prev.year, cur.year));
  }
  if (sorted.length < MIN_YEARS) raise(E.tooFewYears(arg, sorted.length));
  if (!cols.some((c) => c.breakdown.kind !== "newPlans")) raise(E.noCaseload(arg));
  return {
    years: sorted.map((r) => r.year),
    columns: cols.map((c, j) => ({ breakdown: c.breakdown, values: sorted.map((r) => r.values[j]) })),
  };
}
