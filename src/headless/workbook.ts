// A workbook without Excel: HyperFormula with the SEND plugin, behind the small interface the task pane's Preview
// port and the send-model CLI use. Every change recalculates, then lets SEND spills settle at their sizes
// (plugin.ts explains why a spill's size can change after its formula was entered).
import { AlwaysDense, AlwaysSparse, DetailedCellError, ErrorType, HyperFormula } from "hyperformula";
import type { ConfigParams, SimpleCellAddress } from "hyperformula";
import { cellA1, parseCell, parseRange, rangeA1, type RangePos } from "../util/a1";
import { registerSendPlugin, takeResizes } from "./plugin";
import { registerExcelRounding } from "./excelRounding";
import { registerExcelText } from "./excelText";
import { arrayCorners, exportExactValues, occupiedCells, spillAt, storeAs } from "./hfInternals";

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

/**
 * HyperFormula stores a sheet densely (an array per row, as wide as the sheet) unless told otherwise: a file holding
 * only A1 and XFD1048576 then needs 17 billion slots. A sheet filled under 1% at load is stored sparsely (maps of
 * the cells it holds); a sheet added empty stays dense, as before (it is filled by the host, cell block by block).
 */
const SPARSE_BELOW_FILL = 0.01;
const DENSE = new AlwaysDense().call();
const SPARSE = new AlwaysSparse().call();
const ADDRESS_MAPPING: ConfigParams["chooseAddressMappingPolicy"] = {
  call: (fill: number) => (fill === 0 || fill >= SPARSE_BELOW_FILL ? DENSE : SPARSE),
};

