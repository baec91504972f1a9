// Presentation of freshly written sheets: bold frozen header, number formats, fitted column widths.
import type ExcelJS from "exceljs";
import type { CellResult, RawCell } from "./cells";
import { widthOf } from "../../functions/spec";
import { colNumber } from "../../util/a1";

export const MONEY_FORMAT = "£#,##0.00";
export const WHOLE_POUNDS_FORMAT = "£#,##0";
export const PERCENT_FORMAT = "0.0%";

export interface SheetFormat {
  /** rows at the top shown bold and frozen (default 1; 0 for none) */
  headerRows?: number;
  /** also freeze this many columns at the left */
  freezeCols?: number;
  /** widths in characters by column letter; other columns are fitted to their content */
  widths?: Record<string, number>;
  /** number formats by range: "C2:G600", or whole columns "C:G" (rows below the header) */
  numFmts?: { range: string; format: string }[];
  /** further cells to show bold, e.g. a Total row */
  bold?: string[];
  /** ranges whose cells are filled by their text: Green, Amber or Red (conditional formats, so they follow edits) */
  rag?: string[];
  /** make the sheet's block from A1 (header row, then data; values only) an Excel table of this name */
  table?: string;
}

/** "C2:G9" -> corners; "C:G" -> whole columns from firstRow to lastRow. */
export function rangeBox(
  range: string,
  firstRow: number,
  lastRow: number,
): { top: number; left: number; bottom: number; right: number } {
  const cols = /^\$?([A-Z]+):\$?([A-Z]+)$/i.exec(range);
  if (cols) return { top: firstRow, left: colNumber(cols[1]), bottom: lastRow, right: colNumber(cols[2]) };
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(range);
  if (!m) throw new Error(`bad range ${range}`);
  const [a, b] = [
    { c: colNumber(m[1]), r: Number(m[2]) },
    { c: colNumber(m[3] ?? m[1]), r: Number(m[4] ?? m[2]) },
  ];
  return { top: Math.min(a.r, b.r), left: Math.min(a.c, b.c), bottom: Math.max(a.r, b.r), right: Math.max(a.c, b.c) };
}

function shownLength(raw: RawCell, value: CellResult | undefined, money: boolean): number {
  const v = raw !== null && !(typeof raw === "string" && raw.startsWith("=")) ? raw : (value ?? null);
  if (v === null) return 0;
  if (typeof v === "number")
    return money
      ? Math.abs(v)
          .toFixed(2)
          .replace(/\B(?=(\d{3})+(?!\d))/g, ",").length + 2
      : String(v).length;
  if (typeof v === "object") return v.error.length;
  return String(v).length;
}

/** Applies a SheetFormat to a worksheet whose cells are already written. */
export function applyFormat(
  ws: ExcelJS.Worksheet,
  cells: RawCell[][],
  values: CellResult[][] | undefined,
  f: SheetFormat = {},
): void {
  const height = Math.max(cells.length, values?.length ?? 0);
  const width = Math.max(widthOf(cells), widthOf(values ?? [])); // no spread: sheets can have 100,000+ rows
  const header = f.headerRows ?? 1;

  const moneyAt = new Set<string>();
  for (const nf of f.numFmts ?? []) {
    const box = rangeBox(nf.range, header + 1, Math.max(height, header + 1));
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) {
        ws.getCell(r, c).numFmt = nf.format;
        if (nf.format.includes("£")) moneyAt.add(`${r},${c}`);
      }
    }
  }
  for (let r = 1; r <= header; r++) ws.getRow(r).font = { bold: true };
  for (const range of f.bold ?? []) {
    const box = rangeBox(range, 1, height);
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) ws.getCell(r, c).font = { bold: true };
  }
  if (f.table && height > 1) addTable(ws, f.table, values ?? [], width, height);
  for (const range of f.rag ?? []) addRag(ws, range);
  if (header > 0 || f.freezeCols) {
    ws.views = [{ state: "frozen", ySplit: header, xSplit: f.freezeCols ?? 0 }];
  }

  for (let c = 1; c <= width; c++) {
    const letters = ws.getColumn(c).letter;
    const fixed = f.widths?.[letters];
    if (fixed !== undefined) {
      ws.getColumn(c).width = fixed;
      continue;
    }
    let longest = 0;
    for (let r = 0; r < height; r++) {
      // long notes and titles in the header rows should not widen a whole numeric column
      const len = shownLength(cells[r]?.[c - 1] ?? null, values?.[r]?.[c - 1], moneyAt.has(`${r + 1},${c}`));
      longest = Math.max(longest, r < header ? Math.min(len, 24) : len);
    }
    ws.getColumn(c).width = Math.min(60, Math.max(8, longest + 2));
  }
}

const RAG_FILLS = { Green: "FFC6EFCE", Amber: "FFFFEB9C", Red: "FFFFC7CE" } as const;

/** Conditional fills on a range by its text (Green, Amber, Red), evaluated by Excel as the cells change. */
function addRag(ws: ExcelJS.Worksheet, range: string): void {
  const topLeft = range.split(":")[0].replace(/\$/g, "");
  ws.addConditionalFormatting({
    ref: range,
    rules: Object.entries(RAG_FILLS).map(([text, argb], i) => ({
      type: "expression",
      priority: i + 1,
      formulae: [`${topLeft}="${text}"`],
      style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb } } },
    })),
  });
}

/** An Excel table over A1:<last> (exceljs writes the header and rows again, with the same values). */
function addTable(ws: ExcelJS.Worksheet, name: string, values: CellResult[][], width: number, height: number): void {
  const plain = (v: CellResult | undefined) => (v === null || v === undefined || typeof v === "object" ? null : v);
  const header = Array.from({ length: width }, (_, c) => String(plain(values[0]?.[c]) ?? `Column ${c + 1}`));
  const rows = Array.from({ length: height - 1 }, (_, r) =>
    Array.from({ length: width }, (_, c) => plain(values[r + 1]?.[c])),
  );
  ws.addTable({
    name,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: header.map((h) => ({ name: h, filterButton: true })),
    rows,
  });
}
