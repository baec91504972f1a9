// Rules both ports share: what counts as occupied, text that must not become a formula, ragged rows.
import { blockRange, cellA1, parseCellOrThrow, sheetRef, widthOf } from "../../util/a1";
import type { Block, CellValue, RawCell } from "./WorkbookPort";

/** Excel reads a typed string starting with these as a formula; an apostrophe keeps it text. */
const FORMULA_START = /^[=+\-@]/;

/** A cell as it must be sent to the host so it keeps its meaning. */
export function forHost(c: RawCell, kind: "formulas" | "values"): RawCell {
  if (typeof c !== "string") return c;
  if (kind === "formulas" && c.startsWith("=")) return c;
  return FORMULA_START.test(c) || c.startsWith("'") ? `'${c}` : c;
}

/** Pads ragged rows with null (null = leave the cell as it is). */
export function rectangular(rows: RawCell[][]): RawCell[][] {
  const w = Math.max(widthOf(rows), 1);
  const out = rows.map((r) => [...r, ...Array<RawCell>(w - r.length).fill(null)]);
  return out.length ? out : [[null]];
}

export function blockAddress(b: Block): string {
  const rows = rectangular(b.rows);
  return blockRange(b.topLeft, rows.length, rows[0].length);
}

export function isEmptyCell(existing: RawCell | undefined): boolean {
  return existing === null || existing === undefined || existing === "";
}

/** The same content (so rewriting it changes nothing and needs no confirmation). */
function sameContent(existing: RawCell, next: RawCell): boolean {
  if (typeof existing === "number" && typeof next === "number") return existing === next;
  return String(existing) === String(next);
}

/**
 * Cells of a block that hold something and would change (sheet-qualified addresses).
 * `existing` is the block's current formulas (formula text, or the raw value).
 */
export function overwrites(sheet: string, b: Block, existing: RawCell[][]): string[] {
  const rows = rectangular(b.rows);
  const p = parseCellOrThrow(b.topLeft);
  const out: string[] = [];
  rows.forEach((r, i) =>
    r.forEach((c, j) => {
      if (c === null) return;
      const old = existing[i]?.[j];
      if (!isEmptyCell(old) && !sameContent(old as RawCell, c)) out.push(sheetRef(sheet, cellA1(p.row + i, p.col + j)));
    }),
  );
  return out;
}

/** An error code as text for engine input ("#N/A"), other values unchanged. */
export function toEngineCell(v: CellValue): string | number | boolean | null {
  return v !== null && typeof v === "object" ? v.error : v;
}

/** Where `cell` sits in the spill whose formula is at `anchor` (both unqualified A1), as 0-based offsets. */
export function spillOffset(anchor: string, cell: string): { row: number; col: number } {
  const a = parseCellOrThrow(anchor);
  const c = parseCellOrThrow(cell);
  return { row: c.row - a.row, col: c.col - a.col };
}
