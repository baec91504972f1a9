// SEND.COMPARE: one row per institution under options A and B, then a Total row.
// Change = (B − A) / A, blank when A = 0. A failing row shows its error in its cells, and so does Total.
import { SendError } from "./errors";
import { sum, type Dec } from "./money";
import type { Option } from "./rates";
import { allocateTotal } from "./allocate";
import type { TableRow } from "./fields";
import type { Institution } from "./types";

export interface CompareRow {
  name: string;
  a: Dec | SendError | null;
  b: Dec | SendError | null;
  difference: Dec | SendError | null;
  change: Dec | SendError | null;
}

export interface Comparison {
  header: [string, string, string, string, string];
  rows: CompareRow[];
  total: CompareRow;
}

function firstError(...xs: (Dec | SendError | null)[]): SendError | null {
  for (const x of xs) if (x instanceof SendError) return x;
  return null;
}

function row(name: string, a: Dec | SendError | null, b: Dec | SendError | null): CompareRow {
  const err = firstError(a, b);
  if (err) return { name, a: err, b: err, difference: err, change: err };
  if (a === null || b === null) return { name, a, b, difference: null, change: null };
  const difference = (b as Dec).minus(a as Dec);
  return { name, a, b, difference, change: (a as Dec).isZero() ? null : difference.div(a as Dec) };
}

/** How one institution is totalled (default the contract's Total; SEND.COMPARE's block argument passes one block). */
export type Totaller = (option: Option, inst: Institution) => Dec | SendError;

export function compare(optA: Option, optB: Option, table: TableRow[]): Comparison {
  return compareWith(optA, optB, table, allocateTotal, allocateTotal);
}

/** COMPARE with its own way of totalling each side (SEND.COMPARE's block argument). */
export function compareWith(
  optA: Option,
  optB: Option,
  table: TableRow[],
  totalA: Totaller,
  totalB: Totaller,
): Comparison {
  const rows: CompareRow[] = [];
  for (const r of table) {
    const name = r.name ?? `Row ${r.index}`;
    if (r.institution === null) continue; // all-blank rows are not institutions
    if (r.institution instanceof SendError) {
      rows.push(row(name, r.institution, r.institution));
      continue;
    }
    rows.push(row(name, totalA(optA, r.institution), totalB(optB, r.institution)));
  }
  const err = firstError(...rows.map((r) => r.a));
  const total = err
    ? row("Total", err, err)
    : row("Total", sum(rows.map((r) => r.a as Dec)), sum(rows.map((r) => r.b as Dec)));
  return { header: ["Name", optA.name, optB.name, "Difference", "Change"], rows, total };
}
