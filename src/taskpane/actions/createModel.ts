// New model: adds the planned sheets (unique names), writes them in chunks so a progress bar can
// follow long writes, turns the institutions into an Excel table and formats the money columns.
import { colLetters } from "../../model/a1";
import type { ModelPlan } from "../../model/model";
import type { RawCell, WorkbookPort } from "../ports/WorkbookPort";
import { writeConfirmed, type Confirm } from "../workbook/confirm";

export type Progress = (done: number, total: number, label: string) => void;

export const CHUNK_ROWS = 100;
export const MONEY_FORMAT = "#,##0.00";

function chunks(rows: RawCell[][]): { start: number; rows: RawCell[][] }[] {
  const out: { start: number; rows: RawCell[][] }[] = [];
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) out.push({ start: i + 1, rows: rows.slice(i, i + CHUNK_ROWS) });
  return out;
}

/** Returns every range written. */
export async function createModel(port: WorkbookPort, plan: ModelPlan, confirm: Confirm, progress: Progress = () => {}): Promise<string[]> {
  const existing = new Set((await port.sheetNames()).map((n) => n.toLowerCase()));
  const clash = plan.sheets.find((s) => existing.has(s.name.toLowerCase()));
  if (clash) throw new Error(`A sheet named '${clash.name}' already exists; plan the model again.`);
  const work = plan.sheets.map((s) => ({ sheet: s, parts: chunks(s.rows) }));
  const total = plan.sheets.length + work.reduce((n, w) => n + w.parts.length, 0) + 2;
  let done = 0;
  const step = (label: string) => progress(++done, total, label);
  const touched: string[] = [];

  for (const s of plan.sheets) {
    await port.addSheet(s.name);
    step(`Added sheet ${s.name}`);
  }
  for (const w of work) {
    for (const part of w.parts) {
      touched.push(...await writeConfirmed(port, { sheet: w.sheet.name, kind: "formulas", blocks: [{ topLeft: `A${part.start}`, rows: part.rows }] }, confirm));
      step(`Wrote ${w.sheet.name} rows ${part.start}-${part.start + part.rows.length - 1}`);
    }
  }
  touched.push(...await port.addTable(plan.table.sheet, plan.table.range, plan.table.name));
  step(`Made table ${plan.table.name}`);
  if (plan.allocationOptions.length && plan.count > 0) {
    const alloc = plan.names.allocations;
    touched.push(...await port.setNumberFormat(alloc, `C2:${colLetters(2 + plan.allocationOptions.length)}${plan.count + 1}`, MONEY_FORMAT));
  }
  step("Formatted allocations");
  return touched;
}
