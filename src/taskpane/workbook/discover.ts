// Finds the model in a workbook by its headers: the rates table (a Factor column), the institutions
// table (Name and Phase, no formulas), the allocations (a SEND.ALLOCATEALL spill per option, or per-cell
// SEND.ALLOCATE formulas in older models), a Blocks sheet (a SEND.ALLOCATEALL spill per option and DSG block),
// checks and comparisons.
import { colLetters, parseRangeOrThrow, sheetRef } from "../../util/a1";
import { allocationCall } from "../../model/allocations";
import { firstValue, findOptionIn, optionChain } from "../../model/inheritance";
import { MODEL_BLOCKS } from "../../model/blocks";
import { blockColumns } from "../../model/publishBook";
import { headerIndex } from "../../model/institutions";
import { ratesExtent, refsReading, type ModelRefs } from "../../model/refs";
import { normKey } from "../../engine/normalize";
import { ratesHeaderKind } from "../../engine/rates";
import type { CellValue, RawCell, WorkbookPort } from "../ports/WorkbookPort";

export interface OptionInfo {
  name: string;
  col: number;
  inherits: string | null;
}

export interface RatesInfo {
  sheet: string;
  /** used range values, row 0 = header */
  grid: CellValue[][];
  factorCol: number;
  descriptionCol: number;
  unitCol: number;
  options: OptionInfo[];
  /** keys as written, with their 0-based grid row */
  keys: { key: string; row: number }[];
  /** the absolute range formulas read (taken from existing formulas when there are any) */
  ref: string;
  rows: number;
  cols: number;
}

export interface InstitutionsInfo {
  sheet: string;
  header: string[];
  count: number;
  names: string[];
}

export interface AllocationsInfo {
  sheet: string;
  /** option columns (1-based column numbers) */
  columns: { option: string; col: number }[];
  /** institutions (data rows) */
  count: number;
  /** last used column (1-based) */
  width: number;
}

/** A Blocks sheet (model/blocks.ts): one SEND.ALLOCATEALL spill per option and DSG block. */
export interface BlocksInfo {
  sheet: string;
  /** option x block columns (1-based column numbers), in the sheet's order (High needs first per option) */
  columns: { option: string; block: string; col: number }[];
  /** last used row */
  bottom: number;
}

export interface ModelInfo {
  sheets: string[];
  tables: string[];
  rates?: RatesInfo;
  institutions?: InstitutionsInfo;
  allocations?: AllocationsInfo;
  blocks?: BlocksInfo;
  checks?: string;
  comparisons: string[];
  projections: string[];
}

const text = (v: CellValue | RawCell | undefined): string =>
  typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
const hasFn = (row: RawCell[] | undefined, fn: string) =>
  (row ?? []).some((c) => typeof c === "string" && c.toUpperCase().includes(`SEND.${fn}(`));

