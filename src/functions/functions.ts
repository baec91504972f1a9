// The Excel custom functions, declared in JSDoc: custom-functions-metadata turns this file into functions.json
// (webpack plugin at build time; test/functions/metadata.test.ts checks it against the registry and the golden).
// The namespace SEND comes from the manifest, not from here. Every body is one line: excel() coerces the
// arguments, runs the registry function and maps errors (src/functions/excel.ts). Ranges are any[][]; scalar
// arguments are any so that blank cells, numbers typed as text and our error messages reach the wrapper intact.
// Descriptions must equal the registry's (the metadata test says so) and must not contain an at-sign followed by
// a word: the metadata parser would read it as a tag.
/* eslint-disable max-len -- each JSDoc description is one line because the metadata parser keeps line breaks, and
   it must equal the registry's description exactly */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands these entry points blanks, numbers, text, errors
   and 2-D arrays of any of them; the JSDoc types (any, any[][]) are what custom-functions-metadata reads, and
   excel() checks every argument against the registry before anything uses it. */
import { excel } from "./excel";

/**
 * The total SEND funding of one institution under one option of a rates table.
 * @customfunction ALLOCATE
 * @helpurl https://localhost:3000/help.html#allocate
 * @param rates The rates table: a header row with Factor and one column per option, then one key per row.
 * @param option The option (column header) to use; may be blank when the table has only one option.
 * @param fields The institution header row (Name, Phase, Primary Pupils, EHCP Band 1, Places, ...).
 * @param values The institution's values, one under each header in fields.
 * @param [block] Only this funding block: High needs, Schools, 16-19 or Early years (default All, the Total).
 * @returns The institution's total, each component rounded to round.to.
 */
export function allocate(rates: any[][], option: any, fields: any[][], values: any[][], block?: any): number {
  return excel("ALLOCATE", [rates, option, fields, values, block]);
}

/**
 * One institution's funding by component: a 7 × 3 spill of component, block and amount, ending with Total.
 * @customfunction BREAKDOWN
 * @helpurl https://localhost:3000/help.html#breakdown
 * @param rates The rates table: a header row with Factor and one column per option, then one key per row.
 * @param option The option (column header) to use; may be blank when the table has only one option.
 * @param fields The institution header row (Name, Phase, Primary Pupils, EHCP Band 1, Places, ...).
 * @param values The institution's values, one under each header in fields.
 * @returns Component, block and amount for each component, then Total.
 */
export function breakdown(rates: any[][], option: any, fields: any[][], values: any[][]): any[][] {
  return excel("BREAKDOWN", [rates, option, fields, values]);
}

/**
 * The total funding of every institution in a table under one option: one value per data row.
 * @customfunction ALLOCATEALL
 * @helpurl https://localhost:3000/help.html#allocateall
 * @param rates The rates table: a header row with Factor and one column per option, then one key per row.
 * @param option The option (column header) to use; may be blank when the table has only one option.
 * @param table The institutions table: the header row, then one row per institution.
 * @param [block] Only this funding block: High needs, Schools, 16-19 or Early years (default All, the Total).
 * @returns One total per data row of the table.
 */
export function allocateAll(rates: any[][], option: any, table: any[][], block?: any): any[][] {
  return excel("ALLOCATEALL", [rates, option, table, block]);
}

/**
 * The element 3 top-up for a pupil at a setting and band: rate × fte × months / 12, rounded; a range of pupils gives one each.
 * @customfunction TOPUP
 * @helpurl https://localhost:3000/help.html#topup
 * @param rates The rates table: a header row with Factor and one column per option, then one key per row.
 * @param option The option (column header) to use; may be blank when the table has only one option.
 * @param setting The setting (mainstream, rb, special, ap, fe, ey, isp) or a phase name; or a range of them.
 * @param band The top-up band label, e.g. Band 3 or 3; or a range of them.
 * @param [months] Months funded, 0 to 12 (default 12); or a range of them.
 * @param [fte] Full-time equivalent, 0 or more (default 1); or a range of them.
 * @returns The top-up amount, rounded to round.to: one per cell when an argument is a range.
 */
export function topUp(
  rates: any[][],
  option: any,
  setting: any[][],
  band: any[][],
  months?: any[][],
  fte?: any[][],
): any[][] {
  return excel("TOPUP", [rates, option, setting, band, months, fte]);
}

/**
 * The top-up band for an assessment score: the band with the highest band.<band> threshold not above it.
 * @customfunction BAND
 * @helpurl https://localhost:3000/help.html#band
 * @param rates The rates table: a header row with Factor and one column per option, then one key per row.
 * @param option The option (column header) to use; may be blank when the table has only one option.
 * @param score The assessment score.
 * @returns The band label.
 */
