// Import in the pane: the officer's file as a model (the plan src/import/importPlan.ts builds, written by New
// model's createModel in one transaction), "Replace institutions only" (new rows under the model's own rates and
// options), and the mapping the workbook remembers from the last import.
import { blockRange, cellA1, widthOf } from "../../util/a1";
import { tableName } from "../../model/model";
import { planReplaceInstitutions } from "../../model/replaceInstitutionsPlan";
import { uniqueSheetName } from "../../model/sheetNames";
import { normKey } from "../../engine/normalize";
import { planImport, topupKeys, type ImportPlan } from "../../import/importPlan";
import { isMappingHeader, MAPPING_SHEET, mappingSheetRows, readMappingRows } from "../../import/remember";
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

/** What "Replace institutions only" needs of the model already in the workbook, or why it cannot be offered. */
export function institutionsOnlyBlocker(model: ModelInfo | null): string | undefined {
  if (!model?.rates) return "The workbook has no rates table to keep.";
  if (!model.institutions) return "The workbook has no institutions table to replace.";
  if (!model.allocations) return "The workbook has no Allocations sheet to rebuild.";
  return undefined;
}

/**
 * The plan for "Replace institutions only": the new rows over the model's Institutions sheet, its Allocations
 * (same options) and Checks rebuilt for them, the mapping sheet updated; Rates and every option untouched. Also
 * the top-up keys the new rows count that the rates table has no row for (their allocations will say #N/A).
 */
export async function planInstitutionsOnly(
  port: WorkbookPort,
  model: ModelInfo | null,
  input: Pick<ImportInput, "result" | "source">,
  when = new Date(),
): Promise<{ plan: ImportPlan; missingKeys: string[] }> {
  const blocker = institutionsOnlyBlocker(model);
  if (blocker || !model?.rates || !model.institutions || !model.allocations) throw new Error(blocker);
  const sheets = await port.sheetNames();
  const remembered = await rememberedMapping(port);
  const names = {
    rates: model.rates.sheet,
    institutions: model.institutions.sheet,
    allocations: model.allocations.sheet,
    checks: model.checks ?? uniqueSheetName(sheets, "Checks"),
  };
  const tables = await port.tableNames();
  const own = tableName(names.institutions);
  const base = planReplaceInstitutions({
    names,
    ratesRef: model.rates.ref,
    allocationOptions: model.allocations.columns.map((c) => c.option),
    tableName: tables.some((t) => t.toLowerCase() === own.toLowerCase()) ? own : tableName(names.institutions, tables),
    header: input.result.header,
    rows: input.result.rows,
  });
  const rows = mappingSheetRows(input.result.report.choices, input.source, when);
  const mapping = {
    role: "mapping",
    name: remembered?.sheet ?? uniqueSheetName([...sheets, ...base.sheets.map((s) => s.name)], MAPPING_SHEET),
    rows,
    range: blockRange("A1", rows.length, widthOf(rows)),
    values: true,
  } as const;
  const known = new Set(model.rates.keys.map((k) => normKey(k.key)));
  const missingKeys = topupKeys(input.result)
    .map((k) => k.key)
    .filter((k) => !known.has(normKey(k)));
  return { plan: { ...base, sheets: [...base.sheets, mapping], mapping }, missingKeys };
}
