// The only way the task pane touches a workbook. Two implementations: ExcelPort (Office.js) and
// PreviewPort (an in-browser headless workbook). The pane writes formulas and reads results and
// traces through this interface; it never computes funding itself.
import type { Cell } from "../../engine/types";
import type { Explanation, SpillOffset } from "../../functions/explain";
import type { RawCell } from "../../model/types";

export type { RawCell };

/** A cell as read back: an error cell is an object with its code (and a message where the host has one). */
export type CellValue = number | string | boolean | null | { error: string; message?: string };

export function isErrorValue(v: CellValue): v is { error: string; message?: string } {
  return v !== null && typeof v === "object";
}

/** A rectangular block to write; `null` leaves that cell as it is, "" clears it. */
export interface Block {
  topLeft: string;
  rows: RawCell[][];
}

export interface WriteRequest {
  sheet: string;
  blocks: Block[];
  /**
   * "formulas": a string starting with "=" is a formula (built by the pane); other text is literal.
   * "values": every string is literal text, even "=cmd()", "+1", "-x" or "@x" (input data, published copies).
   */
  kind: "formulas" | "values";
  /** Without this, a write that would change a non-empty cell fails with WouldOverwrite and changes nothing. */
  confirmOverwrite?: boolean;
}

export type WriteResult =
  /** the ranges written, sheet-qualified ("Rates!F2:F40"), one per block */
  | { ok: true; touched: string[] }
  /** nothing was written; these non-empty cells (sheet-qualified) would have changed */
  | { ok: false; reason: "WouldOverwrite"; addresses: string[] };

export type ChartType = "line" | "columnClustered" | "barClustered";

export interface ChartSpec {
  sheet: string;
  type: ChartType;
  title: string;
  /** category labels (x axis), a range on `sheet` */
  categories: string;
  series: { name: string; values: string }[];
  /** where the chart sits, e.g. "G2:N20" */
  anchor: string;
}

export type CompareOperator = "lessThan" | "greaterThan" | "equalTo" | "lessThanOrEqual" | "greaterThanOrEqual";

export interface ConditionalFormatSpec {
  sheet: string;
  range: string;
  rules: { operator: CompareOperator; value: number; fontColor?: string; fillColor?: string }[];
}

export interface Selection {
  sheet: string;
  /** the active cell, e.g. "C5" */
  address: string;
  /** its formula text (for a cell of a spill, the formula it spills from), or its raw value when it holds no formula */
  formula: RawCell;
  value: CellValue;
}

/** What a SEND function did for one cell: src/functions/explain.ts is the one definition. */
export type { Explanation };

/**
 * A range's own contents in the form this port's restore() puts back exactly: formulas stay formulas,
 * text that looks like a formula stays text, null is an empty cell. Taken before a write so a failed
 * action can be undone (src/taskpane/workbook/transaction.ts).
 */
export interface RangeSnapshot {
  sheet: string;
  range: string;
  cells: RawCell[][];
  /** the number formats, in whatever form the port restores them from */
  formats: unknown;
}

/** Re-runs the SEND function of a formula in trace mode; `read` supplies the referenced ranges' values. */
export type ExplainFn = (
  formula: string,
  read: (ref: string) => Promise<Cell[][]>,
  sheet: string,
  at?: SpillOffset,
) => Promise<Explanation>;

export interface WorkbookPort {
  readonly kind: "excel" | "preview";
  sheetNames(): Promise<string[]>;
  tableNames(): Promise<string[]>;
  /** the sheet's used range without the sheet name ("A1:F20"), or null when the sheet is empty */
  usedRange(sheet: string): Promise<string | null>;
  /** Values as calculated: a host that computes asynchronously (Excel) waits until no cell is pending. */
  readValues(sheet: string, range: string): Promise<CellValue[][]>;
  /** Hears when readValues starts and stops waiting for the host to finish calculating (Excel only); returns the
   * unsubscribe. */
  onCalculating?(listener: (calculating: boolean) => void): () => void;
  readFormulas(sheet: string, range: string): Promise<RawCell[][]>;
  write(req: WriteRequest): Promise<WriteResult>;
  /** Adds an empty sheet; fails if the name is taken (choose it with uniqueSheetName). */
  addSheet(name: string): Promise<void>;
  /** Removes a sheet with everything on it; only used to undo a sheet the same action added. */
  deleteSheet(name: string): Promise<void>;
  /** The range's contents, for restore(). */
  snapshot(sheet: string, range: string): Promise<RangeSnapshot>;
  /** Puts a snapshot back cell for cell (empty cells are cleared), number formats included. */
  restore(snapshot: RangeSnapshot): Promise<void>;
  /** Turns a range (header row first) into a named table; returns the range touched. */
  addTable(sheet: string, range: string, name: string): Promise<string[]>;
  addChart(spec: ChartSpec): Promise<string[]>;
  addConditionalFormat(spec: ConditionalFormatSpec): Promise<string[]>;
  /** One number format for every cell of the range (e.g. "#,##0.00", "0.0%"). */
  setNumberFormat(sheet: string, range: string, format: string): Promise<string[]>;
  /** The number format of every cell of the range ("General" where there is none). */
  readNumberFormats(sheet: string, range: string): Promise<string[][]>;
  /** Opens a new, separate workbook made from xlsx bytes (base64): Excel.createWorkbook in Excel, a download in the
   * preview. */
  openNewWorkbook(base64: string, fileName: string): Promise<void>;
  selectRange(sheet: string, range: string): Promise<void>;
  getSelection(): Promise<Selection | null>;
  /** The trace of the SEND function in a cell ("Allocations!C2"), or of the spill that covers it (one row of a
   * spilled Allocations column explains that institution). */
  explain(sheet: string, address: string): Promise<Explanation>;
}
