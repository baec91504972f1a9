// The demo workbook's native charts: the fan chart of the Demand sheet's Total forecast (actual, low,
// central, high) and the balance chart of the Projection sheet (each plan's cumulative balance). Their
// ranges are found in the recalculated sheets by their headings, never hard-coded.
import type { SheetSnapshot } from "../headless/io/bridge";
import type { CellResult } from "../headless/xlsx";
import type { LineChartSpec } from "../headless/io/xlsxCharts";
import { colLetters, sheetRef } from "../util/a1";

export const FAN_HEADING = "Fan chart data: Total plans";

const num = (v: CellResult | undefined): number | null => (typeof v === "number" ? v : null);
const blank = (v: CellResult | undefined) => v === null || v === undefined || v === "";

function colRange(sheet: string, col: number, top: number, bottom: number): string {
  const c = colLetters(col + 1);
  return sheetRef(sheet, `$${c}$${top + 1}:$${c}$${bottom + 1}`);
}

function find(s: SheetSnapshot, text: string): { r: number; c: number } | null {
  for (let r = 0; r < s.values.length; r++) {
    const c = s.values[r].findIndex((v) => v === text);
    if (c >= 0) return { r, c };
  }
  return null;
}

/** The fan chart: Year down the heading's column, then Actual, Low, Central, High. */
export function fanChart(s: SheetSnapshot): LineChartSpec | null {
  const at = find(s, FAN_HEADING);
  if (!at) return null;
  const head = at.r + 1;
  let last = head;
  while (!blank(s.values[last + 1]?.[at.c])) last++;
  if (last === head) return null;
  const rows = s.values.slice(head + 1, last + 1);
  const colors: Record<string, [string, "solid" | "dash"]> = {
    Actual: ["1F1F1F", "solid"],
    Low: ["6A8CAF", "dash"],
    Central: ["1F4E79", "solid"],
    High: ["6A8CAF", "dash"],
  };
  const series = Object.keys(colors).flatMap((name) => {
    const c = s.values[head].findIndex((v, j) => j > at.c && v === name);
    if (c < 0) return [];
    const [color, dash] = colors[name];
    return [{ name, ref: colRange(s.name, c, head + 1, last), values: rows.map((r) => num(r[c])), color, dash }];
  });
  return {
    sheet: s.name,
    title: "EHC plans: actual and forecast (fan: low to high)",
    categories: { ref: colRange(s.name, at.c, head + 1, last), labels: rows.map((r) => String(r[at.c] ?? "")) },
    series,
    at: { col: 17, row: 5, cols: 9, rows: 20 },
    valueFormat: "#,##0",
    yTitle: "EHC plans",
  };
}

/** The balance chart: each plan block's Cumulative column against its Year column. */
export function balanceChart(s: SheetSnapshot): LineChartSpec | null {
  const header = s.values[1] ?? [];
  const years = header.findIndex((v) => v === "Year");
  if (years < 0) return null;
  let last = 1;
  while (!blank(s.values[last + 1]?.[years])) last++;
  if (last === 1) return null;
  const palette = ["C00000", "2E75B6", "548235", "7F6000"];
  const series = header.flatMap((v, c) => {
    if (v !== "Cumulative") return [];
    let start = c;
    while (start > 0 && header[start] !== "Year") start--;
    const name = String(s.values[0]?.[start] ?? `Plan ${c}`);
    const values = s.values.slice(2, last + 1).map((r) => num(r[c]));
    return [{ name, ref: colRange(s.name, c, 2, last), values, color: "", dash: "solid" as const }];
  });
  if (!series.length) return null;
  series.forEach((x, i) => (x.color = palette[i % palette.length]));
  return {
    sheet: s.name,
    title: "Cumulative DSG high-needs balance by plan",
    categories: {
      ref: colRange(s.name, years, 2, last),
      labels: s.values.slice(2, last + 1).map((r) => String(r[years] ?? "")),
    },
    series,
    at: { col: (s.values[0]?.length ?? 11) + 1, row: 1, cols: 9, rows: 18 },
    valueFormat: '£#,##0.0,,"m";-£#,##0.0,,"m"',
    yTitle: "£ million",
  };
}

/** Both charts, for the sheets that hold their data. */
export function demoCharts(snaps: readonly SheetSnapshot[], demand: string, projection: string): LineChartSpec[] {
  const d = snaps.find((s) => s.name === demand);
  const p = snaps.find((s) => s.name === projection);
  return [d && fanChart(d), p && balanceChart(p)].filter((c): c is LineChartSpec => Boolean(c));
}
