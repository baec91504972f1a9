// A comparison sheet: one SEND.COMPARE spill (Name, A, B, Difference, Change; last row Total).
import { blockRange } from "../util/a1";
import type { ModelRefs } from "./refs";
import { formulaString, type Rows } from "./types";

export interface CompareSpec {
  refs: ModelRefs;
  a: string;
  b: string;
  count: number;
  /** one funding block (e.g. "High needs"); absent = every block (the contract's Total) */
  block?: string;
}

export interface CompareLayout {
  rows: Rows;
  /** the whole spill, header and Total row included */
  spill: string;
  /** institution names (data rows only) */
  names: string;
  /** the amounts of A and B, the Difference and the Change columns (data rows only) */
  amounts: string;
  difference: string;
  change: string;
  /** the Total row */
  total: string;
}

export function compareFormula(refs: ModelRefs, a: string, b: string, block?: string): string {
  const tail = block === undefined ? "" : `,${formulaString(block)}`;
  return `=SEND.COMPARE(${refs.rates},${formulaString(a)},${formulaString(b)},${refs.table}${tail})`;
}

/** The formula goes in A1; the spill covers count + 2 rows (header, institutions, Total) by 5 columns. */
export function compareSheet(s: CompareSpec): CompareLayout {
  const last = s.count + 1;
  return {
    rows: [[compareFormula(s.refs, s.a, s.b, s.block)]],
    spill: blockRange("A1", s.count + 2, 5),
    names: `A2:A${last}`,
    amounts: `B2:D${last + 1}`,
    difference: `D2:D${last}`,
    change: `E2:E${last}`,
    total: `A${last + 1}:E${last + 1}`,
  };
}
