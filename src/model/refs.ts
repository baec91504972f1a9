// The references the model's formulas use, computed from sheet names and sizes (never hard-coded),
// so renamed ("Rates (2)") or larger models get correct formulas.
import { cellA1, colLetters, rangeA1, sheetRef } from "../util/a1";
import { headerIndex } from "./institutions";

/** How much of the Rates sheet formulas read: the grid plus room for new keys and options. */
export function ratesExtent(rows: number, cols: number): { rows: number; cols: number } {
  return { rows: Math.max(200, rows + 100), cols: Math.max(26, cols + 10) };
}

export interface ModelRefs {
  /** absolute rates range, e.g. Rates!$A$1:$Z$200 */
  rates: string;
  /** absolute institutions table with its header row, e.g. Institutions!$A$1:$AB$51 */
  table: string;
  /** absolute header row, e.g. Institutions!$A$1:$AB$1 */
  fields: string;
  /** relative data row i (1-based), e.g. Institutions!A2:AB2 */
  row(i: number): string;
  /** relative cell of a header's column on data row i (e.g. the Name of institution i) */
  field(i: number, header: string): string;
}

export interface RefsSpec {
  ratesSheet: string;
  ratesRows: number;
  ratesCols: number;
  institutionsSheet: string;
  header: readonly string[];
  /** data rows in the institutions table */
  count: number;
}

export function modelRefs(s: RefsSpec): ModelRefs {
  const width = s.header.length;
  const last = colLetters(width);
  const inst = (r: string) => sheetRef(s.institutionsSheet, r);
  return {
    rates: sheetRef(s.ratesSheet, rangeA1({ top: 1, left: 1, bottom: s.ratesRows, right: s.ratesCols }, true)),
    table: inst(`$A$1:$${last}$${s.count + 1}`),
    fields: inst(`$A$1:$${last}$1`),
    row: (i) => inst(`A${i + 1}:${last}${i + 1}`),
    field: (i, header) => {
      const c = headerIndex(s.header, header);
      if (c < 0) throw new Error(`no ${header} column in the institutions header`);
      return inst(cellA1(i + 1, c + 1));
    },
  };
}

/**
 * References over an existing model's institutions table that read the rates range its formulas already read
 * (`ratesRef`, kept as found so every formula keeps reading the same rates).
 */
export function refsReading(
  ratesRef: string,
  t: { institutionsSheet: string; header: readonly string[]; count: number },
): ModelRefs {
  return { ...modelRefs({ ...t, ratesSheet: t.institutionsSheet, ratesRows: 1, ratesCols: 1 }), rates: ratesRef };
}
