// SEND.FIT, SEND.DEFICIT, SEND.PROJECT, SEND.PAYBACK: whole-budget calculations.
import { deficit } from "../../engine/deficit";
import { readNumber } from "../../engine/coerce";
import { E, SendError } from "../../engine/errors";
import { fitDetailed, fitNumbers, type FitValue } from "../../engine/fit";
import type { Dec } from "../../engine/money";
import { payback } from "../../engine/payback";
import { project } from "../../engine/project";
import type { OutGrid } from "../../engine/types";
import type { Range } from "../args";
import type { FunctionSpec, Result } from "../spec";
import { FORECAST_PARAM, HISTORY_PARAM, num, numberVector, OPTION_PARAM, RATES_PARAM, ratesAndOption } from "./common";

/**
 * Every cell of a range (row by row) as FIT reads it: a number stays a number (the solver reads it exactly, as
 * `new Decimal(x)` would, without building 300,000 Decimals), text is coerced or #VALUE! naming the cell.
 */
function numbersIn(range: Range, arg: string): FitValue[] | SendError {
  const cells = range.cells();
  const out = new Array<FitValue>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (typeof c === "number" && Number.isFinite(c)) {
      out[i] = c === 0 ? 0 : c; // -0 -> 0
      continue;
    }
    const n = readNumber(c);
    if (n.kind === "text") return E.notNumberArg(`${arg} ${range.cellLabel(i)}`, n.text);
    out[i] = n.kind === "number" ? n.value : null;
  }
  return out;
}

export const FIT: FunctionSpec = {
  name: "FIT",
  description:
    "Scales amounts by one common factor so they total the budget exactly, within baseline floor and cap bounds.",
  help:
    "The funding guarantee with capping and scaling: every amount is multiplied by the same factor and held " +
    "between baseline × (1 + floor) and baseline × (1 + cap); pennies are placed by largest remainder so the results " +
    "sum to the budget exactly. #NUM! when no factor can reach the budget.",
  parameters: [
    { name: "amounts", type: "range", group: "rows", description: "The amounts to scale (one per institution)." },
    { name: "budget", type: "number", description: "The total the results must add up to." },
    {
      name: "baseline",
      type: "range",
      optional: true,
      group: "rows",
      description: "Last year's amounts, one per row of amounts; floor and cap are relative to them.",
    },
    {
      name: "floor",
      type: "number",
      optional: true,
      description: "Most an institution may lose, as a fraction of baseline: -0.005 is -0.5%.",
    },
    {
      name: "cap",
      type: "number",
      optional: true,
      description: "Most an institution may gain, as a fraction of baseline: 0.05 is 5%.",
    },
  ],
  result: "matrix",
  run(a): Result {
    const amountsRange = a.range("amounts");
    const amounts = numbersIn(amountsRange, "amounts");
    if (amounts instanceof SendError) return amounts;
    const baselineRange = a.optRange("baseline");
    const baseline = baselineRange ? numbersIn(baselineRange, "baseline") : null;
    if (baseline instanceof SendError) return baseline;
    const fitted = fitDetailed(amounts, a.number("budget") as Dec, {
      baseline,
      floor: a.number("floor"),
      cap: a.number("cap"),
    });
    if (fitted instanceof SendError) return fitted;
    const results = fitNumbers(fitted);
    // the same shape as amounts, row by row
    const grid: OutGrid = [];
    for (let r = 0; r < amountsRange.rows; r++) {
      grid.push(results.slice(r * amountsRange.cols, (r + 1) * amountsRange.cols));
    }
    return grid;
  },
};

export const DEFICIT: FunctionSpec = {
  name: "DEFICIT",
  description: "The DSG reserve year by year: a spill of in-year (income - spend + adjustment) and cumulative balance.",
  help:
    "One row per year: in-year = income - spend + adjustment, and cumulative = the previous cumulative balance " +
    "(the opening balance first) + in-year. A deficit is negative. Blank cells are 0.",
  parameters: [
    {
      name: "opening",
      type: "number",
      blankOk: true,
      description: "The cumulative balance before the first year (a deficit is negative).",
    },
    { name: "income", type: "range", group: "years", description: "Income for each year (one column or row)." },
    { name: "spend", type: "range", group: "years", description: "Spend for each year, as many values as income." },
    {
      name: "adjustments",
      type: "range",
      optional: true,
      group: "years",
      description: "Other adjustments for each year (default 0).",
    },
  ],
  result: "matrix",
  run(a): Result {
    const income = numberVector(a.range("income"), "income");
    if (income instanceof SendError) return income;
    const spend = numberVector(a.range("spend"), "spend");
    if (spend instanceof SendError) return spend;
    const adjRange = a.optRange("adjustments");
    const adjustments = adjRange ? numberVector(adjRange, "adjustments") : null;
    if (adjustments instanceof SendError) return adjustments;
    const rows = deficit(a.number("opening"), income, spend, adjustments);
    if (rows instanceof SendError) return rows;
    return rows.map((r) => r.map(num));
  },
};

export const PROJECT: FunctionSpec = {
  name: "PROJECT",
  description:
    "The high-needs deficit projection of an option: Year, Income, Spend, In-year and Cumulative for each year.",
  help:
    "Uses the option's proj.* keys (start year, years, opening balance, grant and growth, pupils, growth and " +
    "cost by setting, inflation, early intervention, ISP shift). Unmitigated and mitigated plans are two options of " +
    "the same table. Given a forecast, the pupils of each year are the forecast's placements (Central), costed per " +
    "setting with ISP fee inflation and LA top-up inflation kept apart, after the levers: early help cutting new " +
    "plans (proj.newplans.cut) and new special places taking ISP pupils (proj.places.<y>), each with its own cost. " +
    "Each financial year April Y to March Y+1 counts 0.75 × January Y+1 + 0.25 × January Y (proj.census.weight; 1 " +
    "keeps the January inside the year); the census before the forecast's first year comes from the history " +
    "argument, the table SEND.FORECAST read.",
  parameters: [RATES_PARAM, OPTION_PARAM, FORECAST_PARAM, HISTORY_PARAM],
  result: "matrix",
  run(a): Result {
    const ro = ratesAndOption(a);
    if (ro instanceof SendError) return ro;
    const forecast = a.optRange("forecast");
    const history = a.optRange("history");
    const rows = project(ro.option, forecast ? forecast.grid() : null, history ? history.grid() : null);
    if (rows instanceof SendError) return rows;
    return [
      ["Year", "Income", "Spend", "In-year", "Cumulative"],
      ...rows.map((r) => [r.year, num(r.income), num(r.spend), num(r.inYear), num(r.cumulative)]),
    ];
  },
};

export const PAYBACK: FunctionSpec = {
  name: "PAYBACK",
  description:
    "Years for an invest-to-save scheme to repay itself: investment / (annual saving - annual cost), to 0.01.",
  help:
    "Divides the investment by the net yearly saving and rounds to a hundredth of a year. #NUM! when the net " +
    "saving is 0 or less, because it never pays back.",
  parameters: [
    { name: "investment", type: "number", description: "The up-front cost." },
    { name: "annual_saving", type: "number", description: "The saving each year." },
    { name: "annual_cost", type: "number", optional: true, description: "The running cost each year (default 0)." },
  ],
  result: "scalar",
  run(a): Result {
    const years = payback(a.number("investment") as Dec, a.number("annual_saving") as Dec, a.number("annual_cost"));
    return years instanceof SendError ? years : num(years);
  },
};
