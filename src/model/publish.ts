// Publish for review: sheet values with every formula replaced by its result, plus a summary sheet.
import type { RawCell, Rows } from "./types";

/** A value as read back from a workbook: an error cell may arrive as an object. */
export type ReadCell = RawCell | { error: string; message?: string };

/** Results only: errors become their code text ("#N/A"), everything else is kept as read. */
export function valuesOnly(values: readonly (readonly ReadCell[])[]): Rows {
  return values.map((r) => r.map((c) => (c !== null && typeof c === "object" ? c.error : c)));
}

/** True when writing this text as a cell would make Excel read it as a formula. */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@]/.test(s);
}

export interface SummarySpec {
  title: string;
  when: Date;
  sheets: { from: string; to: string }[];
  institutions: number;
  /** option -> total of its Allocations column (as read), or null when the column has errors */
  totals: { option: string; total: number | null; errors: number }[];
  /** option × DSG block totals from the Blocks sheet, High Needs first; absent when the model has no Blocks sheet */
  blocks?: { option: string; block: string; total: number | null; errors: number }[];
}

/** The all-blocks column's header: one total across blocks is never shown without saying so. */
export const ALL_BLOCKS_HEADER =
  "Total allocated, all blocks together (High Needs with notional SEN, 16-19 and Early Years: not SEND spend)";

export function summarySheet(s: SummarySpec): Rows {
  const rows: Rows = [
    [s.title],
    ["Published", s.when.toISOString().slice(0, 16).replace("T", " ")],
    ["Values only: every formula has been replaced by its result, so these sheets do not change."],
    [],
    ["Institutions", s.institutions],
    [],
    ...blockTable(s.blocks ?? []),
    ["Option", ALL_BLOCKS_HEADER, "Cells with errors"],
    ...s.totals.map((t) => [t.option, t.total, t.errors] as RawCell[]),
    [],
    ["Sheet", "Copied from"],
    ...s.sheets.map((x) => [x.to, x.from] as RawCell[]),
  ];
  return rows;
}

export type BlockTotal = NonNullable<SummarySpec["blocks"]>[number];

/** The heading over the totals by DSG block. */
export const BLOCKS_HEADING =
  "Totals by DSG block (High Needs first; the other blocks are memo lines, not High Needs spend)";

/** Totals by DSG block as a table: the block headers (High Needs first, as the Blocks sheet orders them; the others
 * marked Memo) and one row per option, a block's cell its total or how many of its cells are errors. The published
 * summary sheet and the pane's Publish screen both show this. */
export function blockTotalsTable(blocks: readonly BlockTotal[]): { header: string[]; rows: RawCell[][] } | null {
  if (blocks.length === 0) return null;
  const names = [...new Set(blocks.map((b) => b.block))];
  const options = [...new Set(blocks.map((b) => b.option))];
  const at = (o: string, b: string) => blocks.find((x) => x.option === o && x.block === b);
  return {
    header: names.map((b) => (b === names[0] ? b : `Memo: ${b}`)),
    rows: options.map((o) => [
      o,
      ...names.map((b) => {
        const t = at(o, b);
        return !t ? null : t.total === null ? `${t.errors} cell${t.errors > 1 ? "s" : ""} with errors` : t.total;
      }),
    ]),
  };
}

/** The block table's rows on the summary sheet, then a blank row. */
function blockTable(blocks: readonly BlockTotal[]): Rows {
  const t = blockTotalsTable(blocks);
  return t ? [[BLOCKS_HEADING], ["Option", ...t.header], ...t.rows, []] : [];
}

/** Sum of numbers in pence (exact for money), counting non-numeric error cells. */
export function columnTotal(values: readonly ReadCell[]): { total: number | null; errors: number } {
  let pence = 0;
  let errors = 0;
  for (const v of values) {
    if (typeof v === "number") pence += Math.round(v * 100);
    else if ((typeof v === "string" && v.startsWith("#")) || (v !== null && typeof v === "object")) errors++;
  }
  return { total: errors ? null : pence / 100, errors };
}
