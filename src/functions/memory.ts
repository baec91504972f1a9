// The function layer's memory: everything the SEND functions remember between calls, at one door (the engine
// keeps nothing: it takes a compiled option and a layout and returns values). Two caches, each bounded, each with a
// test that a changed input is never served a stale value (test/functions/memory.test.ts):
// - rates (CACHE_SIZE buckets of BUCKET_DEPTH tables, MAX_SPELLINGS options a table): a rates range's content ->
//   its parsed table -> the options resolved from it, by the text naming them, each with its compiled form for the
//   engine's exact path. Why: 10,000 SEND.ALLOCATE cells share one rates range and name a handful of options, so
//   each is read and compiled once. A compiled option fills itself as it is used (its ≤ 8 phases, its rates by key,
//   ≤ 1,000 TOPUP band spellings a setting, and its binding to each layout, held weakly by the layout).
// - headers (CACHE_SIZE): a header row's content -> its field reader and the exact path's layout of it. Why: every
//   cell of a sheet reads the same header row, and the row loop stays optimised on one long-lived layout.
// The third and last cache of the add-in is the HyperFormula host's range memo (headless/plugin.ts), which hands
// every cell the same frozen array for a range until a cell of it changes; the per-block rows of a table under each
// option (blockRowsOf: a sheet asks once per block column) and what an institution table gave (institutionsOf: its
// rows as readTable reads them, its own SEND.CHECK problems, and each option's Totals, shared by a spilled
// ALLOCATEALL and SEND.CHECK over the same table and by options that allocate alike) live on that array's memo and
// die with it. Each cache
// has two levels:
// 1. Identity, for frozen arrays only. HyperFormula (through the plugin's range memo) hands every cell reading a
//    range the very same array until a cell of that range changes, and freezes it (args.ts freezeGrid): a frozen
//    array cannot change, so its identity stands for its content. Entries live on the array, as long as it does.
// 2. Content. Excel hands every call a fresh array, and any array that is not frozen may have been mutated in
//    place, so these are keyed by content: a cheap hash picks the entry and a cell-by-cell comparison confirms it,
//    so a hash collision can never return another table's rates.
import { cellText } from "../engine/coerce";
import { blockRowsOfTable, type BlockRow } from "../engine/blocks";
import { sameAllocationRates } from "../engine/check";
import { tableProblems, type TableTotals } from "../engine/checkTable";
import { allocateTotals } from "../engine/fast";
import { E, SendError } from "../engine/errors";
import { compileOption, type CompiledOption, type FastOption } from "../engine/fast/option";
import { buildLayout, type Layout } from "../engine/fast/layout";
import { fieldReader, readTable, type FieldReader, type TableRow } from "../engine/fields";
import { readRatesTable, resolveOption, type Option, type RatesTable } from "../engine/rates";
import type { Cell, CheckProblem, Grid } from "../engine/types";
import { blankCell, gridMemo, type Range } from "./args";

/**
 * What one frozen host array gave for one use, argument name and trimmed extent (the extent can differ between
 * calls: ranges of one group are trimmed together), kept in the array's own memo (args.ts). Misses fall through to
 * the content caches. clearCaches() starts a new generation, so entries of an older one are never used.
 */
let generation = 0;

/** Whether options are compiled for the exact path (useExactPath). */
let exactPath = true;

interface IdentityEntry<V> {
  generation: number;
  arg: string;
  rows: number;
  cols: number;
  value: V;
}

class ByIdentity<V> {
  constructor(private readonly use: string) {}

  get(range: Range, arg: string): V | undefined {
    const e = gridMemo(range.source)?.byUse.get(this.use) as IdentityEntry<V> | undefined;
    return e !== undefined &&
      e.rows === range.rows &&
      e.cols === range.cols &&
      e.arg === arg &&
      e.generation === generation
      ? e.value
      : undefined;
  }

  /** Remembers `value` for a frozen host array (anything else could change under the same identity). */
  remember(range: Range, arg: string, value: V): V {
    gridMemo(range.source)?.byUse.set(this.use, { generation, arg, rows: range.rows, cols: range.cols, value });
    return value;
  }
}

/** A small least-recently-used map (a Map keeps insertion order; a hit moves the entry to the end). */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(readonly capacity: number) {}

  /** the most recently used key: hits on it (10,000 cells in a row on one table) need no reordering */
  private last: K | undefined;

  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined && key !== this.last) {
      this.map.delete(key);
      this.map.set(key, v);
      this.last = key;
    }
    return v;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    this.last = key;
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
    this.last = undefined;
  }
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

