// Projection: writes the assumptions of two options (unmitigated and mitigated) into the rates table,
// adding the options and key rows it needs, then a SEND.PROJECT sheet with a cumulative-balance chart.
import { colLetters, parseCellOrThrow } from "../../util/a1";
import { PROJECTION_FIELDS, projectionSheet } from "../../model/projection";
import { uniqueSheetName } from "../../model/sheetNames";
import { normOption } from "../../engine/normalize";
import type { Block, CellValue, RawCell, WorkbookPort } from "../ports/WorkbookPort";
import { findOption, keyRow, type ModelInfo } from "../workbook/discover";
import { cellBlocks, type Confirm } from "../workbook/confirm";
import { transact } from "../workbook/transaction";
import { validateRate } from "../workbook/validation";
import { refLastCol } from "./options";
import { MONEY_FORMAT } from "./createModel";

export interface ProjectionInput {
  /** option name -> key -> text as typed ("" = leave blank so the option inherits) */
  options: { name: string; inherits: string; values: Record<string, string> }[];
  /** pupils from a demand forecast (findForecasts): SEND.PROJECT's third argument, its number of years, and the
   * history it was made from (the fourth argument: the census before the first year, for proj.census.weight) */
  forecast?: { ref: string; years: number; history?: string };
}

export interface ProjectionResult {
  sheet: string;
  years: CellValue[];
  series: { option: string; cumulative: CellValue[] }[];
  touched: string[];
}

const same = (a: RawCell | CellValue | undefined, b: RawCell) =>
  (a === null || a === undefined || a === "" ? null : a) === (b === "" ? null : b) ||
  (typeof a === "number" && typeof b === "number" && a === b);

/** Validates every field; returns messages (empty when all is well). */
export function projectionProblems(input: ProjectionInput, optionNames: string[]): string[] {
  const names = [...optionNames, ...input.options.map((o) => o.name)];
  const out: string[] = [];
  for (const o of input.options) {
    for (const f of PROJECTION_FIELDS) {
      const v = validateRate(f.key, o.values[f.key] ?? "", names, o.name);
      if (!v.ok) out.push(`${o.name}, ${f.label}: ${v.message}`);
    }
  }
  return out;
}

