// A tiny in-memory stand-in for HeadlessWorkbook: stores cells, spills formula results from a
// test-supplied `calc`, strips the apostrophe text prefix like HyperFormula does.
import { cellA1, parseCellOrThrow, parseRangeOrThrow, rangeA1, splitRef } from "../../../src/util/a1";
import type { HeadlessBook } from "../../../src/taskpane/ports/PreviewPort";
import type { CellValue, RawCell } from "../../../src/taskpane/ports/WorkbookPort";

export type Calc = (formula: string, at: { sheet: string; address: string }, book: MemoryBook) => CellValue[][];

/** Evaluates `=Sheet!A2&""` echoes; everything else is #NAME? unless a test's calc knows it. */
export const echoCalc: Calc = (f, at, book) => {
  const m = /^=(.+?)&""$/.exec(f);
  if (m) {
    const { sheet, range } = splitRef(m[1]);
    if (!book.sheetNames().includes(sheet ?? at.sheet)) return [[{ error: "#REF!", message: "the sheet is gone" }]];
    const v = book.getValues(sheet ?? at.sheet, range)[0][0];
    return [[v === null ? "" : v]];
  }
  return [[{ error: "#NAME?", message: `unknown formula ${f}` }]];
};

/** For a test's calc: `=SEND.ALLOCATEALL(rates, option, table)` spills one value per data row of its table
 * (`value(k)` for the k-th, 1-based); null for any other formula. */
export function allocateAll(f: string, value: (k: number) => CellValue): CellValue[][] | null {
  const m = /^=SEND\.ALLOCATEALL\([^,]+,"[^"]*",[^,!]+!\$?[A-Z]+\$?1:\$?[A-Z]+\$?(\d+)\)$/.exec(f);
  return m ? Array.from({ length: Number(m[1]) - 1 }, (_, k) => [value(k + 1)]) : null;
}

export class MemoryBook implements HeadlessBook {
  private sheets = new Map<string, Map<string, RawCell>>();
  setCellsCalls = 0;

  constructor(
    init: Record<string, RawCell[][]> = {},
    public calc: Calc = echoCalc,
  ) {
    for (const [name, rows] of Object.entries(init)) {
      this.addSheet(name);
      this.setCells(name, "A1", rows);
    }
  }

  sheetNames(): string[] {
    return [...this.sheets.keys()];
  }
  addSheet(name: string): void {
    if (this.sheets.has(name)) throw new Error(`sheet ${name} exists`);
    this.sheets.set(name, new Map());
  }
  removeSheet(name: string): void {
    this.sheets.delete(name);
  }

  private sheet(name: string): Map<string, RawCell> {
    const s = this.sheets.get(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  setCells(sheet: string, topLeft: string, rows: RawCell[][]): void {
    this.setCellsCalls++;
    const s = this.sheet(sheet);
    const p = parseCellOrThrow(topLeft);
    rows.forEach((r, i) =>
      r.forEach((c, j) => {
        const a = cellA1(p.row + i, p.col + j);
        if (c === null || c === "") s.delete(a);
        else s.set(a, c);
      }),
    );
  }

  /** The raw content of one cell. */
  raw(sheet: string, address: string): RawCell {
    return this.sheet(sheet).get(address) ?? null;
  }

  private evaluate(sheet: string): Map<string, CellValue> {
    const out = new Map<string, CellValue>();
    const cells = [...this.sheet(sheet).entries()];
    for (const [a, c] of cells) {
      if (typeof c === "string" && c.startsWith("=")) continue;
      out.set(a, typeof c === "string" && c.startsWith("'") ? c.slice(1) : c);
    }
    for (const [a, c] of cells) {
      if (!(typeof c === "string" && c.startsWith("="))) continue;
      const result = this.calc(c, { sheet, address: a }, this);
      const p = parseCellOrThrow(a);
      const blocked = result.some((r, i) =>
        r.some((_, j) => (i || j) && this.sheet(sheet).has(cellA1(p.row + i, p.col + j))),
      );
      if (blocked) {
        out.set(a, { error: "#SPILL!", message: "blocked" });
        continue;
      }
      result.forEach((r, i) => r.forEach((v, j) => out.set(cellA1(p.row + i, p.col + j), v === "" ? null : v)));
    }
    return out;
  }

  getValues(sheet: string, range: string): CellValue[][] {
    const vals = this.evaluate(sheet);
    const r = parseRangeOrThrow(range);
    const out: CellValue[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: CellValue[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(vals.get(cellA1(row, col)) ?? null);
      out.push(line);
    }
    return out;
  }

  getFormulas(sheet: string, range: string): RawCell[][] {
    const s = this.sheet(sheet);
    const r = parseRangeOrThrow(range);
    const out: RawCell[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: RawCell[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(s.get(cellA1(row, col)) ?? null);
      out.push(line);
    }
    return out;
  }

  /** The formula cell whose result covers a1 (not its own cell), as the headless workbook's spills do. */
  spillAnchor(sheet: string, a1: string): string | null {
    const p = parseCellOrThrow(a1);
    for (const [a, c] of this.sheet(sheet)) {
      if (a === a1 || typeof c !== "string" || !c.startsWith("=")) continue;
      const q = parseCellOrThrow(a);
      const r = this.calc(c, { sheet, address: a }, this);
      if (p.row >= q.row && p.row < q.row + r.length && p.col >= q.col && p.col < q.col + (r[0]?.length ?? 0)) return a;
    }
    return null;
  }

  usedRange(sheet: string): string | null {
    const keys = [...this.evaluate(sheet).entries()].filter(([, v]) => v !== null).map(([k]) => parseCellOrThrow(k));
    if (keys.length === 0) return null;
    return rangeA1({
      top: 1,
      left: 1,
      bottom: Math.max(...keys.map((k) => k.row)),
      right: Math.max(...keys.map((k) => k.col)),
    });
  }
}
