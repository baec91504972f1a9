// SEND.REGISTER: the ISP and out-of-county commissioning register by year (engine/register.ts explains the rules).
import { E, SendError } from "../../engine/errors";
import { register, REGISTER_HEADER } from "../../engine/register";
import type { OutCell } from "../../engine/types";
import type { FunctionSpec, Result } from "../spec";
import { num } from "./common";

export const REGISTER: FunctionSpec = {
  name: "REGISTER",
  description:
    "ISP and out-of-county placements by financial year: placements, cost, the DSG (education) share only, and which could move to local places.",
  help:
    "The placements table has Provider, Location (In county / Out of county), Fee (a year), Uplift, Education, Care and " +
    "Health shares (default 1, 0, 0; they add up to 1), Start, End (blank = open-ended) and Review dates. For each financial " +
    "year: placements as full-year equivalents (in and out of county; the number proj.isp.count takes), the cost, the " +
    "DSG share (education only), social care and health apart, and with local_cost the placements due for review that " +
    "could move to a planned local place costing less, with the DSG saving a year.",
  parameters: [
    {
      name: "placements",
      type: "range",
      description: "The placements table: a header row, then one placement per row.",
    },
    { name: "first_year", type: "number", description: "The first financial year (2025 = 2025-26)." },
    { name: "years", type: "number", optional: true, description: "Number of years (default 5)." },
    {
      name: "local_cost",
      type: "number",
      optional: true,
      description: "Place funding + top-up of a planned local place a year (for the could-move columns).",
    },
  ],
  result: "matrix",
  run(a): Result {
    const first = a.number("first_year");
    if (first === null) return E.argRequired("first_year");
    const years = a.number("years");
    const rows = register(
      a.range("placements").grid(),
      first.toNumber(),
      years === null ? 5 : years.toNumber(),
      a.number("local_cost"),
    );
    if (rows instanceof SendError) return rows;
    const opt = (x: (typeof rows)[number]["movable"]): OutCell => (x === null ? null : num(x));
    return [
      [...REGISTER_HEADER],
      ...rows.map((r) => [
        r.year,
        num(r.placements),
        num(r.inCounty),
        num(r.outOfCounty),
        num(r.cost),
        num(r.education),
        num(r.care),
        num(r.health),
        opt(r.movable),
        opt(r.movableSaving),
      ]),
    ];
  },
};
