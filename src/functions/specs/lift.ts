// Lifting a function over ranges, as Excel lifts its built-in functions (=A2:A9*2 spills eight products): parameters
// of one `group` of type "range" are each a single value or a range, and the result has one cell per element.
// Broadcasting follows Excel: a single value goes with every element, a single row with every row and a single
// column with every column (a column of settings and a row of bands give the table of every pair). Ranges whose
// sizes differ otherwise are the formula's error. Each element is coerced exactly as the wrapper coerces a
// single value of that kind (wrapper.ts), so an element gives what the scalar call on its cells gives.
import * as coerce from "../../engine/coerce";
import { E, SendError } from "../../engine/errors";
import type { Dec } from "../../engine/money";
import type { Cell } from "../../engine/types";
import type { Args, Range } from "../args";

// Imported bindings are read through getters in CommonJS builds (tsx, jest, the headless host): the per-element
// functions use local copies, taken once.
const { cellText, isBlank, readNumber } = coerce;

/** One lifted argument: its range (null when blank or absent) and where a result cell finds its element. */
export interface Lifted {
  name: string;
  range: Range | null;
  /** 1 when the range is one row (or a single value), so every result row reads row 0 */
  rows: number;
  cols: number;
}

export interface LiftShape {
  rows: number;
  cols: number;
  args: Lifted[];
}

/** The lifted arguments of `names` (range parameters of one group) and the result's shape, or the formula's error. */
export function liftShape(a: Args, names: readonly string[]): LiftShape | SendError {
  const args: Lifted[] = [];
  let rows = 1;
  let cols = 1;
  for (const name of names) {
    const range = a.optRange(name);
    const r = range && !range.isEmpty ? range.rows : 1;
    const c = range && !range.isEmpty ? range.cols : 1;
    args.push({ name, range: range && !range.isEmpty ? range : null, rows: r, cols: c });
    if (r > rows) rows = r;
    if (c > cols) cols = c;
  }
  for (const x of args) {
    // a size that is neither 1 (broadcast) nor the result's: name the first argument of the result's size
    if (x.rows !== 1 && x.rows !== rows)
      return E.lengthMismatch(args.find((y) => y.rows === rows)!.name, x.name, rows, x.rows);
    if (x.cols !== 1 && x.cols !== cols)
      return E.lengthMismatch(args.find((y) => y.cols === cols)!.name, x.name, cols, x.cols);
  }
  return { rows, cols, args };
}

/** True when every lifted argument is a single value, or trims to one (the scalar call: a single result). */
export function isSingle(shape: LiftShape): boolean {
  return shape.rows === 1 && shape.cols === 1;
}

/** The element of `x` for result cell (r, c). */
export function elementAt(x: Lifted, r: number, c: number): Cell {
  if (x.range === null) return null;
  const row = x.range.source[x.rows === 1 ? 0 : r];
  const v = row === undefined ? undefined : row[x.cols === 1 ? 0 : c];
  return v === undefined ? null : v;
}

/** A text element as the wrapper reads a text argument: blank is `blank` (the argument's #VALUE!, or null). */
export function textElement(cell: Cell, blank: SendError | null): string | null | SendError {
  return isBlank(cell) ? blank : cellText(cell);
}

/**
 * A number element as the wrapper reads a number argument: blank is null, numeric text a Decimal, other text
 * #VALUE! naming the argument. With `plain`, a finite JS number stays a number: the engine's fast path reads it
 * exactly as `new Decimal(x)` does, without building one (the lifted path; the scalar call keeps the Decimal).
 */
export function numberElement(cell: Cell, name: string, plain: boolean): number | Dec | null | SendError {
  if (plain && typeof cell === "number" && Number.isFinite(cell)) return cell;
  const n = readNumber(cell);
  if (n.kind === "text") return E.notNumberArg(name, n.text);
  return n.kind === "number" ? n.value : null;
}
