// The adapter between what Excel hands a custom function and the wrapper's host values (plain cells and 2-D
// arrays of them). Excel's conventions differ by host and build, so everything is normalised here, once:
// - a blank cell in a range: null (Excel on the web), "" (some builds) or 0 (Excel desktop builds, office-js
//   issues 4702 and 5262). null and "" become null. A 0 cannot be told from a real 0, so it stays 0: the formulas
//   the pane and the demo write therefore pass exact-size ranges, never padding (src/model/refs.ts).
// - a data-type value ({ type, basicValue }: Double, String, Boolean, FormattedNumber, Entity, ...) is read as its
//   basic value; an Empty one is blank; one whose basic value is an error (Entity, LinkedEntity, WebImage: basicType
//   "Error") is that error. functions.json no longer asks for data types (scripts/addin/functions-json.js), so
//   Excel should pass basic values already; this keeps any host that still sends objects correct.
// - an error value (CustomFunctions.Error with a code, or a data-type Error with errorType) is the error's text,
//   e.g. "#DIV/0!": the functions then name the argument, row and header holding it (allowErrorForDataTypeAny lets
//   error cells reach the function, so one bad row stays one bad row).
// - anything else (an unknown object) is "#VALUE!", never "[object Object]".
import type { Cell } from "../engine/types";
import type { HostValue } from "./wrapper";

/** CustomFunctions.ErrorCode names (and the data types' errorType names) -> the error's text in a cell. */
const ERROR_TEXT: Readonly<Record<string, string>> = {
  divisionByZero: "#DIV/0!",
  invalidName: "#NAME?",
  invalidNumber: "#NUM!",
  invalidReference: "#REF!",
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  nullReference: "#NULL!",
  // Excel.ErrorCellValueType
  Div0: "#DIV/0!",
  Name: "#NAME?",
  Num: "#NUM!",
  Ref: "#REF!",
  Value: "#VALUE!",
  NotAvailable: "#N/A",
  Null: "#NULL!",
  Spill: "#SPILL!",
  Calc: "#CALC!",
  Busy: "#BUSY!",
  Connect: "#CONNECT!",
  Field: "#FIELD!",
  GettingData: "#GETTING_DATA",
  Blocked: "#BLOCKED!",
  External: "#EXTERNAL!",
  Python: "#PYTHON!",
  Unknown: "#UNKNOWN!",
};

const errorText = (name: unknown): string =>
  typeof name === "string" ? (ERROR_TEXT[name] ?? (name.startsWith("#") ? name : "#VALUE!")) : "#VALUE!";

/** One cell as Excel passed it, as a plain cell. */
export function fromExcelCell(v: unknown): Cell {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v !== "object") return "#VALUE!";
  const o = v as { type?: unknown; basicType?: unknown; basicValue?: unknown; errorType?: unknown };
  if (typeof o.type === "string" && "basicValue" in o) {
    if (o.type === "Error") return errorText(o.errorType ?? o.basicValue);
    if (o.type === "Empty") return null;
    if (o.basicType === "Error") return errorText(o.basicValue);
    const basic = o.basicValue;
    return typeof basic === "object" && basic !== null ? "#VALUE!" : fromExcelCell(basic);
  }
  const code = (v as { code?: unknown }).code ?? (v as { errorCode?: unknown }).errorCode;
  if (typeof code === "string") return errorText(code);
  return "#VALUE!";
}

/**
 * One argument as Excel passed it: a range (any[][]) cell by cell, a single value as a cell. An omitted optional
 * argument (null or undefined at the top level) stays as it is: the wrapper applies the default.
 */
export function fromExcel(v: unknown): HostValue {
  if (v === undefined) return undefined;
  if (Array.isArray(v))
    return v.map((row: unknown) => (Array.isArray(row) ? row.map(fromExcelCell) : [fromExcelCell(row)]));
  return fromExcelCell(v);
}
