// xlsx files <-> sheets of plain cells, with formulas AND cached values, for the headless host.
//
// How a workbook is stored (so Excel shows numbers on open and recomputes with the add-in loaded):
// - every formula is written with its computed value as the cached result;
// - SEND.* calls are stored the way Excel itself saves Office.js custom functions: `_xldudf_SEND_NAME(…)`
//   (see io/formulaText.ts); the reader maps them back to `SEND.NAME(…)`;
// - a formula that calls SEND or spills is a dynamic-array formula: `<f t="array" ref="<spill>">` with
//   cm="1" (xl/metadata.xml, see io/dynamicArrays.ts); the other cells of the spill hold plain cached
//   values, exactly as Excel 365 writes a spill. On reading, those cells are left blank (they are
//   results, not inputs), so the host can spill into them again.
// Writes are atomic (temp file + rename) and refuse to replace any input file.
import ExcelJS from "exceljs";
import { FileProblem, refuseOverwrite, writeFileAtomic } from "./io/files";
import { checkXlsxInput } from "./io/inputFile";
import { checkZip, DEFAULT_ZIP_LIMITS, type ZipLimits } from "./io/zipGuard";
import { readDefinedNames, type DefinedName } from "./io/definedNames";
import { readExternalLinks } from "./io/externalLinks";
import { readableCopy } from "./io/readableCopy";
import { withoutRangeParts } from "./io/sheetStructure";
import { CellTypeProblem } from "./io/typedCells";
import { rawOfValue, resultOf, toInput, toPlain, toResult, type CellResult, type RawCell } from "./io/cells";
import { markDynamicArrays } from "./io/dynamicArrays";
import { applyFormat, type SheetFormat } from "./io/format";
import { callsSend, fromFileFormula, toFileFormula } from "./io/formulaText";
import { sheetSizeProblem } from "./workbook";
import { cellA1, parseRangeOrThrow } from "../util/a1";

export type { RawCell, CellResult } from "./io/cells";
export { FileProblem } from "./io/files";
export { DEFAULT_ZIP_LIMITS, type ZipLimits } from "./io/zipGuard";
export { MONEY_FORMAT, WHOLE_POUNDS_FORMAT, PERCENT_FORMAT, type SheetFormat } from "./io/format";

export interface XlsxSheetIn {
  name: string;
  /** typed contents from A1: values, and formulas as "=…" (cells inside a spill are blank) */
  cells: RawCell[][];
  /** cached results as stored in the file (formula cells and the cells of their spills) */
  cached: CellResult[][];
  /** array / dynamic-array formulas: anchor A1 -> the range they covered when saved */
  arrays: Map<string, string>;
}

export interface XlsxBook {
  sheets: XlsxSheetIn[];
  /** the parsed file, for writing it back with its styles (see writeXlsx `base`) */
  source: ExcelJS.Workbook;
  /** the file's bytes, for writing it back with only its cached values changed (io/patchValues.ts) */
  bytes?: Buffer;
  /** defined names (workbook- and sheet-scoped) */
  names?: DefinedName[];
  /** linked workbooks' file names by link number ([1] -> "Plan.xlsx"; io/externalLinks.ts) */
  links?: Map<number, string>;
}

export interface XlsxSheetOut {
  name: string;
  /** typed contents from A1 (formulas as "=…") */
  cells: RawCell[][];
  /** computed values from A1, including the cells of spills; become the cached results */
  values?: CellResult[][];
  /** spill ranges by anchor (e.g. "A1" -> "A1:E42"); derived from cells and values when absent */
  spills?: ReadonlyMap<string, string>;
  /** presentation for a freshly built sheet (ignored when updating a `base` workbook) */
  format?: SheetFormat;
}

export interface WriteOptions {
  /** files that must never be overwritten (the inputs): writing to one is refused */
  protect?: readonly string[];
  /** update this workbook (as read) instead of building a new one, keeping its formatting */
  base?: ExcelJS.Workbook;
  /** sheet order to write (sheets added to a `base` go last otherwise) */
  order?: readonly string[];
}

// ---------- reading ----------

/**
 * Reads a workbook file. Throws FileProblem (one clear line) for a missing, corrupt or non-xlsx file, or a
 * package over the limits (zip bombs: see io/zipGuard.ts).
 */