export function band(rates: any[][], option: any, score: any): string {
  return excel("BAND", [rates, option, score]);
}

/**
 * Every institution's total under two options side by side, with the difference, the change and a Total row.
 * @customfunction COMPARE
 * @helpurl https://localhost:3000/help.html#compare
 * @param rates The rates table: a header row with Factor and one column per option, then one key per row.
 * @param optionA The first option (the baseline the change is measured from).
 * @param optionB The second option (the candidate).
 * @param table The institutions table: the header row, then one row per institution.
 * @param [block] Only this funding block: High needs, Schools, 16-19 or Early years (default All, the Total).
 * @returns Name, A, B, Difference and Change for each institution, then Total.
 */
export function compare(rates: any[][], optionA: any, optionB: any, table: any[][], block?: any): any[][] {
  return excel("COMPARE", [rates, optionA, optionB, table, block]);
}

/**
 * Scales amounts by one common factor so they total the budget exactly, within baseline floor and cap bounds.
 * @customfunction FIT
 * @helpurl https://localhost:3000/help.html#fit
 * @param amounts The amounts to scale (one per institution).
 * @param budget The total the results must add up to.
 * @param [baseline] Last year's amounts, one per row of amounts; floor and cap are relative to them.
 * @param [floor] Most an institution may lose, as a fraction of baseline: -0.005 is -0.5%.
 * @param [cap] Most an institution may gain, as a fraction of baseline: 0.05 is 5%.
 * @returns The fitted amounts, in the shape of amounts.
 */
export function fit(amounts: any[][], budget: any, baseline?: any[][], floor?: any, cap?: any): any[][] {
  return excel("FIT", [amounts, budget, baseline, floor, cap]);
}

/**
 * The DSG reserve year by year: a spill of in-year (income - spend + adjustment) and cumulative balance.
 * @customfunction DEFICIT
 * @helpurl https://localhost:3000/help.html#deficit
 * @param opening The cumulative balance before the first year (a deficit is negative).
 * @param income Income for each year (one column or row).
 * @param spend Spend for each year, as many values as income.
 * @param [adjustments] Other adjustments for each year (default 0).
 * @returns In-year and cumulative balance for each year.
 */
export function deficit(opening: any, income: any[][], spend: any[][], adjustments?: any[][]): any[][] {
  return excel("DEFICIT", [opening, income, spend, adjustments]);
}

/**
 * The high-needs deficit projection of an option: Year, Income, Spend, In-year and Cumulative for each year.
 * @customfunction PROJECT
 * @helpurl https://localhost:3000/help.html#project
 * @param rates The rates table: a header row with Factor and one column per option, then one key per row.
 * @param option The option (column header) to use; may be blank when the table has only one option.
 * @param [forecast] A demand forecast (the spill of SEND.FORECAST: Year, Breakdown, Low, Central, High); when given, each year's pupils by placement are its Central values.
 * @param [history] The history the forecast was made from (SEND.FORECAST's first argument: Year, Total, Mainstream, …); its January before the forecast's first year lets the first financial year be interpolated between censuses (proj.census.weight).
 * @returns Year, Income, Spend, In-year and Cumulative for each year.
 */
export function project(rates: any[][], option: any, forecast?: any[][], history?: any[][]): any[][] {
  return excel("PROJECT", [rates, option, forecast, history]);
}

/**
 * An option's projection as DSG management plan lines: income, s251 spend lines, balances and EHCPs by placement, years across.
 * @customfunction PLAN
 * @helpurl https://localhost:3000/help.html#plan
 * @param rates The rates table: a header row with Factor and one column per option, then one key per row.
 * @param option The option (column header) to use; may be blank when the table has only one option.
 * @param [forecast] A demand forecast (the spill of SEND.FORECAST: Year, Breakdown, Low, Central, High); when given, each year's pupils by placement are its Central values.
 * @param [history] The history the forecast was made from (SEND.FORECAST's first argument: Year, Total, Mainstream, …); its January before the forecast's first year lets the first financial year be interpolated between censuses (proj.census.weight).
 * @returns Line labels down, years across: income, spend lines, balances, EHCPs by placement.
 */
export function plan(rates: any[][], option: any, forecast?: any[][], history?: any[][]): any[][] {
  return excel("PLAN", [rates, option, forecast, history]);
}

/**
 * Years for an invest-to-save scheme to repay itself: investment / (annual saving - annual cost), to 0.01.
 * @customfunction PAYBACK
 * @helpurl https://localhost:3000/help.html#payback
 * @param investment The up-front cost.
 * @param annual_saving The saving each year.
 * @param [annual_cost] The running cost each year (default 0).
 * @returns The payback period in years.
 */