function mix(h: number, x: number): number {
  return Math.imul(h ^ x, 16777619) >>> 0;
}

/** Blank cells compare equal however the host spells them (null, undefined, "", spaces). */
function norm(c: Cell): Cell {
  return blankCell(c) ? null : c;
}

function mixCell(h: number, v: Cell): number {
  if (v === null || v === undefined) return mix(h, 1);
  if (typeof v === "number") {
    f64[0] = v;
    return mix(mix(h, u32[0]), u32[1]);
  }
  if (typeof v === "boolean") return mix(h, v ? 3 : 2);
  // length, first and last characters: enough to spread keys ("topup.special.band1" / "…band2") over buckets
  const s = String(v);
  const n = s.length;
  h = mix(h, n + 7);
  if (n > 0) h = mix(mix(h, s.charCodeAt(0)), s.charCodeAt(n - 1));
  if (n > 2) h = mix(mix(h, s.charCodeAt(n - 2)), s.charCodeAt(n >> 1));
  return h;
}

/**
 * A cheap key for a range: its size, its header row and its last row. It only picks the bucket: entries are
 * confirmed cell by cell, so two tables that differ elsewhere share a bucket, never a result.
 */
export function contentKey(range: Range): string {
  let h = 2166136261;
  for (let c = 0; c < range.cols; c++) h = mixCell(h, norm(range.cell(0, c)));
  for (let c = 0; c < range.cols; c++) h = mixCell(h, norm(range.cell(range.rows - 1, c)));
  return `${range.rows}x${range.cols}:${h}`;
}

/** Cell-by-cell equality with a stored copy (blank spelt any way equals blank). */
function sameCells(range: Range, copy: readonly Cell[][]): boolean {
  if (copy.length !== range.rows || (copy[0]?.length ?? 0) !== range.cols) return false;
  for (let r = 0; r < range.rows; r++) {
    const row = copy[r];
    const src = range.source[r];
    for (let c = 0; c < range.cols; c++) {
      const v = src[c];
      if (v !== row[c] && norm(v === undefined ? null : v) !== row[c]) return false;
    }
  }
  return true;
}

function copyOf(range: Range): Cell[][] {
  return Array.from({ length: range.rows }, (_, r) =>
    Array.from({ length: range.cols }, (_, c) => norm(range.cell(r, c))),
  );
}

/** A rates table and an option resolved from it, with its compiled form (null: the decimal path for it). */
export interface RatesAndOption extends FastOption {
  readonly table: RatesTable;
  readonly option: Option;
  readonly compiled: CompiledOption | null;
}

interface RatesEntry {
  copy: Cell[][];
  table: RatesTable | SendError;
  /** by `${argument}\u0000${text}`: resolveOption reads the text afresh each time; 2,000 cells naming one option
   * should not (bounded: a table meets few spellings) */
  options: Map<string, RatesAndOption | SendError>;
}

const MAX_SPELLINGS = 256;

/** Entries kept per bucket: tables that share size, header row and last row (scenario copies of one table). */
const BUCKET_DEPTH = 8;

export const CACHE_SIZE = 32;
const rates = new Lru<string, RatesEntry[]>(CACHE_SIZE);
/** a header row's layout (which holds its field reader), or the reader's error */
const readers = new Lru<string, Layout | SendError>(CACHE_SIZE);
let lastRates: { arg: string; entry: RatesEntry } | null = null;
const ratesById = new ByIdentity<RatesEntry>("rates");
const headersById = new ByIdentity<HeaderRow | SendError>("header");
const blocksById = new ByIdentity<WeakMap<Option, BlockRow[] | SendError>>("blocks");
const tablesById = new ByIdentity<TableEntry>("institutions");
let lastReader: { arg: string; headers: Cell[]; layout: Layout | SendError } | null = null;
/** Hits count every level; identityHits are the hits found by identity (no cell compared). */
export const cacheStats = { ratesParsed: 0, ratesHits: 0, readersBuilt: 0, readerHits: 0, identityHits: 0 };

/**
 * The rates table of a range, read once per distinct content. Table-wide problems (unknown keys, duplicates)
 * are kept on the table: SEND.CHECK lists them, every other function fails on the first.
 */
export function ratesTableOf(range: Range, arg = "rates"): RatesTable | SendError {
  return ratesEntryOf(range, arg).table;
}

