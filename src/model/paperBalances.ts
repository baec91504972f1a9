// The projected balances the Schools Forum paper shows, read from a Projection sheet the pane wrote
// (model/projection.ts: a title cell over each SEND.PROJECT spill of Year, Income, Spend, In-year, Cumulative).
// Nothing is computed here: the figures are the values the sheet's formulas produced.
export interface BalanceLine {
  /** the option (plan) name from the block's title cell */
  name: string;
  /** cumulative balance at the end of each year (null where the cell is not a number) */
  values: (number | null)[];
}

export interface ProjectedBalances {
  sheet: string;
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
  return lines.length ? { sheet, years, lines } : null;
}

const blank = (v: unknown) => v === null || v === undefined || v === "";
