// The demo's headline numbers (totals per option and phase, fit, projection): what the golden file
// test/golden/demo-totals.json pins, so a change to the engine, the demo or the host shows up as a diff.
import type { ReportData } from "./report/data";

export interface DemoTotals {
  institutions: number;
  options: Record<string, { total: number | null; byPhase: Record<string, number | null> }>;
  fit: { budget: number | null; fitted: number | null; gaining: number | null; losing: number | null };
  projection: Record<string, { finalCumulative: number | null }>;
}

const pennies = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

export function demoTotals(d: ReportData): DemoTotals {
  return {
    institutions: d.institutions,
    options: Object.fromEntries(d.options.map((o, j) => [o, {
      total: pennies(d.totals[j]),
      byPhase: Object.fromEntries(d.phases.map((p) => [p.phase, pennies(p.totals[j])])),
    }])),
    fit: { budget: pennies(d.fit.budget), fitted: pennies(d.fit.fitted), gaining: d.fit.gaining, losing: d.fit.losing },
    projection: Object.fromEntries(d.projection.map((p) => [p.plan, { finalCumulative: pennies(p.rows[p.rows.length - 1]?.cumulative ?? null) }])),
  };
}