export async function writeProjection(
  port: WorkbookPort,
  model: ModelInfo,
  input: ProjectionInput,
  confirm: Confirm,
): Promise<ProjectionResult> {
  const rates = model.rates;
  if (!rates) throw new Error("There is no rates table in this workbook.");
  const problems = projectionProblems(
    input,
    rates.options.map((o) => o.name),
  );
  if (problems.length) throw new Error(problems.join("\n"));

  const cells: { row: number; col: number; value: RawCell }[] = [];
  const extra: Block[] = [];
  let nextCol = Math.max(rates.cols, ...rates.options.map((o) => o.col)) + 1;
  let nextRow = rates.rows + 1;
  const rowOf = new Map<string, number>();
  const ensureKey = (key: string, description: string, unit: string): number => {
    const known = keyRow(rates, key) + 1 || rowOf.get(key);
    if (known) return known;
    const row = nextRow++;
    rowOf.set(key, row);
    const cellsRow: RawCell[] = [];
    cellsRow[rates.factorCol] = key;
    if (rates.descriptionCol >= 0) cellsRow[rates.descriptionCol] = description;
    if (rates.unitCol >= 0) cellsRow[rates.unitCol] = unit;
    extra.push({ topLeft: `A${row}`, rows: [Array.from({ length: cellsRow.length }, (_, i) => cellsRow[i] ?? null)] });
    return row;
  };
  const inheritsRow = ensureKey("inherits", "Option whose values fill this option's blank cells", "option name");

  for (const o of input.options) {
    const opt = findOption(rates, o.name);
    let col = opt?.col;
    if (col === undefined) {
      col = nextCol++;
      if (col > refLastCol(rates))
        throw new Error(
          `The model's formulas read the rates table up to column ${colLetters(refLastCol(rates))}; there is no room for option '${o.name}'.`,
        );
      cells.push({ row: 1, col, value: o.name });
    }
    const c = col;
    const current = (row: number): CellValue => (opt ? (rates.grid[row - 1]?.[c - 1] ?? null) : null);
    if (!opt?.inherits || normOption(opt.inherits) !== normOption(o.inherits))
      cells.push({ row: inheritsRow, col: c, value: o.inherits });
    for (const f of PROJECTION_FIELDS) {
      const v = validateRate(f.key, o.values[f.key] ?? "", [], o.name);
      if (!v.ok) throw new Error(v.message);
      // a blank field with no row yet needs nothing written
      if (v.value === null && keyRow(rates, f.key) < 0 && !rowOf.has(f.key)) continue;
      const row = ensureKey(f.key, f.description, f.unit);
      const value = v.value === null ? "" : v.value;
      if (!same(current(row), value)) cells.push({ row, col: c, value });
    }
  }
  const typedYears = Number(input.options[0]?.values["proj.years"] || 5);
  const yearsInput = input.forecast
    ? Math.min(input.forecast.years, input.options[0]?.values["proj.years"] ? typedYears : Infinity)
    : typedYears;
  const layout = projectionSheet({
    ratesRef: rates.ref,
    options: input.options.map((o) => o.name),
    years: yearsInput,
    forecastRef: input.forecast?.ref,
    historyRef: input.forecast?.history,
  });
  const sheet = uniqueSheetName(await port.sheetNames(), "Projection");
  const touched = await transact(port, confirm, async (tx) => {
    await tx.write({ sheet: rates.sheet, kind: "values", blocks: [...extra, ...cellBlocks(cells)] });
    await tx.addSheet(sheet);
    await tx.write({ sheet, kind: "formulas", blocks: [{ topLeft: "A1", rows: layout.rows }] });
    for (const b of layout.blocks) {
      const [from, to] = b.spill.split(":");
      await tx.setNumberFormat(sheet, `${colLetters(parseCellOrThrow(from).col + 1)}3:${to}`, MONEY_FORMAT);
    }
    await tx.decorate(sheet, () =>
      port.addChart({
        sheet,
        type: "line",
        title: "Cumulative high needs balance",
        categories: layout.years,
        series: layout.blocks.map((b) => ({ name: b.option, values: b.cumulative })),
        anchor: `A${yearsInput + 5}:K${yearsInput + 22}`,
      }),
    );
    return [...tx.touched];
  });
  const years = (await port.readValues(sheet, layout.years)).map((r) => r[0]);
  const series = [];
  for (const b of layout.blocks)
    series.push({ option: b.option, cumulative: (await port.readValues(sheet, b.cumulative)).map((r) => r[0]) });
  return { sheet, years, series, touched };
}

/** A stored assumption as an officer would type it: "3%" for shares, "£1,200,000" for money (exact, so it reads back
 * the same). */
export function assumptionText(v: CellValue | undefined, unit: string): string {
  if (v === null || v === undefined || typeof v === "object") return "";
  if (typeof v !== "number") return String(v);
  if (/fraction/.test(unit)) return `${+(v * 100).toPrecision(12)}%`;
  if (unit.startsWith("£"))
    return `${v < 0 ? "-" : ""}£${Math.abs(v).toLocaleString("en-GB", { maximumFractionDigits: 10 })}`;
  return String(v);
}

/** The current text of each projection field for an option (for the form). */
export function currentAssumptions(model: ModelInfo, option: string): Record<string, string> {
  const rates = model.rates;
  const o = rates ? findOption(rates, option) : undefined;
  const out: Record<string, string> = {};
  if (!rates || !o) return out;
  for (const f of PROJECTION_FIELDS) {
    const row = keyRow(rates, f.key);
    out[f.key] = assumptionText(row >= 0 ? rates.grid[row]?.[o.col - 1] : null, f.unit);
  }
  return out;
}
