// The fast row reader: the columns a FieldReader reads (fields.ts decides what every header means, once),
// laid out as slot numbers, and a reader that puts a row's counts straight into flat arrays of scaled
// integers without building Decimals. It accepts exactly what fields.ts accepts without an error; on
// anything else (a bad cell, a negative count, Months out of range, Occupied > Places, a value it cannot
// hold exactly) it says no, and the caller reads the row the decimal way, which gives the same value or
// the error with its message. Numbers written as text ("1,234", "£5") are read by coerce.ts.
// A layout is built afresh by buildLayout; the function layer keeps one per header row (src/functions/memory.ts).
import { readNumber, isBlank } from "../coerce";
import { E, SendError } from "../errors";
import { fieldReader, type FieldReader } from "../fields";
import { normLabel } from "../normalize";
import { COMPONENTS, PHASES, type Cell, type Grid } from "../types";
import { Acc, cmp, MAX, parseDec, parseNumber, type Scaled } from "./exact";
import { COUNT_SLOT, FIRST_BAND, S } from "./slots";

export interface Layout {
  /** the header row's field reader (the decimal path reads rows with it) */
  reader: FieldReader;
  /** columns read as counts and the slot each fills (Occupied is separate: blank means Places) */
  countCols: Int32Array;
  countSlots: Int32Array;
  phaseCol: number;
  monthsCol: number;
  occupiedCol: number;
  /** `Places from September`: a row with a count there takes the decimal path (its places are twelfths) */
  septemberCol: number;
  /** EHCP bands (normalised labels) fill slots FIRST_BAND…; SENIF bands follow them */
  ehcpBands: string[];
  senifBands: string[];
  width: number;
  /** the row buffer and scratch rows of this layout are read and evaluated in (reused from row to row and call to
   * call: the engine is single-threaded and nothing re-enters) */
  buf: RowBuf;
}

/**
 * The layout of a field reader's header row. Built afresh: callers that meet one header row again and again keep
 * it (src/functions/memory.ts keeps one per header row). Besides saving the work, that keeps V8's optimised row
 * loop valid: code specialised on objects that die is thrown away at the next GC.
 */
export function buildLayout(reader: FieldReader): Layout {
  const countCols: number[] = [];
  const countSlots: number[] = [];
  const ehcp: { col: number; band: string }[] = [];
  const senif: { col: number; band: string }[] = [];
  let phaseCol = -1,
    monthsCol = -1,
    occupiedCol = -1,
    septemberCol = -1;
  for (const { col, column } of reader.columns) {
    switch (column.kind) {
      case "phase":
        phaseCol = col;
        break;
      case "months":
        monthsCol = col;
        break;
      case "occupied":
        occupiedCol = col;
        break;
      case "september":
        septemberCol = col;
        break;
      case "count":
        countCols.push(col);
        countSlots.push(COUNT_SLOT[column.field]);
        break;
      case "idaci":
        countCols.push(col);
        countSlots.push(S.idaciA + "abcdef".indexOf(column.band));
        break;
      case "ehcp":
        ehcp.push({ col, band: column.band });
        break;
      case "senif":
        senif.push({ col, band: column.band });
        break;
      case "name":
        break;
    }
  }
  ehcp.forEach(({ col }, i) => {
    countCols.push(col);
    countSlots.push(FIRST_BAND + i);
  });
  senif.forEach(({ col }, i) => {
    countCols.push(col);
    countSlots.push(FIRST_BAND + ehcp.length + i);
  });
  return {
    reader,
    countCols: Int32Array.from(countCols),
    countSlots: Int32Array.from(countSlots),
    phaseCol,
    monthsCol,
    occupiedCol,
    septemberCol,
    ehcpBands: ehcp.map((e) => e.band),
    senifBands: senif.map((e) => e.band),
    width: FIRST_BAND + ehcp.length + senif.length,
    buf: new RowBuf(FIRST_BAND + ehcp.length + senif.length),
  };
}

/** The layout of a table's header row, or the table-wide error readTable gives (no data rows, a bad header). */
export function tableLayout(grid: Grid, arg = "table"): Layout | SendError {
  if (grid.length < 2) return E.emptyTable(arg);
  const reader = fieldReader(grid[0], arg);
  return reader instanceof SendError ? reader : buildLayout(reader);
}

/**
 * A row's values: slot → m / 10^k, plus its phase code and Months; and the scratch evaluate() works in. Reused from
 * row to row (one per layout).
 */
