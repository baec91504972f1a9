// The part of a reference worth reading: its top-left stays (a table's header row must stay its first row), its
// bottom and right stop at the sheet's used range. Excel refuses reads over 5 million cells (a whole column of a
// wide table is tens of millions) and the functions trim trailing blank rows and columns anyway, so Explain reads
// exactly what the function would use.
import { cellA1, colNumber, parseRangeOrThrow } from "../../util/a1";

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** "A:H", "3:9" or "B2:D40" -> its bounds (whole columns and rows made explicit). */
function bounds(range: string): { top: number; left: number; bottom: number; right: number } {
  const r = range.replace(/\$/g, "").toUpperCase();
  const cols = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(r);
  if (cols) return { top: 1, left: colNumber(cols[1]), bottom: MAX_ROW, right: colNumber(cols[2]) };
  const rows = /^(\d+):(\d+)$/.exec(r);
  if (rows) return { top: Number(rows[1]), left: 1, bottom: Number(rows[2]), right: MAX_COL };
  return parseRangeOrThrow(r);
}

/** `range` cut at the used range `used` (null: an empty sheet) on the bottom and right; never less than one cell. */
export function clipToUsed(range: string, used: string | null): string {
  const r = bounds(range);
  const u = used ? bounds(used) : { bottom: r.top, right: r.left };
  const bottom = Math.max(r.top, Math.min(r.bottom, u.bottom));
  const right = Math.max(r.left, Math.min(r.right, u.right));
  const a = cellA1(r.top, r.left);
  return bottom === r.top && right === r.left ? a : `${a}:${cellA1(bottom, right)}`;
}
