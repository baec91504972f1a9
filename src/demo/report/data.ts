// The report's numbers, read from the recalculated demo workbook (never recomputed here).
import type { CellResult } from "../../headless/xlsx";
import { colLetters, colNumber, splitRef } from "../../util/a1";
import {
  optionChanges,
  projectionAssumptions,
  type AssumptionRow,
  type OptionChanges,
} from "../../model/optionChanges";
import { ALLOCATION_OPTIONS, CANDIDATES, PLANS } from "../rates";
import {
  COMPARE_STRIDE,
  FIT_CANDIDATE,
  PHASE_ORDER,
  PROJECTION_YEARS,
  SHEETS,
  SUMMARY_ALL_BLOCKS,
  SUMMARY_MEMO_FIRST,
  type DemoLayout,
} from "../workbook";

/** Reads computed values of a range, e.g. HeadlessWorkbook.getValues. */
export type ValuesOf = (sheet: string, rangeA1: string) => CellResult[][];

export interface ChangeRow {
  name: string;
  phase: string;
  a: number;
  b: number;
  difference: number;
  change: number | null;
}

export interface Comparison {
  candidate: string;
  gainers: number;
  losers: number;
  unchanged: number;
  /** institutions whose row shows an error */
  errors: number;
  total: { a: number | null; b: number | null; difference: number | null };
  biggestGains: ChangeRow[];
  biggestLosses: ChangeRow[];
}

export interface ReportData {
  institutions: number;
  options: string[];
  /** High Needs spend per phase and option */
  phases: { phase: string; institutions: number; totals: (number | null)[] }[];
  /** High Needs spend per option */
  totals: (number | null)[];
  /** memo lines (other blocks) per option, then the all-block total and the reconciliation check */
  memo: { label: string; totals: (number | null)[] }[];
  allBlocks: (number | null)[];
  reconciles: boolean;
  comparisons: Comparison[];
  fit: {
    candidate: string;
    budget: number | null;
    fitted: number | null;
    before: number | null;
    floor: number | null;
    cap: number | null;
    gaining: number | null;
    losing: number | null;
  };
  projection: {
    plan: string;
    rows: {
      year: string | number;
      income: number | null;
      spend: number | null;
      inYear: number | null;
      cumulative: number | null;
    }[];
  }[];
  /** what each option sets against the option it inherits from, in words */
  changes: OptionChanges[];
  /** the projection plans' assumptions (after inheritance) */
  assumptions: { plans: string[]; rows: AssumptionRow[] };
  /** cells with an error anywhere in the ranges read, as "Sheet!A1: #CODE message" */
  problems: string[];
}

const num = (v: CellResult | undefined): number | null => (typeof v === "number" ? v : null);
const text = (v: CellResult | undefined): string =>
  v === null || v === undefined ? "" : typeof v === "object" ? v.error : String(v);