function ratesEntryOf(range: Range, arg: string): RatesEntry {
  const known = ratesById.get(range, arg);
  if (known !== undefined) {
    cacheStats.ratesHits++;
    cacheStats.identityHits++;
    return known;
  }
  return ratesById.remember(range, arg, ratesByContent(range, arg));
}

function ratesByContent(range: Range, arg: string): RatesEntry {
  // 10,000 cells in a row usually read the same table: try the last one first, before hashing anything
  if (lastRates && lastRates.arg === arg && sameCells(range, lastRates.entry.copy)) {
    cacheStats.ratesHits++;
    return lastRates.entry;
  }
  const key = `${arg}\u0000${contentKey(range)}`;
  const bucket = rates.get(key) ?? [];
  for (let i = 0; i < bucket.length; i++) {
    if (sameCells(range, bucket[i].copy)) {
      cacheStats.ratesHits++;
      if (i > 0) bucket.unshift(...bucket.splice(i, 1));
      lastRates = { arg, entry: bucket[0] };
      return bucket[0];
    }
  }
  cacheStats.ratesParsed++;
  const copy = copyOf(range);
  const entry: RatesEntry = { copy, table: readRatesTable(copy, arg), options: new Map() };
  rates.set(key, [entry, ...bucket].slice(0, BUCKET_DEPTH));
  lastRates = { arg, entry };
  return entry;
}

/** As ratesTableOf, but failing on the first table-wide problem (what every function but SEND.CHECK wants). */
export function parsedRatesOf(range: Range, arg = "rates"): RatesTable | SendError {
  const t = ratesTableOf(range, arg);
  if (t instanceof SendError) return t;
  return t.tableProblems.length > 0 ? t.tableProblems[0].error : t;
}

/**
 * The parsed rates table of `range` (failing on its first table-wide problem) and the option named by `text`, the
 * `optionArg` argument, remembered with the table.
 */
export function ratesAndOptionOf(range: Range, text: string, optionArg: string): RatesAndOption | SendError {
  const entry = ratesEntryOf(range, "rates");
  const table = entry.table;
  if (table instanceof SendError) return table;
  if (table.tableProblems.length > 0) return table.tableProblems[0].error;
  const key = `${optionArg}\u0000${text}`;
  const known = entry.options.get(key);
  if (known !== undefined) return known;
  const option = resolveOption(table, text, optionArg);
  const result =
    option instanceof SendError ? option : { table, option, compiled: exactPath ? compileOption(option) : null };
  if (entry.options.size < MAX_SPELLINGS) entry.options.set(key, result);
  return result;
}

/**
 * The layout of a header row (one row or column of header cells) for the engine's exact path, holding its field
 * reader; built once per distinct header.
 */
export function layoutOf(headers: readonly Cell[], arg = "fields"): Layout | SendError {
  if (lastReader && lastReader.arg === arg && sameRow(headers, lastReader.headers)) {
    cacheStats.readerHits++;
    return lastReader.layout;
  }
  const key = `${arg}\u0000${headers.map(cellText).join("\u0001")}`;
  let layout = readers.get(key);
  if (layout !== undefined) {
    cacheStats.readerHits++;
  } else {
    cacheStats.readersBuilt++;
    const reader = fieldReader(headers, arg);
    layout = reader instanceof SendError ? reader : buildLayout(reader);
    readers.set(key, layout);
  }
  lastReader = { arg, headers: headers.map(norm), layout };
  return layout;
}

/** The field reader for a header row, built once per distinct header (with its layout). */
export function fieldReaderOf(headers: readonly Cell[], arg = "fields"): FieldReader | SendError {
  const layout = layoutOf(headers, arg);
  return layout instanceof SendError ? layout : layout.reader;
}

/** The layout of a table's header row (the engine's tableLayout, remembered), or the table-wide error. */
export function tableLayoutOf(grid: Grid, arg = "table"): Layout | SendError {
  return grid.length < 2 ? E.emptyTable(arg) : layoutOf(grid[0], arg);
}

/** A header row range read along its length, with its layout (which holds its field reader, built once per distinct
 * header), or the reader's error. */
export interface HeaderRow {
  cells: readonly Cell[];
  layout: Layout | SendError;
}

/**
 * The cells of a one-row or one-column header range and their field reader; #VALUE! for a 2-D block. The reader
 * is built with the cells (a failure is kept on the row, for the caller to report in its own order).
 */
