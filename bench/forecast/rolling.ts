// The rolling-origin experiment shared by the backtest and the calibration of the intervals: every LA of the
// bundled history, forecast from each origin with only the years up to it, compared with what was published.
import { historyTable, listAuthorities } from "../../src/data/ehcp";
import { readHistory, type History } from "../../src/engine/forecast/history";
import { forecastHistory, type ForecastRow } from "../../src/engine/forecast";
import type { Calibration } from "../../src/engine/forecast/intervals";
import { BASELINE, type Method } from "../../src/engine/forecast/method";
import { referenceAt } from "../../src/engine/forecast/national";
import { isSendError } from "../../src/engine/errors";

export interface Outcome {
  la: string;
  origin: number;
  h: number;
  key: string;
  /** the last history value of the breakdown at the origin (its size band) */
  size: number;
  actual: number;
  row: ForecastRow;
  /** the breakdown's history up to the origin (for the naive methods) */
  series: readonly number[];
}

export interface Area {
  code: string;
  name: string;
  history: History;
}

/** Every LA (England left out: it is the sum of the others) with a readable history. */
export function areas(): Area[] {
  const out: Area[] = [];
  for (const a of listAuthorities()) {
    const h = readHistory(historyTable(a.code)!);
    if (!isSendError(h)) out.push({ code: a.code, name: a.name, history: h });
  }
  return out;
}

/** The history up to `origin` (undefined when fewer than 3 years remain). */
export function upTo(h: History, origin: number): History | undefined {
  const k = h.years.indexOf(origin);
  if (k < 2) return undefined;
  return {
    years: h.years.slice(0, k + 1),
    columns: h.columns.map((c) => ({ breakdown: c.breakdown, values: c.values.slice(0, k + 1) })),
  };
}

/** Forecasts from `origin`, `horizon` years ahead, matched with the published values (targets ≤ the last year). */
export function outcomes(
  all: readonly Area[],
  origin: number,
  horizon: number,
  calibration: Calibration,
  method: Method = BASELINE,
  coverage = 0.8,
): Outcome[] {
  const out: Outcome[] = [];
  // England's growth to the origin: what SEND.FORECAST pools toward for a history ending then
  const reference = referenceAt(origin, method);
  for (const a of all) {
    const hist = upTo(a.history, origin);
    if (!hist) continue;
    const rows = forecastHistory(hist, horizon, coverage, calibration, method, reference);
    for (const row of rows) {
      const t = a.history.years.indexOf(row.year);
      if (t < 0) continue;
      const col = a.history.columns.find((c) => c.breakdown === row.breakdown);
      if (!col) continue;
      const series = hist.columns.find((c) => c.breakdown === row.breakdown)!.values;
      out.push({
        la: a.code,
        origin,
        h: row.year - origin,
        key: row.breakdown.key,
        size: series[series.length - 1],
        actual: col.values[t],
        row,
        series,
      });
    }
  }
  return out;
}