/** The first argument of the first SEND call on a row: the rates reference the model already uses. */
function ratesRefIn(row: RawCell[] | undefined): string | null {
  for (const c of row ?? []) {
    const m =
      typeof c === "string" ? /SEND\.(?:ALLOCATE|ALLOCATEALL|CHECK|COMPARE|PROJECT)\(([^,()"]+)[,)]/i.exec(c) : null;
    if (m) return m[1];
  }
  return null;
}

export function readRates(sheet: string, grid: CellValue[][], refHint: string | null): RatesInfo {
  const header = (grid[0] ?? []).map(text);
  const col = (n: string) => header.findIndex((h) => normKey(h) === n);
  const factorCol = header.findIndex((h) => ratesHeaderKind(h) === "factor");
  const keys = grid.flatMap((r, row) =>
    row > 0 && text(r[factorCol]) !== "" ? [{ key: text(r[factorCol]), row }] : [],
  );
  const inheritsRow = keys.find((k) => normKey(k.key) === "inherits")?.row;
  const options = header.flatMap((name, c) =>
    ratesHeaderKind(name) === "option"
      ? [{ name, col: c + 1, inherits: inheritsRow === undefined ? null : text(grid[inheritsRow][c]) || null }]
      : [],
  );
  const ext = ratesExtent(grid.length, header.length);
  const ref = refHint ?? sheetRef(sheet, `$A$1:$${colLetters(ext.cols)}$${ext.rows}`);
  return {
    sheet,
    grid,
    factorCol,
    descriptionCol: col("description"),
    unitCol: col("unit"),
    options,
    keys,
    ref,
    rows: grid.length,
    cols: header.length,
  };
}

/** The option x block columns of a sheet's first two rows (formulas), for the model's own blocks only. */
function modelBlockColumns(sheet: string, top: RawCell[][]): BlocksInfo["columns"] {
  const known = MODEL_BLOCKS.map((b) => b.toLowerCase());
  return blockColumns({ name: sheet, values: top, formulas: top })
    .filter((c) => known.includes(c.block.trim().toLowerCase()))
    .map((c) => ({ ...c, col: c.col + 1 }));
}

export async function discoverModel(port: WorkbookPort): Promise<ModelInfo> {
  const sheets = await port.sheetNames();
  const info: ModelInfo = { sheets, tables: await port.tableNames(), comparisons: [], projections: [] };
  let refHint: string | null = null;
  let ratesSheet: { sheet: string; used: string } | null = null;
  for (const sheet of sheets) {
    const used = await port.usedRange(sheet);
    if (!used) continue;
    const r = parseRangeOrThrow(used);
    const top = await port.readFormulas(
      sheet,
      `A1:${colLetters(Math.max(r.right, 1))}${Math.min(Math.max(r.bottom, 1), 2)}`,
    );
    const header = (top[0] ?? []).map(text);
    refHint ??= ratesRefIn(top[1]) ?? ratesRefIn(top[0]);
    if (!ratesSheet && header.some((h) => normKey(h) === "factor")) ratesSheet = { sheet, used };
    else if (!info.allocations && (top[1] ?? []).some((c) => allocationCall(c))) {
      // option names from the header's values: a name like "-5% plan" is stored as text ('-5% plan), and
      // its formula text would keep the apostrophe
      const names = ((await port.readValues(sheet, `A1:${colLetters(Math.max(r.right, 1))}1`))[0] ?? []).map(text);
      const columns = header.flatMap((_, c) =>
        c >= 2 && names[c] !== "" && allocationCall(top[1]?.[c]) ? [{ option: names[c], col: c + 1 }] : [],
      );
      info.allocations = { sheet, columns, count: r.bottom - 1, width: r.right };
    } else if (!info.blocks && modelBlockColumns(sheet, top).length) {
      info.blocks = { sheet, columns: modelBlockColumns(sheet, top), bottom: r.bottom };
    } else if (!info.institutions && headerIndex(header, "Name") >= 0 && headerIndex(header, "Phase") >= 0) {
      const nameCol = colLetters(headerIndex(header, "Name") + 1);
      const names = (await port.readValues(sheet, `${nameCol}2:${nameCol}${Math.max(r.bottom, 2)}`)).map((x) =>
        text(x[0]),
      );
      info.institutions = { sheet, header, count: r.bottom - 1, names };
    } else if (!info.checks && hasFn(top[0], "CHECK")) info.checks = sheet;
    else if (hasFn(top[0], "COMPARE")) info.comparisons.push(sheet);
    else if (hasFn(top[1], "PROJECT")) info.projections.push(sheet);
  }
  if (ratesSheet) {
    const r = parseRangeOrThrow(ratesSheet.used);
    info.rates = readRates(
      ratesSheet.sheet,
      await port.readValues(ratesSheet.sheet, `A1:${colLetters(r.right)}${r.bottom}`),
      refHint,
    );
  }
  return info;
}

/** References for new formulas over the discovered model (same rates range as existing formulas). */
export function refsFor(model: ModelInfo): ModelRefs | null {
  if (!model.rates || !model.institutions) return null;
  const { sheet, header, count } = model.institutions;
  return refsReading(model.rates.ref, { institutionsSheet: sheet, header, count });
}

/** The option info by name (matched the contract's way). */
export function findOption(rates: RatesInfo, name: string): OptionInfo | undefined {
  return findOptionIn(rates.options, name);
}

/** 0-based grid row of a key, or -1. */
export function keyRow(rates: RatesInfo, key: string): number {
  return rates.keys.find((k) => normKey(k.key) === normKey(key))?.row ?? -1;
}

/** The value an option gets for a key after inheritance (the engine's walk, model/inheritance.ts), and its owner. */
export function effectiveValue(
  rates: RatesInfo,
  option: string,
  key: string,
): { value: CellValue; from: string } | null {
  const row = keyRow(rates, key);
  if (row < 0) return null;
  return firstValue(optionChain(rates.options, option), (o) => {
    const v = rates.grid[row]?.[o.col - 1];
    return v === undefined || v === "" ? null : v;
  });
}
