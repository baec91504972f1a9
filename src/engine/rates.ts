// Rates table (a 2-D range, first row headers) -> options, with inheritance and validation.
// Contract section 1: `Factor` holds keys; Description/Unit/Source/Notes are ignored; every other
// non-blank header is an option. A candidate option is a diff over its parent (`inherits`).
import { E, SendError } from "./errors";
import { findKeyInfo, suggestionsFor, type KeyInfo } from "./keys";
import { PENNY, type Dec } from "./money";
import { normKey, normOption } from "./normalize";
import { cellText, isBlank, readNumber } from "./coerce";
import type { Cell, Grid } from "./types";

const IGNORED_HEADERS = new Set(["description", "unit", "source", "notes"]);

/**
 * What a rates-table header is (contract section 1): the `Factor` column of keys, a column ignored by the engine
 * (Description, Unit, Source, Notes), blank, or an option. The one classifier: the model builders and the task
 * pane use it too.
 */
export function ratesHeaderKind(header: unknown): "factor" | "ignored" | "blank" | "option" {
  const h = typeof header === "string" ? header.trim() : typeof header === "number" ? labelText(header) : "";
  if (h === "") return "blank";
  const k = normKey(h);
  return k === "factor" ? "factor" : IGNORED_HEADERS.has(k) ? "ignored" : "option";
}

/**
 * A header or key cell as text. Names and keys are text, and Excel desktop builds send an empty cell of a range as
 * the number 0 (the web sends null): a 0 there is read as blank, so a rates range padded with empty rows and
 * columns reads the same from every host. (A 0 among the rates cannot be told from a blank: see the README.)
 */
function labelText(v: unknown): string {
  return v === 0 ? "" : cellText(v as Cell);
}

/** A problem found while reading the table; SEND.CHECK lists them, other functions fail on them. */
export interface RateProblem {
  option: string | null;
  key: string | null;
  error: SendError;
  /** 0-based position in the grid, for "select the offending cell" */
  row: number;
  col: number;
}

export interface RatesTable {
  arg: string;
  /** option display names, in column order */
  optionNames: string[];
  /** normalised option name -> column index */
  optionCols: Map<string, number>;
  /** normalised key -> { key as written, grid row, catalogue entry } */
  keys: Map<string, { key: string; row: number; info: KeyInfo }>;
  grid: Grid;
  /** problems with the table as a whole (duplicates, unknown keys): every function fails on the first */
  tableProblems: RateProblem[];
}

export interface RateValue {
  value: Dec | string;
  /** the option whose cell holds the value (the option itself or an ancestor) */
  from: string;
  key: string;
  row: number;
  col: number;
}

export interface Option {
  name: string;
  /** the option, then its ancestors */
  chain: string[];
  rates: Map<string, RateValue>;
  roundTo: Dec;
}

/**
 * A problem whose error is built when first read. An unknown key's "did you mean" costs a search of the key
 * catalogue; every function but SEND.CHECK reads only the first problem, so a table of 10,000 typos (a range
 * pointed at the wrong sheet) must not pay for 10,000 suggestions.
 */
function lazyProblem(p: Omit<RateProblem, "error">, make: () => SendError): RateProblem {
  let error: SendError | undefined;
  return Object.defineProperty(p, "error", { get: () => (error ??= make()), enumerable: true }) as RateProblem;
}

/** Reads the table's structure, collecting problems rather than stopping at the first. */
export function readRatesTable(grid: Grid, arg = "rates"): RatesTable | SendError {
  if (grid.length === 0) return E.emptyTable(arg);
  const header = grid[0].map(labelText);
  const factorCol = header.findIndex((h) => ratesHeaderKind(h) === "factor");
  if (factorCol < 0)
    return E.noFactorColumn(
      arg,
      header.filter((h) => h !== ""),
    );
  const optionNames: string[] = [];
  const optionCols = new Map<string, number>();
  header.forEach((h, col) => {
    if (col === factorCol || ratesHeaderKind(h) !== "option") return;
    const n = normOption(h);
    if (optionCols.has(n)) return; // reported below
    optionCols.set(n, col);
    optionNames.push(h);
  });
  const tableProblems: RateProblem[] = [];
  header.forEach((h, col) => {
    if (h !== "" && col !== factorCol && optionCols.get(normOption(h)) !== col && !IGNORED_HEADERS.has(normKey(h))) {
      tableProblems.push({ option: h, key: null, error: E.duplicateOption(arg, h), row: 0, col });
    }
  });
  if (optionNames.length === 0) return E.noOptions(arg);
  const keys = new Map<string, { key: string; row: number; info: KeyInfo }>();
  for (let r = 1; r < grid.length; r++) {
    const raw = labelText(grid[r][factorCol]);
    if (raw === "") continue; // section heading, or a blank row
    const k = normKey(raw);
    const info = findKeyInfo(k);
    if (!info) {
      const row = r + 1;
      tableProblems.push(
        lazyProblem({ option: null, key: raw, row: r, col: factorCol }, () =>
          E.unknownKey(arg, raw, row, suggestionsFor(raw)),
        ),
      );
      continue;
    }
    const prev = keys.get(k);
    if (prev) {
      tableProblems.push({
        option: null,
        key: raw,
        error: E.duplicateKey(arg, raw, prev.row + 1, r + 1),
        row: r,
        col: factorCol,
      });
      continue;
    }
    keys.set(k, { key: raw.trim(), row: r, info });
  }
  return { arg, optionNames, optionCols, keys, grid, tableProblems };
}

/** Reads the table and fails on the first table-wide problem (a typo must never be silently ignored). */
export function parseRates(grid: Grid, arg = "rates"): RatesTable | SendError {
  const t = readRatesTable(grid, arg);
  if (t instanceof SendError) return t;
  return t.tableProblems.length > 0 ? t.tableProblems[0].error : t;
}

