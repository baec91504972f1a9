// Compare two options: a SEND.COMPARE sheet with formats and a chart, then its results summarised
// for the pane (totals, gainers and losers, largest changes). Summaries only read the sheet's results.
// Comparing the same two options again rewrites their comparison sheet instead of adding another, so
// a re-run changes nothing (or asks first, if the formula there differs, e.g. after the model grew).
import { compareSheet } from "../../model/compare";
import { pairSheetName, uniqueSheetName } from "../../model/sheetNames";
import { formulaString } from "../../model/types";
import { totalLeavingOut, type ErrorRow } from "../../model/errorRows";
import { isErrorValue, type CellValue, type WorkbookPort, type WriteRequest } from "../ports/WorkbookPort";
import { refsFor, type ModelInfo } from "../workbook/discover";
import type { Confirm } from "../workbook/confirm";
import { transact } from "../workbook/transaction";
import { MONEY_FORMAT } from "./createModel";

export interface CompareRow {
  /** the row on the comparison sheet (the same row as the institution's on the Institutions table) */
  row: number;
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
  /** the same rows with the cause of each in words */
  leftOut: ErrorRow[];
  /** totals over the rows that computed (what the Total row would be without the error rows) */
  computed: { rows: number; a: number; b: number; difference: number };
  /** up to `top` rows by size of difference, largest first */
  largest: CompareRow[];
}

export const GAIN = { fontColor: "#006100", fillColor: "#C6EFCE" };
export const LOSS = { fontColor: "#9C0006", fillColor: "#FFC7CE" };

const asRow = (r: CellValue[], row: number): CompareRow => ({
  row,
  name: String(r[0] ?? ""),
  a: r[1] ?? null,
  b: r[2] ?? null,
  difference: r[3] ?? null,
  change: r[4] ?? null,
});

const isErr = (v: CellValue) => v !== null && isErrorValue(v);

export function summarise(values: CellValue[][], a: string, b: string, top = 10): ComparisonSummary {
  const body = values
    .slice(1)
    .map((r, i) => asRow(r, i + 2))
    .filter((r) => [r.name, r.a, r.b, r.difference, r.change].some((v) => v !== null && v !== ""));
  const last = body[body.length - 1];
  const hasTotal = last !== undefined && last.name.toLowerCase() === "total";
  const total = hasTotal ? last : null;
  const rows = hasTotal ? body.slice(0, -1) : body;
  const nums = rows.filter((r) => typeof r.difference === "number");
  const diff = (r: CompareRow) => r.difference as number;
  const bad = rows.filter((r) => [r.a, r.b, r.difference].some(isErr));
  const good = rows.filter((r) => !bad.includes(r));
  const cause = (r: CompareRow) => [r.a, r.b, r.difference].find(isErr) ?? null;
  const sum = (pick: (r: CompareRow) => CellValue) =>
    totalLeavingOut(
      good.map(pick),
      good.map((r) => r.name),
    ).total;
  return {
    a,
    b,
    total,
    gaining: nums.filter((r) => diff(r) > 0).length,
    losing: nums.filter((r) => diff(r) < 0).length,
    unchanged: nums.filter((r) => diff(r) === 0).length,
    errors: bad,
    leftOut: bad.map((r) => totalLeavingOut([cause(r)], [r.name], r.row).errors[0]),
    computed: { rows: good.length, a: sum((r) => r.a), b: sum((r) => r.b), difference: sum((r) => r.difference) },
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
