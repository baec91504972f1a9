// The projected balances the Schools Forum paper shows, read from a Projection sheet the pane wrote
// (model/projection.ts: a title cell over each SEND.PROJECT spill of Year, Income, Spend, In-year, Cumulative),
// or from a deficit management plan workbook's Financial summary (model/plan.ts), whose balances include the
// risk-adjusted one. Nothing is computed here: the figures are the values the sheets' formulas produced.
import { BALANCE_LABELS, BALANCES_HEADING } from "./planWorkbook";

export interface BalanceLine {
  /** the option (plan) name from the block's title cell */
  name: string;
  /** cumulative balance at the end of each year (null where the cell is not a number) */
  values: (number | null)[];
}

export interface ProjectedBalances {
  sheet: string;
  /** "projection": SEND.PROJECT's high needs balance per option; "plan": the plan's DSG-wide balances */
  source: "projection" | "plan";
  years: string[];
  lines: BalanceLine[];
}

/** The cumulative balance of every SEND.PROJECT block on a Projection sheet. `values` and `formulas` are the sheet's
 * cells from A1 (formulas needs rows 1 and 2); null when no block's spill has a year. */
export function projectionBalances(
  sheet: string,
  values: readonly (readonly unknown[])[],
  formulas: readonly (readonly unknown[])[],
): ProjectedBalances | null {
  const lines: BalanceLine[] = [];
  let years: string[] = [];
  const row2 = formulas[1] ?? [];
  for (let c = 0; c < row2.length; c++) {
    const f = row2[c];
    if (typeof f !== "string" || !/^=\s*SEND\.PROJECT\(/i.test(f)) continue;
    // data rows start under the spill's header row (row 2) and end at the first blank year
    const rows: (readonly unknown[])[] = [];
    for (let r = 2; r < values.length && !blank(values[r]?.[c]); r++) rows.push(values[r]);
    if (rows.length === 0) continue;
    const title = values[0]?.[c];
    lines.push({
      name: typeof title === "string" && title.trim() ? title.trim() : `Plan ${lines.length + 1}`,
      values: rows.map((r) => (typeof r[c + 4] === "number" ? (r[c + 4] as number) : null)),
    });
    if (rows.length > years.length) years = rows.map((r) => String(r[c]));
  }
  return lines.length ? { sheet, source: "projection", years, lines } : null;
}

/** The plan's balances carried forward (unmitigated, mitigated, mitigated and risk-adjusted) from its Financial
 * summary's values (from A1); null when the sheet has no balances block. */
export function planBalances(sheet: string, values: readonly (readonly unknown[])[]): ProjectedBalances | null {
  const label = (r: readonly unknown[] | undefined) => (typeof r?.[0] === "string" ? r[0].trim() : "");
  const top = values.findIndex((r) => label(r) === BALANCES_HEADING);
  if (top < 0) return null;
  const head = values[top];
  const years: string[] = [];
  for (let c = 1; c < head.length && !blank(head[c]); c++) years.push(String(head[c]));
  const rows: [string, string][] = [
    ["Unmitigated", BALANCE_LABELS.cfU],
    ["Mitigated", BALANCE_LABELS.cfM],
    ["Risk-adjusted", BALANCE_LABELS.cfR],
  ];
  const lines = rows.flatMap(([name, l]) => {
    const r = values.slice(top + 1).find((row) => label(row) === l);
    return r
      ? [{ name, values: years.map((_, k) => (typeof r[k + 1] === "number" ? (r[k + 1] as number) : null)) }]
      : [];
  });
  return years.length && lines.length ? { sheet, source: "plan", years, lines } : null;
}

const blank = (v: unknown) => v === null || v === undefined || v === "";
