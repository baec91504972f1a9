// Cell values between exceljs and the headless host's plain cells.
//
// Reading decisions (documented in the README's headless section):
// - a formula becomes "=" + its typed text (shared formulas are expanded per cell);
// - a date becomes its Excel serial number (what the file stores; formulas see the same number);
// - rich text and hyperlinks become their plain text; an error constant becomes its code ("#N/A");
// - text that starts with "=" or "'" is kept as text by prefixing "'" (the host's text marker).
import type ExcelJS from "exceljs";

export type RawCell = number | string | boolean | null;
export type CellResult = number | string | boolean | null | { error: string; message: string };

/** Error codes Excel writes in a file (t="e"). Host-only codes map to #VALUE! on write. */
export const FILE_ERRORS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
];

const MS_PER_DAY = 86400000;

/** Excel serial date (1900 or 1904 system) of a Date as exceljs reads it (UTC midnight = whole days). */
export function dateToSerial(d: Date, date1904 = false): number {
  const serial = d.getTime() / MS_PER_DAY + (date1904 ? 24107 : 25569);
  return Math.round((serial * MS_PER_DAY) / 1000) / (MS_PER_DAY / 1000); // to the second: no float dust
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !(v instanceof Date);
}

function richTextOf(v: unknown): string | null {
  if (isObject(v) && Array.isArray(v.richText))
    return (v.richText as { text?: string }[]).map((p) => p.text ?? "").join("");
  return null;
}

/** Plain text as the host should see it: "'" marks text that would otherwise read as a formula. */
export function textCell(s: string): RawCell {
  return s.startsWith("=") || s.startsWith("'") ? `'${s}` : s;
}

/** A non-formula cell value as a RawCell. */
export function rawOfValue(v: ExcelJS.CellValue | undefined, date1904: boolean): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return textCell(v);
  if (v instanceof Date) return dateToSerial(v, date1904);
  const rich = richTextOf(v);
  if (rich !== null) return textCell(rich);
  if (isObject(v)) {
    if ("hyperlink" in v) {
      const t = v.text;
      return textCell(typeof t === "string" ? t : (richTextOf(t) ?? String(v.hyperlink ?? "")));
    }
    if (typeof v.error === "string") return v.error;
  }
  return null;
}

/** A formula's cached result as read from the file. */
export function resultOf(v: unknown, date1904: boolean): CellResult {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  if (v instanceof Date) return dateToSerial(v, date1904);
  if (isObject(v) && typeof v.error === "string") return { error: v.error, message: "" };
  const rich = richTextOf(v);
  return rich ?? null;
}

/** A computed value as exceljs wants it for a formula's cached result (undefined = none). */
export function toResult(v: CellResult | undefined): ExcelJS.CellValue | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "object") return { error: fileError(v.error) } as ExcelJS.CellErrorValue;
  return v;
}

/** A plain (non-formula) cell for exceljs: a cached spill value or a typed input. */
export function toPlain(v: CellResult | undefined): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "object") return { error: fileError(v.error) } as ExcelJS.CellErrorValue;
  return v;
}

/** A typed (non-formula) RawCell for exceljs: "'" text marker removed, error codes as errors. */
export function toInput(v: RawCell): ExcelJS.CellValue {
  if (typeof v === "string") {
    if (v.startsWith("'")) return v.slice(1);
    if (FILE_ERRORS.includes(v)) return { error: v } as ExcelJS.CellErrorValue;
  }
  return v;
}

export function fileError(code: string): ExcelJS.CellErrorValue["error"] {
  return (FILE_ERRORS.includes(code) ? code : "#VALUE!") as ExcelJS.CellErrorValue["error"];
}
