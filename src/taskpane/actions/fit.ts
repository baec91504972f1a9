// Fit to budget: a SEND.FIT column next to the allocations, then a count of institutions held at the
// floor (protected) or the cap, read from the fitted results against the baseline.
import { colLetters } from "../../model/a1";
import { fitColumn } from "../../model/fit";
import { normOption } from "../../engine/normalize";
import { isErrorValue, type CellValue, type WorkbookPort } from "../ports/WorkbookPort";
import type { ModelInfo } from "../workbook/discover";
import type { Confirm } from "../workbook/confirm";
import { transact } from "../workbook/transaction";
import { MONEY_FORMAT } from "./createModel";

export interface FitInput {
  option: string;
  budget: number;
  baseline?: string;
  /** fractions: -0.005 = -0.5% */
  floor?: number;
  cap?: number;
}

export interface FitResult {
  sheet: string;
  /** the fitted column, e.g. "F2:F25" */
  range: string;
  protected: number;
  capped: number;
  /** an error the whole column shows (e.g. #NUM! when the budget cannot be met) */
  error: { error: string; message?: string } | null;
  touched: string[];
}

/** Same amount to the penny. */
const atBound = (x: number, base: number, rate: number) => Math.abs(x - Math.round(base * (1 + rate) * 100) / 100) <= 0.005;

export function countBounds(fitted: CellValue[], baseline: CellValue[] | null, floor?: number, cap?: number): { protected: number; capped: number } {
  let prot = 0;
  let capped = 0;
  fitted.forEach((f, i) => {
    const base = baseline?.[i];
    if (typeof f !== "number" || typeof base !== "number") return;
    if (floor !== undefined && atBound(f, base, floor)) prot++;
    else if (cap !== undefined && atBound(f, base, cap)) capped++;
  });
  return { protected: prot, capped };
}

export async function writeFit(port: WorkbookPort, model: ModelInfo, input: FitInput, confirm: Confirm): Promise<FitResult> {
  const alloc = model.allocations;
  if (!alloc) throw new Error("There is no Allocations sheet to fit.");
  const find = (o: string) => alloc.columns.find((c) => normOption(c.option) === normOption(o));
  const amounts = find(input.option);
  if (!amounts) throw new Error(`'${input.option}' has no column on ${alloc.sheet}.`);
  const base = input.baseline ? find(input.baseline) : undefined;
  if (input.baseline && !base) throw new Error(`'${input.baseline}' has no column on ${alloc.sheet}.`);
  if ((input.floor !== undefined || input.cap !== undefined) && !base) throw new Error("A floor or cap needs a baseline option.");
  if (input.floor !== undefined && input.cap !== undefined && input.floor > input.cap) throw new Error("The floor must not be above the cap.");
  const last = alloc.count + 1;
  const col = (c: number) => `${colLetters(c)}2:${colLetters(c)}${last}`;
  const target = alloc.width + 1;
  const rows = fitColumn({
    amounts: col(amounts.col), baseline: base ? col(base.col) : undefined, budget: input.budget, floor: input.floor, cap: input.cap,
    header: `Fit ${amounts.option} to ${input.budget.toLocaleString("en-GB")}`,
  });
  const range = col(target);
  const touched = await transact(port, confirm, async (tx) => {
    await tx.write({ sheet: alloc.sheet, kind: "formulas", blocks: [{ topLeft: `${colLetters(target)}1`, rows }] });
    await tx.setNumberFormat(alloc.sheet, range, MONEY_FORMAT);
    return [...tx.touched];
  });
  const fitted = (await port.readValues(alloc.sheet, range)).map((r) => r[0]);
  const firstError = fitted.find((v): v is { error: string; message?: string } => v !== null && isErrorValue(v)) ?? null;
  const baseline = base ? (await port.readValues(alloc.sheet, col(base.col))).map((r) => r[0]) : null;
  return { sheet: alloc.sheet, range, ...countBounds(fitted, baseline, input.floor, input.cap), error: firstError, touched };
}
