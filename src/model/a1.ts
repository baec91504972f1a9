// A1-style addresses: column letters, cells, ranges and sheet-qualified references.
// Pure helpers shared by the sheet-layout builders, the ports and the screens.

/** 1 -> "A", 26 -> "Z", 27 -> "AA". */
export function colLetters(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new Error(`bad column number ${col}`);
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "A" -> 1, "AA" -> 27 (case-insensitive). */
export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0) - 64;
    if (c < 1 || c > 26) throw new Error(`bad column letters ${letters}`);
    n = n * 26 + c;
  }
  return n;
}

export interface CellPos {
  row: number;
  col: number;
}
export interface RangePos {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** (row 1, col 1) -> "A1"; absolute -> "$A$1". */
export function cellA1(row: number, col: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${colLetters(col)}${d}${row}`;
}

export function parseCell(a1: string): CellPos {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`bad cell address ${a1}`);
  return { row: Number(m[2]), col: colNumber(m[1]) };
}

/** "B2:D4" or "B2" -> its corners (normalised so top <= bottom, left <= right). */
export function parseRange(a1: string): RangePos {
  const [a, b] = a1.split(":");
  const p = parseCell(a);
  const q = b === undefined ? p : parseCell(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function rangeA1(r: RangePos, absolute = false): string {
  const a = cellA1(r.top, r.left, absolute);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellA1(r.bottom, r.right, absolute)}`;
}

/** The range a block of `rows` written at `topLeft` covers ("B2" + 2×3 -> "B2:D3"). */
export function blockRange(topLeft: string, height: number, width: number): string {
  const p = parseCell(topLeft);
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

/** A sheet name as it must appear in a formula: quoted unless it is a plain word. */
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

/** Every cell address of a range, row by row ("A1:B2" -> A1, B1, A2, B2). */
export function cellsOf(range: string): string[] {
  const r = parseRange(range);
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) out.push(cellA1(row, col));
  return out;
}
