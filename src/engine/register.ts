// SEND.REGISTER: the ISP and out-of-county commissioning register, year by year.
//
// A placements table (header row first) with the columns Provider, Location ("In county" / "Out of county"), Fee
// (the annual fee now, £), Uplift (a year, default 0), Education / Care / Health (shares of the fee; default 1/0/0;
// they must add up to 1), Start, End (blank = open-ended) and Review (dates: spreadsheet serial numbers, or text
// "YYYY-MM-DD"). For each financial year y of the horizon (April to March):
//   share of the year placed = days of [Start, End] inside the year / days in the year
//   cost = Fee × (1 + Uplift)^(y − first year) × share of the year
// The DSG pays the Education share only (High Needs block); care and health are shown apart. Placements are counted
// as full-year equivalents (Σ share of the year): the number `proj.isp.count` takes for the first year.
// A placement "could move" to a planned local place in year y when it is out of county, its review falls on or
// before the end of y, it is still placed in y, and its education cost a year is above `local_cost` (place
// funding + top-up of the local place); the DSG saving is the difference a full year.
import { E, attempt, raise, SendError } from "./errors";
import { D, PENNY, roundMoney, sum, ZERO, type Dec } from "./money";
import { normLabel } from "./normalize";
import { readNumber } from "./coerce";
import type { Cell, Grid } from "./types";
import { yearLabel } from "./years";

export const REGISTER_HEADER = [
  "Year",
  "Placements (full-year equivalent)",
  "In county",
  "Out of county",
  "Cost, all shares",
  "DSG (education)",
  "Social care",
  "Health",
  "Could move: placements",
  "Could move: DSG saving a year",
] as const;

const COLUMNS = [
  "provider",
  "location",
  "fee",
  "uplift",
  "education",
  "care",
  "health",
  "start",
  "end",
  "review",
] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: readonly Column[] = ["provider", "location", "fee", "start"];

export interface RegisterYear {
  year: string;
  placements: Dec;
  inCounty: Dec;
  outOfCounty: Dec;
  cost: Dec;
  education: Dec;
  care: Dec;
  health: Dec;
  /** null when no local_cost was given */
  movable: Dec | null;
  movableSaving: Dec | null;
}

interface Placement {
  row: number;
  out: boolean;
  fee: Dec;
  uplift: Dec;
  education: Dec;
  care: Dec;
  health: Dec;
  start: number;
  end: number | null;
  review: number | null;
}

/** A date cell as days since 1899-12-30 (the spreadsheet serial), or null when blank. */
function dayOf(cell: Cell, where: string): number | null {
  if (cell === null || cell === undefined || cell === "") return null;
  if (typeof cell === "number" && Number.isFinite(cell)) return Math.floor(cell);
  const m = typeof cell === "string" ? /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(cell) : null;
  if (m) return Math.round((Date.UTC(+m[1], +m[2] - 1, +m[3]) - Date.UTC(1899, 11, 30)) / 86400000);
  return raise(E.notNumberArg(where, String(cell)));
}