export async function readXlsx(file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<XlsxBook> {
  return readXlsxBuffer(checkXlsxInput(file, limits.maxBytes), file, limits);
}

export async function readXlsxBuffer(
  data: Buffer,
  label = "workbook",
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<XlsxBook> {
  // An xlsx file is a zip archive: "PK\3\4". A legacy .xls or a password-protected workbook is not.
  if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) {
    throw new FileProblem(
      `not an xlsx workbook (not a zip package; legacy .xls, .csv and password-protected files are not supported): ${label}`,
    );
  }
  await checkZip(data, label, limits); // before anything is inflated for real
  const reading = await withoutRangeParts(data).catch((e: unknown) => {
    if (e instanceof CellTypeProblem)
      throw new FileProblem(`could not read ${label} as an xlsx workbook: ${e.message}`);
    throw e;
  });
  let wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(reading.data as unknown as ExcelJS.Buffer);
  } catch (e) {
    if (!(e instanceof TypeError))
      throw new FileProblem(`could not read ${label} as an xlsx workbook: ${readerMessage(e)}`);
    // exceljs trips on a part it does not need (openpyxl charts/comments, an unstyled table): read without them
    wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load((await readableCopy(reading.data)) as unknown as ExcelJS.Buffer);
    } catch {
      throw new FileProblem(`could not read ${label} as an xlsx workbook: ${readerMessage(e)}`);
    }
  }
  if (wb.worksheets.length === 0) throw new FileProblem(`no worksheets in ${label} (is it an xlsx workbook?)`);
  const date1904 = Boolean((wb.properties as { date1904?: boolean }).date1904);
  return {
    sheets: wb.worksheets.map((ws) => readSheet(ws, date1904, reading.merges.get(ws.name) ?? [], limits.maxCells)),
    source: wb,
    bytes: data,
    names: await readDefinedNames(data),
    links: await readExternalLinks(data),
  };
}

/** A reader failure in the user's terms: jszip's "Bug : …" prefix and exceljs's internal TypeErrors reworded. */
function readerMessage(e: unknown): string {
  const message = ((e as Error)?.message ?? String(e)).split("\n")[0].replace(/^Bug\s*:\s*/i, "");
  if (e instanceof TypeError) return `a part of the package is malformed or unsupported (${message})`;
  const xml = /^(\d+):(\d+): (.*)$/.exec(message); // the XML parser's "line:column: problem"
  if (xml)
    return `a part of the package is not well-formed XML (line ${xml[1]}, column ${xml[2]}: ${xml[3].replace(/\.$/, "")})`;
  if (/corrupted zip|end of central directory|invalid (signature|code)|data size mismatch|crc32/i.test(message))
    return `the zip package is damaged (${message})`;
  return message;
}

/**
 * Slots a sheet's rows may take in memory (each row runs from A to its last cell), per cell the package may hold:
 * a sheet of a few cells spread to XFD in many rows is refused instead of filling memory with blanks.
 */
const SLOTS_PER_CELL = 10;

