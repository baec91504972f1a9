// A published book (src/model/publishBook.ts) as xlsx bytes, with exceljs — in Node for the CLI and in
// the pane for Excel.createWorkbook or a browser download. Every string is written as a string cell,
// so text that starts with = + - @ stays text; there are no formulas at all.
import ExcelJS from "exceljs";
import type { PublishedSheet } from "../model/publishBook";

const MAX_WIDTH = 60;

export async function publishedXlsx(sheets: readonly PublishedSheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "SEND Funding Modeller";
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: "frozen", ySplit: 1 }] });
    const widths: number[] = [];
    s.rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v === null || v === "") return;
        const cell = ws.getCell(i + 1, j + 1);
        cell.value = typeof v === "object" ? ({ error: v.error } as ExcelJS.CellErrorValue) : v;
        const shown =
          typeof v === "number" ? v.toFixed(2).length + 3 : typeof v === "object" ? v.error.length : String(v).length;
        widths[j] = Math.max(widths[j] ?? 8, Math.min(shown + 2, MAX_WIDTH));
      }),
    );
    for (const [a1, f] of s.numFmts) ws.getCell(a1).numFmt = f;
    for (const a1 of s.bold) ws.getCell(a1).font = { bold: true };
    widths.forEach((w, j) => {
      if (w) ws.getColumn(j + 1).width = w;
    });
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
