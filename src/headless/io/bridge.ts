// Glue between xlsx files and the headless workbook: load a file into it, list every computed cell
// (for `send-model recalc --json`), and hand its formulas, values and spills to the xlsx writer.
import type { SheetFormat } from "./format";
import type { CellResult, RawCell } from "./cells";
import { deriveSpills, type XlsxBook, type XlsxSheetOut } from "../xlsx";
import { HeadlessWorkbook, sheetSizeProblem, type FormulaCell } from "../workbook";
import { widthOf } from "../../functions/spec";
import { FileProblem } from "./files";
import { cellA1, parseCellOrThrow, parseRangeOrThrow } from "../../util/a1";
import {
  FAILED_CELL_CONTENT,
  isolateFormulas,
  isolateUnparsable,
  isStackOverflow,
  type FailedCell,
  type Isolated,
} from "./isolate";
import type { SheetBounds } from "./clipRanges";
import type { DefinedName } from "./definedNames";
import type { TableDef } from "./tables";
import { HyperFormula } from "hyperformula";

/** What the bridge reads of a HeadlessWorkbook. */
export interface HostWorkbook {
  sheetNames(): string[];
  getValues(sheet: string, rangeA1: string): CellResult[][];
  getFormulas(sheet: string, rangeA1: string): RawCell[][];
  usedRange(sheet: string): string | null;
  /** formula cells and their spilled cells (gives exact spill ranges, blank spilled cells included) */
  allFormulaCells?(): FormulaCell[];
  /** contents and values from A1 as ragged rows, visiting only the cells the sheet holds */
  sheetGrid?(sheet: string): { cells: RawCell[][]; values: CellResult[][] };
}

/** A workbook read from a file, loaded into a HeadlessWorkbook (which evaluates every formula). */
export function loadHost(book: XlsxBook): HeadlessWorkbook {
  return loadHostIsolated(book).wb;
}

/**
 * Loads a workbook with per-cell isolation: a formula the engine cannot take becomes #VALUE! in its own
 * cell (listed in `failed`, with the cell and the limit) and every other cell is evaluated.
 */
export function loadHostIsolated(
  book: {
    sheets: readonly { name: string; cells: RawCell[][]; cached?: CellResult[][] }[];
    names?: readonly DefinedName[];
    /** linked workbooks by link number, for messages (io/externalLinks.ts) */
    links?: ReadonlyMap<number, string>;
  },
  opts: { maxCells?: number; tables?: readonly TableDef[] } = {},
): {
  wb: HeadlessWorkbook;
  failed: FailedCell[];
  rewritten: Isolated["rewritten"];
} {
  const bounds = new Map<string, SheetBounds>();
  for (const s of book.sheets)
    bounds.set(s.name.toLowerCase(), { rows: Math.max(1, s.cells.length), cols: Math.max(1, widthOf(s.cells)) });
  // huge references are trimmed to the sheets' used ranges; if a spill then grows a sheet past them, again
  for (let round = 0; ; round++) {
    const iso = isolateFormulas(book.sheets, bounds, { ...opts, names: book.names ?? [], links: book.links });
    const wb = buildIsolated(iso, iso.names);
    let grown = false;
    for (const name of wb.sheetNames()) {
      const key = name.toLowerCase();
      const b = bounds.get(key);
      if (!b || !iso.clipped.has(key)) continue;
      const { height, width } = wb.hyperformula.getSheetDimensions(wb.hyperformula.getSheetId(name)!);
      if (height > b.rows || width > b.cols) {
        bounds.set(key, { rows: Math.max(b.rows, height), cols: Math.max(b.cols, width) });
        grown = true;
      }
    }
    if (!grown || round >= 4) return { wb, failed: iso.failed, rewritten: iso.rewritten };
  }
}

function buildIsolated(iso: Isolated, names: readonly DefinedName[]): HeadlessWorkbook {
  try {
    return build(iso.sheets, names);
  } catch (e) {
    // the limits missed a formula HyperFormula cannot parse: find it (one by one) and build again
    if (!isStackOverflow(e) || isolateUnparsable(iso.sheets, iso.failed) === 0) throw e;
    return build(iso.sheets, names);
  }
}

/** Names HyperFormula accepts, each judged alone (one it cannot parse is left out: formulas using it show #NAME?). */
function usableNames(names: readonly DefinedName[]): { name: string; expression: string; scope?: number }[] {
  const probe = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  const accepted = (n: DefinedName) => {
    try {
      return (
        /^[A-Za-z_\\][\w.]*$/.test(n.name) &&
        probe.validateFormula(n.expression) &&
        probe.isItPossibleToAddNamedExpression(n.name, n.expression)
      );
    } catch {
      return false; // this name only
    }
  };
  try {
    return names.filter(accepted).map((n) => ({ name: n.name, expression: n.expression, scope: n.sheetIndex }));
  } finally {
    probe.destroy();
  }
}

/** Refuses, naming the sheet, its size and the limit, a sheet larger than Excel's (and so the engine's) limits. */
function checkSizes(sheets: readonly { name: string; cells: RawCell[][] }[]): void {
  for (const s of sheets) {
    const rows = s.cells.length;
    const cols = widthOf(s.cells);
    const problem = sheetSizeProblem(s.name, rows, cols);
    if (problem) throw new FileProblem(problem);
  }
}

