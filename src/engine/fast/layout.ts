// The fast row reader: the columns a FieldReader reads (fields.ts decides what every header means, once),
// laid out as slot numbers, and a reader that puts a row's counts straight into flat arrays of scaled
// integers without building Decimals. It accepts exactly what fields.ts accepts without an error; on
// anything else (a bad cell, a negative count, Months out of range, Occupied > Places, a value it cannot
// hold exactly) it says no, and the caller reads the row the decimal way, which gives the same value or
// the error with its message. Numbers written as text ("1,234", "£5") are read by coerce.ts.
import { readNumber as readNumberCell, isBlank as isBlankCell } from "../coerce";
import type { FieldReader } from "../fields";
import { normLabel } from "../normalize";
import { PHASES, type Cell } from "../types";
import * as exact from "./exact";
import * as slots from "./slots";

// Imported bindings are read through getters in CommonJS builds (tsx, jest, the headless host): the row
// loop uses local copies, taken once.
const { cmp, MAX, parseDec, parseNumber, R } = exact;
const { COUNT_SLOT, FIRST_BAND, S } = slots;
const isBlank = isBlankCell;
const readNumber = readNumberCell;

export interface Layout {
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
  /** the row buffer rows of this layout are read into (reused: the engine is single-threaded, nothing re-enters) */
  buf: RowBuf;
}

const layouts = new WeakMap<FieldReader, Layout>();
/**
 * Layouts by what they read, so a header row seen again (every ALLOCATEALL recalculation builds a new
 * FieldReader) gets the same Layout, bound options and row buffer. Besides saving the work, this keeps V8's
 * optimised row loop valid: code specialised on objects that die is thrown away at the next GC.
 */
const bySignature = new Map<string, Layout>();
const SIGNATURE_LIMIT = 256;

/** The layout of a field reader's header row (memoised on the reader and on its columns). */
export function layoutOf(reader: FieldReader): Layout {
  let l = layouts.get(reader);
  if (!l) {
    const sig = reader.columns
      .map(
        ({ col, column }) =>
          `${col}:${column.kind}:${"field" in column ? column.field : "band" in column ? column.band : ""}`,
      )
      .join("|");
    l = bySignature.get(sig);
    if (!l) {
      l = buildLayout(reader);
      if (bySignature.size >= SIGNATURE_LIMIT) bySignature.clear();
      bySignature.set(sig, l);
    }
    layouts.set(reader, l);
  }
  return l;
}

function buildLayout(reader: FieldReader): Layout {
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

/** A row's values: slot → m / 10^k, plus its phase code and Months. Reused from row to row. */
export class RowBuf {
  readonly m: Float64Array;
  readonly k: Int32Array;
  phase = 0;
  monthsM = 12;
  monthsK = 0;
  constructor(readonly width: number) {
    this.m = new Float64Array(width);
    this.k = new Int32Array(width);
  }
}

const phaseByText = new Map<string, number>();
const PHASE_CODE = new Map<string, number>(PHASES.map((p, i) => [normLabel(p), i]));

/** The phase code of a Phase cell, or -1 (blank, unknown, not text: the decimal reader reports it). */
function phaseOf(c: Cell): number {
  if (typeof c !== "string") return -1;
  let p = phaseByText.get(c);
  if (p === undefined) {
    p = PHASE_CODE.get(normLabel(c.trim())) ?? -1;
    if (phaseByText.size < 1000) phaseByText.set(c, p);
  }
  return p;
}

/** A count cell into R: blank is 0; false for anything fields.ts would reject (or we cannot hold exactly). */
function readCount(c: Cell): boolean {
  if (typeof c === "number") {
    if (c > 0 && c <= MAX && Number.isInteger(c)) {
      R.m = c;
      R.k = 0;
      return true;
    }
    if (c === 0) {
      R.m = 0;
      R.k = 0;
      return true;
    }
    return c > 0 && parseNumber(c); // negative, NaN and ±Infinity are errors
  }
  if (c === null || c === undefined || c === "") {
    R.m = 0;
    R.k = 0;
    return true;
  }
  if (typeof c !== "string") return false;
  if (isBlank(c)) {
    R.m = 0;
    R.k = 0;
    return true;
  }
  const n = readNumber(c);
  return n.kind === "number" && !(n.value.isNeg() && !n.value.isZero()) && parseDec(n.value);
}

/** Months into R: blank is 12; false outside 0..12 or when not a number. */
function readMonths(c: Cell): boolean {
  if (isBlank(c)) {
    R.m = 12;
    R.k = 0;
    return true;
  }
  if (typeof c === "number") return c >= 0 && c <= 12 && parseNumber(c);
  if (typeof c !== "string") return false;
  const n = readNumber(c);
  return n.kind === "number" && n.value.gte(0) && n.value.lte(12) && parseDec(n.value);
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
    slots = l.countSlots;
  for (let i = 0; i < cols.length; i++) {
    if (!readCount(values[cols[i]])) return false;
    m[slots[i]] = R.m;
    k[slots[i]] = R.k;
  }
  m[S.one] = 1;
  if (l.monthsCol >= 0) {
    if (!readMonths(values[l.monthsCol])) return false;
    buf.monthsM = R.m;
    buf.monthsK = R.k;
  }
  if (l.occupiedCol >= 0 && !isBlank(values[l.occupiedCol])) {
    if (!readCount(values[l.occupiedCol])) return false;
    if (!(cmp(R.m, R.k, m[S.places], k[S.places]) <= 0)) return false; // more than Places (or not comparable)
    m[S.occupied] = R.m;
    k[S.occupied] = R.k;
  } else {
    m[S.occupied] = m[S.places];
    k[S.occupied] = k[S.places];
  }
  return true;
}
