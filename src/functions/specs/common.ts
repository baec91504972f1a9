// Helpers the function implementations share: rates + option, vectors, number cells, and the boundary rule.
import { readNumber } from "../../engine/coerce";
import { E, SendError } from "../../engine/errors";
import { toNumber, type Dec } from "../../engine/money";
import type { Cell } from "../../engine/types";
import type { Args, Range } from "../args";
import { ratesAndOptionOf, type RatesAndOption } from "../memory";
import type { ParamSpec } from "../spec";

export type { RatesAndOption };

/** The rates-table argument, the same in every function that takes one. */
/** The optional demand forecast of SEND.PROJECT and SEND.PLAN (one projection reads it for both). */
export const FORECAST_PARAM: ParamSpec = {
  name: "forecast",
  type: "range",
  optional: true,
  description:
    "A demand forecast (the spill of SEND.FORECAST: Year, Breakdown, Low, Central, High); when given, each year's pupils by placement are its Central values.",
};

/** The history SEND.FORECAST read, for the census before the forecast's first year (proj.census.weight). */
export const HISTORY_PARAM: ParamSpec = {
  name: "history",
  type: "range",
  optional: true,
  description:
    "The history the forecast was made from (SEND.FORECAST's first argument: Year, Total, Mainstream, …); its January before the forecast's first year lets the first financial year be interpolated between censuses (proj.census.weight).",
};

export const RATES_PARAM: ParamSpec = {
  name: "rates",
  type: "range",
  description: "The rates table: a header row with Factor and one column per option, then one key per row.",
};

/** The option argument, the same in every function that takes one. */
export const OPTION_PARAM: ParamSpec = {
  name: "option",
  type: "text",
  blankOk: true,
  description: "The option (column header) to use; may be blank when the table has only one option.",
};

/**
 * The boundary rule for Decimals (the fast path returns the same doubles directly): a Decimal leaves the engine as the
 * nearest double, once. Money has already been rounded
 * half-up to the option's round.to by the engine, so the double is the rounded amount (to the 15–17 significant
 * digits a double holds). Ratios (COMPARE's Change) and FIT's factor are not money and are not rounded.
 * A negative zero is cleaned where every result leaves: the wrapper (Excel shows no negative zero).
 */
export function num(d: Dec): number {
  return toNumber(d);
}

/** The parsed rates table (remembered by content, functions/memory.ts) and the option named by `optionParam`. */
export function ratesAndOption(a: Args, optionParam = "option"): RatesAndOption | SendError {
  return ratesAndOptionOf(a.range("rates"), a.text(optionParam), optionParam);
}

/** A one-row or one-column range read along its length. */
export function vectorOf(range: Range, arg: string): readonly Cell[] | SendError {
  return range.vector() ?? E.notVector(arg, range.rows, range.cols);
}

/** Cells as numbers: blank is null (the engine decides what blank means), text is #VALUE! naming the cell. */
export function numbersOf(
  cells: readonly Cell[],
  arg: string,
  label: (i: number) => string,
): (Dec | null)[] | SendError {
  const out: (Dec | null)[] = [];
  for (let i = 0; i < cells.length; i++) {
    const n = readNumber(cells[i]);
    if (n.kind === "text") return E.notNumberArg(`${arg} ${label(i)}`, n.text);
    out.push(n.kind === "number" ? n.value : null);
  }
  return out;
}

/** Label of the i-th cell of a vector: "row 3" down a column, "column 3" along a row. */
export function vectorLabel(range: Range): (i: number) => string {
  return range.rows === 1 && range.cols > 1 ? (i) => `column ${i + 1}` : (i) => `row ${i + 1}`;
}

/** A column or row of numbers (DEFICIT's income, spend, adjustments). */
export function numberVector(range: Range, arg: string): (Dec | null)[] | SendError {
  const cells = vectorOf(range, arg);
  return cells instanceof SendError ? cells : numbersOf(cells, arg, vectorLabel(range));
}
