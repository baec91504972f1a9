// The Checks sheet: a live SEND.CHECK over the whole rates table and, when given, the institution table
// (so an ignored header or a band with no top-up shows up where the officer looks).
import type { Rows } from "./types";
import { formulaString } from "./types";

export function checkFormula(ratesRef: string, option?: string, tableRef?: string): string {
  if (tableRef) return `=SEND.CHECK(${ratesRef},${formulaString(option ?? "")},${tableRef})`;
  return option ? `=SEND.CHECK(${ratesRef},${formulaString(option)})` : `=SEND.CHECK(${ratesRef})`;
}

export function checksSheet(ratesRef: string, tableRef?: string): Rows {
  return [[checkFormula(ratesRef, undefined, tableRef)]];
}
