// THE one place where host arguments become typed arguments and failures become error values, for both hosts
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
import type { Cell, Grid } from "../engine/types";
import { Args, Range, type ArgValue } from "./args";
import { sizeOf, specOf, type FunctionSpec, type Result, type Size } from "./registry";

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
  const cols = rows === 0 ? 0 : Math.max(...v.map((r) => r.length));
  if (rows === 1 && cols === 1) return v[0][0];
  if (rows === 0 || cols === 0) return null;
  return E.notScalar(arg, rows, cols);
}

function widthOf(g: Grid): number {
  let w = 0;
  for (const row of g) if (row.length > w) w = row.length;
  return w;
}

/** Host arguments -> typed arguments for `spec`, or the first argument's error (in parameter order). */
export function coerceArgs(spec: FunctionSpec, host: readonly HostValue[]): Args | SendError {
  const params = spec.parameters;
  let given = 0;
  for (let i = 0; i < host.length; i++) if (host[i] !== undefined) given = i + 1;
  if (given > params.length) return E.tooManyArgs(fnName(spec), params.length, given);

  const values = new Map<string, ArgValue>();
  const grids: (Grid | null)[] = new Array(params.length).fill(null);
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    const v = host[i];
    const absent = v === undefined || v === null || (!isGridValue(v) && isBlank(v));
    if (absent) {
      if (!p.optional && !p.blankOk) return E.argRequired(p.name);
      values.set(p.name, null);
      continue;
    }
    if (p.type === "range") {
      grids[i] = isGridValue(v) ? v : [[v]];
      continue;
    }
    const cell = scalarOf(v, p.name);
    if (cell instanceof SendError) return cell;
    if (isBlank(cell)) {
      if (!p.optional && !p.blankOk) return E.argRequired(p.name);
      values.set(p.name, null);
    } else if (p.type === "number") {
      const n = readNumber(cell);
      if (n.kind === "text") return E.notNumberArg(p.name, n.text);
      values.set(p.name, n.kind === "number" ? n.value : null);
    } else if (p.type === "text") {
      values.set(p.name, cellText(cell));
    } else {
      values.set(p.name, cell);
    }
  }

  // Ranges: trim each to its content, then a group to the largest extent among its members (within each one's size).
  const extents: ([number, number] | null)[] = grids.map((g) => (g ? Range.contentExtent(g) : null));
  for (let i = 0; i < params.length; i++) {
    const g = grids[i];
    if (!g) continue;
    let [rows, cols] = extents[i]!;
    const group = params[i].group;
    if (group) {
      for (let j = 0; j < params.length; j++) {
        const e = extents[j];
        if (e && params[j].group === group) { rows = Math.max(rows, e[0]); cols = Math.max(cols, e[1]); }
      }
    }
    values.set(params[i].name, new Range(g, Math.min(rows, g.length), Math.min(cols, widthOf(g))));
  }
  return new Args(values);
}

/** Runs `fn`, turning an engine Failure into its error and anything unexpected into #VALUE! (never throws). */
function guarded<T>(spec: FunctionSpec, fn: () => T | SendError): T | SendError {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Failure) return e.error;
    return E.internalError(fnName(spec), e instanceof Error ? e.message : String(e));
  }
}

function specFor(name: string): FunctionSpec {
  const spec = specOf(name);
  if (!spec) throw new Error(`no SEND function named '${name}'`);
  return spec;
}

/** Evaluates SEND.<name> on host arguments: a cell or a grid; a SendError is the whole formula's error. */
export function invoke(name: string, host: readonly HostValue[]): Result {
  const spec = specFor(name);
  return guarded(spec, () => {
    const args = coerceArgs(spec, host);
    return args instanceof SendError ? args : spec.run(args);
  });
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
