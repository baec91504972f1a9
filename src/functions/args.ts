// Arguments after coercion: what a registry function's `run` and `size` see. Built only by wrapper.ts.
import { isBlank } from "../engine/coerce";
import type { Dec } from "../engine/money";
import type { Cell, Grid } from "../engine/types";

/** isBlank without allocating on the hot path (only a string starting with whitespace needs trimming). */
export function blankCell(c: Cell): boolean {
  if (c === null || c === undefined || c === "") return true;
  return typeof c === "string" && c.charCodeAt(0) <= 32 && isBlank(c);
}

/**
 * What caches learn about a grid a host froze (its content extent, its parsed rates or header reader), kept on the
 * grid itself: a property read per call rather than a WeakMap lookup, for 2,000 cells a recalculation.
 */
export interface GridMemo {
  extent: [number, number] | undefined;
  /** by use ("rates", "header"): what cache.ts derived, with the argument name and extent it was derived for */
  byUse: Map<string, unknown>;
}

const MEMO: unique symbol = Symbol("SEND grid memo");
type MemoGrid = Grid & { readonly [MEMO]?: GridMemo };

/**
 * Freezes a grid a host has just built and will hand out again unchanged (HyperFormula's range memo in
 * headless/plugin.ts), with an empty memo. Only such grids are cached by identity: a frozen array cannot change, so its
 * identity stands
 * for its content. Any other array (Excel's, a test's) may be mutated in place and is cached by content only.
 */
export function freezeGrid<T extends Cell[][]>(g: T): Readonly<T> {
  const memo: GridMemo = { extent: undefined, byUse: new Map() };
  Object.defineProperty(g, MEMO, { value: memo, enumerable: false, writable: false, configurable: false });
  for (let r = 0; r < g.length; r++) Object.freeze(g[r]);
  return Object.freeze(g);
}

/** The memo of a grid made by freezeGrid; undefined for any other grid. */
export function gridMemo(g: Grid): GridMemo | undefined {
  return (g as MemoGrid)[MEMO];
}

/**
 * A host range, trimmed of trailing blank rows and columns (so whole-column references cost no more than
 * the data they hold). A view: nothing is copied until `grid()` needs a smaller array than the host's.
 */
export class Range {
  constructor(
    readonly source: Grid,
    readonly rows: number,
    readonly cols: number,
  ) {}

  /** The extent of non-blank content of a host grid: [rows, cols] up to the last non-blank row and column. */
  static contentExtent(grid: Grid): [number, number] {
    const memo = gridMemo(grid);
    if (memo === undefined) return Range.scanExtent(grid);
    return (memo.extent ??= Range.scanExtent(grid)); // a 132 × 13 rates range read by 2,000 cells is scanned once
  }

  private static scanExtent(grid: Grid): [number, number] {
    let rows = 0;
    let cols = 0;
    for (let r = grid.length - 1; r >= 0; r--) {
      const row = grid[r];
      if (!row) continue; // a hole in a sparse array from a host: an empty row
      for (let c = row.length - 1; c >= cols; c--) {
        if (!blankCell(row[c])) {
          if (rows === 0) rows = r + 1;
          cols = c + 1;
          break;
        }
      }
    }
    return [rows, cols];
  }

  static trimmed(grid: Grid): Range {
    const [rows, cols] = Range.contentExtent(grid);
    return new Range(grid, rows, cols);
  }

  get isEmpty(): boolean {
    return this.rows === 0 || this.cols === 0;
  }

  cell(r: number, c: number): Cell {
    const v = this.source[r]?.[c];
    return v === undefined ? null : v;
  }

  /** The trimmed cells as a grid (the host's own array when it needs no trimming). */
  grid(): Grid {
    const src = this.source;
    if (src.length === this.rows && src.every((row) => row?.length === this.cols)) return src;
    const out: Cell[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const row: Cell[] = [];
      for (let c = 0; c < this.cols; c++) row.push(this.cell(r, c));
      out.push(row);
    }
    return out;
  }