export function headerRowOf(range: Range, arg = "fields"): HeaderRow | SendError {
  const known = headersById.get(range, arg);
  if (known !== undefined) {
    cacheStats.readerHits++;
    cacheStats.identityHits++;
    return known;
  }
  const cells = range.vector();
  const row = cells === null ? E.notVector(arg, range.rows, range.cols) : { cells, layout: layoutOf(cells, arg) };
  return headersById.remember(range, arg, row);
}

function sameRow(row: readonly Cell[], copy: readonly Cell[]): boolean {
  if (row.length !== copy.length) return false;
  for (let i = 0; i < row.length; i++) if (row[i] !== copy[i] && norm(row[i]) !== copy[i]) return false;
  return true;
}

/** Every data row of a table by block under one option (the engine's blockRowsOfTable). A sheet asks for one table
 * under one option once per block column: the rows are kept on a frozen host array (its identity is its content)
 * until the array dies; any other grid may change in place, so it is computed afresh. */
export function blockRowsOf(range: Range, option: Option, arg = "table"): BlockRow[] | SendError {
  const byOption = blocksById.get(range, arg) ?? blocksById.remember(range, arg, new WeakMap());
  let rows = byOption.get(option);
  if (rows === undefined) byOption.set(option, (rows = blockRowsOfTable(option, range.grid(), arg)));
  return rows;
}

/** What an institution table gave, each part filled when first asked for. */
interface TableEntry {
  rows?: readonly TableRow[] | SendError;
  problems?: CheckProblem[] | SendError;
  /** by the memory's own option object (one per rates content and option text): a changed rate is another object */
  totals: WeakMap<FastOption, TableTotals>;
  /** the last TWINS options whose Totals hold no error, for an option that allocates alike */
  clean: { option: Option; totals: TableTotals }[];
}

/** Error-free Totals kept per table for options that allocate alike (an unedited candidate, a deficit scenario). */
const TWINS = 4;

/**
 * What an institution table (a range with a header row) gives, read once for a frozen host array (its identity is
 * its content; the parts live on the array and die with it) and afresh for any other grid, which may change in
 * place. After a rate edit the unchanged Institutions range is the same array: its rows and problems are not read
 * again, and SEND.CHECK finds the Totals the sheet's ALLOCATEALL of the same option computed.
 */
export interface Institutions {
  /** the engine's readTable */
  rows(): readonly TableRow[] | SendError;
  /** the engine's tableProblems (SEND.CHECK's problems of the table itself) */
  problems(): CheckProblem[] | SendError;
  /** the engine's allocateTotals under an option the memory resolved (ratesAndOptionOf) */
  totals(ro: RatesAndOption): TableTotals;
}

export function institutionsOf(range: Range, arg = "table"): Institutions {
  const known = tablesById.get(range, arg);
  if (known !== undefined) cacheStats.identityHits++;
  const entry: TableEntry = known ?? tablesById.remember(range, arg, { totals: new WeakMap(), clean: [] });
  const rows = () => (entry.rows ??= readTable(range.grid(), arg));
  return {
    rows,
    problems() {
      if (entry.problems === undefined) {
        const read = rows();
        entry.problems = tableProblems(range.grid(), arg, read instanceof SendError ? undefined : read);
      }
      return entry.problems;
    },
    totals(ro) {
      let t = entry.totals.get(ro);
      if (t !== undefined) return t;
      // an option that allocates like one already computed without an error has the same numbers (only an error
      // message names its option)
      t = entry.clean.find((c) => sameAllocationRates(c.option, ro.option))?.totals;
      if (t === undefined) {
        const grid = range.grid();
        t = allocateTotals(ro, grid, arg, tableLayoutOf(grid, arg));
        if (!(t instanceof SendError) && !t.some((v) => v instanceof SendError)) {
          entry.clean.unshift({ option: ro.option, totals: t });
          if (entry.clean.length > TWINS) entry.clean.pop();
        }
      }
      entry.totals.set(ro, t);
      return t;
    },
  };
}

/**
 * Turns the engine's exact path off (every option is then remembered uncompiled, and every call takes the decimal
 * path) or back on, starting the memory afresh. For checking one path against the other through the function layer
 * (test/functions/cases.test.ts) and for timing it.
 */
export function useExactPath(on: boolean): void {
  exactPath = on;
  clearCaches();
}

/** For tests and benchmarks. */
export function clearCaches(): void {
  rates.clear();
  readers.clear();
  lastRates = null;
  lastReader = null;
  generation++;
  for (const k of Object.keys(cacheStats) as (keyof typeof cacheStats)[]) cacheStats[k] = 0;
}