function build(
  sheets: readonly { name: string; cells: RawCell[][] }[],
  names: readonly DefinedName[] = [],
): HeadlessWorkbook {
  checkSizes(sheets);
  // an object keeps insertion order except for integer-like keys ("2024"): add such sheets one by one
  if (!sheets.some((s) => /^(0|[1-9]\d*)$/.test(s.name))) {
    return HeadlessWorkbook.create(Object.fromEntries(sheets.map((s) => [s.name, s.cells])), usableNames(names));
  }
  const wb = HeadlessWorkbook.create();
  for (const s of sheets) wb.addSheet(s.name, s.cells); // stored as buildFromSheets would (sparse when sparse)
  for (const s of sheets) if (s.cells.length) wb.setRows(s.name, s.cells);
  for (const n of usableNames(names)) {
    try {
      wb.hyperformula.addNamedExpression(n.name, n.expression, n.scope);
    } catch {
      // a name HyperFormula refuses: formulas using it show #NAME?
    }
  }
  return wb;
}

/**
 * Puts the isolated cells back in the snapshots: their formula as read, and as value Excel's cached value where it
 * is kept (a reference the engine cannot follow: a structured reference, another workbook), else #VALUE! with the
 * message;
 * and every formula the engine was given in another text back to its text as read.
 */
export function markFailed(
  snaps: SheetSnapshot[],
  failed: readonly FailedCell[],
  rewritten: Isolated["rewritten"] = [],
): void {
  for (const f of rewritten) {
    const s = snaps.find((x) => x.name === f.sheet);
    const { row: r, col: c } = parseCellOrThrow(f.a1);
    if (s && s.cells[r - 1]?.[c - 1] !== undefined) s.cells[r - 1][c - 1] = f.formula;
  }
  for (const f of failed) {
    const s = snaps.find((x) => x.name === f.sheet);
    if (!s) continue;
    const { row: r, col: c } = parseCellOrThrow(f.a1);
    while (s.cells.length < r) s.cells.push([]);
    while (s.values.length < r) s.values.push([]);
    s.cells[r - 1][c - 1] = f.formula;
    s.values[r - 1][c - 1] = f.kept ?? { error: FAILED_CELL_CONTENT, message: f.message };
  }
}

export interface SheetSnapshot {
  name: string;
  /** typed contents from A1 */
  cells: RawCell[][];
  /** computed values from A1 */
  values: CellResult[][];
  /** anchor -> spill range (only formulas whose result covers more than one cell) */
  spills: Map<string, string>;
}

/** Spill ranges by sheet and anchor, from the host's list of spilled cells (their bounding boxes). */
function hostSpills(cells: readonly FormulaCell[]): Map<string, Map<string, string>> {
  const boxes = new Map<string, { sheet: string; anchor: string; bottom: number; right: number }>();
  for (const f of cells) {
    if (!f.spilledFrom) continue;
    const key = `${f.sheet}\u0000${f.spilledFrom}`;
    const p = parseCellOrThrow(f.a1);
    const a = parseCellOrThrow(f.spilledFrom);
    const box = boxes.get(key) ?? { sheet: f.sheet, anchor: f.spilledFrom, bottom: a.row, right: a.col };
    box.bottom = Math.max(box.bottom, p.row);
    box.right = Math.max(box.right, p.col);
    boxes.set(key, box);
  }
  const out = new Map<string, Map<string, string>>();
  for (const b of boxes.values()) {
    if (!out.has(b.sheet)) out.set(b.sheet, new Map());
    out.get(b.sheet)!.set(b.anchor, `${b.anchor}:${cellA1(b.bottom, b.right)}`);
  }
  return out;
}

/** Formulas, values and spills of every sheet, from A1 to the end of its used range. */
export function snapshot(wb: HostWorkbook): SheetSnapshot[] {
  const spills = wb.allFormulaCells ? hostSpills(wb.allFormulaCells()) : null;
  return wb.sheetNames().map((name) => {
    if (wb.sheetGrid) {
      const { cells, values } = wb.sheetGrid(name);
      return { name, cells, values, spills: spills ? (spills.get(name) ?? new Map()) : deriveSpills(cells, values) };
    }
    const used = wb.usedRange(name);
    if (!used) return { name, cells: [], values: [], spills: new Map() };
    const end = used.includes(":") ? used.split(":")[1] : used;
    const range = `A1:${end}`;
    const cells = wb.getFormulas(name, range);
    const values = wb.getValues(name, range);
    return { name, cells, values, spills: spills ? (spills.get(name) ?? new Map()) : deriveSpills(cells, values) };
  });
}

/** Every formula cell and every cell of a spill, in sheet order then row-major: "Sheet!A1" -> value. */
export function formulaResults(snaps: readonly SheetSnapshot[]): [string, CellResult][] {
  const out: [string, CellResult][] = [];
  for (const s of snaps) {
    const at: { r: number; c: number }[] = [];
    s.cells.forEach((row, r) =>
      row.forEach((raw, c) => {
        if (typeof raw === "string" && raw.startsWith("=")) at.push({ r: r + 1, c: c + 1 });
      }),
    );
    for (const [anchor, ref] of s.spills) {
      const box = parseRangeOrThrow(ref);
      for (let r = box.top; r <= box.bottom; r++)
        for (let c = box.left; c <= box.right; c++) if (cellA1(r, c) !== anchor) at.push({ r, c });
    }
    at.sort((x, y) => x.r - y.r || x.c - y.c);
    // a blank cell at the edge of a spill may lie beyond the used range: it is blank (null)
    for (const { r, c } of at) out.push([`${s.name}!${cellA1(r, c)}`, s.values[r - 1]?.[c - 1] ?? null]);
  }
  return out;
}

/** Snapshots as sheets for the xlsx writer (formats apply to freshly built sheets only). */
export function sheetsForWrite(
  snaps: readonly SheetSnapshot[],
  formats: Record<string, SheetFormat> = {},
): XlsxSheetOut[] {
  return snaps.map((s) => ({
    name: s.name,
    cells: s.cells,
    values: s.values,
    spills: s.spills,
    format: formats[s.name],
  }));
}
