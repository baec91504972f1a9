// One bad row is one bad row: the rows of a column whose result is an error, each with its sheet row, its name
// and the cause in words, and the total of the rows that did compute. Pure: what the pane says beside a total
// that the contract makes an error (SEND.COMPARE's Total) or that cannot be fitted (SEND.FIT).
import type { ReadCell } from "./publish";

export interface ErrorRow {
  /** the row on the sheet (the Institutions table and the result sheets share it: data row k is row k + 1) */
  row: number;
  name: string;
  /** the error code, e.g. #VALUE! */
  error: string;
  /** the cause in words: the formula's own message when it has one, else what the code means */
  reason: string;
}

const CODE_WORDS: Record<string, string> = {
  "#VALUE!": "not a number",
  "#N/A": "a rate or value it needs is missing",
  "#REF!": "a reference to a cell or sheet that is gone",
  "#NAME?": "a function or name Excel does not know (is the add-in loaded?)",
  "#DIV/0!": "a division by zero",
  "#NUM!": "a number out of range",
  "#NULL!": "ranges that do not meet",
  "#SPILL!": "a result with no room to spill",
  "#CALC!": "a calculation Excel could not finish",
  "#BUSY!": "still calculating",
};

const isError = (v: ReadCell | undefined): v is { error: string; message?: string } =>
  v !== null && v !== undefined && typeof v === "object";

/** An error's cause in words (its message, without a trailing full stop, else the code's meaning). */
export function errorInWords(v: { error: string; message?: string }): string {
  const m = v.message?.trim().replace(/\.$/, "");
  return m || CODE_WORDS[v.error.toUpperCase()] || v.error;
}

/** Rows in error, and the total (exact in pence) and count of the rows that are numbers. */
export function totalLeavingOut(
  values: readonly ReadCell[],
  names: readonly ReadCell[],
  firstRow = 2,
): { total: number; counted: number; errors: ErrorRow[] } {
  let pence = 0;
  let counted = 0;
  const errors: ErrorRow[] = [];
  values.forEach((v, i) => {
    if (typeof v === "number") {
      pence += Math.round(v * 100);
      counted++;
    } else if (isError(v)) {
      const n = names[i];
      const name = typeof n === "string" || typeof n === "number" ? String(n).trim() : "";
      errors.push({ row: firstRow + i, name: name || `Row ${i + 1}`, error: v.error, reason: errorInWords(v) });
    }
  });
  return { total: pence / 100, counted, errors };
}

/** "row 12 'Oak Primary', not a number" */
export function errorRowText(e: ErrorRow): string {
  return `row ${e.row} '${e.name}', ${e.reason}`;
}

/** "1 row in error, left out: row 12 'Oak Primary', not a number" (the first `shown`, then "and N more"). */
export function errorRowsSentence(errors: readonly ErrorRow[], shown = 5): string {
  const n = errors.length;
  const listed = errors.slice(0, shown).map(errorRowText).join("; ");
  const more = n > shown ? `; and ${n - shown} more` : "";
  return `${n} row${n === 1 ? "" : "s"} in error, left out: ${listed}${more}`;
}