/** The option named by an `option` argument: case-insensitive; blank only when there is exactly one. */
export function findOptionName(table: RatesTable, option: Cell, arg = "option"): string | SendError {
  const name = cellText(option);
  if (name === "")
    return table.optionNames.length === 1 ? table.optionNames[0] : E.optionRequired(arg, table.optionNames);
  const col = table.optionCols.get(normOption(name));
  if (col === undefined) return E.unknownOption(arg, name, table.optionNames);
  return cellText(table.grid[0][col]);
}

function cell(table: RatesTable, row: number, col: number): Cell {
  return table.grid[row]?.[col];
}

function parentOf(table: RatesTable, optionName: string): string | null {
  const inh = table.keys.get("inherits");
  if (!inh) return null;
  const col = table.optionCols.get(normOption(optionName))!;
  const text = cellText(cell(table, inh.row, col));
  return text === "" ? null : text;
}

function rangeText(info: KeyInfo): string {
  const lo = info.min === undefined ? null : `${info.minExclusive ? "more than" : "at least"} ${info.min}`;
  const hi = info.max === undefined ? null : `at most ${info.max}`;
  return [lo, hi].filter(Boolean).join(" and ");
}

/** Checks one value against its catalogue entry; returns the typed value or the error. */
function typedValue(info: KeyInfo, key: string, option: string, raw: Cell): Dec | string | SendError {
  if (info.kind === "text") return cellText(raw);
  const n = readNumber(raw);
  if (n.kind !== "number") return E.notNumberRate(key, option, n.kind === "text" ? n.text : "");
  const v = n.value;
  const tooLow = info.min !== undefined && (info.minExclusive ? v.lte(info.min) : v.lt(info.min));
  const tooHigh = info.max !== undefined && v.gt(info.max);
  if (tooLow || tooHigh) return E.rateOutOfRange(key, option, v.toString(), rangeText(info));
  return v;
}

/** Every problem with one option's values (used by resolveOption and SEND.CHECK). */
export function optionProblems(table: RatesTable, optionName: string): RateProblem[] {
  const out: RateProblem[] = [];
  const col = table.optionCols.get(normOption(optionName))!;
  for (const [k, { key, row, info }] of table.keys) {
    const raw = cell(table, row, col);
    if (k === "inherits" || isBlank(raw)) continue;
    const v = typedValue(info, key, optionName, raw);
    if (v instanceof SendError) out.push({ option: optionName, key, error: v, row, col });
  }
  return out;
}

/** Where walking `inherits` stopped early: a parent no option is called, or an option met twice. */
export type ChainStop = { kind: "unknownParent"; option: string; parent: string } | { kind: "cycle"; chain: string[] };

/**
 * An option and its ancestors, itself first, as far as `inherits` leads: the one walk of the parent chain. The engine
 * fails on `stop` (inheritanceChain); the pane and the paper read what the chain gives up to it (model/inheritance.ts).
 * `parentOf` gives an option's parent as written (null: none); `nameOf` the option a name matches, as its header
 * writes it, or undefined.
 */
export function walkInherits(
  option: string,
  parentOf: (name: string) => string | null,
  nameOf: (name: string) => string | undefined,
): { chain: string[]; stop: ChainStop | null } {
  const chain = [option];
  for (let current = option; ;) {
    const parent = parentOf(current);
    if (parent === null) return { chain, stop: null };
    const name = nameOf(parent);
    if (name === undefined) return { chain, stop: { kind: "unknownParent", option: current, parent } };
    if (chain.some((c) => normOption(c) === normOption(name))) {
      return { chain, stop: { kind: "cycle", chain: [...chain, name] } };
    }
    chain.push(name);
    current = name;
  }
}

/** The inheritance chain of an option (itself first), or the error (unknown parent, cycle). */
export function inheritanceChain(table: RatesTable, optionName: string): string[] | SendError {
  const { chain, stop } = walkInherits(
    optionName,
    (name) => parentOf(table, name),
    (name) => {
      const col = table.optionCols.get(normOption(name));
      return col === undefined ? undefined : cellText(table.grid[0][col]);
    },
  );
  if (stop === null) return chain;
  return stop.kind === "unknownParent"
    ? E.unknownParent(stop.option, stop.parent, table.optionNames)
    : E.inheritanceCycle(stop.chain);
}

/** Flattens an option with its ancestors into one map of typed values. */
export function resolveOption(table: RatesTable, option: Cell, arg = "option"): Option | SendError {
  const name = findOptionName(table, option, arg);
  if (name instanceof SendError) return name;
  // not remembered here (the engine keeps no state): functions/memory.ts remembers options with their table
  const chain = inheritanceChain(table, name);
  if (chain instanceof SendError) return chain;
  const rates = new Map<string, RateValue>();
  for (const [k, { key, row, info }] of table.keys) {
    if (k === "inherits") continue;
    for (const owner of chain) {
      const col = table.optionCols.get(normOption(owner))!;
      const raw = cell(table, row, col);
      if (isBlank(raw)) continue;
      const v = typedValue(info, key, owner, raw);
      if (v instanceof SendError) return v;
      rates.set(k, { value: v, from: owner, key, row, col });
      break;
    }
  }
  const rt = rates.get("round.to");
  return { name, chain, rates, roundTo: rt && typeof rt.value !== "string" ? rt.value : PENNY };
}

/** Convenience: grid + option argument -> resolved option. */
export function optionFromGrid(grid: Grid, option: Cell, ratesArg = "rates", optionArg = "option"): Option | SendError {
  const t = parseRates(grid, ratesArg);
  return t instanceof SendError ? t : resolveOption(t, option, optionArg);
}
