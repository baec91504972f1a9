// The demo end to end: build the SYNTHETIC workbook, recalculate it headlessly, write the xlsx (formulas
// with cached values) and the HTML report whose numbers are read from the recalculated workbook.
import fs from "node:fs";
import path from "node:path";
import { HeadlessWorkbook } from "../headless/workbook";
import { writeFileAtomic } from "../headless/io/files";
import { sheetsForWrite, snapshot, type SheetSnapshot } from "../headless/io/bridge";
import { xlsxBuffer } from "../headless/xlsx";
import { reportData, type ReportData } from "./report/data";
import { renderReport } from "./report/render";
import { addLineCharts } from "../headless/io/xlsxCharts";
import { buildDemoWorkbook, SHEETS, type DemoWorkbook } from "./workbook";
import { demoCharts } from "./xlsxCharts";

export { buildDemoWorkbook } from "./workbook";
export const DEMO_XLSX = "send-model-demo.xlsx";
export const DEMO_REPORT = "send-model-demo-report.html";

export interface ComputedDemo {
  demo: DemoWorkbook;
  workbook: HeadlessWorkbook;
  snapshots: SheetSnapshot[];
  data: ReportData;
}

/** Builds and recalculates the demo (no files written). */
export function computeDemo(): ComputedDemo {
  const demo = buildDemoWorkbook();
  const workbook = HeadlessWorkbook.create(Object.fromEntries(demo.sheets.map((s) => [s.name, s.cells])));
  const snapshots = snapshot(workbook);
  const data = reportData((sheet, range) => workbook.getValues(sheet, range), demo.layout);
  return { demo, workbook, snapshots, data };
}

/** The demo workbook as xlsx bytes (formulas, cached values, formats, and the native charts About names). */
export async function demoXlsx(c: ComputedDemo): Promise<Buffer> {
  const book = await xlsxBuffer(
    sheetsForWrite(c.snapshots, Object.fromEntries(c.demo.sheets.map((s) => [s.name, s.format]))),
  );
  return addLineCharts(book, demoCharts(c.snapshots, SHEETS.demand, SHEETS.projection));
}

/** Writes both demo files into `dir` (created if missing); returns their paths. */
export async function writeDemo(
  dir: string,
  progress: (message: string) => void = () => {},
): Promise<{ xlsx: string; report: string; data: ReportData }> {
  fs.mkdirSync(dir, { recursive: true });
  progress("building and recalculating the SYNTHETIC demo workbook");
  const computed = computeDemo();
  const formulas = computed.snapshots.reduce(
    (n, s) => n + s.cells.flat().filter((v) => typeof v === "string" && v.startsWith("=")).length,
    0,
  );
  progress(`recalculated ${formulas} formulas over ${computed.snapshots.length} sheets`);
  const xlsx = path.join(dir, DEMO_XLSX);
  writeFileAtomic(xlsx, await demoXlsx(computed));
  progress(`wrote ${xlsx}`);
  const report = path.join(dir, DEMO_REPORT);
  writeFileAtomic(report, await renderReport(computed.data));
  progress(`wrote ${report}`);
  return { xlsx, report, data: computed.data };
}
