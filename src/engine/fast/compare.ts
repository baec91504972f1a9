// SEND.COMPARE from the grid, fast: each row is read once and evaluated under both options as exact
// integers; Difference is exact; Change = Difference / A is the IEEE quotient of two exact integers, which
// is the double nearest the exact ratio — the same double as decimal.js's 40-digit quotient gives (a
// quotient p/a with p, a < 2^53 is never within 10^-32 (relative) of a point halfway between two doubles,
// while 40 digits move it by < 10^-39). A row whose values are not exact here is compared the decimal way
// (compare.ts's arithmetic) on its own, and the Total then sums in decimal; only a table-wide problem (an option
// the fast path cannot bind) compares the whole table the decimal way. Either way the result is identical to it.
import { compare, type CompareRow } from "../compare";
import { cellText, isBlank } from "../coerce";
import { SendError } from "../errors";
import { nameColumn, readTable, readTableRow } from "../fields";
import { allocateTotal } from "../allocate";
import { D, sum, toNumber, type Dec } from "../money";
import type { Option } from "../rates";
import type { Grid } from "../types";
import { MAX_K, parseDec, safe, scaleUp, toDouble } from "./exact";
import { bind, evaluate, type Bound } from "./evaluate";
import { isBlankRow, readRow, tableLayout, type Layout, type RowBuf } from "./layout";
import type { FastOption } from "./option";

/** One COMPARE row as the host shows it: numbers (rounded money; Change is a ratio), errors, blanks. */
export interface CompareRowValues {
  name: string;
  a: number | SendError | null;
  b: number | SendError | null;
  difference: number | SendError | null;
  change: number | SendError | null;
}

export interface ComparisonValues {
  header: [string, string, string, string, string];
  rows: CompareRowValues[];
  total: CompareRowValues;
}

const num = (x: Dec | SendError | null): number | SendError | null =>
  x === null || x instanceof SendError ? x : toNumber(x);

/** The decimal path, as numbers. */
function slowCompare(optA: Option, optB: Option, grid: Grid, arg: string): ComparisonValues | SendError {
  const rows = readTable(grid, arg);
  if (rows instanceof SendError) return rows;
  const c = compare(optA, optB, rows);
  const line = (r: CompareRow): CompareRowValues => ({
    name: r.name,
    a: num(r.a),
    b: num(r.b),
    difference: num(r.difference),
    change: num(r.change),
  });
  return { header: c.header, rows: c.rows.map(line), total: line(c.total) };
}

/** Scale 10^K of the exact row values: the finer of the two options' round.to. */
function exactOf(d: Dec, K: number): number {
  const r = { m: 0, k: 0 };
  return parseDec(d, r) && r.k <= K ? scaleUp(r.m, K - r.k) : NaN;
}

function line(name: string, am: number, bm: number, K: number): CompareRowValues {
  const dm = safe(bm - am);
  return {
    name,
    a: toDouble(am, K),
    b: toDouble(bm, K),
    difference: toDouble(dm, K),
    change: am === 0 ? null : dm / am,
  };
}

/**
 * SEND.COMPARE of `grid` (header row first) under options A and B: identical to
 * compare(optA, optB, readTable(grid, arg)) with every Decimal turned into its number. `layout` is
 * tableLayout(grid, arg), perhaps remembered.
 */