const CONFIG: Partial<ConfigParams> = {
  licenseKey: "gpl-v3",
  chooseAddressMappingPolicy: ADDRESS_MAPPING,
  // Excel compares numbers to 15 significant digits (0.1+0.2=0.3 and 1-0.9=0.1 are TRUE). HyperFormula's epsilon
  // does so only with smartRounding on; its other effect, rounding values on the way out, is switched off
  // (exportExactValues): doubles come out exact, as Excel's custom functions return them.
  smartRounding: true,
  precisionEpsilon: 1e-15,
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
    exportExactValues(hyperformula);
    this.settle();
  }

  /** `names`: defined names (scope: the sheet's position in `sheets`, or none for a workbook name). */
  static create(
    sheets: Record<string, RawCell[][]> = {},
    names: { name: string; expression: string; scope?: number }[] = [],
  ): HeadlessWorkbook {
    registerSendPlugin();
    registerExcelRounding();
    registerExcelText();
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

  /**
   * Adds a sheet. `willHold`: the cells it is about to be given, so it is stored as a sheet built with them would be
   * (sparsely when they fill little of their rectangle: one far-away cell then costs one cell, not the rectangle).
   */
  addSheet(name: string, willHold?: readonly (readonly RawCell[])[]): void {
    if (this.hyperformula.doesSheetExist(name)) throw new Error(`sheet '${name}' already exists`);
    this.hyperformula.addSheet(name);
    if (willHold) storeAs(this.hyperformula, this.sheetId(name), fillOf(willHold));
    this.settle();
  }

  removeSheet(name: string): void {
    this.hyperformula.removeSheet(this.sheetId(name));
    this.settle();
  }

  /**
   * Fills a sheet just added with ragged rows from A1 (each row written from its first value; null is blank) and
   * recalculates once. Unlike setCells, this costs the cells given, not their rectangle: HyperFormula visits every
   * address of a block written at once (and of a whole sheet replaced, which a reference to its far corner from
   * another sheet has already made that large).
   */
  setRows(sheet: string, rows: readonly (readonly RawCell[])[]): void {
    const id = this.sheetId(sheet);
    this.hyperformula.batch(() => {
      rows.forEach((line, row) => {
        const col = line.findIndex((v) => v !== null && v !== undefined);
        if (col >= 0) this.hyperformula.setCellContents({ sheet: id, row, col }, [line.slice(col)]);
      });
    });
    this.settle();
  }

  /** Writes a block of cells (null clears a cell) and recalculates. */
  setCells(sheet: string, topLeftA1: string, rows: RawCell[][]): void {
    const at = parseCell(topLeftA1);
    if (!at) throw new Error(`bad cell address '${topLeftA1}'`);
    this.hyperformula.setCellContents({ sheet: this.sheetId(sheet), row: at.row - 1, col: at.col - 1 }, rows);
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
    const p = parseCell(a1);
    if (!p) return null;
    const at = { row: p.row - 1, col: p.col - 1 }; // HyperFormula's grid counts from 0
    for (const c of arrayCorners(this.hyperformula)) {
      if (c.sheet !== id || (c.row === at.row && c.col === at.col)) continue;
      const spill = spillAt(this.hyperformula, c);
      if (spill && at.row >= c.row && at.row < c.row + spill.height && at.col >= c.col && at.col < c.col + spill.width)
        return cellA1(c.row + 1, c.col + 1);
    }
    return null;
  }

  /** The smallest block holding every non-blank cell (entered or spilled), or null for an empty sheet. */
  usedRange(sheet: string): string | null {
    let top = Infinity,
      left = Infinity,
      bottom = -1,
      right = -1;
    for (const { row, col } of this.held(this.sheetId(sheet))) {
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : rangeA1({ top: top + 1, left: left + 1, bottom: bottom + 1, right: right + 1 });
  }

  /**
   * A sheet's entered contents and values from A1, as ragged rows (each row ends at its last non-blank cell): what
   * the cells hold costs what the sheet holds, never its width times its height.
   */
  sheetGrid(sheet: string): { cells: RawCell[][]; values: CellResult[][] } {
    const cells: RawCell[][] = [];
    const values: CellResult[][] = [];
    for (const a of this.held(this.sheetId(sheet))) {
      put(cells, a.row, a.col, this.content(a));
      put(values, a.row, a.col, toResult(this.hyperformula.getCellValue(a)));
    }
    for (let r = 0; r < values.length; r++) {
      values[r] ??= [];
      cells[r] ??= [];
      for (let c = 0; c < values[r].length; c++) {
        values[r][c] ??= null;
        if (c < cells[r].length) cells[r][c] ??= null;
      }
    }
    return { cells, values };
  }

  /** Every sheet's entered contents (formulas as formulas), trimmed of trailing empty rows and columns. */
  toSheets(): Record<string, RawCell[][]> {
    const out: Record<string, RawCell[][]> = {};
    for (const name of this.sheetNames()) {
      const rows = this.sheetGrid(name).cells;
      while (rows.length > 0 && rows[rows.length - 1].every((c) => c === null)) rows.pop();
      const w = Math.max(0, ...rows.map((r) => r.reduce<number>((n, c, i) => (c === null ? n : i + 1), 0)));
      out[name] = rows.map((r) => {
        const line = r.slice(0, w);
        while (line.length < w) line.push(null);
        return line;
      });
    }
    return out;
  }

  /** Every cell a formula computes, spilled cells included (for the CLI's recalculation and comparisons). */
  allFormulaCells(): FormulaCell[] {
    const hf = this.hyperformula;
    const out: FormulaCell[] = [];
    for (const sheet of this.sheetNames()) {
      const id = this.sheetId(sheet);
      const held = occupiedCells(hf, id).sort((x, y) => x.row - y.row || x.col - y.col);
      for (const a of held) {
        const { row, col } = a;
        const formula = hf.getCellFormula(a);
        if (formula === undefined) continue;
        out.push({ sheet, a1: cellA1(row + 1, col + 1), formula, value: toResult(hf.getCellValue(a)) });
        const spill = spillAt(hf, a);
        if (!spill) continue;
        for (let r = 0; r < spill.height; r++) {
          for (let c = 0; c < spill.width; c++) {
            if (r === 0 && c === 0) continue;
            const s = { sheet: id, row: row + r, col: col + c };
            out.push({
              sheet,
              a1: cellA1(s.row + 1, s.col + 1),
              formula,
              value: toResult(hf.getCellValue(s)),
              spilledFrom: cellA1(row + 1, col + 1),
            });
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

  /** A1 block on a sheet as HyperFormula's 0-based rows and columns; whole columns / rows end at the sheet's last
   * used row / column. */
  private block(id: number, rangeA1: string): RangePos {
    const b = parseRange(rangeA1);
    if (!b) throw new Error(`bad range '${rangeA1}'`);
    const { width, height } = this.hyperformula.getSheetDimensions(id);
    return {
      top: b.top - 1,
      left: b.left - 1,
      bottom: Number.isFinite(b.bottom) ? b.bottom - 1 : Math.max(b.top - 1, height - 1),
      right: Number.isFinite(b.right) ? b.right - 1 : Math.max(b.left - 1, width - 1),
    };
  }

  /** The cells of a sheet that hold an entry or a value (blank cells of the engine's area are never visited). */
  private held(id: number): SimpleCellAddress[] {
    return occupiedCells(this.hyperformula, id).filter(
      (a) => this.content(a) !== null || this.hyperformula.getCellValue(a) !== null,
    );
  }

  private cells<T>(sheet: number, b: RangePos, read: (a: SimpleCellAddress) => T): T[][] {
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

/** How much of its rectangle a grid fills, as HyperFormula measures a sheet for buildFromSheets (findBoundaries). */
function fillOf(grid: readonly (readonly RawCell[])[]): number {
  let width = 0;
  let height = 0;
  let count = 0;
  grid.forEach((line, r) => {
    let w = 0;
    line.forEach((v, c) => {
      if (v === null || v === undefined) return;
      w = c + 1;
      count++;
    });
    width = Math.max(width, w);
    if (w > 0) height = r + 1;
  });
  return width * height === 0 ? 0 : count / (width * height);
}

/** Sets grid[row][col], growing the grid with empty rows (holes are filled by the caller). */
function put<T>(grid: T[][], row: number, col: number, v: T): void {
  while (grid.length <= row) grid.push([]);
  grid[row][col] = v;
}

function toResult(v: unknown): CellResult {
  if (v instanceof DetailedCellError) return { error: v.value, message: v.message ?? "" };
  if (v === undefined) return null;
  return v as CellResult;
}
