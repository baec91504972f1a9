// The mitigations log of a DSG deficit management plan, one row per mitigation, and its prudent totals.
// Costs are paid in full whatever the confidence; only savings are weighted by it, and only savings that are
// positive (a mitigation expected to cost more is not made cheaper by doubt). So the risk-adjusted net is never
// better than the mitigated net, and strictly worse whenever a positive saving has a confidence below 1.
// The plan workbook (src/model/planWorkbook.ts) writes the same rules as live formulas; test/engine/mitigations.test.ts
// holds both to them.
import { ONE, ZERO, roundMoney, sum, type Dec } from "./money";

export interface Mitigation {
  description: string;
  owner: string;
  /** first financial year it runs, e.g. 2026 for 2026-27 */
  start: number;
  /** paid in the start year */
  oneOff: Dec;
  /** paid every year from the start year */
  recurring: Dec;
  /** expected saving by plan year (index 0 = the plan's first year) */
  savings: Dec[];
  /** 0..1: how sure the owner is that the savings arrive */
  confidence: Dec;
}

export interface MitigationYear {
  savings: Dec;
  costs: Dec;
  /** savings − costs */
  net: Dec;
  /** Σ positive savings × confidence + negative savings in full − costs */
  riskAdjusted: Dec;
}

/** RAG rating of a confidence: Green from 75%, Amber from 50%, Red below (a convention of this tool). */
export const RAG_THRESHOLDS = { green: 0.75, amber: 0.5 } as const;
export function rag(confidence: Dec): "Green" | "Amber" | "Red" {
  if (confidence.gte(RAG_THRESHOLDS.green)) return "Green";
  return confidence.gte(RAG_THRESHOLDS.amber) ? "Amber" : "Red";
}

/** A mitigation's costs in plan year k (0-based) of a plan whose first financial year is `first`. */
export function mitigationCost(m: Mitigation, first: number, k: number): Dec {
  const fy = first + k;
  return (fy === m.start ? m.oneOff : ZERO).plus(fy >= m.start ? m.recurring : ZERO);
}

/** The log's totals for each of `years` plan years, rounded to the penny. */
export function mitigationTotals(log: readonly Mitigation[], first: number, years: number): MitigationYear[] {
  return Array.from({ length: years }, (_, k) => {
    const savings = sum(log.map((m) => m.savings[k] ?? ZERO));
    const costs = sum(log.map((m) => mitigationCost(m, first, k)));
    const weighted = sum(
      log.map((m) => {
        const s = m.savings[k] ?? ZERO;
        return s.gt(ZERO) ? s.times(m.confidence.gt(ONE) ? ONE : m.confidence) : s;
      }),
    );
    return {
      savings: roundMoney(savings),
      costs: roundMoney(costs),
      net: roundMoney(savings.minus(costs)),
      riskAdjusted: roundMoney(weighted.minus(costs)),
    };
  });
}
