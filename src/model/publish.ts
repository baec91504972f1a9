// Publish for review: sheet values with every formula replaced by its result, plus a summary sheet.
import type { RawCell, Rows } from "./types";

/** A value as read back from a workbook: an error cell may arrive as an object. */
export type ReadCell = RawCell | { error: string; message?: string };

/** Results only: errors become their code text ("#N/A"), everything else is kept as read. */
export function valuesOnly(values: readonly (readonly ReadCell[])[]): Rows {
  return values.map((r) => r.map((c) => (c !== null && typeof c === "object" ? c.error : c)));
}

/** True when writing this text as a cell would make Excel read it as a formula. */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@]/.test(s);
}

export interface SummarySpec {
  title: string;
  when: Date;
  sheets: { from: string; to: string }[];
  institutions: number;
  /** option -> total of its Allocations column (as read), or null when the column has errors */
  totals: { option: string; total: number | null; errors: number }[];
}

export function summarySheet(s: SummarySpec): Rows {
  const rows: Rows = [
    [s.title],
    ["Published", s.when.toISOString().slice(0, 16).replace("T", " ")],
    ["Values only: every formula has been replaced by its result, so these sheets do not change."],
    [],
    ["Institutions", s.institutions],
    [],
    ["Option", "Total allocated", "Cells with errors"],
    ...s.totals.map((t) => [t.option, t.total, t.errors] as RawCell[]),
    [],
    ["Sheet", "Copied from"],
    ...s.sheets.map((x) => [x.to, x.from] as RawCell[]),
  ];
  return rows;
}

/** Sum of numbers in pence (exact for money), counting non-numeric error cells. */
export function columnTotal(values: readonly ReadCell[]): { total: number | null; errors: number } {
  let pence = 0;
  let errors = 0;
  for (const v of values) {
    if (typeof v === "number") pence += Math.round(v * 100);
    else if ((typeof v === "string" && v.startsWith("#")) || (v !== null && typeof v === "object")) errors++;
  }
  return { total: errors ? null : pence / 100, errors };
}
