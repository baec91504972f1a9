// A SEND.FIT column: amounts scaled to a budget, with an optional baseline, floor and cap.
import { formulaNumber, type Rows } from "./types";

export interface FitSpec {
  /** range of the amounts to fit, e.g. "D2:D41" (same sheet, so unqualified) */
  amounts: string;
  budget: number;
  /** range of last year's (baseline) amounts; needed for floor and cap */
  baseline?: string;
  /** e.g. -0.005 for "no institution loses more than 0.5%" */
  floor?: number;
  /** e.g. 0.05 for "gains capped at 5%" */
  cap?: number;
  header: string;
}

export function fitFormula(s: Omit<FitSpec, "header">): string {
  if ((s.floor !== undefined || s.cap !== undefined) && !s.baseline) throw new Error("a floor or cap needs a baseline");
  const args = [s.amounts, formulaNumber(s.budget)];
  if (s.baseline) args.push(s.baseline);
  if (s.floor !== undefined || s.cap !== undefined) args.push(s.floor === undefined ? "" : formulaNumber(s.floor));
  if (s.cap !== undefined) args.push(formulaNumber(s.cap));
  return `=SEND.FIT(${args.join(",")})`;
}

/** Header cell then the spilling formula beneath it. */
export function fitColumn(s: FitSpec): Rows {
  return [[s.header], [fitFormula(s)]];
}