export function payback(investment: any, annual_saving: any, annual_cost?: any): number {
  return excel("PAYBACK", [investment, annual_saving, annual_cost]);
}

/**
 * Forecasts EHC plans from a history table: Year, Breakdown, Low, Central and High for each future year.
 * @customfunction FORECAST
 * @helpurl https://localhost:3000/help.html#forecast
 * @param history The history: a header row (Year, Total, Mainstream, Special, ISP, ..., New plans), then one row per January census.
 * @param [horizon] Years to forecast after the last history year, 1 to 15 (default 3).
 * @param [coverage] The probability the interval Low to High should hold, between 0 and 1 (default 0.8).
 * @returns Year, Breakdown, Low, Central and High for each forecast year and breakdown.
 */
export function forecast(history: any[][], horizon?: any, coverage?: any): any[][] {
  return excel("FORECAST", [history, horizon, coverage]);
}

/**
 * Forecast demand against planned places: Year, Breakdown, Demand, Places and Gap (Places - Demand) for each year.
 * @customfunction SUFFICIENCY
 * @helpurl https://localhost:3000/help.html#sufficiency
 * @param forecast A demand forecast: the spill of SEND.FORECAST (Year, Breakdown, Low, Central, High).
 * @param capacity The planned places: a header row Breakdown, Year, Places; a row holds until the breakdown's next row.
 * @param [overflow] TRUE to move special-school demand above the special places to ISP (default FALSE).
 * @returns Year, Breakdown, Demand, Places and Gap for each forecast year and each breakdown with places.
 */
export function sufficiency(forecast: any[][], capacity: any[][], overflow?: any): any[][] {
  return excel("SUFFICIENCY", [forecast, capacity, overflow]);
}

/**
 * Invest-to-save appraisal of new special places against ISP placements: yearly cash flows, NPV and discounted payback.
 * @customfunction APPRAISE
 * @helpurl https://localhost:3000/help.html#appraise
 * @param places New local special places.
 * @param capital_per_place Capital cost per place (building), spent in year 0; not DSG money.
 * @param place_cost Place funding per filled place a year (e.g. 10000).
 * @param top_up Top-up per filled place a year.
 * @param isp_fee The independent (ISP) placement fee each filled place avoids, a year.
 * @param [ramp] Share of places filled in each year from opening, 0 to 1 (default 1); the last value holds.
 * @param [opening] The year the places open, 1 or later (default 1).
 * @param [discount_rate] Real discount rate a year (default 0.035, the Green Book rate).
 * @param [years] Years appraised after year 0 (default 10, at most 60).
 * @returns Year, filled places, capital, revenue saving, discount factor, present value and cumulative PV, then NPV and payback.
 */
export function appraise(
  places: any,
  capital_per_place: any,
  place_cost: any,
  top_up: any,
  isp_fee: any,
  ramp?: any[][],
  opening?: any,
  discount_rate?: any,
  years?: any,
): any[][] {
  return excel("APPRAISE", [
    places,
    capital_per_place,
    place_cost,
    top_up,
    isp_fee,
    ramp,
    opening,
    discount_rate,
    years,
  ]);
}

/**
 * ISP and out-of-county placements by financial year: placements, cost, the DSG (education) share only, and which could move to local places.
 * @customfunction REGISTER
 * @helpurl https://localhost:3000/help.html#register
 * @param placements The placements table: a header row, then one placement per row.
 * @param first_year The first financial year (2025 = 2025-26).
 * @param [years] Number of years (default 5).
 * @param [local_cost] Place funding + top-up of a planned local place a year (for the could-move columns).
 * @returns One row per financial year after a header row.
 */
export function register(placements: any[][], first_year: any, years?: any, local_cost?: any): any[][] {
  return excel("REGISTER", [placements, first_year, years, local_cost]);
}

/**
 * The catalogue of rates-table keys: Key, Description, Unit and Applies to.
 * @customfunction FACTORS
 * @helpurl https://localhost:3000/help.html#factors
 * @returns Key, Description, Unit and Applies to for each key.
 */
export function factors(): any[][] {
  return excel("FACTORS", []);
}

/**
 * Every problem in a rates table (or one option of it), and optionally in an institution table against it, one row each, or OK when there are none.
 * @customfunction CHECK
 * @helpurl https://localhost:3000/help.html#check
 * @param rates The rates table: a header row with Factor and one column per option, then one key per row.
 * @param [option] Check only this option (default: every option).
 * @param [table] Also check this institution table (header row, then one row each) against the rates: ignored headers, bad rows, unused counts, missing top-ups and rates.
 * @returns Option, Key and Problem for each problem, or OK.
 */
export function check(rates: any[][], option?: any, table?: any[][]): any[][] {
  return excel("CHECK", [rates, option, table]);
}