function readSheet(ws: ExcelJS.Worksheet, date1904: boolean, merges: readonly string[], maxCells: number): XlsxSheetIn {
  // before building the grid: a cell past Excel's last row or column would make it huge for nothing
  const tooLarge = sheetSizeProblem(ws.name, ws.rowCount, ws.columnCount);
  if (tooLarge) throw new FileProblem(tooLarge);
  // Rows are ragged (each ends at its last cell) and never padded to the sheet's width: a sheet holding A1 and
  // XFD1048576 costs a million empty rows and one row of 16,384 slots, not 17 billion.
  const cells: RawCell[][] = [];
  const cached: CellResult[][] = [];
  const arrays = new Map<string, string>();
  let slots = 0;
  const slotLimit = Math.max(1_000_000, maxCells * SLOTS_PER_CELL);
  const put = <T>(grid: T[][], r: number, c: number, v: T, blank: T) => {
    while (grid.length < r) grid.push([]);
    const row = grid[r - 1];
    if (grid === (cells as unknown) && c > row.length) {
      slots += c - row.length;
      if (slots > slotLimit)
        throw new FileProblem(
          `sheet '${ws.name}' spreads its cells over more than ${slotLimit.toLocaleString("en-GB")} row positions ` +
            `(cell ${cellA1(r, c)}); raise the limit with --max-cells, or move far-away cells nearer A1`,
        );
    }
    while (row.length < c) row.push(blank);
    row[c - 1] = v;
  };
  const mergedAway = mergedCells(merges);

  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (mergedAway(r, c)) return; // merged: the value lives in the top-left cell
      const v = cell.value as ExcelJS.CellValue;
      if (v !== null && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
        const fv = v as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
        const text = cell.formula; // exceljs expands shared formulas per cell
        if (text) put(cells, r, c, `=${fromFileFormula(text)}`, null);
        // cell.result, not fv.result: exceljs's value copy drops falsy results (0, "", false)
        put(cached, r, c, resultOf(cell.result, date1904), null);
        if (fv.shareType === "array") arrays.set(cell.address, fv.ref ?? cell.address);
        return;
      }
      const raw = rawOfValue(v, date1904);
      if (raw === null) return;
      put(cells, r, c, raw, null);
      put(
        cached,
        r,
        c,
        resultOf(v, date1904) ?? (typeof raw === "string" && raw.startsWith("'") ? raw.slice(1) : raw),
        null,
      );
    });
  });

  // Cells covered by an array formula (other than its anchor) are its results: blank them as inputs. Only the
  // cells the sheet holds are visited, whatever the ref claims (A1:XFD1048576 costs what the sheet holds).
  for (const [anchor, ref] of arrays) {
    const box = parseRangeOrThrow(ref);
    const at = parseRangeOrThrow(anchor);
    for (let r = box.top; r <= Math.min(box.bottom, cells.length); r++) {
      const line = cells[r - 1];
      for (let c = box.left; c <= Math.min(box.right, line.length); c++) {
        if ((r !== at.top || c !== at.left) && line[c - 1] !== null) line[c - 1] = null;
      }
    }
  }
  // a rectangle when that costs little more than the cells (callers index it freely); ragged rows otherwise
  const width = cells.reduce((w, line) => Math.max(w, line.length), 0);
  if (width * cells.length <= slotLimit) for (const line of cells) while (line.length < width) line.push(null);
  return { name: ws.name, cells: trimGrid(cells), cached, arrays };
}

/** Whether (row, col), 1-based, is a merged cell other than its range's top-left; cheap for any range size. */
function mergedCells(refs: readonly string[]): (r: number, c: number) => boolean {
  const boxes = refs.flatMap((ref) => {
    try {
      return [parseRangeOrThrow(ref)];
    } catch {
      return [];
    }
  });
  if (boxes.length === 0) return () => false;
  return (r, c) =>
    boxes.some((b) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right && (r !== b.top || c !== b.left));
}

/** Drops trailing all-blank rows (left by blanked spill cells). */
function trimGrid(grid: RawCell[][]): RawCell[][] {
  let n = grid.length;
  while (n > 0 && grid[n - 1].every((v) => v === null)) n--;
  return grid.slice(0, n);
}

// ---------- spills ----------

const isFormula = (v: RawCell | undefined): v is string => typeof v === "string" && v.startsWith("=");

/**
 * Spill ranges when the host does not give them: from each formula, the run of computed values to the
 * right along its first row and down its first column, stopping at a typed cell or a blank value.
 */
export function deriveSpills(cells: RawCell[][], values: CellResult[][]): Map<string, string> {
  const out = new Map<string, string>();
  const free = (r: number, c: number) => (cells[r]?.[c] ?? null) === null && (values[r]?.[c] ?? null) !== null;
  cells.forEach((row, r) =>
    row.forEach((raw, c) => {
      if (!isFormula(raw)) return;
      let right = c;
      while (free(r, right + 1)) right++;
      let bottom = r;
      while (free(bottom + 1, c)) bottom++;
      if (right > c || bottom > r)
        out.set(cellA1(r + 1, c + 1), `${cellA1(r + 1, c + 1)}:${cellA1(bottom + 1, right + 1)}`);
    }),
  );
  return out;
}

// ---------- writing ----------

interface Planned {
  sheet: XlsxSheetOut;
  spills: ReadonlyMap<string, string>;
}

