// SEND.PLAN: an option's projection as DSG management plan lines (engine/plan.ts explains the lines).
import { E, SendError } from "../../engine/errors";
import { OTHER_BLOCKS } from "../../engine/keys";
import { sum, toNumber } from "../../engine/money";
import { COUNT_LABELS, plan, PLAN_ROW_LABELS, SPEND_LINES, type PlanYear } from "../../engine/plan";
import { GROUPS } from "../../engine/project";
import type { OutCell } from "../../engine/types";
import type { FunctionSpec, Result } from "../spec";
import { FORECAST_PARAM, HISTORY_PARAM, num, OPTION_PARAM, RATES_PARAM, ratesAndOption } from "./common";

export const PLAN: FunctionSpec = {
  name: "PLAN",
  description:
    "An option's projection as DSG management plan lines: income, s251 spend lines, balances and EHCPs by placement, years across.",
  help:
    "Uses the same proj.* keys and rules as SEND.PROJECT and lays them out like the DfE DSG deficit management plan: " +
    "High Needs income; spend on section 251 lines (top-ups by setting, place funding, independent and non-maintained " +
    "fees, AP, post-16, early years, SEN support services and early help, new places' opening costs, hospital education " +
    "and other); a Rounding line (at most half a penny a line) so the lines add up to SEND.PROJECT's Spend; the " +
    "in-year and cumulative balance; then EHCPs by placement in whole children; then the DSG as a whole from the dsg.* " +
    "keys: income and spend of the Schools, Central School Services and Early Years blocks, the transfer from Schools " +
    "to High Needs, Safety Valve, other DfE and local authority contributions, the DSG-wide in-year and cumulative " +
    "balance and the deficit beyond the statutory override (dsg.override.end). One column per year.",
  parameters: [RATES_PARAM, OPTION_PARAM, FORECAST_PARAM, HISTORY_PARAM],
  result: "matrix",
  run(a): Result {
    const ro = ratesAndOption(a);
    if (ro instanceof SendError) return ro;
    const forecast = a.optRange("forecast");
    const history = a.optRange("history");
    const years = plan(ro.option, forecast ? forecast.grid() : null, history ? history.grid() : null);
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
      ["DSG: every block", ...across(() => null)],
      ...OTHER_BLOCKS.flatMap((b, k) => [
        [`${b.name} income`, ...across((y) => num(y.dsg.blocks[k].income))],
        [`${b.name} spend`, ...across((y) => num(y.dsg.blocks[k].spend))],
      ]),
      ["Block transfer: Schools block to High Needs", ...across((y) => num(y.dsg.transfer))],
      ["High Needs in-year after the transfer", ...across((y) => num(y.dsg.highNeedsInYear))],
      ["DfE contribution: Safety Valve", ...across((y) => num(y.dsg.safetyValve))],
      ["DfE contribution: other", ...across((y) => num(y.dsg.dfeOther))],
      ["Local authority contribution", ...across((y) => num(y.dsg.la))],
      ["DSG in-year balance (all blocks)", ...across((y) => num(y.dsg.inYear))],
      ["DSG cumulative balance", ...across((y) => num(y.dsg.cumulative))],
      ["DSG deficit beyond the statutory override", ...across((y) => num(y.dsg.beyondOverride))],
    ];
    if (rows.length !== PLAN_ROW_LABELS.length + 1 || rows.some((r, i) => i > 0 && r[0] !== PLAN_ROW_LABELS[i - 1]))
      return E.impossible("SEND.PLAN's rows disagree with PLAN_ROW_LABELS");
    return rows;
  },
};
