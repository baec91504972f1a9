// The Allocations sheet: one row per institution, Name and Phase echoed from Institutions, then one
// SEND.ALLOCATEALL per option on the first data row, spilling one Total per institution down its column. One
// formula per option (not one SEND.ALLOCATE per cell) is what keeps Excel's recalculation payload and
// HyperFormula's per-formula cost small; models built with per-cell SEND.ALLOCATE formulas are still read.
import type { ModelRefs } from "./refs";
import { sendCalls } from "./sendCalls";
import { formulaString, type Rows } from "./types";

export interface AllocationsSpec {
  refs: ModelRefs;
  options: readonly string[];
  /** institutions (data rows) */
  count: number;
}

/** `&""` shows a blank source cell as blank rather than 0. */
const echo = (ref: string) => `=${ref}&""`;

/** The spilling formula of one option's column, written on the first data row. */
export function allocationFormula(refs: ModelRefs, option: string): string {
  return `=SEND.ALLOCATEALL(${refs.rates},${formulaString(option)},${refs.table})`;
}

export function allocationsSheet(s: AllocationsSpec): Rows {
  const rows: Rows = [["Name", "Phase", ...s.options]];
  for (let i = 1; i <= s.count; i++) {
    rows.push([
      echo(s.refs.field(i, "Name")),
      echo(s.refs.field(i, "Phase")),
      ...(i === 1 ? s.options.map((o) => allocationFormula(s.refs, o)) : []),
    ]);
  }
  return rows;
}

/** An Allocations column's formula, in either layout the model has used. */
export interface AllocationCall {
  /** "ALLOCATEALL": the spill anchor of the whole column; "ALLOCATE": one institution's cell (older models) */
  fn: "ALLOCATE" | "ALLOCATEALL";
  /** the arguments as written */
  rates: string;
  option: string;
  /** ALLOCATEALL's table (header row first), or ALLOCATE's header row */
  table: string;
}

/**
 * The allocation call in a formula, or null: `SEND.ALLOCATEALL(rates, option, table)` without a block (a block's
 * spill belongs to the Blocks sheet), or any `SEND.ALLOCATE(rates, option, fields, values)` as older models wrote.
 */
export function allocationCall(formula: unknown): AllocationCall | null {
  if (typeof formula !== "string" || !/SEND\.ALLOCATE(?:ALL)?\(/i.test(formula)) return null;
  for (const call of sendCalls(formula)) {
    const [rates = "", option = "", table = ""] = call.args;
    if (call.fn === "ALLOCATE" || (call.fn === "ALLOCATEALL" && (call.args[3] ?? "") === ""))
      return { fn: call.fn, rates, option, table };
  }
  return null;
}
