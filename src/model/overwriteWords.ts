// An overwrite said in words, before the officer says yes (the pane's confirmation) or after (the CLI's --force and
// --update report): which options are deleted or renamed, by name, which sheets, which columns (by their header), how
// many cells and rows. Never only cell addresses. Pure: callers pass what they read.
// - summariseOverwrite: the pane's view, from the addresses a write would change and each sheet's header row;
// - bookChanges: the CLI's view, from a whole workbook before and after (options deleted with their typed rates,
//   sheets deleted or added, cells changed per kept sheet).
import { colLetters, parseCellOrThrow, splitRef } from "../util/a1";
import { ratesColumns } from "./rates";
import type { RawCell } from "./types";

export interface OverwriteSheetContext {
  /** the sheet's row 1 as text, column 1 first (how its columns are named) */
  header: string[];
  /** option columns of a rates table (1-based), whose header cell being changed deletes or renames the option */
  options?: { name: string; col: number }[];
}

export interface SheetOverwrite {
  sheet: string;
  cells: number;
  rows: number;
  /** columns by header ("column F" when it has none), most cells first */
  columns: { name: string; cells: number }[];
}

export interface OverwriteSummary {
  cells: number;
  sheets: SheetOverwrite[];
  /** options whose header cell would change: the write deletes or renames them; `cells` counts their changed cells */
  options: { name: string; sheet: string; cells: number }[];
}

const COLUMNS_NAMED = 5;

export function summariseOverwrite(
  addresses: readonly string[],
  context: Readonly<Record<string, OverwriteSheetContext>> = {},
): OverwriteSummary {
  const bySheet = new Map<string, { row: number; col: number }[]>();
  for (const a of addresses) {
    const { sheet = "", range } = splitRef(a);
    const p = parseCellOrThrow(range);
    bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), p]);
  }
  const sheets: SheetOverwrite[] = [];
  const options: OverwriteSummary["options"] = [];
  for (const [sheet, cells] of bySheet) {
    const ctx = context[sheet];
    const colCells = new Map<number, number>();
    for (const c of cells) colCells.set(c.col, (colCells.get(c.col) ?? 0) + 1);
    const columns = [...colCells]
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .map(([col, n]) => ({ name: columnName(ctx, col), cells: n }));
    sheets.push({ sheet, cells: cells.length, rows: new Set(cells.map((c) => c.row)).size, columns });
    for (const o of ctx?.options ?? [])
      if (cells.some((c) => c.row === 1 && c.col === o.col))
        options.push({ name: o.name, sheet, cells: colCells.get(o.col) ?? 0 });
  }
  return { cells: addresses.length, sheets, options };
}

