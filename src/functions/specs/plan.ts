// SEND.PLAN: an option's projection as DSG management plan lines (engine/plan.ts explains the lines).
import { SendError } from "../../engine/errors";
import { sum, toNumber } from "../../engine/money";
import { COUNT_LABELS, plan, SPEND_LINES, type PlanYear } from "../../engine/plan";
import { GROUPS } from "../../engine/project";
import type { OutCell } from "../../engine/types";
import type { FunctionSpec, Result } from "../spec";
import { num, OPTION_PARAM, RATES_PARAM, ratesAndOption } from "./common";

/** The spill's row labels, in order (row 1 is "Line" and the years). */
export const PLAN_ROW_LABELS: readonly string[] = [
  "High Needs block DSG income",
  ...SPEND_LINES.map((l) => l.label),
  "Rounding (lines rounded separately)",
  "Total High Needs spend",
  "In-year balance",
  "Cumulative balance",
  "EHCPs by placement",
  ...GROUPS.map((g) => COUNT_LABELS[g]),
  "Total EHCPs",
];

export const PLAN: FunctionSpec = {
  name: "PLAN",
  description:
    "An option's projection as DSG management plan lines: income, s251 spend lines, balances and EHCPs by placement, years across.",
  help:
    "Uses the same proj.* keys and rules as SEND.PROJECT and lays them out like the DfE DSG deficit management plan: " +
    "High Needs income; spend on section 251 lines (top-ups by setting, place funding, independent and non-maintained " +
    "fees, AP, post-16, early years, SEN support services and early help, new places' opening costs, hospital education " +
    "and other); a Rounding line (at most half a penny a line) so the lines add up to SEND.PROJECT's Spend; the " +
    "in-year and cumulative balance; then EHCPs by placement in whole children. One column per year.",
  parameters: [
    RATES_PARAM,
    OPTION_PARAM,
    {
      name: "forecast",
      type: "range",
      optional: true,
      description:
        "A demand forecast (the spill of SEND.FORECAST), as for SEND.PROJECT: each year's pupils by placement are its Central values.",
    },
  ],
  result: "matrix",
  run(a): Result {
    const ro = ratesAndOption(a);
    if (ro instanceof SendError) return ro;
    const forecast = a.optRange("forecast");
    const years = plan(ro.option, forecast ? forecast.grid() : null);
    if (years instanceof SendError) return years;
    const across = (f: (y: PlanYear) => OutCell): OutCell[] => years.map(f);
    const rows: OutCell[][] = [
      ["Line", ...across((y) => y.year)],
      [PLAN_ROW_LABELS[0], ...across((y) => num(y.income))],
      ...SPEND_LINES.map((l, k) => [l.label, ...across((y) => num(y.lines[k]))]),
      ["Rounding (lines rounded separately)", ...across((y) => num(y.rounding))],
      ["Total High Needs spend", ...across((y) => num(y.spend))],
      ["In-year balance", ...across((y) => num(y.inYear))],
      ["Cumulative balance", ...across((y) => num(y.cumulative))],
      ["EHCPs by placement", ...across(() => null)],
      ...GROUPS.map((g, k) => [COUNT_LABELS[g], ...across((y) => toNumber(y.counts[k]))]),
      ["Total EHCPs", ...across((y) => toNumber(sum(y.counts)))],
    ];
    return rows;
  },
};
