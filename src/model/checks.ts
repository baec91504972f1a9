// The Checks sheet: a live SEND.CHECK over the whole rates table.
import type { Rows } from "./types";
import { formulaString } from "./types";

export function checkFormula(ratesRef: string, option?: string): string {
  return option ? `=SEND.CHECK(${ratesRef},${formulaString(option)})` : `=SEND.CHECK(${ratesRef})`;
}

export function checksSheet(ratesRef: string): Rows {
  return [[checkFormula(ratesRef)]];
}
