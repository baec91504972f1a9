// A workbook whose formulas use structured references (Table1[Amount], Table1[[#This Row],[Amount]]), saved by
// Excel with their cached values. With the table's definition (xl/tables) the references are evaluated; without it
// (`table: false`, the part missing) the engine cannot follow them and --out must keep Excel's cached values.

import ExcelJS from "exceljs";

/** Sheet "Data": Table1 over A1:A4 (Amount 10, 20, 30); B2:B4 this row's Amount × 2; D1 the column's SUM (60). */
export async function tableBook(opts: { table: boolean } = { table: true }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data");
  if (opts.table)
    ws.addTable({
      name: "Table1",
      ref: "A1",
      headerRow: true,
      columns: [{ name: "Amount" }],
      rows: [[10], [20], [30]],
    });
  else ["Amount", 10, 20, 30].forEach((v, i) => (ws.getCell(`A${i + 1}`).value = v));
  for (const r of [2, 3, 4]) {
    ws.getCell(`B${r}`).value = {
      formula: "Table1[[#This Row],[Amount]]*2",
      result: (r - 1) * 20,
    } as ExcelJS.CellValue;
  }
  ws.getCell("D1").value = { formula: "SUM(Table1[Amount])", result: 60 } as ExcelJS.CellValue;
  ws.getCell("D2").value = { formula: "D1+B2", result: 0 } as ExcelJS.CellValue; // a dependent, recomputed: 80
  ws.getCell("D3").value = { formula: "SUM(A2:A4)", result: 0 } as ExcelJS.CellValue; // plain: 60
  ws.getCell("D4").value = { formula: "ROWS(Table1[#All])*COUNT(Table1[[#Headers],[#Data],[Amount]])", result: 0 };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
