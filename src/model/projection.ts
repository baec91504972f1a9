// Projection: the assumption keys a finance officer fills in, and the SEND.PROJECT sheet
// (one spill per option, side by side, feeding a line chart of the cumulative balance).
import { findKeyInfo } from "../engine/keys";
import { SETTINGS } from "../engine/types";
import { blockRange, colLetters } from "../util/a1";
import { formulaString, type Rows } from "./types";

export interface ProjectionField {
  key: string;
  label: string;
  unit: string;
  description: string;
}

const SETTING_LABEL: Record<string, string> = {
  mainstream: "Mainstream",
  rb: "Resource base",
  special: "Special",
  ap: "AP",
  fe: "FE",
  ey: "Early years",
  isp: "ISP",
};

function field(key: string, label: string): ProjectionField {
  const info = findKeyInfo(key);
  if (!info) throw new Error(`projection key ${key} is not in the catalogue`);
  return { key, label, unit: info.unit, description: info.description };
}

/** Every projection assumption, in form order (contract section 5). */
export const PROJECTION_FIELDS: readonly ProjectionField[] = [
  field("proj.start", "First financial year"),
  field("proj.years", "Years"),
  field("proj.opening", "Opening balance"),
  field("proj.grant", "Grant in year 1"),
  field("proj.grant.growth", "Grant growth"),
  ...SETTINGS.flatMap((s) => [
    field(`proj.${s}.count`, `${SETTING_LABEL[s]}: pupils`),
    field(`proj.${s}.growth`, `${SETTING_LABEL[s]}: growth`),
    field(`proj.${s}.cost`, `${SETTING_LABEL[s]}: cost per pupil`),
  ]),
  field("proj.inflation", "Cost inflation"),
  field("proj.other", "Other spend"),
  field("proj.ei.cost", "Early intervention cost"),
  field("proj.ei.reduction", "Growth reduction from early intervention"),
  field("proj.shift", "ISP to special moves per year"),
  field("proj.inflation.isp", "ISP fee inflation (blank: cost inflation)"),
  field("proj.inflation.topup", "LA top-up inflation (blank: cost inflation)"),
  field("proj.elsewhere.cost", "Other plans (forecast): cost per plan"),
  field("proj.newplans.cut", "New plans avoided by early help (forecast)"),
  field("proj.newplans.cost", "Early help cost"),
  ...[1, 2, 3].map((y) => field(`proj.places.${y}`, `New special places opening in year ${y}`)),
  field("proj.places.cost", "One-off cost per new special place"),
];

/** The form's groups, in order: each projection key belongs to exactly one. */
export const PROJECTION_GROUPS: readonly { title: string; keys: readonly string[] }[] = [
  { title: "Timing and balance", keys: ["proj.start", "proj.years", "proj.opening"] },
  { title: "Income", keys: ["proj.grant", "proj.grant.growth"] },
  ...SETTINGS.map((s) => ({
    title: `${SETTING_LABEL[s]} placements`,
    keys: [`proj.${s}.count`, `proj.${s}.growth`, `proj.${s}.cost`],
  })),
  {
    title: "Costs and mitigation",
    keys: ["proj.inflation", "proj.other", "proj.ei.cost", "proj.ei.reduction", "proj.shift"],
  },
];

/** Key rows for ratesSheet(): every projection key under a "Projection" heading. */
export const PROJECTION_KEY_ROWS = PROJECTION_FIELDS.map((f) => ({
  key: f.key,
  description: f.description,
  unit: f.unit,
  section: "Projection",
}));

export interface ProjectionLayout {
  rows: Rows;
  /** per option: the spill's range and its Cumulative column (data rows only) */
  blocks: { option: string; spill: string; cumulative: string }[];
  /** year labels of the first block, for the chart's category axis */
  years: string;
}

/** Block k starts in column 1 + 6k: a title cell, then the SEND.PROJECT spill under it. */
/** With `forecastRef` (a SEND.FORECAST spill), each block is SEND.PROJECT(rates, option, forecast): pupils from demand;
 * with `historyRef` too (the history that forecast read), SEND.PROJECT(rates, option, forecast, history), so the first
 * financial year is interpolated from the census before it (proj.census.weight). */
export function projectionSheet(s: {
  ratesRef: string;
  options: readonly string[];
  years: number;
  forecastRef?: string;
  historyRef?: string;
}): ProjectionLayout {
  const width = s.options.length * 6 - 1;
  const title: (string | null)[] = Array(width).fill(null);
  const formulas: (string | null)[] = Array(width).fill(null);
  const blocks = s.options.map((option, k) => {
    const col = 1 + 6 * k;
    title[col - 1] = option;
    const demand = s.forecastRef ? `,${s.forecastRef}${s.historyRef ? `,${s.historyRef}` : ""}` : "";
    formulas[col - 1] = `=SEND.PROJECT(${s.ratesRef},${formulaString(option)}${demand})`;
    const cum = colLetters(col + 4);
    return {
      option,
      spill: blockRange(`${colLetters(col)}2`, s.years + 1, 5),
      cumulative: `${cum}3:${cum}${s.years + 2}`,
    };
  });
  return { rows: [title, formulas], blocks, years: `A3:A${s.years + 2}` };
}
