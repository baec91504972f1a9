// The exact fast path (issue 5): the same numbers as the decimal.js path, from scaled integers in plain
// doubles, with the decimal.js path as the fallback for every row or call it cannot do exactly.
export { allocateTotals, allocateRowTotal, exactRowTotal } from "./allocate";
export { compareTable, type ComparisonValues, type CompareRowValues } from "./compare";
export { exactTopupAmount, topupAmount, type AmountArg } from "./topup";
export { buildLayout, tableLayout, type Layout } from "./layout";
export { compileOption, fastOption, type CompiledOption, type FastOption } from "./option";