export class RowBuf {
  readonly m: Float64Array;
  readonly k: Int32Array;
  phase = 0;
  monthsM = 12;
  monthsK = 0;
  /** the last cell read */
  readonly cell: Scaled = { m: 0, k: 0 };
  /** evaluate()'s accumulators: a component's pro-rated and once-a-year sums, and a temporary */
  readonly acc = new Acc();
  readonly once = new Acc();
  readonly tmp = new Acc();
  /** each component's annual amount (pro-rated + once a year), for the guarantee */
  readonly annualM = new Float64Array(COMPONENTS.length);
  readonly annualK = new Int32Array(COMPONENTS.length);
  constructor(readonly width: number) {
    this.m = new Float64Array(width);
    this.k = new Int32Array(width);
  }
}

/** Phase codes by the phase's own name and by its normalised label (constant). */
const PHASE_CODE = new Map<string, number>([
  ...PHASES.map((p, i): [string, number] => [p, i]),
  ...PHASES.map((p, i): [string, number] => [normLabel(p), i]),
]);

/** The phase code of a Phase cell, or -1 (blank, unknown, not text: the decimal reader reports it). */
function phaseOf(c: Cell): number {
  if (typeof c !== "string") return -1;
  return PHASE_CODE.get(c) ?? PHASE_CODE.get(normLabel(c.trim())) ?? -1;
}

/** A count cell into `out`: blank is 0; false for anything fields.ts would reject (or we cannot hold exactly). */
function readCount(c: Cell, out: Scaled): boolean {
  if (typeof c === "number") {
    if (c > 0 && c <= MAX && Number.isInteger(c)) {
      out.m = c;
      out.k = 0;
      return true;
    }
    if (c === 0) {
      out.m = 0;
      out.k = 0;
      return true;
    }
    return c > 0 && parseNumber(c, out); // negative, NaN and ±Infinity are errors
  }
  if (c === null || c === undefined || c === "") {
    out.m = 0;
    out.k = 0;
    return true;
  }
  if (typeof c !== "string") return false;
  if (isBlank(c)) {
    out.m = 0;
    out.k = 0;
    return true;
  }
  const n = readNumber(c);
  return n.kind === "number" && !(n.value.isNeg() && !n.value.isZero()) && parseDec(n.value, out);
}

/** Months into `out`: blank is 12; false outside 0..12 or when not a number. */
function readMonths(c: Cell, out: Scaled): boolean {
  if (isBlank(c)) {
    out.m = 12;
    out.k = 0;
    return true;
  }
  if (typeof c === "number") return c >= 0 && c <= 12 && parseNumber(c, out);
  if (typeof c !== "string") return false;
  const n = readNumber(c);
  return n.kind === "number" && n.value.gte(0) && n.value.lte(12) && parseDec(n.value, out);
}

/** Whether every cell of a row is blank (readTable shows such a row as blank). */
export function isBlankRow(values: readonly Cell[]): boolean {
  for (let i = 0; i < values.length; i++) {
    const c = values[i];
    if (c !== null && c !== undefined && !isBlank(c)) return false;
  }
  return true;
}

/** Reads one row into buf; false when the decimal reader must read it (an error, or not exact here). */
export function readRow(l: Layout, values: readonly Cell[], buf: RowBuf): boolean {
  const phase = l.phaseCol < 0 ? -1 : phaseOf(values[l.phaseCol]);
  if (phase < 0) return false;
  if (l.septemberCol >= 0 && !isBlank(values[l.septemberCol])) return false;
  buf.phase = phase;
  const m = buf.m,
    k = buf.k;
  const cols = l.countCols,
    slots = l.countSlots,
    r = buf.cell;
  for (let i = 0; i < cols.length; i++) {
    if (!readCount(values[cols[i]], r)) return false;
    m[slots[i]] = r.m;
    k[slots[i]] = r.k;
  }
  m[S.one] = 1;
  if (l.monthsCol >= 0) {
    if (!readMonths(values[l.monthsCol], r)) return false;
    buf.monthsM = r.m;
    buf.monthsK = r.k;
  }
  if (l.occupiedCol >= 0 && !isBlank(values[l.occupiedCol])) {
    if (!readCount(values[l.occupiedCol], r)) return false;
    if (!(cmp(r.m, r.k, m[S.places], k[S.places]) <= 0)) return false; // more than Places (or not comparable)
    m[S.occupied] = r.m;
    k[S.occupied] = r.k;
  } else {
    m[S.occupied] = m[S.places];
    k[S.occupied] = k[S.places];
  }
  return true;
}
