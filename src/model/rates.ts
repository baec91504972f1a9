// The Rates sheet: a library grid (Factor | Description | Unit | Source | options…) plus candidate
// options that inherit from another option and start blank (blank = "same as the parent").
import { normKey, normOption } from "../engine/normalize";
import { ratesHeaderKind } from "../engine/rates";
import type { RawCell, Rows } from "./types";

export interface CandidateOption {
  name: string;
  /** the option whose values fill this one's blanks */
  inherits?: string;
}

export interface KeyRow {
  key: string;
  description?: string;
  unit?: string;
  source?: string;
  /** section heading (the Description text of a blank-Factor row) to place the key under */
  section?: string;
}

export interface RatesSpec {
  /** the starting grid, e.g. libraryRatesGrid(["National 2024-25"]) */
  base: Rows;
  candidates?: CandidateOption[];
  /** keys that must have a row (added under their section when missing) */
  keys?: KeyRow[];
  /** option -> key -> value to place (options and keys are matched the contract's way) */
  values?: Record<string, Record<string, RawCell>>;
}

/** Column positions of a rates grid. */
export function ratesColumns(grid: Rows): {
  factor: number;
  description: number;
  unit: number;
  source: number;
  options: { name: string; col: number }[];
} {
  const header = (grid[0] ?? []).map((h) => (h === null ? "" : String(h)));
  const find = (n: string) => header.findIndex((h) => normKey(h) === n);
  const factor = find("factor");
  if (factor < 0) throw new Error("rates grid has no Factor column");
  const options = header
    .map((name, col) => ({ name: name.trim(), col }))
    .filter((o) => ratesHeaderKind(o.name) === "option");
  return { factor, description: find("description"), unit: find("unit"), source: find("source"), options };
}

/** Row index (0-based) of a key, or -1. */
export function keyRowIndex(grid: Rows, key: string): number {
  const { factor } = ratesColumns(grid);
  const want = normKey(key);
  return grid.findIndex((r, i) => i > 0 && typeof r[factor] === "string" && normKey(r[factor] as string) === want);
}

/** Builds the Rates sheet. Pure: the base grid is not modified. */
export function ratesSheet(spec: RatesSpec): Rows {
  const grid: Rows = spec.base.map((r) => [...r]);
  const width0 = grid[0].length;
  for (const r of grid) while (r.length < width0) r.push(null);
  const cols = ratesColumns(grid);

  for (const c of spec.candidates ?? []) {
    if (cols.options.some((o) => normOption(o.name) === normOption(c.name)))
      throw new Error(`option ${c.name} already exists`);
    grid[0].push(c.name);
    for (const r of grid.slice(1)) r.push(null);
    cols.options.push({ name: c.name, col: grid[0].length - 1 });
  }

  const needsInherits = (spec.candidates ?? []).some((c) => c.inherits);
  const keys = [
    ...(needsInherits
      ? [
          {
            key: "inherits",
            description: "Option whose values fill this option's blank cells",
            unit: "option name",
            section: "General",
          },
        ]
      : []),
    ...(spec.keys ?? []),
  ];
  for (const k of keys) if (keyRowIndex(grid, k.key) < 0) insertKey(grid, cols, k);

  for (const c of spec.candidates ?? []) if (c.inherits) setValue(grid, cols, c.name, "inherits", c.inherits);
  for (const [option, byKey] of Object.entries(spec.values ?? {})) {
    for (const [key, value] of Object.entries(byKey)) {
      if (keyRowIndex(grid, key) < 0) insertKey(grid, cols, { key });
      setValue(grid, cols, option, key, value);
    }
  }
  return grid;
}

function setValue(
  grid: Rows,
  cols: ReturnType<typeof ratesColumns>,
  option: string,
  key: string,
  value: RawCell,
): void {
  const o = cols.options.find((x) => normOption(x.name) === normOption(option));
  if (!o) throw new Error(`no option ${option} in the rates grid`);
  grid[keyRowIndex(grid, key)][o.col] = value;
}

/** Adds a key row at the end of its section (creating the section heading at the bottom if needed). */
function insertKey(grid: Rows, cols: ReturnType<typeof ratesColumns>, k: KeyRow): void {
  const width = grid[0].length;
  const row: RawCell[] = Array(width).fill(null);
  row[cols.factor] = k.key;
  if (cols.description >= 0) row[cols.description] = k.description ?? null;
  if (cols.unit >= 0) row[cols.unit] = k.unit ?? null;
  if (cols.source >= 0) row[cols.source] = k.source ?? null;
  const section = k.section ?? "Other";
  const headingText = (r: RawCell[]) =>
    (r[cols.factor] === null || r[cols.factor] === "") && cols.description >= 0 ? r[cols.description] : null;
  const start = grid.findIndex(
    (r, i) => i > 0 && typeof headingText(r) === "string" && normKey(headingText(r) as string) === normKey(section),
  );
  if (start < 0) {
    const heading: RawCell[] = Array(width).fill(null);
    if (cols.description >= 0) heading[cols.description] = section;
    // General settings (inherits, round.to) read best at the top; other new sections go at the bottom
    if (normKey(section) === "general") grid.splice(1, 0, heading, row);
    else grid.push(heading, row);
    return;
  }
  let end = start + 1;
  while (end < grid.length && typeof headingText(grid[end]) !== "string") end++;
  grid.splice(end, 0, row);
}
