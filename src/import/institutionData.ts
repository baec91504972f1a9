// Loading published institution data: gives correct numbers or a clear per-cell error list, never a
// silent zero. Handles thousands separators, '£', accounting brackets, byte-order marks (in csv.ts),
// merged header cells (a data column with no header), and trailing totals rows.
import { readNumber, cellText, isBlank } from "../engine/coerce";
import { normLabel } from "../engine/normalize";
import { isKnownField, readTable, type TableRow } from "../engine/fields";
import { SendError } from "../engine/errors";
import type { Cell } from "../engine/types";

export interface CellIssue {
  /** 1-based row in the source (the header is row 1) */
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface LoadedTable {
  /** header + data rows, numbers as numbers, ready for SEND.ALLOCATEALL / readTable */
  grid: Cell[][];
  issues: CellIssue[];
  /** rows left out on purpose (totals rows), with why */
  skipped: { row: number; why: string }[];
}

const TOTAL_LABEL = /^(grand\s+)?totals?\b|^sum$/i;
const TEXT_HEADERS = new Set([
  "name",
  "phase",
  "urn",
  "ukprn",
  "upin",
  "laestab",
  "notes",
  "category",
  "region",
  "localauthority(la)",
  "localauthority",
  "la",
  "lano.",
  "institutionname",
]);

/** Options: rename published headers to contract headers, e.g. { "Institution Name": "Name" }. */
export interface LoadOptions {
  rename?: Record<string, string>;
  /** derive a column from a row, e.g. Phase from a Category column */
  derive?: Record<string, (row: Record<string, string>) => string | number | null>;
}

export function loadInstitutionData(rows: readonly (readonly Cell[])[], opts: LoadOptions = {}): LoadedTable {
  const issues: CellIssue[] = [];
  const skipped: { row: number; why: string }[] = [];
  if (rows.length === 0)
    return { grid: [], issues: [{ row: 1, column: "", value: "", message: "the file is empty" }], skipped };
  const rename = new Map(Object.entries(opts.rename ?? {}).map(([k, v]) => [normLabel(k), v]));
  const rawHeader = rows[0].map(cellText);
  const header = rawHeader.map((h) => rename.get(normLabel(h)) ?? h);
  const derived = Object.keys(opts.derive ?? {});
  const grid: Cell[][] = [[...header, ...derived]];
  const sourceRow: number[] = [1]; // grid row -> 1-based source row
  for (let r = 1; r < rows.length; r++) {
    const src = rows[r];
    if (src.every(isBlank)) continue;
    const first = src.map(cellText).find((t) => t !== "") ?? "";
    if (TOTAL_LABEL.test(first)) {
      skipped.push({ row: r + 1, why: `totals row ('${first}')` });
      continue;
    }
    const out: Cell[] = [];
    header.forEach((h, c) => {
      const raw = src[c];
      if (h === "") {
        if (!isBlank(raw))
          issues.push({
            row: r + 1,
            column: `column ${c + 1}`,
            value: cellText(raw),
            message: `column ${c + 1} has data but no header (a merged header cell?); name it or remove it`,
          });
        out.push(null);
        return;
      }
      if (TEXT_HEADERS.has(normLabel(h))) {
        out.push(isBlank(raw) ? null : cellText(raw));
        return;
      }
      const n = readNumber(raw);
      if (n.kind === "number") out.push(n.value.toNumber());
      else if (n.kind === "blank") out.push(null);
      else {
        out.push(n.text);
        if (isKnownField(h))
          issues.push({ row: r + 1, column: h, value: n.text, message: `'${h}' is not a number: '${n.text}'` });
      }
    });
    if (src.length > header.length && src.slice(header.length).some((x) => !isBlank(x))) {
      issues.push({
        row: r + 1,
        column: `column ${header.length + 1}`,
        value: cellText(src[header.length]),
        message: "the row has more cells than the header",
      });
    }
    const byHeader = Object.fromEntries(rawHeader.map((h, c) => [h, cellText(src[c])]));
    for (const d of derived) out.push(opts.derive![d](byHeader));
    grid.push(out);
    sourceRow.push(r + 1);
  }
  // Field-level validation by the engine's own reader: every bad cell becomes an issue with its row.
  const table = readTable(grid, "data");
  if (table instanceof SendError) issues.push({ row: 1, column: "", value: "", message: table.message });
  else collectRowErrors(table, issues, grid, sourceRow);
  return { grid, issues, skipped };
}

/** Row-level problems the per-cell pass cannot see (phase, negative counts, Occupied > Places, Months). */
function collectRowErrors(rows: TableRow[], issues: CellIssue[], grid: Cell[][], sourceRow: number[]): void {
  for (const r of rows) {
    if (!(r.institution instanceof SendError)) continue;
    if (/is not a number/.test(r.institution.message)) continue; // already listed cell by cell
    const m = r.institution.message.match(/'([^']+)' (?:is not a number|is negative)/);
    const column = m?.[1] ?? "";
    const col = grid[0].findIndex((h) => cellText(h) === column);
    issues.push({
      row: sourceRow[r.index],
      column,
      value: col >= 0 ? cellText(grid[r.index][col]) : "",
      message: r.institution.message,
    });
  }
}
