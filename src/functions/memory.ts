// The function layer's memory: everything the SEND functions remember between calls, at one door. Two caches,
// each bounded, each with a test that a changed input is never served a stale value (test/functions/memory.test.ts):
// - rates: a rates range's content -> its parsed table -> the options resolved from it, by the text naming them
//   (10,000 SEND.ALLOCATE cells share one rates range and name a handful of options: each is read once);
// - headers: a header row's content -> its field reader (every cell of a sheet reads the same header row).
// The third and last cache of the add-in is the HyperFormula host's range memo (headless/plugin.ts), which hands
// every cell the same frozen array for a range until a cell of it changes. Each cache has two levels:
// 1. Identity, for frozen arrays only. HyperFormula (through the plugin's range memo) hands every cell reading a
//    range the very same array until a cell of that range changes, and freezes it (args.ts freezeGrid): a frozen
//    array cannot change, so its identity stands for its content. Entries live on the array, as long as it does.
// 2. Content. Excel hands every call a fresh array, and any array that is not frozen may have been mutated in
//    place, so these are keyed by content: a cheap hash picks the entry and a cell-by-cell comparison confirms it,
//    so a hash collision can never return another table's rates.
import { cellText } from "../engine/coerce";
import { E, SendError } from "../engine/errors";
import { fieldReader, type FieldReader } from "../engine/fields";
import { readRatesTable, resolveOption, type Option, type RatesTable } from "../engine/rates";
import type { Cell } from "../engine/types";
import { blankCell, gridMemo, type Range } from "./args";

/**
 * What one frozen host array gave for one use, argument name and trimmed extent (the extent can differ between
 * calls: ranges of one group are trimmed together), kept in the array's own memo (args.ts). Misses fall through to
 * the content caches. clearCaches() starts a new generation, so entries of an older one are never used.
 */
let generation = 0;

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

/** A rates table and the options resolved from it, by option argument and text as given. */
export interface RatesAndOption {
  readonly table: RatesTable;
  readonly option: Option;
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
const readers = new Lru<string, FieldReader | SendError>(CACHE_SIZE);
let lastRates: { arg: string; entry: RatesEntry } | null = null;
const ratesById = new ByIdentity<RatesEntry>("rates");
const headersById = new ByIdentity<HeaderRow | SendError>("header");
let lastReader: { arg: string; headers: Cell[]; reader: FieldReader | SendError } | null = null;
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
  const result = option instanceof SendError ? option : { table, option };
  if (entry.options.size < MAX_SPELLINGS) entry.options.set(key, result);
  return result;
}

/** The field reader for a header row (one row or column of header cells), built once per distinct header. */
export function fieldReaderOf(headers: readonly Cell[], arg = "fields"): FieldReader | SendError {
  if (lastReader && lastReader.arg === arg && sameRow(headers, lastReader.headers)) {
    cacheStats.readerHits++;
    return lastReader.reader;
  }
  const key = `${arg}\u0000${headers.map(cellText).join("\u0001")}`;
  let reader = readers.get(key);
  if (reader !== undefined) {
    cacheStats.readerHits++;
  } else {
    cacheStats.readersBuilt++;
    reader = fieldReader(headers, arg);
    readers.set(key, reader);
  }
  lastReader = { arg, headers: headers.map(norm), reader };
  return reader;
}

/** A header row range read along its length, with its field reader (built once per distinct header). */
export interface HeaderRow {
  cells: readonly Cell[];
  reader: FieldReader | SendError;
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
  const row = cells === null ? E.notVector(arg, range.rows, range.cols) : { cells, reader: fieldReaderOf(cells, arg) };
  return headersById.remember(range, arg, row);
}

function sameRow(row: readonly Cell[], copy: readonly Cell[]): boolean {
  if (row.length !== copy.length) return false;
  for (let i = 0; i < row.length; i++) if (row[i] !== copy[i] && norm(row[i]) !== copy[i]) return false;
  return true;
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
