// Entry points for totals: SEND.ALLOCATEALL (a whole table) and SEND.ALLOCATE (one row, header layout kept by
// the caller). Each row goes the exact integer way when it can and the decimal.js way (fields.ts + allocate.ts,
// unchanged) when it cannot; both give the same number, and every error comes from the decimal path, so there is
// one source of messages. Nothing is remembered here: the caller passes the compiled option and the layout
// (src/functions/memory.ts keeps them), or they are built for the call.
import { allocateTotal } from "../allocate";
import { SendError } from "../errors";
import { nameColumn, readTableRow, type FieldReader } from "../fields";
import { toNumber } from "../money";
import type { Option } from "../rates";
import type { Cell, Grid } from "../types";
import { safe, toDouble } from "./exact";
import { bind, evaluate, type Bound } from "./evaluate";
import { isBlankRow, readRow, tableLayout, type Layout, type RowBuf } from "./layout";
import type { CompiledOption, FastOption } from "./option";

/** The fast total of one row as a number, or NaN when the row must take the decimal path. */
function fastTotal(b: Bound | null, l: Layout, values: readonly Cell[], buf: RowBuf): number {
  if (b === null || !readRow(l, values, buf)) return NaN;
  const units = evaluate(b, buf);
  const m = safe(units * b.o.unitM);
  return m === m ? toDouble(m, b.o.unitK) : NaN;
}

/** The decimal path's answer for an institution already read (or its error). */
function decimalTotal(option: Option, inst: ReturnType<FieldReader["read"]>): number | SendError {
  if (inst instanceof SendError) return inst;
  const t = allocateTotal(option, inst);
  return t instanceof SendError ? t : toNumber(t);
}

/**
 * SEND.ALLOCATEALL: one Total per data row of `grid` (header row first), as numbers already rounded to the
 * option's round.to; a bad row is its own SendError; an all-blank row is null. A table-wide problem
 * (no data rows, a bad or duplicate header) is returned as one SendError, exactly as readTable does.
 * Identical to readTable + allocateTotal + toNumber. `layout` is tableLayout(grid, arg), perhaps remembered.
 */
export function allocateTotals(
  fo: FastOption,
  grid: Grid,
  arg = "table",
  layout: Layout | SendError = tableLayout(grid, arg),
): (number | SendError | null)[] | SendError {
  if (layout instanceof SendError) return layout;
  const b = fo.compiled && bind(fo.compiled, layout);
  const buf = layout.buf;
  const nameCol = nameColumn(grid[0]);
  const out: (number | SendError | null)[] = new Array(grid.length - 1);
  for (let r = 1; r < grid.length; r++) {
    const values = grid[r];
    if (isBlankRow(values)) {
      out[r - 1] = null;
      continue;
    }
    const x = fastTotal(b, layout, values, buf);
    if (x === x) {
      out[r - 1] = x;
      continue;
    }
    const row = readTableRow(layout.reader, values, r, nameCol, arg);
    out[r - 1] = row.institution === null ? null : decimalTotal(fo.option, row.institution);
  }
  return out;
}

/**
 * SEND.ALLOCATE for one values row under a header layout (kept by the caller: buildLayout(fieldReader(...))): the
 * same number as `reader.read(values, where)` + allocateTotal + toNumber, or the same error.
 */
export function allocateRowTotal(
  fo: FastOption,
  layout: Layout,
  values: readonly Cell[],
  where = "values",
): number | SendError {
  const x = exactRowTotal(fo.compiled, layout, values);
  return x === x ? x : decimalTotal(fo.option, layout.reader.read(values, where));
}

/** The exact path alone: one row's Total, or NaN when the row must take the decimal path (tests count both ways). */
export function exactRowTotal(compiled: CompiledOption | null, layout: Layout, values: readonly Cell[]): number {
  return compiled === null ? NaN : fastTotal(bind(compiled, layout), layout, values, layout.buf);
}
