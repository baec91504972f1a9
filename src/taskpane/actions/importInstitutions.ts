// Import in the pane: the officer's file as a model (the plan src/import/plan.ts builds, written by New
// model's createModel in one transaction), and the mapping the workbook remembers from the last import.
import { cellA1 } from "../../model/a1";
import { planImport, type ImportPlan } from "../../import/plan";
import { isMappingHeader, readMappingRows } from "../../import/remember";
import type { ImportResult } from "../../import/apply";
import type { SavedMapping } from "../../import/mapping";
import type { WorkbookPort } from "../ports/WorkbookPort";
import type { ModelInfo } from "../workbook/discover";
import { modelSheets } from "./createModel";

/** The mapping sheet of the last import, if the workbook has one. */
export async function rememberedMapping(port: WorkbookPort): Promise<{ sheet: string; mapping: SavedMapping } | null> {
  for (const sheet of await port.sheetNames()) {
    const used = await port.usedRange(sheet);
    if (!used) continue;
    const end = used.split(":")[1] ?? used;
    const bottom = Number(/\d+$/.exec(end)?.[0] ?? 1);
    const top = await port.readValues(sheet, "A1:B1");
    if (!isMappingHeader(top[0] ?? [])) continue;
    const rows = await port.readValues(sheet, `A1:${cellA1(bottom, 2)}`);
    return { sheet, mapping: readMappingRows(rows) };
  }
  return null;
}

export interface ImportInput {
  national: string;
  candidate: string;
  result: ImportResult;
  source: string;
}

/** The plan: over the model's own sheets (and its mapping sheet) when replacing, else on unused names. */
export async function planPaneImport(
  port: WorkbookPort,
  model: ModelInfo | null,
  input: ImportInput,
  replace: boolean,
  when = new Date(),
): Promise<ImportPlan> {
  const remembered = replace ? await rememberedMapping(port) : null;
  const mine = new Set(
    [...(replace ? modelSheets(model) : []), ...(remembered ? [remembered.sheet] : [])].map((s) => s.toLowerCase()),
  );
  const existing = (await port.sheetNames()).filter((s) => !mine.has(s.toLowerCase()));
  return planImport({ existing, ...input, when, mappingSheet: remembered?.sheet }, await port.tableNames());
}
