// A published workbook as its own file: every sheet as values only (formula results, errors as their
// codes), each cell's number format kept, a bold Total row under every Allocations option, and a summary
// sheet with each option's total. Pure: the CLI (from a recalculated xlsx) and the pane (from the open
// workbook) both feed it, and src/publish/xlsx.ts writes it.
import { cellA1 } from "../util/a1";
import { allocationCall } from "./allocations";
import {
  ALL_BLOCKS_HEADER,
  BLOCKS_HEADING,
  columnTotal,
  summarySheet,
  type BlockTotal,
  type ReadCell,
} from "./publish";
import { uniqueSheetName } from "./sheetNames";
import type { RawCell } from "./types";

export const TOTAL_FORMAT = "£#,##0.00";

/** One sheet as read: values (formula results), the formulas (to find the allocation columns), number formats. */
export interface SheetRead {
  name: string;
  values: ReadCell[][];
  formulas?: RawCell[][];
  /** number format per cell, same shape as values (null or "General" = none) */
  formats?: (string | null)[][];
}

/** A cell of the published file: a value, or an error code cell. */
export type PublishedCell = number | string | boolean | null | { error: string };

export interface PublishedSheet {
  name: string;
  rows: PublishedCell[][];
  /** A1 address -> number format */
  numFmts: Map<string, string>;
  /** A1 addresses shown bold (headers, totals) */
  bold: Set<string>;
}

export interface OptionTotal {
  option: string;
  total: number | null;
  errors: number;
}

/** The option columns of an Allocations-like sheet: header cells above an allocation formula in row 2 (a spilling
 * SEND.ALLOCATEALL or a per-cell SEND.ALLOCATE; 0-based cols). */
export function allocationColumns(s: SheetRead): { option: string; col: number }[] {
  const header = s.values[0] ?? [];
  const row2 = s.formulas?.[1] ?? [];
  return header.flatMap((h, c) => (typeof h === "string" && allocationCall(row2[c]) ? [{ option: h, col: c }] : []));
}

const toCell = (c: ReadCell): PublishedCell => (c !== null && typeof c === "object" ? { error: c.error } : c);

function copySheet(s: SheetRead): { sheet: PublishedSheet; totals: OptionTotal[] } {
  const rows = s.values.map((r) => r.map(toCell));
  const numFmts = new Map<string, string>();
  s.formats?.forEach((r, i) =>
    r.forEach((f, j) => {
      if (f && f !== "General") numFmts.set(cellA1(i + 1, j + 1), f);
    }),
  );
  const bold = new Set<string>((rows[0] ?? []).map((_, j) => cellA1(1, j + 1)));
  const cols = allocationColumns(s);
  const totals: OptionTotal[] = [];
  if (cols.length) {
    // the data rows are those with a Name (the first column); the Total row goes under them
    let last = rows.length;
    while (last > 1 && (rows[last - 1] ?? []).every((c) => c === null || c === "")) last--;
    const total: PublishedCell[] = Array<PublishedCell>(Math.max(...cols.map((c) => c.col)) + 1).fill(null);
    total[0] = "Total";
    const at = last + 1;
    bold.add(cellA1(at, 1));
    for (const { option, col } of cols) {
      const t = columnTotal(s.values.slice(1, last).map((r) => r[col] ?? null));
      totals.push({ option, ...t });
      total[col] = t.total === null ? `${t.errors} cell${t.errors > 1 ? "s" : ""} with errors` : t.total;
      numFmts.set(cellA1(at, col + 1), TOTAL_FORMAT);
      bold.add(cellA1(at, col + 1));
    }
    rows.splice(last, rows.length - last, total);
  }
  return { sheet: { name: s.name, rows, numFmts, bold }, totals };
}

export interface PublishBookInput {
  sheets: SheetRead[];
  title?: string;
  when?: Date;
  institutions?: number;
}

/** Option × block columns of a Blocks-like sheet: "<option>: <block>" headers above SEND.ALLOCATEALL in row 2. */
export function blockColumns(s: SheetRead): { option: string; block: string; col: number }[] {
  const header = s.values[0] ?? [];
  const row2 = s.formulas?.[1] ?? [];
  return header.flatMap((h, c) => {
    const m = typeof h === "string" ? /^(.*): ([^:]+)$/.exec(h) : null;
    return m && typeof row2[c] === "string" && /SEND\.ALLOCATEALL\(/i.test(row2[c] as string)
      ? [{ option: m[1], block: m[2], col: c }]
      : [];
  });
}

/** Each option's total per DSG block of a Blocks-like sheet (none when it has no block columns). */
export function blockTotals(s: SheetRead): BlockTotal[] {
  return blockColumns(s).map(({ option, block, col }) => ({
    option,
    block,
    ...columnTotal(s.values.slice(1).map((r) => r[col] ?? null)),
  }));
}

/** The published file's sheets: a summary first, then every sheet given, values only; each option's total, and its
 * totals by DSG block. */
export function publishBook(input: PublishBookInput): {
  sheets: PublishedSheet[];
  totals: OptionTotal[];
  blocks: BlockTotal[];
} {
  const copies = input.sheets.map(copySheet);
  const totals = copies.flatMap((c) => c.totals);
  const name = uniqueSheetName(
    input.sheets.map((s) => s.name),
    "Published summary",
  );
  const blocks = input.sheets.flatMap(blockTotals);
  const rows = summarySheet({
    title: input.title ?? "SEND funding model: published values",
    when: input.when ?? new Date(),
    sheets: input.sheets.map((s) => ({ from: s.name, to: s.name })),
    institutions: input.institutions ?? 0,
    totals,
    blocks,
  });
  const numFmts = new Map<string, string>();
  const bold = new Set<string>(["A1"]);
  const head = rows.findIndex((r) => r[1] === ALL_BLOCKS_HEADER); // then one row per option total
  for (let j = 1; j <= 3; j++) bold.add(cellA1(head + 1, j));
  totals.forEach((_, k) => numFmts.set(cellA1(head + 2 + k, 2), TOTAL_FORMAT));
  const blockHead = rows.findIndex((r) => r[0] === BLOCKS_HEADING);
  if (blockHead >= 0) {
    bold.add(cellA1(blockHead + 1, 1));
    for (let r = blockHead + 3; r < head && rows[r].length > 0; r++)
      for (let j = 2; j <= rows[r].length; j++) numFmts.set(cellA1(r + 1, j), TOTAL_FORMAT);
  }
  return {
    sheets: [{ name, rows: rows as PublishedCell[][], numFmts, bold }, ...copies.map((c) => c.sheet)],
    totals,
    blocks,
  };
}
