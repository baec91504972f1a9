// Caches for the per-cell hot path: 10,000 SEND.ALLOCATE cells share one rates range and one header row, so
// each is parsed once. Keys are content, never identity: Excel and HyperFormula hand every call a fresh array.
// A cheap hash picks the entry and a cell-by-cell comparison confirms it, so a hash collision can never return
// another table's rates. Options resolve once per table (rates.ts memoises them on the table).
import { cellText } from "../engine/coerce";
import { SendError } from "../engine/errors";
import { fieldReader, type FieldReader } from "../engine/fields";
import { readRatesTable, type RatesTable } from "../engine/rates";
import type { Cell } from "../engine/types";
import { blankCell, type Range } from "./args";

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
  return Array.from({ length: range.rows }, (_, r) => Array.from({ length: range.cols }, (_, c) => norm(range.cell(r, c))));
}

interface RatesEntry { copy: Cell[][]; table: RatesTable | SendError }

/** Entries kept per bucket: tables that share size, header row and last row (scenario copies of one table). */
const BUCKET_DEPTH = 8;

export const CACHE_SIZE = 32;
const rates = new Lru<string, RatesEntry[]>(CACHE_SIZE);
const readers = new Lru<string, FieldReader | SendError>(CACHE_SIZE);
let lastRates: { arg: string; entry: RatesEntry } | null = null;
let lastReader: { arg: string; headers: Cell[]; reader: FieldReader | SendError } | null = null;
export const cacheStats = { ratesParsed: 0, ratesHits: 0, readersBuilt: 0, readerHits: 0 };

/**
 * The rates table of a range, read once per distinct content. Table-wide problems (unknown keys, duplicates)
 * are kept on the table: SEND.CHECK lists them, every other function fails on the first.
 */
export function ratesTableOf(range: Range, arg = "rates"): RatesTable | SendError {
  // 10,000 cells in a row usually read the same table: try the last one first, before hashing anything
  if (lastRates && lastRates.arg === arg && sameCells(range, lastRates.entry.copy)) {
    cacheStats.ratesHits++;
    return lastRates.entry.table;
  }
  const key = `${arg}\u0000${contentKey(range)}`;
  const bucket = rates.get(key) ?? [];
  for (let i = 0; i < bucket.length; i++) {
    if (sameCells(range, bucket[i].copy)) {
      cacheStats.ratesHits++;
      if (i > 0) bucket.unshift(...bucket.splice(i, 1));
      lastRates = { arg, entry: bucket[0] };
      return bucket[0].table;
    }
  }
  cacheStats.ratesParsed++;
  const copy = copyOf(range);
  const entry = { copy, table: readRatesTable(copy, arg) };
  rates.set(key, [entry, ...bucket].slice(0, BUCKET_DEPTH));
  lastRates = { arg, entry };
  return entry.table;
}

/** As ratesTableOf, but failing on the first table-wide problem (what every function but SEND.CHECK wants). */
export function parsedRatesOf(range: Range, arg = "rates"): RatesTable | SendError {
  const t = ratesTableOf(range, arg);
  if (t instanceof SendError) return t;
  return t.tableProblems.length > 0 ? t.tableProblems[0].error : t;
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
  for (const k of Object.keys(cacheStats) as (keyof typeof cacheStats)[]) cacheStats[k] = 0;
}
