// The Demand sheet: a demand history, a live SEND.FORECAST of it, the data of a fan chart of the Total,
// capacity inputs and a live SEND.SUFFICIENCY. Built the same way by the task pane's Demand screen and the demo.
//
//   row 1  title                                   row 2  where the history comes from (REAL data or the user's)
//   row 3  inputs: horizon, coverage, overflow     row 4  how to use the sheet
//   row 7  history (header + one row per year)     | a column gap | SEND.FORECAST spill (grows down and only down)
//   below the history: fan-chart data (Year, Actual, Low, Central, High) | capacity inputs | SEND.SUFFICIENCY spill
// Nothing spills into anything else whatever the horizon: the forecast has the columns right of the history to
// itself, and the blocks under the history keep left of it. The formulas that read the forecast read the rows of
// the longest horizon SEND.FORECAST allows (blank rows are skipped), so a longer horizon typed on the sheet still
// reaches SEND.SUFFICIENCY and a projection; the fan data keeps the years of the horizon the sheet was written with.
import { blockRange, cellA1, colLetters } from "../util/a1";
import type { RawCell, Rows } from "./types";
import { MAX_HORIZON } from "../engine/forecast";

export interface CapacityRow {
  breakdown: string;
  year: number;
  places: number;
}

export interface DemandSheetInput {
  title: string;
  /** where the history comes from, said plainly ("REAL published data: ..." or "Your own history, ...") */
  source: string;
  /** header row first: Year, then breakdown columns (Total, Mainstream, ..., New plans) */
  history: RawCell[][];
  horizon: number;
  coverage: number;
  overflow: boolean;
  capacity: readonly CapacityRow[];
  /** blank capacity rows left for the user (default 6) */
  spareCapacityRows?: number;
}

export interface DemandLayout {
  rows: Rows;
  /** the history with its header row, and the same absolute (what SEND.FORECAST and SEND.PROJECT read) */
  history: string;
  historyAbs: string;
  /** where SEND.FORECAST is, and the spill range the sheet's other formulas read (absolute, for the horizon given) */
  forecastAnchor: string;
  forecast: string;
  /** capacity inputs with header and spare rows; the SEND.SUFFICIENCY anchor */
  capacity: string;
  sufficiencyAnchor: string;
  /** fan-chart data: categories and one range per series (data rows only) */
  fan: { categories: string; series: { name: string; values: string }[] };
  /** ranges to format as whole numbers */
  counts: string[];
  /** where the chart sits */
  chartAnchor: string;
  inputs: { horizon: string; coverage: string; overflow: string };
  /** the forecast years the fan data shows */
  forecastYears: number[];
  lastHistoryYear: number;
}

const HISTORY_TOP = 7;

export const DEMAND_NOTE =
  `Change the history, horizon (up to ${MAX_HORIZON} years) or coverage and the forecast and sufficiency recalculate ` +
  "(the fan chart keeps the years it was written with). " +
  "Capacity: one row per breakdown and year from which that number of places holds (until the breakdown's next row). " +
  "Gap = Places - Demand (Central): negative is a shortfall.";

/** Breakdown spill rows of SEND.FORECAST: one per history column after Year, and Total even when absent. */
export function forecastBreakdowns(header: readonly RawCell[]): number {
  const names = header
    .slice(1)
    .filter((h) => h !== null && String(h).trim() !== "")
    .map((h) => String(h).trim().toLowerCase());
  return names.length + (names.includes("total") ? 0 : 1);
}

