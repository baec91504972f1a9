// SEND.FORECAST(history, [horizon], [coverage]): the demand forecast of contract section 6.
import { forecast } from "../../engine/forecast";
import { SendError } from "../../engine/errors";
import type { OutGrid } from "../../engine/types";
import type { FunctionSpec, Result } from "../spec";

export const FORECAST_HEADER = ["Year", "Breakdown", "Low", "Central", "High"];

export const FORECAST: FunctionSpec = {
  name: "FORECAST",
  description: "Forecasts EHC plans from a history table: Year, Breakdown, Low, Central and High for each future year.",
  help:
    "The history has a Year column (the January census) and any of Total, Mainstream, RB, Special, ISP, AP, FE, " +
    "SPI, EY, Other, Age 0-4 to Age 20-25 and New plans, at least 3 consecutive years. Total is half an age " +
    "cohort model (plans ageing on, net new plans by age on a damped trend) and half the last census grown at " +
    "England's latest growth; each placement group likewise half its damped trend, half England's growth of that " +
    "group, made to add up to Total. Forecasts are whole plans; Low and High bound the coverage interval " +
    "(default 80%), measured from out-of-sample errors across every English LA.",
  parameters: [
    {
      name: "history",
      type: "range",
      description:
        "The history: a header row (Year, Total, Mainstream, Special, ISP, ..., New plans), then one row per January census.",
    },
    {
      name: "horizon",
      type: "number",
      optional: true,
      description: "Years to forecast after the last history year, 1 to 15 (default 3).",
    },
    {
      name: "coverage",
      type: "number",
      optional: true,
      description: "The probability the interval Low to High should hold, between 0 and 1 (default 0.8).",
    },
  ],
  result: "matrix",
  run(a): Result {
    const rows = forecast(a.range("history").grid(), { horizon: a.number("horizon"), coverage: a.number("coverage") });
    if (rows instanceof SendError) return rows;
    const grid: OutGrid = [[...FORECAST_HEADER]];
    for (const r of rows) grid.push([r.year, r.breakdown.header, r.low, r.central, r.high]);
    return grid;
  },
};
