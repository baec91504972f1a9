// "Replace institutions only": a plan that rewrites an existing model's Institutions table with new rows and
// rebuilds what is derived from it (Allocations for the same options, Checks over the new table), and leaves
// the Rates sheet (every rate typed and every option) as it is. Pure: the caller says where the model lives.
import { blockRange, widthOf } from "../util/a1";
import { checksSheet } from "./checks";
import type { ModelPlan, PlannedSheet, SheetRole } from "./model";
import { rebuildForTable } from "./replaceInstitutions";
import type { Rows } from "./types";

export interface ReplaceInstitutionsSpec {
  /** the model's sheets; Rates is named (for the plan's names) but never written */
  names: Record<SheetRole, string>;
  /** the absolute rates range the model's formulas already read (kept, so every formula reads the same rates) */
  ratesRef: string;
  /** the options that have an Allocations column now, in their order */
  allocationOptions: readonly string[];
  /** the Excel table over the institutions (kept) */
  tableName: string;
  header: string[];
  rows: Rows;
}

export function planReplaceInstitutions(s: ReplaceInstitutionsSpec): ModelPlan {
  const { refs, institutions, allocations, count } = rebuildForTable({
    institutionsSheet: s.names.institutions,
    ratesRef: s.ratesRef,
    header: s.header,
    rows: s.rows,
    options: s.allocationOptions,
  });
  const sheet = (role: SheetRole, rows: Rows, values = false): PlannedSheet => ({
    role,
    name: s.names[role],
    rows,
    range: blockRange("A1", rows.length, widthOf(rows)),
    values,
  });
  return {
    sheets: [
      sheet("institutions", institutions, true),
      sheet("allocations", allocations!),
      sheet("checks", checksSheet(refs.rates, refs.table)),
    ],
    names: s.names,
    refs,
    table: {
      sheet: s.names.institutions,
      range: blockRange("A1", institutions.length, s.header.length),
      name: s.tableName,
    },
    header: s.header,
    allocationOptions: [...s.allocationOptions],
    count,
  };
}