function columnName(ctx: OverwriteSheetContext | undefined, col: number): string {
  const h = ctx?.header[col - 1]?.trim();
  return h ? `'${h}'` : `column ${colLetters(col)}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/** "a, b and c" */
export function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** One sentence per sheet: "Rates: 89 cells on 30 rows, in 'Option B' (63), 'Description' (20) and 2 other columns." */
export function sheetSentence(s: SheetOverwrite): string {
  const named = s.columns.slice(0, COLUMNS_NAMED).map((c) => `${c.name} (${c.cells.toLocaleString("en-GB")})`);
  const rest = s.columns.length - named.length;
  const cols = listInWords(rest > 0 ? [...named, plural(rest, "other column")] : named);
  return `${s.sheet}: ${plural(s.cells, "cell")} on ${plural(s.rows, "row")}, in ${cols}.`;
}

/** The sentence naming an option the write would delete or rename. */
export function optionSentence(o: OverwriteSummary["options"][number]): string {
  return `Option '${o.name}' on ${o.sheet} would be deleted or renamed (${plural(o.cells, "cell")} of its column change).`;
}

/** The whole summary as sentences: options first (the loss that matters most), then one per sheet. */
export function overwriteInWords(summary: OverwriteSummary): string[] {
  return [...summary.options.map(optionSentence), ...summary.sheets.map(sheetSentence)];
}

/** A sheet's typed contents from A1 (formulas as "=…"). */
export interface BookSheet {
  name: string;
  cells: RawCell[][];
}

/** What writing a workbook over another changed (or would change). */
export interface BookChanges {
  /** options a Rates sheet had before and not after */
  optionsDeleted: { option: string; sheet: string; typed: number }[];
  sheetsDeleted: { sheet: string; cells: number }[];
  sheetsAdded: string[];
  /** kept sheets whose contents change, and how many cells */
  sheetsChanged: { sheet: string; cells: number }[];
  /** every line, in the order above; empty when nothing changes */
  lines: string[];
}

const blank = (c: RawCell | undefined) => c === null || c === undefined || c === "";
const same = (a: RawCell | undefined, b: RawCell | undefined) => (blank(a) && blank(b)) || a === b;

function filled(cells: readonly (readonly RawCell[])[]): number {
  return cells.reduce((n, r) => n + r.filter((c) => !blank(c)).length, 0);
}

function cellsChanged(a: readonly (readonly RawCell[])[], b: readonly (readonly RawCell[])[]): number {
  let n = 0;
  for (let r = 0; r < Math.max(a.length, b.length); r++) {
    const x = a[r] ?? [];
    const y = b[r] ?? [];
    for (let c = 0; c < Math.max(x.length, y.length); c++) if (!same(x[c], y[c])) n++;
  }
  return n;
}

/** Options of a Rates-like sheet (a Factor column), with how many rates each has typed; none for other sheets. */
function optionsOf(s: BookSheet): { option: string; typed: number }[] {
  try {
    const cols = ratesColumns(s.cells);
    return cols.options.map((o) => ({
      option: o.name,
      typed: s.cells.slice(1).filter((r) => !blank(r[o.col])).length,
    }));
  } catch {
    return [];
  }
}

const key = (s: string) => s.trim().toLowerCase();

/** `done`: the lines say what changed ("was deleted") rather than what would ("would be deleted"). */
export function bookChanges(before: readonly BookSheet[], after: readonly BookSheet[], done = false): BookChanges {
  const del = done ? "was deleted" : "would be deleted";
  const chg = done ? "changed" : "would change";
  const afterBy = new Map(after.map((s) => [key(s.name), s]));
  const beforeBy = new Set(before.map((s) => key(s.name)));
  const optionsAfter = new Set(after.flatMap((s) => optionsOf(s).map((o) => key(o.option))));
  const out: BookChanges = {
    optionsDeleted: [],
    sheetsDeleted: [],
    sheetsAdded: [],
    sheetsChanged: [],
    lines: [],
  };
  for (const s of before) {
    for (const o of optionsOf(s))
      if (!optionsAfter.has(key(o.option)))
        out.optionsDeleted.push({ option: o.option, sheet: s.name, typed: o.typed });
    const next = afterBy.get(key(s.name));
    if (!next) out.sheetsDeleted.push({ sheet: s.name, cells: filled(s.cells) });
    else {
      const n = cellsChanged(s.cells, next.cells);
      if (n) out.sheetsChanged.push({ sheet: s.name, cells: n });
    }
  }
  out.sheetsAdded = after.filter((s) => !beforeBy.has(key(s.name))).map((s) => s.name);
  for (const o of out.optionsDeleted)
    out.lines.push(`Option '${o.option}' ${del}, with its ${plural(o.typed, "typed rate")} (${o.sheet}).`);
  for (const s of out.sheetsDeleted) out.lines.push(`Sheet '${s.sheet}' ${del} (${plural(s.cells, "filled cell")}).`);
  if (out.sheetsAdded.length) out.lines.push(`New sheets: ${out.sheetsAdded.join(", ")}.`);
  for (const s of out.sheetsChanged) out.lines.push(`Sheet '${s.sheet}': ${plural(s.cells, "cell")} ${chg}.`);
  return out;
}
