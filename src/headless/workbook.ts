// A workbook without Excel: HyperFormula with the SEND plugin, behind the small interface the task pane's Preview
// port and the send-model CLI use. Every change recalculates, then lets SEND spills settle at their sizes
// (plugin.ts explains why a spill's size can change after its formula was entered).
import { DetailedCellError, ErrorType, HyperFormula } from "hyperformula";
import type { ConfigParams, SimpleCellAddress } from "hyperformula";
import { blockName, cellName, parseBlock, parseCell, type Block } from "../functions/a1";
import { registerSendPlugin, takeResizes } from "./plugin";
import { arrayCorners, spillAt } from "./hfInternals";

export type RawCell = number | string | boolean | null; // a string starting with "=" is a formula
export type CellResult = number | string | boolean | null | { error: string; message: string };

export interface FormulaCell {
  sheet: string;
  a1: string;
  /** the formula; for a spilled cell, the formula of the cell it spills from */
  formula: string;
  value: CellResult;
  /** for a spilled cell (not the formula's own cell): the A1 of the formula's cell */
  spilledFrom?: string;
}

const CONFIG: Partial<ConfigParams> = {
  licenseKey: "gpl-v3",
  // exact doubles out, as Excel's custom functions return them (HyperFormula would round to 14 digits)
  smartRounding: false,
  // Excel's own sheet size (HyperFormula's defaults are 40,000 rows and 18,278 columns)
  maxRows: 1_048_576,
  maxColumns: 16_384,
  // Excel 365 evaluates every formula as a dynamic array: SUM(A1:A3*B1:B3) multiplies element-wise (140, not
  // HyperFormula's default implicit intersection, which gives 10)
  useArrayArithmetic: true,
};

/** The largest sheet the headless host takes: Excel's limits. */
export const SHEET_LIMITS = { rows: 1_048_576, columns: 16_384 } as const;

/** Why a sheet of this size cannot be loaded (naming it, its size, the limit and what to do), or undefined. */
export function sheetSizeProblem(name: string, rows: number, cols: number): string | undefined {
  if (rows <= SHEET_LIMITS.rows && cols <= SHEET_LIMITS.columns) return undefined;
  const n = (x: number) => x.toLocaleString("en-GB");
  return (
    `sheet '${name}' uses ${n(rows)} rows × ${n(cols)} columns; the headless engine, like Excel, allows ` +
    `${n(SHEET_LIMITS.rows)} × ${n(SHEET_LIMITS.columns)}: move the cells beyond that to another sheet`
  );
}

/** Bare TRUE / FALSE in formulas (HyperFormula only knows TRUE() and FALSE()). */
const NAMED = [
  { name: "TRUE", expression: "=TRUE()" },
  { name: "FALSE", expression: "=FALSE()" },
];

/** How many rounds of re-entering resized spills before giving up (a spill whose size depends on itself). */
const MAX_SETTLE = 10;

export class HeadlessWorkbook {
  private constructor(readonly hyperformula: HyperFormula) {
    this.settle();
  }

  /** `names`: defined names (scope: the sheet's position in `sheets`, or none for a workbook name). */
  static create(
    sheets: Record<string, RawCell[][]> = {},
    names: { name: string; expression: string; scope?: number }[] = [],
  ): HeadlessWorkbook {
    registerSendPlugin();
    const named = [...NAMED, ...names];
    const hf =
      Object.keys(sheets).length === 0
        ? HyperFormula.buildEmpty(CONFIG, named)
        : HyperFormula.buildFromSheets(sheets, CONFIG, named);
    return new HeadlessWorkbook(hf);
  }

  sheetNames(): string[] {
    return this.hyperformula.getSheetNames();
  }

  addSheet(name: string): void {
    if (this.hyperformula.doesSheetExist(name)) throw new Error(`sheet '${name}' already exists`);
    this.hyperformula.addSheet(name);
    this.settle();
  }

  removeSheet(name: string): void {
    this.hyperformula.removeSheet(this.sheetId(name));
    this.settle();
  }

  /** Writes a block of cells (null clears a cell) and recalculates. */
  setCells(sheet: string, topLeftA1: string, rows: RawCell[][]): void {
    const at = parseCell(topLeftA1);
    if (!at) throw new Error(`bad cell address '${topLeftA1}'`);
    this.hyperformula.setCellContents({ sheet: this.sheetId(sheet), row: at.row, col: at.col }, rows);
    this.settle();
  }

  getValues(sheet: string, rangeA1: string): CellResult[][] {
    const id = this.sheetId(sheet);
    return this.cells(id, this.block(id, rangeA1), (a) => toResult(this.hyperformula.getCellValue(a)));
  }

  /** What each cell holds: its formula, its value as entered, or null (spilled cells hold nothing of their own). */
  getFormulas(sheet: string, rangeA1: string): RawCell[][] {
    const id = this.sheetId(sheet);
    return this.cells(id, this.block(id, rangeA1), (a) => this.content(a));
  }

  /** The A1 of the formula whose spill covers a cell that is not its own (null when none does). */
  spillAnchor(sheet: string, a1: string): string | null {
    const id = this.sheetId(sheet);
    const at = parseCell(a1);
    if (!at) return null;
    for (const c of arrayCorners(this.hyperformula)) {
      if (c.sheet !== id || (c.row === at.row && c.col === at.col)) continue;
      const spill = spillAt(this.hyperformula, c);
      if (spill && at.row >= c.row && at.row < c.row + spill.height && at.col >= c.col && at.col < c.col + spill.width)
        return cellName(c.row, c.col);
    }
    return null;
  }

