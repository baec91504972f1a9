// The engine's public surface. Pure: decimal.js only; hosts (Excel functions, headless, task pane) sit on top.
export * from "./types";
export { D, roundMoney, toNumber, type Dec } from "./money";
export { SendError, isSendError, type ErrorKind, E } from "./errors";
export { KEY_CATALOGUE, findKeyInfo, isKnownKey, type KeyInfo } from "./keys";
export { readNumber, cellText, isBlank } from "./coerce";
export {
  parseRates,
  readRatesTable,
  resolveOption,
  optionFromGrid,
  findOptionName,
  type RatesTable,
  type Option,
  type RateValue,
} from "./rates";
export {
  readInstitution,
  readTable,
  readTableRow,
  nameColumn,
  fieldReader,
  KNOWN_HEADERS,
  type TableRow,
  type FieldReader,
} from "./fields";
export { allocate, allocateTotal } from "./allocate";
export { findTopupRate, topupRate } from "./components/topUp";
export { band } from "./band";
export { compare, type Comparison, type CompareRow } from "./compare";
export { check, type CheckProblem } from "./check";
export { project, projectionYears, type ProjectionRow } from "./project";
export { factorsTable } from "./factors";
export {
  allocateTotals,
  allocateRowTotal,
  compareTable,
  topupAmount,
  exactRowTotal,
  exactTopupAmount,
  fastOption,
  compileOption,
  buildLayout,
  tableLayout,
  type ComparisonValues,
  type CompareRowValues,
  type AmountArg,
  type FastOption,
  type Layout,
} from "./fast";
