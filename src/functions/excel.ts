// The Excel host: functions.ts entry points call `excel(name, args)`. Maps what Excel hands over to host values
// (src/functions/excelArgs.ts, the one adapter for each host's conventions), and results back: a SendError becomes
// a CustomFunctions.Error (thrown for the whole formula, placed in the cell inside a spill), a grid becomes any[][]
// with "" for blank.
import type { ErrorKind, SendError } from "../engine/errors";
import { isSendError } from "../engine/errors";
import type { OutCell } from "../engine/types";
import { specOf, isGrid, widthOf, type Result } from "./registry";
import { invoke } from "./wrapper";
import { fromExcel } from "./excelArgs";

/** The ErrorCode names of CustomFunctions (office-runtime) for our three error kinds. */
export const ERROR_CODE: Record<ErrorKind, "invalidValue" | "notAvailable" | "invalidNumber"> = {
  "#VALUE!": "invalidValue",
  "#N/A": "notAvailable",
  "#NUM!": "invalidNumber",
};

/**
 * Excel shows a custom message only for #VALUE! and #N/A (the ErrorCode docs: "A custom error message can't be
 * used" with #NUM!), so #NUM! goes without one; the task pane's explanation still shows the full message.
 */
const TAKES_MESSAGE: ReadonlySet<ErrorKind> = new Set(["#VALUE!", "#N/A"]);

/** What we need of the CustomFunctions global (absent outside Excel, e.g. in tests). */
interface CustomFunctionsLike {
  Error: new (code: unknown, message?: string) => unknown;
  ErrorCode: Record<string, unknown>;
}

/** Stand-in used when there is no CustomFunctions global (node, jest): same fields, recognisable in tests. */
export class ExcelErrorStandIn extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
    this.name = "ExcelErrorStandIn";
  }
}

function customFunctions(): CustomFunctionsLike | undefined {
  const cf = (globalThis as { CustomFunctions?: CustomFunctionsLike }).CustomFunctions;
  return cf && typeof cf.Error === "function" && cf.ErrorCode ? cf : undefined;
}

/** Excel's error factory: a SendError as Excel's error value (the headless plugin has its own). */
export function excelError(e: SendError): unknown {
  const name = ERROR_CODE[e.kind];
  const message = TAKES_MESSAGE.has(e.kind) ? e.message : undefined;
  const cf = customFunctions();
  if (!cf) return new ExcelErrorStandIn(e.kind, message);
  const code = cf.ErrorCode[name] ?? e.kind;
  return message === undefined ? new cf.Error(code) : new cf.Error(code, message);
}

function toExcelCell(c: OutCell): unknown {
  if (c === null) return "";
  return isSendError(c) ? excelError(c) : c;
}

/** A result as Excel wants it: a scalar for scalar functions, any[][] for matrix functions; a whole-formula error is
 * thrown. */
export function toExcel(result: Result, matrix: boolean): unknown {
  if (!isGrid(result)) {
    if (isSendError(result)) throw excelError(result);
    return matrix ? [[toExcelCell(result)]] : toExcelCell(result);
  }
  // Excel wants a rectangle: pad short rows with blanks.
  const width = Math.max(1, widthOf(result));
  const grid = result.map((row) =>
    Array.from({ length: width }, (_, c) => (c < row.length ? toExcelCell(row[c]) : "")),
  );
  return grid.length === 0 ? [[""]] : grid;
}

/**
 * One custom function call: every SEND entry point in functions.ts is exactly this. The result is what Excel
 * accepts from a custom function (a number, text, a boolean, an Error or a 2-D array of them), typed `any` so
 * each entry point can declare the type custom-functions-metadata reads (number, string, any[][]).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: the entry points' declared types
export function excel(name: string, args: readonly unknown[]): any {
  const spec = specOf(name);
  if (!spec) throw new Error(`no SEND function named '${name}'`);
  return toExcel(invoke(name, args.map(fromExcel)), spec.result === "matrix");
}