export function reportData(values: ValuesOf, layout: DemoLayout, top = 5): ReportData {
  const problems: string[] = [];
  const read = (sheet: string, range: string) => {
    const grid = values(sheet, range);
    const [first] = range.split(":");
    const col0 = first.replace(/\d+/g, "");
    const row0 = Number(first.replace(/\D+/g, ""));
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && typeof v === "object") {
          const at = `${colLetters(colNumber(col0) + c)}${row0 + r}`;
          problems.push(`${sheet}!${at}: ${v.error} ${v.message}`.trim());
        }
      }),
    );
    return grid;
  };

  const summary = read(SHEETS.summary, `A2:${colLetters(2 + ALLOCATION_OPTIONS.length)}${PHASE_ORDER.length + 2}`);
  const phases = summary.slice(0, PHASE_ORDER.length).map((row) => ({
    phase: text(row[0]),
    totals: row.slice(1, 1 + ALLOCATION_OPTIONS.length).map(num),
    institutions: num(row[1 + ALLOCATION_OPTIONS.length]) ?? 0,
  }));
  const totals = summary[PHASE_ORDER.length].slice(1, 1 + ALLOCATION_OPTIONS.length).map(num);
  const memoGrid = read(
    SHEETS.summary,
    `A${SUMMARY_MEMO_FIRST}:${colLetters(1 + ALLOCATION_OPTIONS.length)}${SUMMARY_ALL_BLOCKS + 1}`,
  );
  const optionCells = (row: CellResult[] | undefined) => (row ?? []).slice(1, 1 + ALLOCATION_OPTIONS.length).map(num);
  const memo = memoGrid
    .slice(0, SUMMARY_ALL_BLOCKS - SUMMARY_MEMO_FIRST)
    .map((row) => ({ label: text(row[0]), totals: optionCells(row) }));
  const allBlocks = optionCells(memoGrid[SUMMARY_ALL_BLOCKS - SUMMARY_MEMO_FIRST]);
  const reconciles = optionCells(memoGrid[SUMMARY_ALL_BLOCKS - SUMMARY_MEMO_FIRST + 1]).every((v) => v === 0);

  const n = layout.count;
  const names = values(SHEETS.allocations, `A2:B${n + 1}`);
  const phaseOf = new Map(names.map((r) => [text(r[0]), text(r[1])]));

  const comparisons = CANDIDATES.map((candidate, k) => {
    const col = 1 + COMPARE_STRIDE * k;
    const grid = read(SHEETS.compare, `${colLetters(col)}3:${colLetters(col + 4)}${n + 3}`);
    const rows: ChangeRow[] = [];
    let errors = 0;
    for (const r of grid.slice(0, n)) {
      const [a, b, d] = [num(r[1]), num(r[2]), num(r[3])];
      if (a === null || b === null || d === null) {
        errors++;
        continue;
      }
      rows.push({ name: text(r[0]), phase: phaseOf.get(text(r[0])) ?? "", a, b, difference: d, change: num(r[4]) });
    }
    const total = grid[n] ?? [];
    const byDiff = [...rows].sort((x, y) => y.difference - x.difference || x.name.localeCompare(y.name));
    return {
      candidate,
      gainers: rows.filter((r) => r.difference > 0).length,
      losers: rows.filter((r) => r.difference < 0).length,
      unchanged: rows.filter((r) => r.difference === 0).length,
      errors,
      total: { a: num(total[1]), b: num(total[2]), difference: num(total[3]) },
      biggestGains: byDiff.filter((r) => r.difference > 0).slice(0, top),
      biggestLosses: byDiff
        .filter((r) => r.difference < 0)
        .reverse()
        .slice(0, top),
    };
  });

  const fitCells = read(SHEETS.fit, "J2:J8").map((r) => num(r[0]));
  const fit = {
    candidate: FIT_CANDIDATE,
    budget: fitCells[0],
    floor: fitCells[1],
    cap: fitCells[2],
    fitted: fitCells[3],
    before: fitCells[4],
    gaining: fitCells[5],
    losing: fitCells[6],
  };

  const projection = PLANS.map((plan, k) => {
    const col = 1 + 6 * k;
    const grid = read(SHEETS.projection, `${colLetters(col)}3:${colLetters(col + 4)}${PROJECTION_YEARS + 2}`);
    return {
      plan,
      rows: grid.map((r) => ({
        year: typeof r[0] === "number" ? r[0] : text(r[0]),
        income: num(r[1]),
        spend: num(r[2]),
        inYear: num(r[3]),
        cumulative: num(r[4]),
      })),
    };
  });

  const rates = values(SHEETS.rates, splitRef(layout.refs.rates).range.replace(/\$/g, ""));
  const changes = optionChanges(rates, ALLOCATION_OPTIONS);
  const assumptions = { plans: [...PLANS], rows: projectionAssumptions(rates, PLANS) };

  return {
    institutions: n,
    options: [...ALLOCATION_OPTIONS],
    phases,
    totals,
    memo,
    allBlocks,
    reconciles,
    comparisons,
    fit,
    projection,
    changes,
    assumptions,
    problems,
  };
}
