// SEND.PLAN: an option's projection laid out the way the DfE DSG deficit management plan template reports it:
// High Needs income, spend on section 251 lines, the in-year and cumulative balance, and children and young people
// by placement. Years run across, lines down. The lines are the amounts of SEND.PROJECT's own computation
// (projectYears in ./project), so every proj.* key and lever moves both identically.
//
// Spend lines (s251 high-needs categories; what feeds each):
//   mainstream -> top-ups, mainstream schools        rb  -> place funding and top-ups, resourced provision
//   special    -> place funding and top-ups, special schools (with the children moved by proj.shift and new places)
//   isp, spi   -> independent and non-maintained special school and specialist post-16 fees
//   ap         -> alternative provision / PRUs         fe  -> post-16 and FE top-ups
//   ey         -> early years SEN (high needs)
//   proj.ei.cost, proj.newplans.cost -> SEN support services, early intervention and early help
//   proj.places.<y> × proj.places.cost -> one-off costs of opening new special places
//   proj.other, the forecast's Other group (proj.elsewhere.cost) -> hospital education and other high-needs spend
// Each line is rounded to round.to on its own; SEND.PROJECT rounds the total once, so a Rounding line (at most half
// a round.to per line) makes the lines add up to SEND.PROJECT's Spend exactly.
import { dsgYears, type DsgYear } from "./dsg";
import { SendError } from "./errors";
import { OTHER_BLOCKS } from "./keys";
import { ZERO, roundMoney, sum, type Dec } from "./money";
import { GROUPS, LINE_KEYS, type Group, type LineKey } from "./project";
import type { Option } from "./rates";
import type { Grid } from "./types";

export const LINE_LABELS: Record<LineKey, string> = {
  mainstream: "Top-ups: mainstream schools",
  rb: "Place funding and top-ups: resourced provision / SEN units",
  special: "Place funding and top-ups: special schools",
  isp: "Independent and non-maintained special school fees",
  ap: "Alternative provision / PRUs",
  fe: "Post-16 and FE top-ups",
  ey: "Early years SEN (high needs)",
  ei: "SEN support services and early intervention",
  places: "New special places: one-off opening costs",
  other: "Hospital education and other high-needs spend",
};

export const SPEND_LINES: readonly { key: LineKey; label: string }[] = LINE_KEYS.map((key) => ({
  key,
  label: LINE_LABELS[key],
}));

export const COUNT_LABELS: Record<Group, string> = {
  mainstream: "Mainstream schools",
  rb: "Resourced provision / SEN units",
  special: "Special schools",
  isp: "Independent / non-maintained special schools",
  ap: "Alternative provision",
  fe: "Post-16 / FE",
  ey: "Early years",
  spi: "Specialist post-16 institutions",
  other: "Educated elsewhere / awaiting provision",
};

export interface PlanYear {
  year: string | number;
  income: Dec;
  /** each spend line rounded to round.to, in SPEND_LINES order */
  lines: Dec[];
  rounding: Dec;
  spend: Dec;
  inYear: Dec;
  cumulative: Dec;
  /** whole children by placement group, in GROUPS order (0 for a group the projection does not count) */
  counts: Dec[];
  /** the DSG as a whole: other blocks, transfer, contributions, DSG-wide balances (engine/dsg.ts) */
  dsg: DsgYear;
}

/** SEND.PLAN's row labels after the header row, in order; the DSG-wide rows follow the High Needs plan. */
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
  "DSG: every block",
  ...OTHER_BLOCKS.flatMap((b) => [`${b.name} income`, `${b.name} spend`]),
  "Block transfer: Schools block to High Needs",
  "High Needs in-year after the transfer",
  "DfE contribution: Safety Valve",
  "DfE contribution: other",
  "Local authority contribution",
  "DSG in-year balance (all blocks)",
  "DSG cumulative balance",
  "DSG deficit beyond the statutory override",
];

/** The spill row (1-based, the header row is 1) of a label of PLAN_ROW_LABELS. */
export function planRow(label: string): number {
  const i = PLAN_ROW_LABELS.indexOf(label);
  if (i < 0) throw new Error(`no SEND.PLAN row '${label}'`);
  return i + 2;
}

export function plan(option: Option, forecast?: Grid | null, history?: Grid | null): PlanYear[] | SendError {
  const both = dsgYears(option, forecast, undefined, history);
  if (both instanceof SendError) return both;
  return both.projection.map((y, i) => {
    const lines = LINE_KEYS.map((k) => roundMoney(y.amounts.get(k)!, option.roundTo));
    return {
      year: y.year,
      income: y.income,
      lines,
      rounding: y.spend.minus(sum(lines)),
      spend: y.spend,
      inYear: y.inYear,
      cumulative: y.cumulative,
      counts: GROUPS.map((g) => y.counts.get(g) ?? ZERO),
      dsg: both.dsg[i],
    };
  });
}
