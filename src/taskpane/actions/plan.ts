// Plan: the DSG deficit management plan's sheets (Cover, Financial summary, CYP summary, Mitigations, Narrative)
// written into the open workbook as live formulas, exactly as `send-model plan` writes them into a file: one
// computation (model/planBuild.ts) chooses the options, the years and the starting numbers. The starting numbers
// come from the officer's own model (EHCPs from the institutions, High Needs allocations from a Blocks sheet) where
// it has them; a model without a Blocks sheet gets one (live SEND.ALLOCATEALL formulas, one spill per option and
// DSG block), whose values the workbook computes and the plan reads. Existing sheets of the plan are rewritten only
// after the officer agrees (one question listing every existing cell that would change), and the unmitigated
// option's proj.<setting>.count and .cost cells on the Rates sheet become formulas over the Starting numbers. All
// of it is one transaction: a failure part-way leaves the workbook as it was.
import { colLetters, parseRangeOrThrow, splitRef } from "../../util/a1";
import { blocksSheet } from "../../model/blocks";
import { buildPlan, defaultPlanOptions, isSynthetic, plannableOptions, type PlanBuild } from "../../model/planBuild";
import { START_SHEET } from "../../model/planStart";
import { PLAN_SHEETS } from "../../model/planWorkbook";
import { planBalances, type ProjectedBalances } from "../../model/paperBalances";
import { uniqueSheetName } from "../../model/sheetNames";
import type { CellValue, RawCell, WorkbookPort, WriteRequest } from "../ports/WorkbookPort";
import { cellBlocks, type Confirm } from "../workbook/confirm";
import { refsFor, type ModelInfo } from "../workbook/discover";
import { transact } from "../workbook/transaction";
import { leftovers, MONEY_FORMAT, solid } from "./createModel";

export const PERCENT_FORMAT = "0%";
/** What the pane calls the model in the plan's Cover and in messages. */
export const PLAN_SOURCE = "this workbook";

export interface PlanChoices {
  /** every option of the rates table */
  names: string[];
  /** the options with proj.start (a projection to plan) */
  plannable: string[];
  damaged: { name: string; message: string }[];
  /** what send-model plan would choose */
  defaults: { unmitigated: string; mitigated: string } | null;
}

/** The options the officer can plan, read from the rates table as the workbook calculated it. */
export function planChoices(model: ModelInfo): PlanChoices | null {
  if (!model.rates) return null;
  const { names, withProjection, damaged } = plannableOptions(model.rates.grid);
  return { names, plannable: withProjection, damaged, defaults: defaultPlanOptions(names, withProjection) };
}

/** One setting's first-year EHCPs and cost per EHCP as the written plan holds them, and where they come from. */
export interface StartingNumber {
  setting: string;
  count: CellValue;
  cost: CellValue;
  source: string;
}

export interface PlanResult {
  /** the sheets the plan wrote, in order (its own, then Starting numbers when it starts from the model) */
  sheets: string[];
  /** the Blocks sheet the plan added for its starting numbers, or null */
  addedBlocks: string | null;
  unmitigated: string;
  mitigated: string;
  starting: StartingNumber[];
  /** the Financial summary's balances carried forward (unmitigated, mitigated, risk-adjusted) */
  balances: ProjectedBalances | null;
  touched: string[];
}

/** A sheet's used range from A1 ("A1:F20"), or null when it is empty. */
async function fromA1(port: WorkbookPort, sheet: string): Promise<string | null> {
  const used = await port.usedRange(sheet);
  if (!used) return null;
  const r = parseRangeOrThrow(used);
  return `A1:${colLetters(r.right)}${r.bottom}`;
}

async function typedCells(port: WorkbookPort, sheet: string): Promise<RawCell[][]> {
  const range = await fromA1(port, sheet);
  return range ? port.readFormulas(sheet, range) : [];
}

/** The Rates cells the plan changes (the unmitigated option's proj.<setting> keys, and key rows it adds). */
function ratesChanges(before: RawCell[][], after: RawCell[][]): { row: number; col: number; value: RawCell }[] {
  const out: { row: number; col: number; value: RawCell }[] = [];
  after.forEach((r, i) =>
    r.forEach((v, j) => {
      const old = before[i]?.[j] ?? null;
      if (v !== null && v !== old) out.push({ row: i + 1, col: j + 1, value: v });
    }),
  );
  return out;
}

