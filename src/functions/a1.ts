// A1 references for the hosts (explain's formula parser, the headless workbook): 0-based rows and columns.

export interface CellPos {
  row: number;
  col: number;
}
/** An inclusive block; a whole-column reference (A:C) has bottom = Infinity, a whole-row reference (1:3) right =
 * Infinity. */
export interface Block {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A" -> 0, "AA" -> 26. */
export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0 -> "A", 26 -> "AA". */
export function colName(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellName(row: number, col: number): string {
  return `${colName(col)}${row + 1}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]*)$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?([1-9][0-9]*)$/;

export function parseCell(a1: string): CellPos | null {
  const m = CELL.exec(a1.trim());
  return m ? { row: Number(m[2]) - 1, col: colIndex(m[1]) } : null;
}

/** "B2", "B2:D4", "$A$1:$G$80", "A:C" (whole columns), "3:5" (whole rows); null when it is none of these. */
export function parseBlock(a1: string): Block | null {
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
  const ca = COL.exec(a),
    cb = COL.exec(b);
  if (ca && cb) {
    const l = colIndex(ca[1]),
      r = colIndex(cb[1]);
    return { top: 0, left: Math.min(l, r), bottom: Infinity, right: Math.max(l, r) };
  }
  const ra = ROW.exec(a),
    rb = ROW.exec(b);
  if (ra && rb) {
    const t = Number(ra[1]) - 1,
      u = Number(rb[1]) - 1;
    return { top: Math.min(t, u), left: 0, bottom: Math.max(t, u), right: Infinity };
  }
  return null;
}

export function blockName(b: Block): string {
  const tl = cellName(b.top, b.left);
  return b.top === b.bottom && b.left === b.right ? tl : `${tl}:${cellName(b.bottom, b.right)}`;
}

/** A sheet name as a formula writes it: quoted unless it is a plain word that is not also a cell address. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !CELL.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "'My sheet'!A1:B2" -> { sheet: "My sheet", range: "A1:B2" }; "A1" -> { sheet: null, range: "A1" }. */
export function splitRef(ref: string): { sheet: string | null; range: string } {
  const s = ref.trim();
  const bang = s.lastIndexOf("!");
  if (bang < 0) return { sheet: null, range: s };
  let sheet = s.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: s.slice(bang + 1) };
}
