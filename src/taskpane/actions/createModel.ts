// New model: adds the planned sheets (unique names), writes them in chunks so a progress bar can
// follow long writes, turns the institutions into an Excel table and formats the money columns.
// With `replace`, sheets of the plan that already exist (a re-run of New model over its own sheets)
// are rewritten in place: every cell of the plan is written (blank ones cleared) and whatever else the
// sheet held is cleared, after one confirmation listing every existing cell that would change. Running
// it twice with the same inputs therefore changes nothing the second time. All writes are one
// transaction: a failure part-way leaves the workbook as it was.
import { cellA1, colLetters, parseRangeOrThrow, widthOf } from "../../util/a1";
import { planModel, SAMPLE_LOCAL_OPTION, tableName, type ModelPlan, type PlannedSheet } from "../../model/model";
import type { RawCell, WorkbookPort, WriteRequest } from "../ports/WorkbookPort";
import type { Confirm } from "../workbook/confirm";
import type { ModelInfo } from "../workbook/discover";
import { transact } from "../workbook/transaction";

export type Progress = (done: number, total: number, label: string) => void;

export const CHUNK_ROWS = 100;
export const MONEY_FORMAT = "#,##0.00";

export interface CreateOptions {
  /** rewrite plan sheets that already exist instead of refusing (see the header comment) */
  replace?: boolean;
}

/** The New model screen's choices. */
export interface NewModelInput {
  national: string;
  candidate: string;
  /** synthetic sample institutions (count of them), else `count` blank rows */
  sample: boolean;
  count: number;
}

/** The sheets of the model already in the workbook (what a replacing re-run rewrites). */
export function modelSheets(model: ModelInfo | null): string[] {
  return [model?.rates?.sheet, model?.institutions?.sheet, model?.allocations?.sheet, model?.checks].filter(
    (s): s is string => Boolean(s),
  );
}

/** The plan New model writes: over the model's own sheets when replacing (the same names come back), else on unused
 * names. */
export async function planNewModel(
  port: WorkbookPort,
  model: ModelInfo | null,
  input: NewModelInput,
  replace: boolean,
): Promise<ModelPlan> {
  const mine = new Set(replace ? modelSheets(model).map((s) => s.toLowerCase()) : []);
  const existing = (await port.sheetNames()).filter((s) => !mine.has(s.toLowerCase()));
  return planModel(
    {
      existing,
      national: input.national,
      candidates: [{ name: input.candidate.trim(), inherits: input.sample ? SAMPLE_LOCAL_OPTION : input.national }],
      ...(input.sample ? { sample: { count: input.count } } : { blankRows: input.count }),
    },
    await port.tableNames(),
  );
}

/** Every row as wide as the sheet's plan, blanks as "" (clear), so a rewrite leaves nothing stale. */
export function solid(rows: RawCell[][], width: number): RawCell[][] {
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
}

function chunks(rows: RawCell[][]): { start: number; rows: RawCell[][] }[] {
  const out: { start: number; rows: RawCell[][] }[] = [];
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) out.push({ start: i + 1, rows: rows.slice(i, i + CHUNK_ROWS) });
  return out;
}

const blank = (rows: number, cols: number): RawCell[][] =>
  Array.from({ length: rows }, () => Array<RawCell>(cols).fill(""));

/** Clears of what a reused sheet holds outside the plan's rectangle (right of it, then below it). */
export async function leftovers(
  port: WorkbookPort,
  s: Pick<PlannedSheet, "name" | "rows">,
  width: number,
): Promise<WriteRequest[]> {
  const used = await port.usedRange(s.name);
  if (!used) return [];
  const u = parseRangeOrThrow(used);
  const height = s.rows.length;
  const out: WriteRequest[] = [];
  const clear = (top: number, left: number, bottom: number, right: number) =>
    out.push({
      sheet: s.name,
      kind: "formulas",
      blocks: [{ topLeft: cellA1(top, left), rows: blank(bottom - top + 1, right - left + 1) }],
    });
  if (u.right > width) clear(u.top, Math.max(u.left, width + 1), u.bottom, u.right);
  if (u.bottom > height && u.left <= width)
    clear(Math.max(u.top, height + 1), u.left, u.bottom, Math.min(u.right, width));
  return out;
}

/** Returns every range written. */
export async function createModel(
  port: WorkbookPort,
  plan: ModelPlan,
  confirm: Confirm,
  progress: Progress = () => {},
  opts: CreateOptions = {},
): Promise<string[]> {
  const existing = new Set((await port.sheetNames()).map((n) => n.toLowerCase()));
  const reused = new Set(plan.sheets.filter((s) => existing.has(s.name.toLowerCase())).map((s) => s.name));
  const clash = plan.sheets.find((s) => reused.has(s.name));
  if (clash && !opts.replace) throw new Error(`A sheet named '${clash.name}' already exists; plan the model again.`);

  // every write, planned before anything is written
  const writes: { req: WriteRequest; label: string }[] = [];
  for (const s of plan.sheets) {
    const width = Math.max(widthOf(s.rows), 1);
    for (const part of chunks(solid(s.rows, width))) {
      writes.push({
        req: {
          sheet: s.name,
          kind: s.values ? "values" : "formulas",
          blocks: [{ topLeft: `A${part.start}`, rows: part.rows }],
        },
        label: `Wrote ${s.name} rows ${part.start}-${part.start + part.rows.length - 1}`,
      });
    }
    if (reused.has(s.name))
      for (const req of await leftovers(port, s, width)) writes.push({ req, label: `Cleared the rest of ${s.name}` });
  }
  const tables = (await port.tableNames()).map((t) => t.toLowerCase());
  const hasTable =
    reused.has(plan.table.sheet) &&
    [plan.table.name, tableName(plan.table.sheet)].some((t) => tables.includes(t.toLowerCase()));

  const total = plan.sheets.length + writes.length + 2;
  let done = 0;
  const step = (label: string) => progress(++done, total, label);

  return transact(port, confirm, async (tx) => {
    await tx.confirmAll(writes.map((w) => w.req));
    for (const s of plan.sheets) {
      if (reused.has(s.name)) {
        step(`Reusing sheet ${s.name}`);
        continue;
      }
      await tx.addSheet(s.name);
      step(`Added sheet ${s.name}`);
    }
    for (const w of writes) {
      await tx.write(w.req);
      step(w.label);
    }
    // a rewritten institutions sheet keeps its table
    if (!hasTable)
      await tx.decorate(plan.table.sheet, () => port.addTable(plan.table.sheet, plan.table.range, plan.table.name));
    step(`Made table ${plan.table.name}`);
    if (plan.allocationOptions.length && plan.count > 0) {
      const alloc = plan.names.allocations;
      await tx.setNumberFormat(
        alloc,
        `C2:${colLetters(2 + plan.allocationOptions.length)}${plan.count + 1}`,
        MONEY_FORMAT,
      );
    }
    step("Formatted allocations");
    return [...tx.touched];
  });
}
