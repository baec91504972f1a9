// An overwrite said in words: which sheets, which columns (by their header), how many cells and rows, and
// every option the write would delete or rename, by name. The pane's confirmation leads with this; the cell
// addresses are only the detail underneath. Pure: the caller passes each sheet's header row and options.
import { colLetters, parseCellOrThrow, splitRef } from "../util/a1";

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
