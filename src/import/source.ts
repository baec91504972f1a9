// Reading the officer's file into rows of cells: CSV (csv.ts) or xlsx (exceljs, in Node and in the
// pane alike). Values only: a formula cell gives its saved result; dates become yyyy-mm-dd text.
import ExcelJS from "exceljs";
import type { Cell } from "../engine/types";
import { binaryKind } from "./binary";
import { parseCsv } from "./csv";

export interface SourceSheet {
  name: string;
  rows: Cell[][];
}
export interface SourceFile {
  sheets: SourceSheet[];
  errors: string[];
}

export class SourceProblem extends Error {}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !(v instanceof Date);
}

/** A cell as the importer sees it. */
export function importValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isRecord(v)) {
    if ("formula" in v || "sharedFormula" in v) return importValue(v.result);
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((p) => p.text ?? "").join("");
    if ("hyperlink" in v) return importValue(v.text);
    if (typeof v.error === "string") return v.error;
  }
  return String(v);
}

/**
 * UTF-8 when the bytes are valid UTF-8, else Windows-1252 read as Latin-1 (what Excel's plain "CSV" save
 * writes): never a silent replacement character. Works without TextDecoder (test DOMs lack it).
 */
export function decodeText(bytes: Uint8Array): { text: string; latin1: boolean } {
  try {
    if (typeof TextDecoder !== "undefined")
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), latin1: false };
    let enc = "";
    for (const b of bytes) enc += `%${b.toString(16).padStart(2, "0")}`;
    return { text: decodeURIComponent(enc), latin1: false };
  } catch {
    let text = "";
    for (const b of bytes) text += String.fromCharCode(b);
    return { text, latin1: true };
  }
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

async function readXlsxRows(bytes: Uint8Array): Promise<SourceSheet[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new SourceProblem(
      `the xlsx file could not be read (${(e as Error).message}); save it again from Excel, or as CSV`,
    );
  }
  return wb.worksheets.map((ws) => {
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        // a merged range's value is its first cell's: the others read as blank, as Excel shows them
        cells[c - 1] = cell.isMerged && cell.master !== cell ? null : importValue(cell.value);
      });
      rows[r - 1] = Array.from(cells, (x) => x ?? null);
    });
    return { name: ws.name, rows: Array.from(rows, (r) => r ?? []) };
  });
}

/** The file's sheets (a CSV file is one sheet named after the file). Throws SourceProblem when unreadable. */
export async function readSource(fileName: string, bytes: Uint8Array): Promise<SourceFile> {
  const lower = fileName.toLowerCase();
  if (isZip(bytes)) {
    const sheets = await readXlsxRows(bytes);
    if (sheets.length === 0) throw new SourceProblem(`${fileName} has no sheets`);
    return { sheets, errors: [] };
  }
  if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
    throw new SourceProblem(
      `${fileName} is not an xlsx workbook (legacy .xls and password-protected files cannot be read): save it as .xlsx or CSV`,
    );
  }
  const binary = binaryKind(bytes);
  if (binary)
    throw new SourceProblem(
      `${fileName} is not a CSV file: it is ${binary}. Save the school list from Excel as "CSV UTF-8" or as an .xlsx workbook`,
    );
  const { text, latin1 } = decodeText(bytes);
  const { rows, errors } = parseCsv(text);
  if (latin1)
    errors.unshift(`${fileName} is not UTF-8: read as Windows-1252 (Excel's "CSV" save); check names with accents`);
  const name = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "") || "CSV";
  return { sheets: [{ name, rows }], errors };
}