  /** The smallest block holding every non-blank cell (entered or spilled), or null for an empty sheet. */
  usedRange(sheet: string): string | null {
    const id = this.sheetId(sheet);
    const { width, height } = this.hyperformula.getSheetDimensions(id);
    let top = Infinity,
      left = Infinity,
      bottom = -1,
      right = -1;
    for (let row = 0; row < height; row++) {
      for (let col = 0; col < width; col++) {
        const a = { sheet: id, row, col };
        if (this.content(a) === null && this.hyperformula.getCellValue(a) === null) continue;
        top = Math.min(top, row);
        left = Math.min(left, col);
        bottom = Math.max(bottom, row);
        right = Math.max(right, col);
      }
    }
    return bottom < 0 ? null : blockName({ top, left, bottom, right });
  }

  /** Every sheet's entered contents (formulas as formulas), trimmed of trailing empty rows and columns. */
  toSheets(): Record<string, RawCell[][]> {
    const out: Record<string, RawCell[][]> = {};
    for (const name of this.sheetNames()) {
      const id = this.sheetId(name);
      const { width, height } = this.hyperformula.getSheetDimensions(id);
      const rows = this.cells(id, { top: 0, left: 0, bottom: height - 1, right: width - 1 }, (a) => this.content(a));
      while (rows.length > 0 && rows[rows.length - 1].every((c) => c === null)) rows.pop();
      const w = Math.max(0, ...rows.map((r) => r.reduce<number>((n, c, i) => (c === null ? n : i + 1), 0)));
      out[name] = rows.map((r) => r.slice(0, w));
    }
    return out;
  }

  /** Every cell a formula computes, spilled cells included (for the CLI's recalculation and comparisons). */
  allFormulaCells(): FormulaCell[] {
    const hf = this.hyperformula;
    const out: FormulaCell[] = [];
    for (const sheet of this.sheetNames()) {
      const id = this.sheetId(sheet);
      const { width, height } = hf.getSheetDimensions(id);
      for (let row = 0; row < height; row++) {
        for (let col = 0; col < width; col++) {
          const a = { sheet: id, row, col };
          const formula = hf.getCellFormula(a);
          if (formula === undefined) continue;
          const value = toResult(hf.getCellValue(a));
          out.push({ sheet, a1: cellName(row, col), formula, value });
          const spill = spillAt(hf, a);
          if (!spill) continue;
          for (let r = 0; r < spill.height; r++) {
            for (let c = 0; c < spill.width; c++) {
              if (r === 0 && c === 0) continue;
              const s = { sheet: id, row: row + r, col: col + c };
              out.push({
                sheet,
                a1: cellName(s.row, s.col),
                formula,
                value: toResult(hf.getCellValue(s)),
                spilledFrom: cellName(row, col),
              });
            }
          }
        }
      }
    }
    return out;
  }

  private sheetId(name: string): number {
    const id = this.hyperformula.getSheetId(name);
    if (id === undefined) throw new Error(`no sheet named '${name}' (sheets: ${this.sheetNames().join(", ")})`);
    return id;
  }

  /** A1 block on a sheet; whole columns / rows end at the sheet's last used row / column. */
  private block(id: number, rangeA1: string): Block {
    const b = parseBlock(rangeA1);
    if (!b) throw new Error(`bad range '${rangeA1}'`);
    const { width, height } = this.hyperformula.getSheetDimensions(id);
    return {
      ...b,
      bottom: Number.isFinite(b.bottom) ? b.bottom : Math.max(b.top, height - 1),
      right: Number.isFinite(b.right) ? b.right : Math.max(b.left, width - 1),
    };
  }

  private cells<T>(sheet: number, b: Block, read: (a: SimpleCellAddress) => T): T[][] {
    const out: T[][] = [];
    for (let row = b.top; row <= b.bottom; row++) {
      const line: T[] = [];
      for (let col = b.left; col <= b.right; col++) line.push(read({ sheet, row, col }));
      out.push(line);
    }
    return out;
  }

  /** A cell's own content: a formula, a value, or null (empty, or part of another formula's spill). */
  private content(a: SimpleCellAddress): RawCell {
    const hf = this.hyperformula;
    const formula = hf.getCellFormula(a);
    if (formula !== undefined) return formula;
    if (hf.isCellPartOfArray(a)) return null;
    const v = hf.getCellSerialized(a);
    return v === undefined || v === null || v === "" ? null : (v as RawCell);
  }

  /**
   * Lets spills behave as in Excel after a change: a blocked spill (#SPILL!) tries again (HyperFormula keeps it
   * blocked until its formula is re-entered), and SEND formulas whose results no longer fit their spill are
   * re-entered until every spill has its size.
   */
  private settle(): void {
    const hf = this.hyperformula;
    this.reenter(this.blockedSpills());
    for (let round = 0; round < MAX_SETTLE; round++) {
      const pending = takeResizes(hf);
      if (pending.length === 0) return;
      this.reenter(pending);
    }
  }

  private reenter(cells: SimpleCellAddress[]): void {
    if (cells.length === 0) return;
    const hf = this.hyperformula;
    hf.batch(() => {
      for (const a of cells) {
        const formula = hf.getCellFormula(a);
        if (formula !== undefined) hf.setCellContents(a, [[formula]]);
      }
    });
  }

  /** Array formulas showing #SPILL! (their range was not free). */
  private blockedSpills(): SimpleCellAddress[] {
    const hf = this.hyperformula;
    const out: SimpleCellAddress[] = [];
    for (const a of arrayCorners(hf)) {
      const v = hf.getCellValue(a);
      if (v instanceof DetailedCellError && v.type === ErrorType.SPILL) out.push({ ...a });
    }
    return out;
  }
}

function toResult(v: unknown): CellResult {
  if (v instanceof DetailedCellError) return { error: v.value, message: v.message ?? "" };
  if (v === undefined) return null;
  return v as CellResult;
}