export function compareTable(
  foA: FastOption,
  foB: FastOption,
  grid: Grid,
  arg = "table",
  layout: Layout | SendError = tableLayout(grid, arg),
): ComparisonValues | SendError {
  if (layout instanceof SendError) return layout;
  const optA = foA.option,
    optB = foB.option;
  if (!foA.compiled || !foB.compiled) return slowCompare(optA, optB, grid, arg);
  const reader = layout.reader;
  const bA = bind(foA.compiled, layout),
    bB = bind(foB.compiled, layout);
  const K = Math.max(bA.o.unitK, bB.o.unitK);
  const mulA = scaleUp(bA.o.unitM, K - bA.o.unitK),
    mulB = scaleUp(bB.o.unitM, K - bB.o.unitK);
  if (K > MAX_K || mulA !== mulA || mulB !== mulB) return slowCompare(optA, optB, grid, arg);
  const buf = layout.buf;
  const nameCol = nameColumn(grid[0]);
  const rows: CompareRowValues[] = [];
  let firstErr: SendError | null = null;
  let sumA = 0,
    sumB = 0;
  // once a row needs decimals, every row's values are kept as Decimals for the Total
  let decimals: { a: Dec[]; b: Dec[] } | null = null;
  const exactRows: [number, number][] = [];
  const toDec = (m: number) => new D(m).div(new D(10).pow(K));
  for (let r = 1; r < grid.length; r++) {
    const values = grid[r];
    if (isBlankRow(values)) continue;
    let am = NaN,
      bm = NaN;
    if (readRow(layout, values, buf)) {
      am = fastUnits(bA, buf, mulA);
      bm = am === am ? fastUnits(bB, buf, mulB) : NaN;
    }
    let name: string;
    if (am === am && bm === bm) {
      name = nameCol >= 0 && !isBlank(values[nameCol]) ? cellText(values[nameCol]) : `Row ${r}`;
    } else {
      const row = readTableRow(reader, values, r, nameCol, arg);
      name = row.name ?? `Row ${r}`;
      const inst = row.institution!; // not blank: isBlankRow said so
      const a = inst instanceof SendError ? inst : allocateTotal(optA, inst);
      const b = inst instanceof SendError ? inst : allocateTotal(optB, inst);
      const err = a instanceof SendError ? a : b instanceof SendError ? b : null;
      if (err) {
        rows.push({ name, a: err, b: err, difference: err, change: err });
        firstErr ??= err;
        continue;
      }
      am = exactOf(a as Dec, K);
      bm = exactOf(b as Dec, K);
      if (am !== am || bm !== bm || safe(bm - am) !== safe(bm - am)) {
        // not exact at the table's scale: this row the decimal way, and the Total in decimals from now on
        rows.push(decimalLine(name, a as Dec, b as Dec));
        decimals ??= { a: exactRows.map(([x]) => toDec(x)), b: exactRows.map(([, y]) => toDec(y)) };
        decimals.a.push(a as Dec);
        decimals.b.push(b as Dec);
        continue;
      }
    }
    if (safe(bm - am) !== safe(bm - am)) return slowCompare(optA, optB, grid, arg); // NaN: the difference is too large
    rows.push(line(name, am, bm, K));
    if (decimals) {
      decimals.a.push(toDec(am));
      decimals.b.push(toDec(bm));
    } else {
      exactRows.push([am, bm]);
      sumA = safe(sumA + am);
      sumB = safe(sumB + bm);
    }
  }
  const header: ComparisonValues["header"] = ["Name", optA.name, optB.name, "Difference", "Change"];
  if (firstErr)
    return { header, rows, total: { name: "Total", a: firstErr, b: firstErr, difference: firstErr, change: firstErr } };
  if (decimals) return { header, rows, total: decimalLine("Total", sum(decimals.a), sum(decimals.b)) };
  if (sumA !== sumA || sumB !== sumB || safe(sumB - sumA) !== safe(sumB - sumA))
    return slowCompare(optA, optB, grid, arg);
  return { header, rows, total: line("Total", sumA, sumB, K) };
}

/** One row (or the Total) the decimal way: compare.ts's arithmetic, as numbers. */
function decimalLine(name: string, a: Dec, b: Dec): CompareRowValues {
  const difference = b.minus(a);
  return {
    name,
    a: num(a),
    b: num(b),
    difference: num(difference),
    change: a.isZero() ? null : num(difference.div(a)),
  };
}

/** A row's total at scale 10^K under a bound option, or NaN. */
function fastUnits(b: Bound, buf: RowBuf, mul: number): number {
  return safe(evaluate(b, buf) * mul);
}
