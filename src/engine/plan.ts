// SEND.PLAN: an option's projection (the proj.* keys, the same rules as SEND.PROJECT) laid out the way the DfE DSG
// deficit management plan template reports it: High Needs income, spend on section 251 lines, the in-year and
// cumulative balance, and children and young people by placement. Years run across, lines down.
//
// Spend lines (s251 high-needs categories; what each proj.<s> setting stands for):
//   mainstream -> top-ups, mainstream schools        rb  -> place funding and top-ups, resourced provision
//   special    -> place funding and top-ups, special schools
//   isp        -> independent and non-maintained special school fees
//   ap         -> alternative provision / PRUs         fe  -> post-16 and FE top-ups
//   ey         -> early years SEN (high needs)
//   proj.ei.cost -> SEN support services and early intervention
//   proj.other   -> hospital education and other high-needs spend
// Each line is rounded to round.to on its own; SEND.PROJECT rounds the total once, so a Rounding line (a few
// pennies at most) makes the lines add up to SEND.PROJECT's Spend exactly.
import { E, SendError } from "./errors";
import { D, ONE, ZERO, roundMoney, sum, type Dec } from "./money";
import { normKey } from "./normalize";
import { project, projectionYears } from "./project";
import type { Option } from "./rates";
import { SETTINGS, type Setting } from "./types";

export const SPEND_LINES: readonly { key: Setting | "ei" | "other"; label: string }[] = [
  { key: "mainstream", label: "Top-ups: mainstream schools" },
  { key: "rb", label: "Place funding and top-ups: resourced provision / SEN units" },
  { key: "special", label: "Place funding and top-ups: special schools" },
  { key: "isp", label: "Independent and non-maintained special school fees" },
  { key: "ap", label: "Alternative provision / PRUs" },
  { key: "fe", label: "Post-16 and FE top-ups" },
  { key: "ey", label: "Early years SEN (high needs)" },
  { key: "ei", label: "SEN support services and early intervention" },
  { key: "other", label: "Hospital education and other high-needs spend" },
];

export const COUNT_LABELS: Record<Setting, string> = {
  mainstream: "Mainstream schools",
  rb: "Resourced provision / SEN units",
  special: "Special schools",
  isp: "Independent / non-maintained special schools",
  ap: "Alternative provision",
  fe: "Post-16 / FE",
  ey: "Early years",
};

const REDUCED: ReadonlySet<Setting> = new Set(["mainstream", "rb", "special", "isp"]);

export interface PlanYear {
  year: string | number;
  income: Dec;
  lines: Dec[];
  rounding: Dec;
  spend: Dec;
  inYear: Dec;
  cumulative: Dec;
  /** pupils by setting, in SETTINGS order (not rounded) */
  counts: Dec[];
}

export function plan(option: Option): PlanYear[] | SendError {
  const rows = project(option);
  if (rows instanceof SendError) return rows;
  const n = projectionYears(option);
  if (n instanceof SendError) return n;
  if (rows.length !== n) return E.impossible("the projection and the plan disagree on the number of years");
  const get = (key: string): Dec => (option.rates.get(normKey(key))?.value as Dec | undefined) ?? ZERO;
  const inflation = ONE.plus(get("proj.inflation"));
  const reduction = get("proj.ei.reduction");
  return rows.map((r, i) => {
    const y = i + 1;
    const counts = new Map<Setting, Dec>();
    for (const s of SETTINGS) {
      let g = get(`proj.${s}.growth`);
      if (REDUCED.has(s)) g = g.times(ONE.minus(reduction));
      counts.set(s, get(`proj.${s}.count`).times(ONE.plus(g).pow(y - 1)));
    }
    const shift = D.min(get("proj.shift").times(y - 1), counts.get("isp")!);
    counts.set("isp", counts.get("isp")!.minus(shift));
    counts.set("special", counts.get("special")!.plus(shift));
    const uplift = inflation.pow(y - 1);
    const amount = (k: (typeof SPEND_LINES)[number]["key"]): Dec =>
      k === "ei"
        ? get("proj.ei.cost").times(uplift)
        : k === "other"
          ? get("proj.other").times(uplift)
          : counts
              .get(k)!
              .times(get(`proj.${k}.cost`))
              .times(uplift);
    const lines = SPEND_LINES.map((l) => roundMoney(amount(l.key), option.roundTo));
    const rounding = r.spend.minus(sum(lines));
    return {
      year: r.year,
      income: r.income,
      lines,
      rounding,
      spend: r.spend,
      inYear: r.inYear,
      cumulative: r.cumulative,
      counts: SETTINGS.map((s) => counts.get(s)!),
    };
  });
}
