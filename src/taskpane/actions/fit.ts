// Fit to budget: a SEND.FIT column next to the allocations, then the fitted total, the scaling factor
// and a count of institutions held at the floor (protected) or the cap, read from the fitted results.
// A re-run for the same amounts replaces its own column (asking first when it changes); a budget the
// formula cannot meet (#NUM!) is undone, so an impossible fit leaves the workbook as it was.
import { colLetters } from "../../util/a1";
import { fitColumn } from "../../model/fit";
import { normOption } from "../../engine/normalize";
import { isErrorValue, type CellValue, type WorkbookPort } from "../ports/WorkbookPort";
import type { ModelInfo } from "../workbook/discover";
import type { Confirm } from "../workbook/confirm";
import { transact, WriteFailed } from "../workbook/transaction";
import { columnTotal } from "../../model/publish";
import { totalLeavingOut } from "../../model/errorRows";
import { MONEY_FORMAT } from "./createModel";
import { formatMoney } from "../numbers";

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
  /** an error the column showed (e.g. #NUM! when the budget cannot be met); then nothing was kept */
  error: { error: string; message?: string } | null;
  /** false when the fit was undone (an error result) */
  written: boolean;
  /** the amounts' total before fitting, and the fitted total (null when a cell is an error) */
  before: number | null;
  fittedTotal: number | null;
  /** fitted / original for the rows neither protected nor capped (the budget's scaling) */
  factor: number | null;
  /** true when an earlier fit of the same amounts was replaced */
  replaced: boolean;
  touched: string[];
}

/** Thrown inside the transaction so an error result is undone. */
class FitImpossible extends Error {
  constructor(readonly cell: { error: string; message?: string }) {
    super(cell.message ?? cell.error);
  }
}

/** An option's Allocations column added up: the total of the rows that computed, and each row in error named
 * (with its Name from column A) so the pane can say which row stops SEND.FIT. Null when there is no such column. */
export async function optionTotal(
  port: WorkbookPort,
  model: ModelInfo,
  option: string,
): Promise<ReturnType<typeof totalLeavingOut> | null> {
  const alloc = model.allocations;
  const c = alloc?.columns.find((x) => normOption(x.option) === normOption(option));
  if (!alloc || !c || alloc.count === 0) return null;
  const col = colLetters(c.col);
  const read = async (l: string) =>
    (await port.readValues(alloc.sheet, `${l}2:${l}${alloc.count + 1}`)).map((r) => r[0]);
  return totalLeavingOut(await read(col), await read("A"));
}

/** The column of an earlier SEND.FIT over the same amounts (1-based), if any. */
async function ownColumn(
  port: WorkbookPort,
  sheet: string,
  width: number,
  amounts: string,
): Promise<number | undefined> {
  const [, second] = await port.readFormulas(sheet, `A1:${colLetters(Math.max(width, 1))}2`);
  const i = (second ?? []).findIndex(
    (f) => typeof f === "string" && f.toUpperCase().startsWith(`=SEND.FIT(${amounts},`.toUpperCase()),
  );
  return i < 0 ? undefined : i + 1;
}

/** Same amount to the penny. */
const atBound = (x: number, base: number, rate: number) =>
  Math.abs(x - Math.round(base * (1 + rate) * 100) / 100) <= 0.005;

export function countBounds(
  fitted: CellValue[],
  baseline: CellValue[] | null,
  floor?: number,
  cap?: number,
): { protected: number; capped: number } {
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

export async function writeFit(
  port: WorkbookPort,
  model: ModelInfo,
  input: FitInput,
  confirm: Confirm,
): Promise<FitResult> {
  const alloc = model.allocations;
  if (!alloc) throw new Error("There is no Allocations sheet to fit.");
  const find = (o: string) => alloc.columns.find((c) => normOption(c.option) === normOption(o));
  const amounts = find(input.option);
  if (!amounts) throw new Error(`'${input.option}' has no column on ${alloc.sheet}.`);
  const base = input.baseline ? find(input.baseline) : undefined;
  if (input.baseline && !base) throw new Error(`'${input.baseline}' has no column on ${alloc.sheet}.`);
  if ((input.floor !== undefined || input.cap !== undefined) && !base)
    throw new Error("A floor or cap needs a baseline option.");
  if (input.floor !== undefined && input.cap !== undefined && input.floor > input.cap)
    throw new Error("The floor must not be above the cap.");
  const last = alloc.count + 1;
  const col = (c: number) => `${colLetters(c)}2:${colLetters(c)}${last}`;
  const own = await ownColumn(port, alloc.sheet, alloc.width, col(amounts.col));
  const target = own ?? alloc.width + 1;
  const rows = fitColumn({
    amounts: col(amounts.col),
    baseline: base ? col(base.col) : undefined,
    budget: input.budget,
    floor: input.floor,
    cap: input.cap,
    header: `Fit ${amounts.option} to ${formatMoney(input.budget, { whole: Number.isInteger(input.budget) })}`,
  });
  const range = col(target);
  const read = async (r: string) => (await port.readValues(alloc.sheet, r)).map((x) => x[0]);
  let fitted: CellValue[] = [];
  let touched: string[] = [];
  try {
    touched = await transact(port, confirm, async (tx) => {
      await tx.write({ sheet: alloc.sheet, kind: "formulas", blocks: [{ topLeft: `${colLetters(target)}1`, rows }] });
      await tx.setNumberFormat(alloc.sheet, range, MONEY_FORMAT);
      fitted = await read(range);
      const bad = fitted.find((v): v is { error: string; message?: string } => v !== null && isErrorValue(v));
      if (bad) throw new FitImpossible(bad);
      return [...tx.touched];
    });
  } catch (e) {
    if (e instanceof WriteFailed && e.undone && e.reason instanceof FitImpossible) {
      return {
        sheet: alloc.sheet,
        range,
        protected: 0,
        capped: 0,
        error: e.reason.cell,
        written: false,
        before: null,
        fittedTotal: null,
        factor: null,
        replaced: false,
        touched: [],
      };
    }
    throw e;
  }
  const original = await read(col(amounts.col));
  const baseline = base ? await read(col(base.col)) : null;
  const bounds = countBounds(fitted, baseline, input.floor, input.cap);
  return {
    sheet: alloc.sheet,
    range,
    ...bounds,
    error: null,
    written: true,
    touched,
    replaced: own !== undefined,
    before: columnTotal(original).total,
    fittedTotal: columnTotal(fitted).total,
    factor: scaling(fitted, original, baseline, input.floor, input.cap),
  };
}

/** The factor SEND.FIT applied: fitted ÷ original over the rows held at neither bound. */
export function scaling(
  fitted: CellValue[],
  original: CellValue[],
  baseline: CellValue[] | null,
  floor?: number,
  cap?: number,
): number | null {
  let f = 0;
  let o = 0;
  fitted.forEach((x, i) => {
    const a = original[i];
    const b = baseline?.[i];
    if (typeof x !== "number" || typeof a !== "number") return;
    if (
      typeof b === "number" &&
      ((floor !== undefined && atBound(x, b, floor)) || (cap !== undefined && atBound(x, b, cap)))
    )
      return;
    f += x;
    o += a;
  });
  return o === 0 ? null : f / o;
}
