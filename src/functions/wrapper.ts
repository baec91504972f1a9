// The one place where host arguments become typed arguments and failures become error values, for both hosts
// (Excel custom functions and the HyperFormula plugin). No host types here: each host first turns its values into
// plain cells (number, string, boolean, null) and 2-D arrays of them.
//
// Coercion rules:
// - a blank is null, undefined or "" (or only spaces) wherever it comes from;
// - a range parameter takes a 2-D array; a single value is wrapped as a 1 × 1 range; trailing blank rows and
//   columns are trimmed (whole-column references cost what their data costs), and ranges of one `group` are trimmed
//   to a common extent (a values row with blank trailing cells still lines up with its header row);
// - a number parameter takes a number or numeric text ("1,234.50", "£5", "12.5%"); other text is #VALUE! naming
//   the argument; a 1 × 1 range is its cell; a bigger range is #VALUE!;
// - a text parameter takes any single value (2 becomes "2");
// - a missing or blank required argument is #VALUE! naming it, unless blank means something (option, opening);
//   a missing optional argument is null and the function applies its default.
// A failure of the whole formula is one SendError; per-cell errors stay inside the result grid.
import { cellText, isBlank, readNumber } from "../engine/coerce";
import { E, Failure, SendError } from "../engine/errors";
import type { Cell, Grid, OutCell, OutGrid } from "../engine/types";
import { Args, Range, type ArgValue } from "./args";
import { isGrid, REGISTRY, sizeOf, specOf, widthOf, type FunctionSpec, type Result, type Size } from "./registry";

/** A value as a host hands it over: a cell, a 2-D array of cells, or undefined for an argument not given. */
export type HostValue = Cell | readonly (readonly Cell[])[];

function isGridValue(v: HostValue): v is readonly (readonly Cell[])[] {
  return Array.isArray(v);
}

function fnName(spec: FunctionSpec): string {
  return `SEND.${spec.name}`;
}

/** The single cell of a scalar argument, or #VALUE! for a range of several cells. */
function scalarOf(v: HostValue, arg: string): Cell | SendError {
  if (!isGridValue(v)) return v;
  const rows = v.length;
  const cols = widthOf(v);
  if (rows === 1 && cols === 1) return v[0][0];
  if (rows === 0 || cols === 0) return null;
  return E.notScalar(arg, rows, cols);
}

/** Host arguments -> typed arguments for `spec`, or the first argument's error (in parameter order). */
export function coerceArgs(spec: FunctionSpec, host: readonly HostValue[]): Args | SendError {
  const params = spec.parameters;
  let given = 0;
  for (let i = 0; i < host.length; i++) if (host[i] !== undefined) given = i + 1;
  if (given > params.length) return E.tooManyArgs(fnName(spec), params.length, given);

  const values: ArgValue[] = new Array(params.length).fill(null);
  let grids: (Grid | null)[] | null = null; // only when a range parameter is given
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    const v = host[i];
    const absent = v === undefined || v === null || (!isGridValue(v) && isBlank(v));
    if (absent) {
      if (!p.optional && !p.blankOk) return E.argRequired(p.name);
      continue; // null
    }
    if (p.type === "range") {
      (grids ??= new Array<Grid | null>(params.length).fill(null))[i] = isGridValue(v) ? v : [[v]];
      continue;
    }
    if (p.type === "text" && typeof v === "string") {
      // an option name, in every cell of a sheet: not blank (above)
      values[i] = v.trim(); // cellText
      continue;
    }
    const cell = scalarOf(v, p.name);
    if (cell instanceof SendError) return cell;
    if (isBlank(cell)) {
      if (!p.optional && !p.blankOk) return E.argRequired(p.name);
    } else if (p.type === "number") {
      const n = readNumber(cell);
      if (n.kind === "text") return E.notNumberArg(p.name, n.text);
      values[i] = n.kind === "number" ? n.value : null;
    } else if (p.type === "text") {
      values[i] = cellText(cell);
    } else {
      values[i] = cell;
    }
  }

  if (grids !== null) setRanges(params, grids, values);
  return new Args(values, indexOf(spec));
}

/** Each registered function's parameter positions by name: a constant table, built with the registry. */
const PARAM_INDEX: ReadonlyMap<FunctionSpec, ReadonlyMap<string, number>> = new Map(
  REGISTRY.map((spec) => [spec, parameterIndex(spec)]),
);

function parameterIndex(spec: FunctionSpec): ReadonlyMap<string, number> {
  return new Map(spec.parameters.map((p, i) => [p.name, i]));
}

