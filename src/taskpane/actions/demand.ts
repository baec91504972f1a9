// Demand: writes a Demand sheet (history, live SEND.FORECAST, fan-chart data and chart, capacity inputs and live
// SEND.SUFFICIENCY) on a new sheet, so no existing cell is ever changed; reads back what the formulas give.
import { readNumber } from "../../engine/coerce";
import { BREAKDOWN_NAMES, findBreakdown } from "../../engine/demand/breakdowns";
import { nearest } from "../../engine/nearest";
import { normLabel } from "../../engine/normalize";
import { demandSheet, type DemandSheetInput } from "../../model/demand";
import { uniqueSheetName } from "../../model/sheetNames";
import { blockRange, parseCellOrThrow, parseRangeOrThrow, sheetRef } from "../../util/a1";
import type { RawCell } from "../../model/types";
import type { CellValue, WorkbookPort } from "../ports/WorkbookPort";
import type { Confirm } from "../workbook/confirm";
import { transact } from "../workbook/transaction";

export const COUNT_FORMAT = "#,##0";

/** What the officer gives: the sheet's input but the spare capacity rows (always the default). */
export type DemandInput = Omit<DemandSheetInput, "spareCapacityRows">;

export interface DemandResult {
  sheet: string;
  /** SEND.FORECAST's spill as read back (header row first), or one error cell */
  forecast: CellValue[][];
  sufficiency: CellValue[][];
  /** the forecast range other sheets read, sheet-qualified */
  forecastRef: string;
  touched: string[];
}

/**
 * A history pasted from a sheet or a CSV file: one line per row, cells split by tabs (what Excel copies) or else
 * by commas; numbers as Excel shows them ("1,234" inside a tab-separated row) become numbers.
 */
export function parseHistoryText(text: string): RawCell[][] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const tabbed = lines.some((l) => l.includes("\t"));
  return lines.map((l, i) =>
    (tabbed ? l.split("\t") : l.split(",")).map((c) => {
      const t = c.trim();
      if (t === "") return null;
      const n = readNumber(t);
      return i > 0 && n.kind === "number" ? n.value.toNumber() : t;
    }),
  );
}

/** What is wrong with a history before it is written (SEND.FORECAST checks the rest, live, on the sheet). */
export function historyProblems(history: RawCell[][]): string[] {
  const out: string[] = [];
  if (history.length === 0) return ["Paste a history: a header row (Year, Total, Mainstream, …) and one row per year."];
  const [header, ...rows] = history;
  if (normLabel(String(header[0] ?? "")) !== "year")
    out.push(`The first column must be headed Year, not '${String(header[0] ?? "")}'.`);
  header.slice(1).forEach((h) => {
    if (h === null || String(h).trim() === "") return;
    if (!findBreakdown(String(h))) {
      const n = nearest(String(h), BREAKDOWN_NAMES);
      out.push(
        `Column '${String(h)}' is not a breakdown${n ? `; did you mean '${n}'?` : ""} (Total, Mainstream, RB, Special, ISP, AP, FE, SPI, EY, Other, Age …, New plans).`,
      );
    }
  });
  if (rows.length < 3) out.push(`A forecast needs at least 3 years of history; this has ${rows.length}.`);
  rows.forEach((r, i) => {
    if (typeof r[0] !== "number" || !Number.isInteger(r[0]))
      out.push(`Row ${i + 2}: the year '${String(r[0] ?? "")}' is not a whole year.`);
    r.slice(1).forEach((v, j) => {
      if (v !== null && typeof v !== "number")
        out.push(`Row ${i + 2}, ${String(header[j + 1] ?? `column ${j + 2}`)}: '${String(v)}' is not a number.`);
    });
  });
  return out;
}

export async function writeDemand(port: WorkbookPort, input: DemandInput, confirm: Confirm): Promise<DemandResult> {
  const problems = historyProblems(input.history);
  if (problems.length) throw new Error(problems.join("\n"));
  const layout = demandSheet(input);
  const sheet = uniqueSheetName(await port.sheetNames(), "Demand");
  // the history goes in as values (a pasted "=..." stays text); everything else is the pane's own formulas and labels
  const top = layout.history.split(":")[0];
  const first = parseCellOrThrow(top).row - 1;
  const width = input.history[0].length;
  const formulas = layout.rows.map((r, i) =>
    i >= first && i < first + input.history.length ? r.map((v, j) => (j < width ? null : v)) : r,
  );
  const touched = await transact(port, confirm, async (tx) => {
    await tx.addSheet(sheet);
    await tx.write({ sheet, kind: "formulas", blocks: [{ topLeft: "A1", rows: formulas }] });
    await tx.write({ sheet, kind: "values", blocks: [{ topLeft: top, rows: input.history }] });
    for (const r of layout.counts) await tx.setNumberFormat(sheet, r, COUNT_FORMAT);
    await tx.setNumberFormat(sheet, layout.inputs.coverage, "0%");
    await tx.decorate(sheet, () =>
      port.addChart({
        sheet,
        type: "line",
        title: `Total EHC plans: actual and forecast (${Math.round(input.coverage * 100)}% interval)`,
        categories: layout.fan.categories,
        series: layout.fan.series,
        anchor: layout.chartAnchor,
      }),
    );
    return [...tx.touched];
  });
  const spill = async (anchor: string, maxRows: number): Promise<CellValue[][]> => {
    const values = await port.readValues(sheet, blockRange(anchor, maxRows, 5));
    const end = values.findIndex((r) => r[0] === null);
    return end < 0 ? values : values.slice(0, Math.max(1, end));
  };
  const forecastRange = parseRangeOrThrow(layout.forecast.replace(/\$/g, ""));
  const forecast = await spill(layout.forecastAnchor, forecastRange.bottom - forecastRange.top + 1);
  const sufficiency = await spill(layout.sufficiencyAnchor, 1 + input.horizon * 20);
  return { sheet, forecast, sufficiency, forecastRef: sheetRef(sheet, layout.forecast), touched };
}