export function demandSheet(s: DemandSheetInput): DemandLayout {
  const rows: Rows = [];
  const put = (row: number, col: number, v: RawCell) => {
    while (rows.length < row) rows.push([]);
    const r = rows[row - 1];
    while (r.length < col) r.push(null);
    r[col - 1] = v;
  };
  const hist = s.history;
  const width = Math.max(...hist.map((r) => r.length));
  const histBottom = HISTORY_TOP + hist.length - 1;
  const lastHistoryYear = Number(hist[hist.length - 1][0]);
  const history = `${cellA1(HISTORY_TOP, 1)}:${cellA1(histBottom, width)}`;
  const historyAbs = `${cellA1(HISTORY_TOP, 1, true)}:${cellA1(histBottom, width, true)}`;

  put(1, 1, s.title);
  put(2, 1, s.source);
  put(3, 1, "Horizon (years)");
  put(3, 2, s.horizon);
  put(3, 3, "Coverage");
  put(3, 4, s.coverage);
  put(3, 5, "Overflow special to ISP");
  put(3, 6, s.overflow);
  put(4, 1, DEMAND_NOTE);
  put(HISTORY_TOP - 1, 1, "History (January census)");
  hist.forEach((r, i) => r.forEach((v, j) => put(HISTORY_TOP + i, j + 1, v)));

  // the forecast, right of the history
  const fCol = width + 2;
  const forecastAnchor = cellA1(HISTORY_TOP, fCol);
  const spillRows = 1 + MAX_HORIZON * forecastBreakdowns(hist[0]);
  const forecast = `${cellA1(HISTORY_TOP, fCol, true)}:${cellA1(HISTORY_TOP + spillRows - 1, fCol + 4, true)}`;
  put(HISTORY_TOP - 1, fCol, "Forecast (SEND.FORECAST)");
  put(HISTORY_TOP, fCol, `=SEND.FORECAST(${historyAbs},$B$3,$D$3)`);
  // one column of the spill's data rows, absolute
  const col = (k: number) =>
    `${cellA1(HISTORY_TOP + 1, fCol + k, true)}:${cellA1(HISTORY_TOP + spillRows - 1, fCol + k, true)}`;
  const fYear = col(0);
  const fBreakdown = col(1);

  // under the history: fan data | capacity | sufficiency
  const top = histBottom + 3;
  put(top - 1, 1, "Fan chart data: Total plans");
  ["Year", "Actual", "Low", "Central", "High"].forEach((h, j) => put(top, 1 + j, h));
  const totalCol = hist[0].findIndex((h) => typeof h === "string" && h.trim().toLowerCase() === "total");
  const firstFanRow = top + 1;
  let r = firstFanRow;
  hist.slice(1).forEach((_, i) => {
    const hr = HISTORY_TOP + 1 + i;
    put(r, 1, `=${cellA1(hr, 1)}`);
    put(r, 2, totalCol >= 0 ? `=${cellA1(hr, totalCol + 1)}` : `=SUM(${cellA1(hr, 2)}:${cellA1(hr, width)})`);
    if (i === hist.length - 2) for (const c of [3, 4, 5]) put(r, c, `=B${r}`); // the fan opens at the last actual
    r++;
  });
  const forecastYears: number[] = [];
  for (let k = 1; k <= s.horizon; k++, r++) {
    forecastYears.push(lastHistoryYear + k);
    put(r, 1, `=A${r - 1}+1`);
    [2, 3, 4].forEach((src, j) => put(r, 3 + j, `=SUMIFS(${col(src)},${fYear},$A${r},${fBreakdown},"Total")`));
  }
  const lastFanRow = r - 1;
  const fan = {
    categories: `A${firstFanRow}:A${lastFanRow}`,
    series: ["Actual", "Low", "Central", "High"].map((name, j) => ({
      name,
      values: `${colLetters(2 + j)}${firstFanRow}:${colLetters(2 + j)}${lastFanRow}`,
    })),
  };

  const capCol = 7;
  put(top - 1, capCol, "Capacity (places planned)");
  ["Breakdown", "Year", "Places"].forEach((h, j) => put(top, capCol + j, h));
  s.capacity.forEach((c, i) => {
    put(top + 1 + i, capCol, c.breakdown);
    put(top + 1 + i, capCol + 1, c.year);
    put(top + 1 + i, capCol + 2, c.places);
  });
  const capBottom = top + s.capacity.length + (s.spareCapacityRows ?? 6);
  const capacity = `${cellA1(top, capCol)}:${cellA1(capBottom, capCol + 2)}`;
  const capacityAbs = `${cellA1(top, capCol, true)}:${cellA1(capBottom, capCol + 2, true)}`;
  const sCol = capCol + 4;
  const sufficiencyAnchor = cellA1(top, sCol);
  put(top - 1, sCol, "Sufficiency (SEND.SUFFICIENCY)");
  put(top, sCol, `=SEND.SUFFICIENCY(${forecast},${capacityAbs},$F$3)`);
  const width2 = Math.max(...rows.map((x) => x.length));
  for (const x of rows) while (x.length < width2) x.push(null);

  // every row the sufficiency spill can reach: each year of the longest horizon, each breakdown (+ ISP by overflow)
  const suffBottom = top + MAX_HORIZON * (forecastBreakdowns(hist[0]) + 1);
  return {
    rows,
    history,
    historyAbs,
    forecastAnchor,
    forecast,
    capacity,
    sufficiencyAnchor,
    fan,
    counts: [
      `${colLetters(fCol + 2)}${HISTORY_TOP + 1}:${colLetters(fCol + 4)}${HISTORY_TOP + spillRows - 1}`,
      `B${firstFanRow}:E${lastFanRow}`,
      `${colLetters(sCol + 2)}${top + 1}:${colLetters(sCol + 4)}${suffBottom}`,
    ],
    chartAnchor: blockRange(cellA1(HISTORY_TOP, fCol + 6), 18, 8),
    inputs: { horizon: "B3", coverage: "D3", overflow: "F3" },
    forecastYears,
    lastHistoryYear,
  };
}