/** How each formula is stored: dynamic array (with its ref) when it calls SEND, spills or was an array. */
function formulaValue(
  formula: string,
  value: CellResult | undefined,
  anchor: string,
  spill: string | undefined,
  wasArray: boolean,
) {
  const f = toFileFormula(formula.slice(1));
  const result = toResult(value);
  const dynamic = spill !== undefined || wasArray || callsSend(formula);
  const v: ExcelJS.CellFormulaValue & { shareType?: string; ref?: string } = {
    formula: f,
    date1904: false,
  } as ExcelJS.CellFormulaValue;
  if (result !== undefined) v.result = result as ExcelJS.CellFormulaValue["result"];
  if (dynamic) {
    v.shareType = "array";
    v.ref = spill ?? anchor;
  }
  return { value: v, dynamic };
}

/** Writes one sheet's formulas, spill values and (fresh sheets only) inputs; returns the dynamic anchors. */
function fillSheet(
  ws: ExcelJS.Worksheet,
  p: Planned,
  fresh: boolean,
  oldArrays: ReadonlyMap<string, string>,
): Set<string> {
  const { cells, values = [] } = p.sheet;
  const anchors = new Set<string>();
  const height = Math.max(cells.length, values.length);
  const touched = new Set<string>();

  for (let r = 0; r < height; r++) {
    const width = Math.max(cells[r]?.length ?? 0, values[r]?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const raw = cells[r]?.[c] ?? null;
      const value = values[r]?.[c];
      const addr = cellA1(r + 1, c + 1);
      if (isFormula(raw)) {
        const fv = formulaValue(raw, value, addr, p.spills.get(addr), oldArrays.has(addr));
        ws.getCell(addr).value = fv.value as ExcelJS.CellValue;
        if (fv.dynamic) anchors.add(addr);
        touched.add(addr);
      } else if (raw === null && value !== null && value !== undefined) {
        ws.getCell(addr).value = toPlain(value); // a spilled result: cached value only
        touched.add(addr);
      } else if (fresh && raw !== null) {
        ws.getCell(addr).value = toInput(raw);
      }
    }
  }
  // Cells of an old spill that no longer hold a result are cleared (an updated workbook only).
  for (const ref of oldArrays.values()) {
    const box = parseRangeOrThrow(ref);
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) {
        const addr = cellA1(r, c);
        if (!touched.has(addr) && (cells[r - 1]?.[c - 1] ?? null) === null) ws.getCell(addr).value = null;
      }
    }
  }
  return anchors;
}

/** Builds the xlsx package in memory. */
export async function xlsxBuffer(
  sheets: readonly XlsxSheetOut[],
  opts: Pick<WriteOptions, "base" | "order"> = {},
): Promise<Buffer> {
  const wb = opts.base ?? new ExcelJS.Workbook();
  if (!opts.base) {
    wb.creator = "SEND Funding Modeller";
    wb.created = new Date(0); // fixed, so identical inputs give identical files
    wb.modified = new Date(0);
  }
  const anchors = new Map<string, Set<string>>();
  for (const sheet of sheets) {
    const spills = sheet.spills ?? deriveSpills(sheet.cells, sheet.values ?? []);
    const existing = opts.base?.getWorksheet(sheet.name);
    const ws = existing ?? wb.addWorksheet(sheet.name);
    const oldArrays = existing ? arraysOf(existing) : new Map<string, string>();
    anchors.set(sheet.name, fillSheet(ws, { sheet, spills }, !existing, oldArrays));
    if (!existing) applyFormat(ws, sheet.cells, sheet.values, sheet.format);
  }
  opts.order?.forEach((name, i) => {
    const ws = wb.getWorksheet(name) as (ExcelJS.Worksheet & { orderNo: number }) | undefined; // untyped in exceljs
    if (ws) ws.orderNo = i;
  });
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  return markDynamicArrays(raw, anchors);
}

/** Array formulas of a worksheet as exceljs holds them (anchor -> ref). */
function arraysOf(ws: ExcelJS.Worksheet): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value as { shareType?: string; ref?: string } | null;
      if (v && typeof v === "object" && v.shareType === "array") out.set(cell.address, v.ref ?? cell.address);
    }),
  );
  return out;
}

/** Writes sheets to an xlsx file atomically; never overwrites a protected (input) file. */
export async function writeXlsx(file: string, sheets: readonly XlsxSheetOut[], opts: WriteOptions = {}): Promise<void> {
  refuseOverwrite(file, opts.protect ?? []); // before any work
  const buf = await xlsxBuffer(sheets, opts);
  writeFileAtomic(file, buf, opts.protect ?? []);
}