  /**
   * One row or one column, read along its length; null for a 2-D block. An empty range is []. A whole row of a
   * frozen grid (freezeGrid: HyperFormula's, through the range memo) is that row itself: it can no longer change.
   */
  vector(): readonly Cell[] | null {
    if (this.isEmpty) return [];
    const out: Cell[] = [];
    if (this.rows === 1) {
      const row = this.source[0] ?? [];
      if (row.length === this.cols && gridMemo(this.source) !== undefined && !row.includes(undefined)) return row;
      for (let c = 0; c < this.cols; c++) out.push(row[c] ?? null);
    } else if (this.cols === 1) {
      for (let r = 0; r < this.rows; r++) out.push(this.source[r]?.[0] ?? null);
    } else {
      return null;
    }
    return out;
  }

  /** Every cell row by row; `cellLabel(i)` names the i-th for messages. */
  cells(): Cell[] {
    const out = new Array<Cell>(this.rows * this.cols);
    for (let r = 0, i = 0; r < this.rows; r++) for (let c = 0; c < this.cols; c++) out[i++] = this.cell(r, c);
    return out;
  }

  /** "row 3" down a column, "column 3" along a row, "row 2, column 4" in a 2-D block (i counts row by row). */
  cellLabel(i: number): string {
    const r = Math.floor(i / this.cols);
    const c = i % this.cols;
    return this.cols === 1 ? `row ${r + 1}` : this.rows === 1 ? `column ${c + 1}` : `row ${r + 1}, column ${c + 1}`;
  }
}

/** A coerced argument: a range (range parameters), a Decimal (numbers), a string (text), or null (blank/absent). */
export type ArgValue = Range | Dec | string | Cell | null;

/** Coerced arguments by parameter name, with typed accessors (a wrong accessor is a programming mistake). */
export class Args {
  /** `values` in parameter order; `index` gives each parameter's position (one map per function, built once). */
  constructor(
    private readonly values: readonly ArgValue[],
    private readonly index: ReadonlyMap<string, number>,
  ) {}

  private get(name: string): ArgValue {
    const i = this.index.get(name);
    if (i === undefined) throw new Error(`no parameter '${name}'`);
    return this.values[i] ?? null;
  }

  range(name: string): Range {
    const v = this.get(name);
    if (!(v instanceof Range)) throw new Error(`parameter '${name}' is not a range`);
    return v;
  }

  optRange(name: string): Range | null {
    const v = this.get(name);
    return v === null ? null : this.range(name);
  }

  number(name: string): Dec | null {
    const v = this.get(name);
    if (v === null) return null;
    if (typeof v !== "object" || v instanceof Range) throw new Error(`parameter '${name}' is not a number`);
    return v as Dec;
  }

  text(name: string): string {
    const v = this.get(name);
    if (v === null) return "";
    if (typeof v !== "string") throw new Error(`parameter '${name}' is not text`);
    return v;
  }

  /** An "any" parameter as given (a 1×1 range already unwrapped to its cell). */
  raw(name: string): ArgValue {
    return this.get(name);
  }
}

/**
 * One instance of each class the per-cell path makes and drops (a Range per range argument, an Args per call), kept
 * for the life of the process. V8 frees the hidden class of objects none of which outlives a full GC and deoptimises
 * every function compiled against it, so without these every recalculation after a GC ran the per-cell path
 * unoptimised again. Measured (December 2026: per-cell SEND.ALLOCATE over the demo's 557 institutions × 4 options,
 * one rate edited after a full GC, 4 runs each way alternating): 233 to 355 ms (median 300) with the three anchors
 * (these, hfInternals.ts keepStateShape, plugin.ts RANGE_SHAPE_ANCHOR), 484 to 693 ms (median 538) without, about
 * 1.8 times slower. The demo spills one ALLOCATEALL per option, so bench scenario 4 no longer runs this path;
 * workbooks with a formula per cell still do.
 */
export const SHAPE_ANCHORS: readonly object[] = [new Range([[null]], 1, 1), new Args([null], new Map([["value", 0]]))];
