// The engine's names in one import, for tests (src imports each engine module directly: there is no engine-wide
// barrel). Pure: decimal.js only.
export * from "../../src/engine/types";
export { D, roundMoney, toNumber, type Dec } from "../../src/engine/money";
export { SendError, isSendError, type ErrorKind, E } from "../../src/engine/errors";
export { KEY_CATALOGUE, findKeyInfo, isKnownKey, type KeyInfo } from "../../src/engine/keys";
export { readNumber, cellText, isBlank } from "../../src/engine/coerce";
export {
  parseRates,
  readRatesTable,
  resolveOption,
  optionFromGrid,
  findOptionName,
  type RatesTable,
  type Option,
  type RateValue,
} from "../../src/engine/rates";
export {
  readInstitution,
  readTable,
  readTableRow,
  nameColumn,
  fieldReader,
  KNOWN_HEADERS,
  type TableRow,
  type FieldReader,
} from "../../src/engine/fields";
export { allocate, allocateTotal } from "../../src/engine/allocate";
export { findTopupRate, topupRate } from "../../src/engine/components/topUp";
export { band } from "../../src/engine/band";
export { compare, type Comparison, type CompareRow } from "../../src/engine/compare";
export { check, type CheckProblem } from "../../src/engine/check";
export { project, projectionYears, type ProjectionRow } from "../../src/engine/project";
export { factorsTable } from "../../src/engine/factors";
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
} from "../../src/engine/fast";
