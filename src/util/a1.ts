// A1-style addresses: column letters, cells, ranges and sheet-qualified references — the one module every layer
// (model, pane, functions, headless host, CLI, demo) uses.
//
// Convention: positions are Excel's own numbers, as written in the address — row 1 and column 1 ("A") are the
// first cell, so "B3" is { row: 3, col: 2 }. A host with a 0-based grid (HyperFormula) converts at its boundary.
// Parsers return null for text that is not an address; the `...OrThrow` variants are for addresses the code
// built itself, where a bad one is a bug.

export interface CellPos {
  row: number;
  col: number;
}
/** An inclusive rectangle. A whole-column reference ("A:C") has bottom = Infinity, a whole-row one ("1:3")
 * right = Infinity. */
export interface RangePos {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** 1 -> "A", 26 -> "Z", 27 -> "AA", 16384 -> "XFD". */
export function colLetters(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new Error(`bad column number ${col}`);
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "A" -> 1, "AA" -> 27 (case-insensitive); throws on anything but letters. */
export function colNumber(letters: string): number {
  if (letters === "") throw new Error("bad column letters (empty)");
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0) - 64;
    if (c < 1 || c > 26) throw new Error(`bad column letters ${letters}`);
    n = n * 26 + c;
  }
  return n;
}

/** (row 1, col 1) -> "A1"; absolute -> "$A$1". */
export function cellA1(row: number, col: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${colLetters(col)}${d}${row}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]*)$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?([1-9][0-9]*)$/;

/** "B3" or "$B$3" -> { row: 3, col: 2 }; null when it is not a cell address. */
export function parseCell(a1: string): CellPos | null {
  const m = CELL.exec(a1.trim());
  return m ? { row: Number(m[2]), col: colNumber(m[1]) } : null;
}

/** parseCell for an address the code built itself: throws when it is not a cell address. */
export function parseCellOrThrow(a1: string): CellPos {
  const p = parseCell(a1);
  if (!p) throw new Error(`bad cell address ${a1}`);
  return p;
}

/** "B2", "B2:D4", "$A$1:$G$80" (corners normalised so top <= bottom, left <= right), "A:C" (whole columns),
 * "3:5" (whole rows); null when it is none of these. */
export function parseRange(a1: string): RangePos | null {
  const parts = a1.trim().split(":");
  if (parts.length > 2) return null;
  const [a, b = a] = parts;
  const p = parseCell(a);
  const q = parseCell(b);
  if (p && q) {
    return {
      top: Math.min(p.row, q.row),
      left: Math.min(p.col, q.col),
      bottom: Math.max(p.row, q.row),
      right: Math.max(p.col, q.col),
    };
  }
  if (parts.length === 1) return null; // "B" or "3" alone is not a reference
  const ca = COL.exec(a.trim()),
    cb = COL.exec(b.trim());
  if (ca && cb) {
    const l = colNumber(ca[1]),
      r = colNumber(cb[1]);
    return { top: 1, left: Math.min(l, r), bottom: Infinity, right: Math.max(l, r) };
  }
  const ra = ROW.exec(a.trim()),
    rb = ROW.exec(b.trim());
  if (ra && rb) {
    const t = Number(ra[1]),
      u = Number(rb[1]);
    return { top: Math.min(t, u), left: 1, bottom: Math.max(t, u), right: Infinity };
  }
  return null;
}

/** parseRange for a bounded range the code built itself ("B2" or "B2:D4"): throws on anything else, including
 * whole columns and rows. */
export function parseRangeOrThrow(a1: string): RangePos {
  const r = parseRange(a1);
  if (!r || !Number.isFinite(r.bottom) || !Number.isFinite(r.right)) throw new Error(`bad range address ${a1}`);
  return r;
}

/** { top 2, left 2, bottom 4, right 4 } -> "B2:D4"; a single cell -> "B2". */
export function rangeA1(r: RangePos, absolute = false): string {
  const a = cellA1(r.top, r.left, absolute);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellA1(r.bottom, r.right, absolute)}`;
}

/** The range a block of `height` rows and `width` columns written at `topLeft` covers ("B2" + 2×3 -> "B2:D3"). */
export function blockRange(topLeft: string, height: number, width: number): string {
  const p = parseCellOrThrow(topLeft);
  return rangeA1({
    top: p.row,
    left: p.col,
    bottom: p.row + Math.max(height, 1) - 1,
    right: p.col + Math.max(width, 1) - 1,
  });
}

/** Widest row of a 2-D array (rows may be ragged). */
export function widthOf(rows: readonly (readonly unknown[])[]): number {
  return rows.reduce((w, r) => Math.max(w, r.length), 0);
}

/** A sheet name as a formula writes it: quoted unless it is a plain word that does not look like a cell address. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** "Rates" + "A1:B2" -> "Rates!A1:B2"; "My sheet" -> "'My sheet'!A1:B2". */
export function sheetRef(sheet: string, range: string): string {
  return `${quoteSheet(sheet)}!${range}`;
}

/** "'My sheet'!A1:B2" -> { sheet: "My sheet", range: "A1:B2" }; no sheet part -> sheet undefined. */
export function splitRef(ref: string): { sheet?: string; range: string } {
  const s = ref.trim();
  const bang = s.lastIndexOf("!");
  if (bang < 0) return { range: s };
  let sheet = s.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: s.slice(bang + 1) };
}

/** Every cell address of a bounded range, row by row ("A1:B2" -> A1, B1, A2, B2). */
export function cellsOf(range: string): string[] {
  const r = parseRangeOrThrow(range);
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) out.push(cellA1(row, col));
  return out;
}
