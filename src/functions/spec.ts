// The shape of one SEND function in the registry: metadata next to implementation (HyperFormula style).
// The Excel entry points (functions.ts), the HyperFormula plugin and the task pane's help all read it.
import type { OutCell, OutGrid } from "../engine/types";
import type { Args } from "./args";

export type ParamType = "range" | "number" | "text" | "any";

export interface ParamSpec {
  /** as in the formula hint and the JSDoc @param (snake_case where the contract says so) */
  name: string;
  description: string;
  type: ParamType;
  optional?: boolean;
  /**
   * A required argument that may be a blank cell: a blank option means "the table's only option",
   * a blank opening balance is 0. Other required arguments that are blank are #VALUE! naming them.
   */
  blankOk?: boolean;
  /**
   * Ranges in the same group are trimmed to one common extent, so a values row with blank trailing cells still
   * lines up with its header row, and an income column lines up with its spend column.
   */
  group?: string;
}

/** A function's result: one cell, or a grid (null = blank; a SendError = that cell's error). */
export type Result = OutCell | OutGrid;

export interface Size {
  rows: number;
  cols: number;
}

export interface FunctionSpec {
  /** without the namespace: "ALLOCATE" (Excel adds SEND from the manifest; HyperFormula registers SEND.ALLOCATE) */
  name: string;
  /** one line: the formula hint in Excel */
  description: string;
  /** a paragraph for the task pane and README */
  help: string;
  parameters: readonly ParamSpec[];
  result: "scalar" | "matrix";
  /** A SendError returned here is the whole formula's error (one cell). */
  run(args: Args): Result;
  /** rows × cols of a matrix result for these arguments (1 × 1 when the result is a single error or value) */
  size?(args: Args): Size;
}

export const HELP_BASE = "https://localhost:3000/help.html";

export function helpUrl(spec: Pick<FunctionSpec, "name">): string {
  return `${HELP_BASE}#${spec.name.toLowerCase()}`;
}

export function isGrid(r: Result): r is OutGrid {
  return Array.isArray(r);
}

/**
 * The length of the longest row. A loop, not Math.max(...rows): spreading a whole-column range (1,048,576 rows)
 * into arguments overflows the stack.
 */
export function widthOf(grid: readonly (readonly unknown[])[]): number {
  let w = 0;
  for (const row of grid) if (row.length > w) w = row.length;
  return w;
}

/** The shape a result occupies on a sheet. */
export function shapeOf(r: Result): Size {
  if (!isGrid(r)) return { rows: 1, cols: 1 };
  return { rows: Math.max(1, r.length), cols: Math.max(1, widthOf(r)) };
}
