// The Schools Forum paper from the pane: everything it says is read from the workbook (option totals,
// comparison sheets, SEND.FIT columns, the rates table with its inheritance, the balances of a Projection sheet or
// a plan's Financial summary); nothing is recomputed.
import { colLetters, parseRangeOrThrow } from "../../util/a1";
import { columnTotal } from "../../model/publish";
import {
  optionChanges,
  projectionAssumptions,
  type AssumptionRow,
  type OptionChanges,
} from "../../model/optionChanges";
import { parseFitFormula } from "../../model/paperText";
import { planBalances, projectionBalances, type ProjectedBalances } from "../../model/paperBalances";
import { PLAN_SHEETS } from "../../model/planWorkbook";
import { normOption } from "../../engine/normalize";
import type { WorkbookPort } from "../ports/WorkbookPort";
import { findOption, type ModelInfo } from "../workbook/discover";
import { summarise, type ComparisonSummary } from "./compare";

export interface PaperFit {
  header: string;
  option: string;
  baseline: string | null;
  budget: number;
  floor: number | null;
  cap: number | null;
  before: number | null;
  fitted: number | null;
}

export interface PaperData {
  institutions: number;
  options: { option: string; inherits: string | null; total: number | null }[];
  changes: OptionChanges[];
  comparisons: { sheet: string; summary: ComparisonSummary }[];
  fits: PaperFit[];
  assumptions: { plans: string[]; rows: AssumptionRow[] } | null;
  /** the plan's balances (Financial summary) or else the newest Projection sheet's; null when there are neither */
  balances: ProjectedBalances | null;
}

/** The balances of a deficit management plan (send-model plan, or the pane's Plan screen) when the workbook has one,
 * read from its Financial summary (whose risk-adjusted line sums the Mitigations log), as they are the only ones
 * with a risk-adjusted line; else those of the newest projection sheet (the last one the pane wrote) that has any. */
async function readBalances(port: WorkbookPort, model: ModelInfo): Promise<ProjectedBalances | null> {
  const summary = model.sheets.find((s) => s === PLAN_SHEETS.summary);
  const used = summary ? await port.usedRange(summary) : null;
  const fromA1 = used && `A1:${colLetters(parseRangeOrThrow(used).right)}${parseRangeOrThrow(used).bottom}`;
  const plan = summary && fromA1 ? planBalances(summary, await port.readValues(summary, fromA1)) : null;
  if (plan) return plan;
  for (const sheet of [...model.projections].reverse()) {
    const used = await port.usedRange(sheet);
    if (!used) continue;
    const r = parseRangeOrThrow(used);
    const last = colLetters(Math.max(r.right, 1));
    const formulas = await port.readFormulas(sheet, `A1:${last}2`);
    const found = projectionBalances(sheet, await port.readValues(sheet, `A1:${last}${r.bottom}`), formulas);
    if (found) return found;
  }
  return null;
}

export async function gatherPaper(port: WorkbookPort, model: ModelInfo): Promise<PaperData> {
  const rates = model.rates;
  if (!rates) throw new Error("There is no rates table in this workbook.");
  const alloc = model.allocations;
  const column = async (col: number) => {
    if (!alloc || alloc.count === 0) return [];
    const l = colLetters(col);
    return (await port.readValues(alloc.sheet, `${l}2:${l}${alloc.count + 1}`)).map((r) => r[0]);
  };
  const options = [];
  for (const c of alloc?.columns ?? []) {
    const inherits = findOption(rates, c.option)?.inherits ?? null;
    options.push({ option: c.option, inherits, total: columnTotal(await column(c.col)).total });
  }
  const grid = rates.grid as unknown[][];
  const changes = optionChanges(
    grid,
    options.map((o) => o.option),
  );

  const comparisons = [];
  for (const sheet of model.comparisons) {
    const [[f]] = await port.readFormulas(sheet, "A1");
    const m = typeof f === "string" ? /,"((?:[^"]|"")*)","((?:[^"]|"")*)",/.exec(f) : null;
    const used = await port.usedRange(sheet);
    if (!m || !used) continue;
    const r = parseRangeOrThrow(used);
    const values = await port.readValues(sheet, `A1:E${r.bottom}`);
    comparisons.push({ sheet, summary: summarise(values, m[1].replace(/""/g, '"'), m[2].replace(/""/g, '"'), 5) });
  }

  const fits: PaperFit[] = [];
  if (alloc) {
    const top = await port.readFormulas(alloc.sheet, `A1:${colLetters(Math.max(alloc.width, 1))}2`);
    const byRange = (range: string | null) => {
      if (!range) return null;
      const col = parseRangeOrThrow(range).left;
      return alloc.columns.find((c) => c.col === col)?.option ?? null;
    };
    for (let c = 0; c < (top[1]?.length ?? 0); c++) {
      const f = top[1][c];
      const p = typeof f === "string" ? parseFitFormula(f) : null;
      if (!p) continue;
      const option = byRange(p.amounts) ?? p.amounts;
      fits.push({
        header: String(top[0]?.[c] ?? ""),
        option,
        baseline: byRange(p.baseline),
        budget: p.budget,
        floor: p.floor,
        cap: p.cap,
        before: columnTotal(await column(parseRangeOrThrow(p.amounts).left)).total,
        fitted: columnTotal(await column(c + 1)).total,
      });
    }
  }

  const plans = rates.options.map((o) => o.name).filter((n) => ["unmitigated", "mitigated"].includes(normOption(n)));
  const rows = plans.length ? projectionAssumptions(grid, plans) : [];
  return {
    institutions: model.institutions?.count ?? 0,
    options,
    changes,
    comparisons,
    fits,
    assumptions: rows.length ? { plans, rows } : null,
    balances: await readBalances(port, model),
  };
}