function indexOf(spec: FunctionSpec): ReadonlyMap<string, number> {
  return PARAM_INDEX.get(spec) ?? parameterIndex(spec); // a spec outside the registry (a test's): built per call
}

/** Ranges: trim each to its content, then a group to the largest extent among its members (within each one's size). */
function setRanges(params: FunctionSpec["parameters"], grids: readonly (Grid | null)[], values: ArgValue[]): void {
  const extents: ([number, number] | null)[] = new Array(params.length).fill(null);
  for (let i = 0; i < params.length; i++) {
    const g = grids[i];
    if (g) extents[i] = Range.contentExtent(g);
  }
  for (let i = 0; i < params.length; i++) {
    const g = grids[i];
    if (!g) continue;
    const own = extents[i]!;
    let rows = own[0];
    let cols = own[1];
    const group = params[i].group;
    if (group) {
      for (let j = 0; j < params.length; j++) {
        const e = extents[j];
        if (e && params[j].group === group) {
          rows = Math.max(rows, e[0]);
          cols = Math.max(cols, e[1]);
        }
      }
    }
    // a range's own content extent lies within its size: only a group's larger extent needs clipping to it
    const height = rows > own[0] ? Math.min(rows, g.length) : rows;
    const width = cols > own[1] ? Math.min(cols, widthOf(g)) : cols;
    values[i] = new Range(g, height, width);
  }
}

/** Runs `fn`, turning an engine Failure into its error and anything unexpected into #VALUE! (never throws). */
function guarded<T>(spec: FunctionSpec, fn: () => T | SendError): T | SendError {
  try {
    return fn();
  } catch (e) {
    return thrown(spec, e);
  }
}

function thrown(spec: FunctionSpec, e: unknown): SendError {
  if (e instanceof Failure) return e.error;
  return E.internalError(fnName(spec), e instanceof Error ? e.message : String(e));
}

function specFor(name: string): FunctionSpec {
  const spec = specOf(name);
  if (!spec) throw new Error(`no SEND function named '${name}'`);
  return spec;
}

/**
 * A number no cell can hold becomes #NUM!, as Excel's own arithmetic does: exact decimals can exceed a double
 * (a rate of 1E+308 times 20 places), and Infinity must never reach a host. NaN cannot come out of decimal
 * arithmetic; if it ever does, it is reported as the bug it is. Per cell, so one row's overflow stays in its row.
 */
function representable(spec: FunctionSpec, result: Result): Result {
  // the common case first, without closures or messages: every call of every cell comes through here
  // a negative zero (Math.round(-0.4), 0 × -1) is shown as 0: no cell ever holds -0
  if (!isGrid(result))
    return typeof result === "number" && !Number.isFinite(result)
      ? unrepresentable(spec, result, `the result of ${fnName(spec)}`)
      : result === 0
        ? 0
        : result;
  for (let r = 0; r < result.length; r++) {
    const row = result[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "number" && (!Number.isFinite(v) || (v === 0 && 1 / v < 0))) return checkedGrid(spec, result);
    }
  }
  return result;
}

function unrepresentable(spec: FunctionSpec, c: number, where: string): OutCell {
  return Number.isNaN(c) ? E.internalError(fnName(spec), `${where} is NaN`) : E.tooLarge(where);
}

function checkedGrid(spec: FunctionSpec, result: OutGrid): OutGrid {
  return result.map((row, r) =>
    row.map((v, c) =>
      typeof v === "number" && !Number.isFinite(v)
        ? unrepresentable(spec, v, `${fnName(spec)} row ${r + 1}, column ${c + 1}`)
        : v === 0
          ? 0
          : v,
    ),
  );
}

/** Evaluates SEND.<name> on host arguments: a cell or a grid; a SendError is the whole formula's error. */
export function invoke(name: string, host: readonly HostValue[]): Result {
  const spec = specFor(name);
  try {
    // guarded(), without a closure per call: every cell of a sheet comes through here
    const args = coerceArgs(spec, host);
    return args instanceof SendError ? args : representable(spec, spec.run(args));
  } catch (e) {
    return thrown(spec, e);
  }
}

/** The cells SEND.<name> occupies for these arguments (1 × 1 for a scalar result or a failing formula). */
export function resultSize(name: string, host: readonly HostValue[]): Size {
  const spec = specFor(name);
  const size = guarded(spec, () => {
    const args = coerceArgs(spec, host);
    return args instanceof SendError ? args : sizeOf(spec, args);
  });
  return size instanceof SendError ? { rows: 1, cols: 1 } : size;
}