export async function writePlan(
  port: WorkbookPort,
  model: ModelInfo,
  choice: { unmitigated: string; mitigated: string },
  confirm: Confirm,
): Promise<PlanResult> {
  const rates = model.rates;
  if (!rates) throw new Error("There is no rates table in this workbook.");
  const ratesCells = await typedCells(port, rates.sheet);
  const ratesRange = (await fromA1(port, rates.sheet))!;
  const ratesValues = await port.readValues(rates.sheet, ratesRange);
  const refBottom = parseRangeOrThrow(splitRef(rates.ref).range.replace(/\$/g, "")).bottom;
  const inst = model.institutions;
  const institutions =
    inst && inst.count > 0 ? { name: inst.sheet, cells: await typedCells(port, inst.sheet) } : undefined;
  const planNames = new Set([...Object.values(PLAN_SHEETS), START_SHEET].map((s) => s.toLowerCase()));
  // the synthetic mark is looked for where send-model plan looks: every sheet of the model
  const others: { cells: RawCell[][] }[] = [];
  for (const s of model.sheets) if (!planNames.has(s.toLowerCase())) others.push({ cells: await typedCells(port, s) });

  return transact(port, confirm, async (tx) => {
    // the Blocks sheet the starting allocations come from: the model's own, else one added now
    let blocks = model.blocks ? { sheet: model.blocks.sheet, bottom: model.blocks.bottom } : null;
    let addedBlocks: string | null = null;
    const refs = refsFor(model);
    if (!blocks && institutions && refs && inst) {
      const options = [...new Set([...(model.allocations?.columns ?? []).map((c) => c.option), choice.unmitigated])];
      const layout = blocksSheet({ refs, options, count: inst.count });
      addedBlocks = uniqueSheetName(await port.sheetNames(), "Blocks");
      await tx.addSheet(addedBlocks);
      await tx.write({ sheet: addedBlocks, kind: "formulas", blocks: [{ topLeft: "A1", rows: layout.rows }] });
      await tx.setNumberFormat(addedBlocks, `C2:${colLetters(layout.rows[0].length)}${inst.count + 1}`, MONEY_FORMAT);
      blocks = { sheet: addedBlocks, bottom: inst.count + 1 };
    }
    const blocksRange = blocks && (await fromA1(port, blocks.sheet));
    const plan: PlanBuild = buildPlan({
      source: PLAN_SOURCE,
      rates: { name: rates.sheet, cells: ratesCells },
      ratesValues,
      ratesRef: () => rates.ref,
      institutions,
      blocks:
        blocks && blocksRange
          ? { name: blocks.sheet, values: await port.readValues(blocks.sheet, blocksRange) }
          : undefined,
      synthetic: isSynthetic([{ cells: ratesValues }, ...others]),
      ...choice,
    });
    if (plan.rates.length > refBottom)
      throw new Error(
        `The model's formulas read the rates table down to row ${refBottom}; the plan needs ${plan.rates.length} rows.`,
      );

    const existing = new Set((await port.sheetNames()).map((s) => s.toLowerCase()));
    const writes: WriteRequest[] = [
      { sheet: rates.sheet, kind: "formulas", blocks: cellBlocks(ratesChanges(ratesCells, plan.rates)) },
    ];
    for (const s of plan.sheets) {
      const width = Math.max(1, ...s.cells.map((r) => r.length));
      writes.push({ sheet: s.name, kind: "formulas", blocks: [{ topLeft: "A1", rows: solid(s.cells, width) }] });
      if (existing.has(s.name.toLowerCase()))
        writes.push(...(await leftovers(port, { name: s.name, rows: s.cells }, width)));
    }
    await tx.confirmAll(writes);
    for (const s of plan.sheets) if (!existing.has(s.name.toLowerCase())) await tx.addSheet(s.name);
    for (const w of writes) if (w.blocks.length) await tx.write(w);
    for (const s of plan.sheets) {
      for (const range of s.money) await tx.setNumberFormat(s.name, range, MONEY_FORMAT);
      for (const range of s.percent) await tx.setNumberFormat(s.name, range, PERCENT_FORMAT);
    }

    const starting = await readStarting(port, plan);
    const summary = await fromA1(port, PLAN_SHEETS.summary);
    return {
      sheets: plan.sheets.map((s) => s.name),
      addedBlocks,
      unmitigated: plan.unmitigated,
      mitigated: plan.mitigated,
      starting,
      balances: summary ? planBalances(PLAN_SHEETS.summary, await port.readValues(PLAN_SHEETS.summary, summary)) : null,
      touched: [...tx.touched],
    };
  });
}

/** The starting numbers as the written plan holds them: the Starting numbers sheet's values (its Source column
 * says model or proj.* keys per setting), else the proj.* keys of the unmitigated option. */
async function readStarting(port: WorkbookPort, plan: PlanBuild): Promise<StartingNumber[]> {
  const rows = plan.starting.some((s) => s.model)
    ? await port.readValues(START_SHEET, `A2:F${plan.starting.length + 1}`)
    : [];
  return plan.starting.map((s, i) =>
    s.model
      ? {
          setting: s.setting,
          count: rows[i]?.[2] ?? null,
          cost: rows[i]?.[4] ?? null,
          source: String(rows[i]?.[5] ?? ""),
        }
      : {
          setting: s.setting,
          count: s.typed.count,
          cost: s.typed.cost,
          source: `${s.keys[0]} and ${s.keys[1]} of '${plan.unmitigated}'${s.typed.count === null ? " (not set, so none)" : ""}`,
        },
  );
}