const serialOf = (y: number, month: number, day: number) =>
  Math.round((Date.UTC(y, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);

function readPlacements(grid: Grid): Placement[] {
  if (grid.length < 2) raise(E.emptyTable("placements"));
  const header = grid[0].map((h) => normLabel(h === null || h === undefined ? "" : String(h)));
  const col: Partial<Record<Column, number>> = {};
  COLUMNS.forEach((c) => {
    const i = header.indexOf(c);
    if (i >= 0) col[c] = i;
  });
  for (const c of REQUIRED) {
    if (col[c] === undefined)
      raise(
        E.unknownName(
          "placements header",
          c,
          COLUMNS.map((x) => x[0].toUpperCase() + x.slice(1)),
        ),
      );
  }
  const out: Placement[] = [];
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r];
    if (row.every((v) => v === null || v === undefined || v === "")) continue;
    const where = (c: string) => `placements row ${r} ${c}`;
    const cell = (c: Column) => (col[c] === undefined ? null : row[col[c]!]);
    const number = (c: Column, dflt: Dec | null): Dec => {
      const n = readNumber(cell(c));
      if (n.kind === "text") return raise(E.notNumberArg(where(c), n.text));
      if (n.kind === "blank") return dflt ?? raise(E.argRequired(where(c)));
      return n.value;
    };
    const loc = normLabel(String(cell("location") ?? ""));
    const isOut = loc === "outofcounty" || loc === "out";
    if (!isOut && loc !== "incounty" && loc !== "in") {
      raise(E.unknownName(where("location"), String(cell("location") ?? ""), ["In county", "Out of county"]));
    }
    const fee = number("fee", null);
    if (fee.lt(0)) raise(E.argRange(where("fee"), fee.toFixed(), "0 or more"));
    const education = number("education", D(1)),
      care = number("care", ZERO),
      health = number("health", ZERO);
    for (const [c, x] of [
      ["education", education],
      ["care", care],
      ["health", health],
    ] as const) {
      if (x.lt(0) || x.gt(1)) raise(E.argRange(where(c), x.toFixed(), "a share from 0 to 1"));
    }
    if (education.plus(care).plus(health).minus(1).abs().gt("0.0001")) {
      raise(E.argRange(where("shares"), education.plus(care).plus(health).toFixed(), "1 (education + care + health)"));
    }
    const start = dayOf(cell("start"), where("start"));
    if (start === null) raise(E.argRequired(where("start")));
    const end = dayOf(cell("end"), where("end"));
    if (end !== null && end < start!) raise(E.argRange(where("end"), String(end), `on or after Start (${start})`));
    out.push({
      row: r,
      out: isOut,
      fee,
      uplift: number("uplift", ZERO),
      education,
      care,
      health,
      start: start!,
      end,
      review: dayOf(cell("review"), where("review")),
    });
  }
  return out;
}

export function register(
  grid: Grid,
  firstYear: number,
  years: number,
  localCost: Dec | null,
): RegisterYear[] | SendError {
  return attempt(() => {
    if (!Number.isInteger(firstYear) || firstYear < 1900 || firstYear > 2200)
      raise(E.argRange("first_year", String(firstYear), "a year such as 2025"));
    if (!Number.isInteger(years) || years < 1 || years > 50)
      raise(E.argRange("years", String(years), "a whole number from 1 to 50"));
    const placements = readPlacements(grid);
    const rows: RegisterYear[] = [];
    for (let k = 0; k < years; k++) {
      const y = firstYear + k;
      const from = serialOf(y, 4, 1),
        to = serialOf(y + 1, 3, 31); // inclusive days
      const days = to - from + 1;
      let cost = ZERO,
        education = ZERO,
        care = ZERO,
        health = ZERO;
      const fye: Dec[] = [],
        inC: Dec[] = [],
        outC: Dec[] = [];
      let movable = ZERO,
        saving = ZERO;
      for (const p of placements) {
        const a = Math.max(from, p.start),
          b = Math.min(to, p.end ?? to);
        if (b < a) continue;
        const share = D(b - a + 1).div(days);
        const fee = p.fee.times(D(1).plus(p.uplift).pow(k));
        const c = fee.times(share);
        cost = cost.plus(c);
        education = education.plus(c.times(p.education));
        care = care.plus(c.times(p.care));
        health = health.plus(c.times(p.health));
        fye.push(share);
        (p.out ? outC : inC).push(share);
        const eduYear = fee.times(p.education);
        if (localCost && p.out && p.review !== null && p.review <= to && eduYear.gt(localCost)) {
          movable = movable.plus(1);
          saving = saving.plus(eduYear.minus(localCost));
        }
      }
      const money = (x: Dec) => roundMoney(x, PENNY);
      rows.push({
        year: yearLabel(y),
        placements: roundMoney(sum(fye), D("0.01")),
        inCounty: roundMoney(sum(inC), D("0.01")),
        outOfCounty: roundMoney(sum(outC), D("0.01")),
        cost: money(cost),
        education: money(education),
        care: money(care),
        health: money(health),
        movable: localCost ? movable : null,
        movableSaving: localCost ? money(saving) : null,
      });
    }
    return rows;
  });
}
