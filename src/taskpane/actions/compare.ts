// Compare two options: a SEND.COMPARE sheet with formats and a chart, then its results summarised
// for the pane (totals, gainers and losers, largest changes). Summaries only read the sheet's results.
// Comparing the same two options again rewrites their comparison sheet instead of adding another, so
// a re-run changes nothing (or asks first, if the formula there differs, e.g. after the model grew).
import { compareSheet } from "../../model/compare";
import { pairSheetName, uniqueSheetName } from "../../model/sheetNames";
import { formulaString } from "../../model/types";
import { isErrorValue, type CellValue, type WorkbookPort, type WriteRequest } from "../ports/WorkbookPort";
import { refsFor, type ModelInfo } from "../workbook/discover";
import type { Confirm } from "../workbook/confirm";
import { transact } from "../workbook/transaction";
import { MONEY_FORMAT } from "./createModel";

export interface CompareRow {
  name: string;
  a: CellValue;
  b: CellValue;
  difference: CellValue;
  change: CellValue;
}

export interface ComparisonSummary {
  a: string;
  b: string;
  total: CompareRow | null;
  gaining: number;
  losing: number;
  unchanged: number;
  /** rows whose result is an error */
  errors: CompareRow[];
  /** up to `top` rows by size of difference, largest first */
  largest: CompareRow[];
}

export const GAIN = { fontColor: "#006100", fillColor: "#C6EFCE" };
export const LOSS = { fontColor: "#9C0006", fillColor: "#FFC7CE" };

const asRow = (r: CellValue[]): CompareRow => ({
  name: String(r[0] ?? ""),
  a: r[1] ?? null,
  b: r[2] ?? null,
  difference: r[3] ?? null,
  change: r[4] ?? null,
});

export function summarise(values: CellValue[][], a: string, b: string, top = 10): ComparisonSummary {
  const body = values.slice(1).filter((r) => r.some((v) => v !== null));
  const last = body[body.length - 1];
  const hasTotal = last !== undefined && String(last[0]).toLowerCase() === "total";
  const total = hasTotal ? asRow(last) : null;
  const rows = (hasTotal ? body.slice(0, -1) : body).map(asRow);
  const nums = rows.filter((r) => typeof r.difference === "number");
  const diff = (r: CompareRow) => r.difference as number;
  return {
    a,
    b,
    total,
    gaining: nums.filter((r) => diff(r) > 0).length,
    losing: nums.filter((r) => diff(r) < 0).length,
    unchanged: nums.filter((r) => diff(r) === 0).length,
    errors: rows.filter((r) => [r.a, r.b, r.difference].some((v) => v !== null && isErrorValue(v))),
    largest: [...nums]
      .sort((x, y) => Math.abs(diff(y)) - Math.abs(diff(x)) || x.name.localeCompare(y.name))
      .slice(0, top),
  };
}

/** The comparison sheet whose SEND.COMPARE compares `a` with `b` (sheet names are cut to 31 characters, so not by
 * name). */
async function comparisonOf(port: WorkbookPort, model: ModelInfo, a: string, b: string): Promise<string | undefined> {
  const pair = `,${formulaString(a)},${formulaString(b)},`.toLowerCase();
  for (const sheet of model.comparisons) {
    const [[f]] = await port.readFormulas(sheet, "A1");
    if (typeof f === "string" && /^=SEND\.COMPARE\(/i.test(f) && f.toLowerCase().includes(pair)) return sheet;
  }
  return undefined;
}

export async function writeComparison(
  port: WorkbookPort,
  model: ModelInfo,
  a: string,
  b: string,
  confirm: Confirm,
): Promise<{ sheet: string; summary: ComparisonSummary; touched: string[] }> {
  const refs = refsFor(model);
  if (!refs || !model.institutions)
    throw new Error("The workbook needs a rates table and an institutions table to compare options.");
  if (a.trim().toLowerCase() === b.trim().toLowerCase()) throw new Error("Pick two different options.");
  const count = model.institutions.count;
  // High Needs spend only: notional SEN, FE element 1 and early years are other blocks (memo, not compared here)
  const layout = compareSheet({ refs, a, b, count, block: "High needs" });
  const reuse = await comparisonOf(port, model, a, b);
  const sheet = reuse ?? uniqueSheetName(await port.sheetNames(), pairSheetName("Compare", a, b));
  const req: WriteRequest = { sheet, kind: "formulas", blocks: [{ topLeft: "A1", rows: layout.rows }] };
  const touched = await transact(port, confirm, async (tx) => {
    if (reuse) await tx.confirmAll([req]);
    else await tx.addSheet(sheet);
    await tx.write(req);
    if (count > 0) {
      await tx.setNumberFormat(sheet, layout.amounts, MONEY_FORMAT);
      await tx.setNumberFormat(sheet, layout.change, "0.0%");
      // a reused sheet has its colours and chart already
      if (!reuse) {
        await tx.decorate(sheet, () =>
          port.addConditionalFormat({
            sheet,
            range: `${layout.difference.split(":")[0]}:${layout.change.split(":")[1]}`,
            rules: [
              { operator: "lessThan", value: 0, ...LOSS },
              { operator: "greaterThan", value: 0, ...GAIN },
            ],
          }),
        );
        await tx.decorate(sheet, () =>
          port.addChart({
            sheet,
            type: "barClustered",
            title: `Change per institution: ${b} minus ${a}`,
            categories: layout.names,
            series: [{ name: "Difference", values: layout.difference }],
            anchor: "G2:N22",
          }),
        );
      }
    }
    return [...tx.touched];
  });
  const values = await port.readValues(sheet, layout.spill);
  return { sheet, summary: summarise(values, a, b), touched };
}
