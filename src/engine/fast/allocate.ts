// Entry points for totals: SEND.ALLOCATEALL (a whole table) and SEND.ALLOCATE (one row, header reader
// cached by the caller). Each row goes the exact integer way when it can and the decimal.js way
// (fields.ts + allocate.ts, unchanged) when it cannot; both give the same number, and every error
// comes from the decimal path, so there is one source of messages.
import { allocateTotal } from "../allocate";
import { E, SendError } from "../errors";
import { fieldReader, nameColumn, readTableRow, type FieldReader } from "../fields";
import { toNumber } from "../money";
import type { Option } from "../rates";
import type { Cell, Grid } from "../types";
import * as exact from "./exact";
import * as ev from "./evaluate";
import * as lay from "./layout";
import type { Bound } from "./evaluate";
import type { Layout } from "./layout";

// Local copies of imported bindings (getters in CommonJS builds; see layout.ts).
const { safe, toDouble } = exact;
const { bind, evaluate } = ev;
const { isBlankRow, layoutOf, readRow } = lay;
type RowBuf = lay.RowBuf;

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
  if (t instanceof SendError) return t;
  const n = toNumber(t);
  return n === 0 ? 0 : n;
}

/**
 * SEND.ALLOCATEALL: one Total per data row of `grid` (header row first), as numbers already rounded to the
 * option's round.to; a bad row is its own SendError; an all-blank row is null. A table-wide problem
 * (no data rows, a bad or duplicate header) is returned as one SendError, exactly as readTable does.
 * Identical to readTable + allocateTotal + toNumber (-0 shown as 0).
 */
export function allocateTotals(option: Option, grid: Grid, arg = "table"): (number | SendError | null)[] | SendError {
  if (grid.length < 2) return E.emptyTable(arg);
  const reader = fieldReader(grid[0], arg);
  if (reader instanceof SendError) return reader;
  const layout = layoutOf(reader);
  const b = bind(option, layout);
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
    const row = readTableRow(reader, values, r, nameCol, arg);
    out[r - 1] = row.institution === null ? null : decimalTotal(option, row.institution);
  }
  return out;
}

/**
 * SEND.ALLOCATE for one values row under a header reader the caller has cached (fieldReaderOf): the same
 * number as `reader.read(values, where)` + allocateTotal + toNumber (-0 shown as 0), or the same error.
 */
export function allocateRowTotal(
  option: Option,
  reader: FieldReader,
  values: readonly Cell[],
  where = "values",
): number | SendError {
  const x = exactRowTotal(option, reader, values);
  return x === x ? x : decimalTotal(option, reader.read(values, where));
}

/** The exact path alone: one row's Total, or NaN when the row must take the decimal path (tests count both ways). */
export function exactRowTotal(option: Option, reader: FieldReader, values: readonly Cell[]): number {
  const layout = layoutOf(reader);
  return fastTotal(bind(option, layout), layout, values, layout.buf);
}
