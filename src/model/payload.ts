// What a workbook's SEND formulas send to the add-in: Excel passes every range argument's cells to the custom
// function on each call, and caps a call's arguments at about 5 MB (and range reads at 5 million cells / 5 MB a
// request). payloadOf() reads the ranges a formula's SEND calls name and measures them as the JSON the functions
// receive; test/model/payload.test.ts holds the pane's and the demo's formulas to 1 MB a call, and the bench
// reports the total a full recalculation of the demo sends.
import { parseCellOrThrow, splitRef } from "../util/a1";
import { sendCalls } from "./sendCalls";

export { sendCalls, type SendCall } from "./sendCalls";

const REF = /^(?:('(?:[^']|'')+'|[A-Za-z0-9_. ]+)!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(#?)$/;

/** A reference argument: its sheet (the formula's own when unqualified), A1 range, and whether it is a spill (X#). */
export function referenceOf(arg: string, ownSheet: string): { sheet: string; range: string; spill: boolean } | null {
  const m = REF.exec(arg.trim());
  if (!m) return null;
  const { sheet } = splitRef(m[1] ? `${m[1]}!A1` : "A1");
  return { sheet: sheet ?? ownSheet, range: m[2].replace(/\$/g, ""), spill: m[3] === "#" };
}

export type ReadRange = (sheet: string, range: string, spill: boolean) => readonly (readonly unknown[])[];

export interface Payload {
  /** SEND calls in the formula */
  calls: number;
  /** cells the calls' range arguments hold */
  cells: number;
  /** bytes of those ranges as JSON (what the functions receive), plus the other arguments' text */
  bytes: number;
}

const encoder = new TextEncoder();
const utf8 = (s: string) => encoder.encode(s).length;

/** What one cell's formula sends on one recalculation. */
export function payloadOf(formula: string, sheet: string, read: ReadRange): Payload {
  let cells = 0;
  let bytes = 0;
  const calls = sendCalls(formula);
  for (const call of calls) {
    for (const arg of call.args) {
      const ref = referenceOf(arg, sheet);
      if (!ref) {
        bytes += utf8(arg);
        continue;
      }
      const values = read(ref.sheet, ref.range, ref.spill);
      for (const row of values) cells += row.length;
      bytes += utf8(JSON.stringify(values));
    }
  }
  return { calls: calls.length, cells, bytes };
}

/** What payloadOf needs of a workbook (HeadlessWorkbook has it). */
export interface PayloadBook {
  sheetNames(): string[];
  usedRange(sheet: string): string | null;
  getFormulas(sheet: string, range: string): readonly (readonly unknown[])[];
  getValues(sheet: string, range: string): readonly (readonly unknown[])[];
}

export interface BookPayload extends Payload {
  /** cells holding a SEND formula */
  formulas: number;
  /** the formula cell that sends the most, and how much */
  largest: { at: string; bytes: number; cells: number } | null;
}

/** A spill's block from its anchor: the rows and columns filled contiguously from the anchor (the sheet's used
 * range bounds the search). */
function spillBlock(book: PayloadBook, sheet: string, anchor: string): readonly (readonly unknown[])[] {
  const used = book.usedRange(sheet);
  if (!used) return [];
  const end = used.split(":").pop()!;
  const block = book.getValues(sheet, `${anchor}:${end}`);
  const filled = (v: unknown) => v !== null && v !== "" && v !== undefined;
  let rows = 0;
  while (rows < block.length && filled(block[rows][0])) rows++;
  let cols = 0;
  while (cols < (block[0]?.length ?? 0) && filled(block[0][cols])) cols++;
  return block.slice(0, rows).map((r) => r.slice(0, cols));
}

/** What a full recalculation of every SEND formula in the workbook sends. */
export function workbookPayload(book: PayloadBook): BookPayload {
  const total: BookPayload = { formulas: 0, calls: 0, cells: 0, bytes: 0, largest: null };
  const read: ReadRange = (sheet, range, spill) =>
    spill ? spillBlock(book, sheet, range) : book.getValues(sheet, range);
  for (const sheet of book.sheetNames()) {
    const used = book.usedRange(sheet);
    if (!used) continue;
    const start = parseCellOrThrow(used.split(":")[0]);
    const formulas = book.getFormulas(sheet, used);
    formulas.forEach((row, r) =>
      row.forEach((f, c) => {
        if (typeof f !== "string" || !f.startsWith("=") || !/SEND\./i.test(f)) return;
        const p = payloadOf(f, sheet, read);
        total.formulas++;
        total.calls += p.calls;
        total.cells += p.cells;
        total.bytes += p.bytes;
        if (!total.largest || p.bytes > total.largest.bytes)
          total.largest = { at: `${sheet}!R${start.row + r}C${start.col + c}`, bytes: p.bytes, cells: p.cells };
      }),
    );
  }
  return total;
}
