// Reading the officer's file into rows of cells: CSV (csv.ts) or xlsx (exceljs, in Node and in the
// pane alike). Values only: a formula cell gives its saved result; dates become yyyy-mm-dd text.
import ExcelJS from "exceljs";
import type { Cell } from "../engine/types";
import { CsvParser, MAX_IMPORT_ROWS, type CsvResult } from "../util/csv";
import { binaryKind } from "./binary";

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

/** How a text file's bytes are read: its byte-order mark decides UTF-16; else UTF-8, else Windows-1252. */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export function encodingByBom(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return "utf-8";
}

function joined(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const all = new Uint8Array(parts.reduce((n, c) => n + c.length, 0));
  parts.reduce((at, c) => (all.set(c, at), at + c.length), 0);
  return all;
}

/** Decodes a whole buffer without TextDecoder (test DOMs lack it); throws on invalid UTF-8. */
function decodeWithout(bytes: Uint8Array, enc: TextEncoding): string {
  let text = "";
  if (enc === "utf-16le" || enc === "utf-16be") {
    const hi = enc === "utf-16le" ? 1 : 0;
    for (let i = 2; i + 1 < bytes.length; i += 2) text += String.fromCharCode((bytes[i + hi] << 8) | bytes[i + 1 - hi]);
    return text;
  }
  if (enc === "windows-1252") {
    for (const b of bytes) text += String.fromCharCode(b);
    return text;
  }
  for (const b of bytes) text += `%${b.toString(16).padStart(2, "0")}`;
  return decodeURIComponent(text);
}

/**
 * A CSV file, read piece by piece from `chunks` (called again from the start when the bytes turn out not to be
 * UTF-8) and parsed with a row and a cell budget. Throws SourceProblem for a quote never closed, NUL characters or a
 * file over the budget, each naming the line; the Windows-1252 fallback is a warning in `errors`.
 */
/** A binary file given as a CSV (a PNG renamed .csv): one clear line, never a page of mojibake parsed as rows. */
function refuseBinary(fileName: string, head: Uint8Array): void {
  const binary = binaryKind(head);
  if (binary)
    throw new SourceProblem(
      `${fileName} is not a CSV file: it is ${binary}. Save the school list from Excel as "CSV UTF-8" or as an .xlsx workbook`,
    );
}

export function readCsv(
  fileName: string,
  chunks: () => Iterable<Uint8Array>,
  limits: { maxRows: number; maxCells?: number } = { maxRows: MAX_IMPORT_ROWS },
  flags?: { rows: string; cells: string },
): SourceFile {
  const parse = (forced?: TextEncoding): { parser: CsvParser; result: CsvResult; enc: TextEncoding } => {
    const parser = new CsvParser(limits.maxRows, limits.maxCells, "auto");
    const streaming = typeof TextDecoder !== "undefined";
    let enc = forced;
    let decoder: TextDecoder | undefined;
    // bytes not decoded yet: the first two until the byte-order mark is known (all of them without TextDecoder)
    let held: Uint8Array[] = [];
    const feed = (last: boolean) => {
      const bytes = joined(held);
      held = [];
      enc ??= encodingByBom(bytes);
      if (!streaming) return parser.push(decodeWithout(bytes, enc));
      decoder ??= new TextDecoder(enc, { fatal: enc === "utf-8" });
      parser.push(decoder.decode(bytes, { stream: !last }));
    };
    let first = true;
    for (const chunk of chunks()) {
      if (first) refuseBinary(fileName, chunk); // the first piece (1 MB) tells
      first = false;
      held.push(chunk);
      if (!streaming || (enc === undefined && held.reduce((n, c) => n + c.length, 0) < 2)) continue;
      feed(false);
      if (parser.over) break;
    }
    if (!parser.over) feed(true);
    return { parser, result: parser.end(), enc: enc ?? "utf-8" };
  };
  let run;
  try {
    run = parse();
  } catch (e) {
    if (!["TypeError", "URIError"].includes((e as Error).name)) throw e; // (TextDecoder may be of another realm)
    run = parse("windows-1252"); // not UTF-8: read again as Excel's plain "CSV" save
  }
  const { parser, result } = run;
  if (parser.over) {
    const n = parser.over === "rows" ? limits.maxRows : (limits.maxCells ?? 0);
    const flag = flags?.[parser.over];
    throw new SourceProblem(
      `${fileName} has more than ${n.toLocaleString("en-GB")} ${parser.over} (stopped reading at line ${parser.lineNumber.toLocaleString("en-GB")}): split the file${flag ? `, or raise the limit with ${flag}` : ""}`,
    );
  }
  if (result.errors.length) throw new SourceProblem(`${fileName} ${result.errors.join("; ")}`);
  const errors =
    run.enc === "windows-1252"
      ? [`${fileName} is not UTF-8: read as Windows-1252 (Excel's "CSV" save); check names with accents`]
      : [];
  const name = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "") || "CSV";
  return { sheets: [{ name, rows: result.rows }], errors };
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
  return readCsv(fileName, () => [bytes]);
}
