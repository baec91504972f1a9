// The Allocations sheet: one row per institution, Name and Phase echoed from Institutions, then one
// live SEND.ALLOCATE formula per option column.
import type { ModelRefs } from "./refs";
import { formulaString, type Rows } from "./types";

export interface AllocationsSpec {
  refs: ModelRefs;
  options: readonly string[];
  /** institutions (data rows) */
  count: number;
}

/** `&""` shows a blank source cell as blank rather than 0. */
const echo = (ref: string) => `=${ref}&""`;

export function allocationFormula(refs: ModelRefs, option: string, i: number): string {
  return `=SEND.ALLOCATE(${refs.rates},${formulaString(option)},${refs.fields},${refs.row(i)})`;
}

export function allocationsSheet(s: AllocationsSpec): Rows {
  const rows: Rows = [["Name", "Phase", ...s.options]];
  for (let i = 1; i <= s.count; i++) {
    rows.push([
      echo(s.refs.field(i, "Name")),
      echo(s.refs.field(i, "Phase")),
      ...s.options.map((o) => allocationFormula(s.refs, o, i)),
    ]);
  }
  return rows;
}
