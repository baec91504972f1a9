// The same cases through the two real entry points: Excel's custom functions (src/functions/functions.ts, with a
// fake CustomFunctions global as Excel provides) and HyperFormula (formulas in cells of a HeadlessWorkbook).
// Each gives what its sheet shows, in the shape `shown` gives the wrapper's result, so the three compare directly.
import type { Cell } from "../../src/engine/types";
import * as fns from "../../src/functions/functions";
import { specOf, widthOf } from "../../src/functions/registry";
import type { HostValue } from "../../src/functions/wrapper";
import { HeadlessWorkbook, type RawCell } from "../../src/headless";
import { cellA1 } from "../../src/util/a1";
import type { ShownCell } from "./oracle";

export class FakeExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  invalidNumber: "#NUM!",
  divisionByZero: "#DIV/0!",
  invalidReference: "#REF!",
};

/** Installs the CustomFunctions global Excel provides (its Error class and codes); returns the uninstaller. */
export function fakeCustomFunctions(): () => void {
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = { Error: FakeExcelError, ErrorCode };
  return () => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  };
}

type Entry = (...args: unknown[]) => unknown;

/** The functions.ts entry point of SEND.<name> (allocateAll for ALLOCATEALL, topUp for TOPUP, …). */
function entryOf(name: string): Entry {
  const key = Object.keys(fns).find((k) => k.toLowerCase() === name.toLowerCase());
  if (!key) throw new Error(`functions.ts has no entry point for SEND.${name}`);
  return (fns as unknown as Record<string, Entry>)[key];
}

/** Whether hosts can make this call at all: Excel and HyperFormula take no more arguments than declared. */
export function hostCallable(name: string, args: readonly (HostValue | undefined)[]): boolean {
  const n = specOf(name)!.parameters.length;
  return args.slice(n).every((a) => a === undefined);
}

const excelCell = (c: Cell): Cell => (c === null || c === undefined ? "" : c);

/**
 * What Excel hands an entry point for these arguments: ranges as any[][] with "" for blank cells (a single value
 * in a range parameter as a 1 × 1 range), scalars as they are, and null for an omitted optional argument.
 * The wrapper's answer for exactly these values is what Excel must show.
 */
export function excelShaped(name: string, args: readonly (HostValue | undefined)[]): HostValue[] {
  return specOf(name)!.parameters.map((p, i): HostValue => {
    const v = args[i];
    if (v === undefined) return null;
    if (Array.isArray(v)) return (v as Cell[][]).map((row) => row.map(excelCell));
    return p.type === "range" ? [[excelCell(v as Cell)]] : (v as Cell);
  });
}

function fromExcel(v: unknown): ShownCell {
  if (v instanceof FakeExcelError)
    return v.message === undefined ? { error: v.code } : { error: v.code, message: v.message };
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  throw new Error(`Excel got a cell it cannot show: ${String(v)}`);
}

/** SEND.<name> through functions.ts: the sheet's cells (a thrown CustomFunctions.Error fills the one cell). */
export function viaExcel(name: string, args: readonly (HostValue | undefined)[]): ShownCell[][] {
  let out: unknown;
  try {
    out = entryOf(name)(...excelShaped(name, args));
  } catch (e) {
    if (e instanceof FakeExcelError) return [[fromExcel(e)]];
    throw e;
  }
  if (!Array.isArray(out)) return [[fromExcel(out)]];
  const rows = out as unknown[][];
  if (rows.some((r) => !Array.isArray(r) || r.length !== rows[0].length))
    throw new Error("Excel was handed a ragged matrix");
  return rows.map((r) => r.map(fromExcel));
}

/** Error literals HyperFormula reads as error cells (the rest it would keep as text). */
const HF_ERRORS = new Set(["#N/A", "#VALUE!", "#NUM!", "#DIV/0!", "#REF!", "#NAME?", "#SPILL!"]);

/**
 * A cell as typed into a sheet. Text is entered with a leading apostrophe so it stays the text it is ("1,2,3",
 * "1e999", "=x" would otherwise be parsed); inside ranges, error texts are typed bare so they become real error
 * cells, which the plugin hands over as their text, as the wrapper's case has them.
 */
function typed(c: Cell, inRange: boolean): RawCell {
  if (c === null || c === undefined) return null;
  if (typeof c !== "string") return c;
  if (inRange && HF_ERRORS.has(c)) return c;
  return `'${c}`;
}

/** SEND.<name> as a formula in a cell of a HeadlessWorkbook: each argument in its own sheet, the result read back. */
export function viaHeadless(
  name: string,
  args: readonly (HostValue | undefined)[],
  shape: { rows: number; cols: number },
): ShownCell[][] {
  const params = specOf(name)!.parameters;
  const sheets: Record<string, RawCell[][]> = { Calc: [] };
  const refs: string[] = [];
  params.forEach((p, i) => {
    const v = args[i];
    if (v === undefined) {
      refs.push("");
      return;
    }
    const sheet = `Arg ${i + 1}`;
    if (Array.isArray(v)) {
      const grid = v as Cell[][];
      const rows = Math.max(1, grid.length);
      const cols = Math.max(1, widthOf(grid));
      sheets[sheet] = Array.from({ length: rows }, (_, r) =>
        Array.from({ length: cols }, (_, c) => typed(grid[r]?.[c] ?? null, p.type === "range")),
      );
      refs.push(`'${sheet}'!A1:${cellA1(rows, cols)}`);
    } else {
      sheets[sheet] = [[typed(v as Cell, p.type === "range")]];
      refs.push(p.type === "range" ? `'${sheet}'!A1:A1` : `'${sheet}'!A1`);
    }
  });
  while (refs.length > 0 && refs[refs.length - 1] === "") refs.pop();
  const wb = HeadlessWorkbook.create(sheets);
  wb.setCells("Calc", "A1", [[`=SEND.${name}(${refs.join(",")})`]]);
  // one row and column beyond the result: nothing may spill further than the wrapper's shape
  const values = wb.getValues("Calc", `A1:${cellA1(shape.rows + 1, shape.cols + 1)}`);
  const beyond = [...values[shape.rows], ...values.slice(0, shape.rows).map((r) => r[shape.cols])];
  if (beyond.some((v) => v !== null)) throw new Error(`SEND.${name} spilled beyond ${shape.rows} × ${shape.cols}`);
  return values
    .slice(0, shape.rows)
    .map((r) =>
      r
        .slice(0, shape.cols)
        .map((v): ShownCell =>
          v !== null && typeof v === "object" ? { error: v.error, message: v.message } : v === "" ? null : v,
        ),
    );
}
