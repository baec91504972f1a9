// The demo's headline numbers (totals per option and phase, fit, projection): what the golden file
// test/golden/demo-totals.json pins, so a change to the engine, the demo or the host shows up as a diff.
import type { ReportData } from "./report/data";

export interface DemoTotals {
  institutions: number;
  /** High Needs spend per option: the total and by phase */
  options: Record<string, { total: number | null; byPhase: Record<string, number | null> }>;
  /** the other blocks (memo lines) and the all-block total per option */
  memo: Record<string, Record<string, number | null>>;
  fit: { budget: number | null; fitted: number | null; gaining: number | null; losing: number | null };
  projection: Record<string, { finalCumulative: number | null }>;
}

const pennies = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

export function demoTotals(d: ReportData): DemoTotals {
  return {
    institutions: d.institutions,
    options: Object.fromEntries(
      d.options.map((o, j) => [
        o,
        {
          total: pennies(d.totals[j]),
          byPhase: Object.fromEntries(d.phases.map((p) => [p.phase, pennies(p.totals[j])])),
        },
      ]),
    ),
    memo: Object.fromEntries(
      d.options.map((o, j) => [
        o,
        Object.fromEntries([
          ...d.memo.map((m) => [m.label, pennies(m.totals[j])] as const),
          ["All blocks", pennies(d.allBlocks[j])] as const,
        ]),
      ]),
    ),
    fit: { budget: pennies(d.fit.budget), fitted: pennies(d.fit.fitted), gaining: d.fit.gaining, losing: d.fit.losing },
    projection: Object.fromEntries(
      d.projection.map((p) => [p.plan, { finalCumulative: pennies(p.rows[p.rows.length - 1]?.cumulative ?? null) }]),
    ),
  };
}
