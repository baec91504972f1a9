// Publish for review: each chosen sheet copied as values only (no SEND formulas) to a new sheet, plus
// a summary sheet (totals by DSG block from the Blocks sheet, High Needs first, then the all-blocks total labelled
// as such). Copies are written as "values", so text such as "=cmd" or "+44…" stays text.
// All the copies and the summary, or nothing: a failure part-way removes the sheets already added.
import { colLetters, parseRangeOrThrow } from "../../util/a1";
import { columnTotal, summarySheet, valuesOnly, type BlockTotal } from "../../model/publish";
import { blockTotals, type OptionTotal } from "../../model/publishBook";
import { uniqueSheetName } from "../../model/sheetNames";
import type { WorkbookPort } from "../ports/WorkbookPort";
import type { ModelInfo } from "../workbook/discover";
import type { Confirm } from "../workbook/confirm";
import { transact } from "../workbook/transaction";
import type { Progress } from "./createModel";

export interface PublishResult {
  summary: string;
  copies: { from: string; to: string }[];
  /** each option's total of the Allocations sheet (every block together) */
  totals: OptionTotal[];
  /** each option's total by DSG block, High Needs first (empty without a Blocks sheet) */
  blocks: BlockTotal[];
  touched: string[];
}

/** The model's totals by DSG block, from its Blocks sheet as the workbook computed it (none without one). */
export async function readBlockTotals(port: WorkbookPort, model: ModelInfo): Promise<BlockTotal[]> {
  const b = model.blocks;
  if (!b || b.columns.length === 0) return [];
  const range = `A1:${colLetters(Math.max(...b.columns.map((c) => c.col)))}${b.bottom}`;
  return blockTotals({
    name: b.sheet,
    values: await port.readValues(b.sheet, range),
    formulas: await port.readFormulas(b.sheet, range.replace(/\d+$/, "2")),
  });
}

export async function publishForReview(
  port: WorkbookPort,
  model: ModelInfo,
  sheets: string[],
  confirm: Confirm,
  progress: Progress = () => {},
  when = new Date(),
): Promise<PublishResult> {
  if (sheets.length === 0) throw new Error("Choose at least one sheet to publish.");
  const names = [...(await port.sheetNames())];
  const total = sheets.length + 1;
  let done = 0;
  return transact(port, confirm, async (tx) => {
    const copies: { from: string; to: string }[] = [];
    for (const from of sheets) {
      const used = await port.usedRange(from);
      const to = uniqueSheetName(names, `Review ${from}`);
      names.push(to);
      await tx.addSheet(to);
      if (used) {
        const r = parseRangeOrThrow(used);
        const values = valuesOnly(await port.readValues(from, used));
        await tx.write({
          sheet: to,
          kind: "values",
          blocks: [{ topLeft: `${colLetters(r.left)}${r.top}`, rows: values }],
        });
      }
      copies.push({ from, to });
      progress(++done, total, `Copied ${from}`);
    }
    const totals: OptionTotal[] = [];
    const alloc = model.allocations;
    if (alloc) {
      for (const c of alloc.columns) {
        const col = colLetters(c.col);
        const values =
          alloc.count > 0
            ? (await port.readValues(alloc.sheet, `${col}2:${col}${alloc.count + 1}`)).map((r) => r[0])
            : [];
        totals.push({ option: c.option, ...columnTotal(values) });
      }
    }
    const blocks = await readBlockTotals(port, model);
    const summary = uniqueSheetName(names, "Review summary");
    await tx.addSheet(summary);
    const rows = summarySheet({
      title: "SEND funding model: published for review",
      when,
      sheets: copies,
      institutions: model.institutions?.count ?? 0,
      totals,
      blocks,
    });
    await tx.write({ sheet: summary, kind: "values", blocks: [{ topLeft: "A1", rows }] });
    progress(++done, total, "Wrote the summary");
    return { summary, copies, totals, blocks, touched: [...tx.touched] };
  });
}
