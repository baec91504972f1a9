// SEND.APPRAISE: invest-to-save appraisal of new special places (engine/appraise.ts explains the method).
import { appraise } from "../../engine/appraise";
import { SendError } from "../../engine/errors";
import { toNumber, type Dec } from "../../engine/money";
import type { OutCell } from "../../engine/types";
import type { FunctionSpec, ParamSpec, Result } from "../spec";
import { num, numberVector } from "./common";

const money = (name: string, description: string, optional = false): ParamSpec => ({
  name,
  type: "number",
  description,
  optional,
});

export const APPRAISE: FunctionSpec = {
  name: "APPRAISE",
  description:
    "Invest-to-save appraisal of new special places against ISP placements: yearly cash flows, NPV and discounted payback.",
  help:
    "Capital (places × capital_per_place) is spent in year 0 and kept apart from revenue: it cannot come from the DSG. " +
    "Places open in year `opening` and fill along `ramp` (fractions a year, the last one holding); each filled place " +
    "saves isp_fee − (place_cost + top_up) of High Needs spend a year. Amounts are discounted at discount_rate " +
    "(default the Green Book schedule: 3.5% to year 30, 3.0% from year 31; a rate given is used for every year): " +
    "PV = amount / (1 + rate)^year. The Filled column is the cumulative ISP-to-special " +
    "shift to use as proj.shift in SEND.PROJECT, so one set of numbers drives both.",
  parameters: [
    money("places", "New local special places."),
    money("capital_per_place", "Capital cost per place (building), spent in year 0; not DSG money."),
    money("place_cost", "Place funding per filled place a year (e.g. 10000)."),
    money("top_up", "Top-up per filled place a year."),
    money("isp_fee", "The independent (ISP) placement fee each filled place avoids, a year."),
    {
      name: "ramp",
      type: "range",
      optional: true,
      description: "Share of places filled in each year from opening, 0 to 1 (default 1); the last value holds.",
    },
    money("opening", "The year the places open, 1 or later (default 1).", true),
    money("discount_rate", "Real discount rate a year (default 0.035, the Green Book rate).", true),
    money("years", "Years appraised after year 0 (default 10, at most 60).", true),
  ],
  result: "matrix",
  run(a): Result {
    const rampRange = a.optRange("ramp");
    const ramp = rampRange ? numberVector(rampRange, "ramp") : null;
    if (ramp instanceof SendError) return ramp;
    const required = ["places", "capital_per_place", "place_cost", "top_up", "isp_fee"] as const;
    const [places, capitalPerPlace, placeCost, topUp, ispFee] = required.map((n) => a.number(n) as Dec);
    const r = appraise({
      places,
      capitalPerPlace,
      placeCost,
      topUp,
      ispFee,
      ramp: ramp?.filter((x): x is Dec => x !== null) ?? null,
      opening: a.number("opening"),
      discountRate: a.number("discount_rate"),
      years: a.number("years"),
    });
    if (r instanceof SendError) return r;
    const pad = (row: OutCell[]): OutCell[] => [
      ...row,
      ...new Array<OutCell>(APPRAISE_HEADER.length - row.length).fill(null),
    ];
    return [
      [...APPRAISE_HEADER],
      ...r.rows.map((y) => [
        y.year,
        num(y.filled),
        num(y.capital),
        num(y.revenueSaving),
        toNumber(y.discountFactor),
        num(y.presentValue),
        num(y.cumulative),
      ]),
      pad(["NPV", num(r.npv)]),
      pad([
        "Discounted payback (years)",
        r.payback === null ? `not within ${r.rows.length - 1} years` : num(r.payback),
      ]),
      pad(["Capital (not DSG)", num(r.capital)]),
      pad(["Revenue saving, undiscounted (High Needs, DSG)", num(r.revenueSaving)]),
      pad(["Saving per filled place a year", num(r.savingPerPlace)]),
    ];
  },
};

export const APPRAISE_HEADER = [
  "Year",
  "Filled places",
  "Capital (not DSG)",
  "Revenue saving (High Needs, DSG)",
  "Discount factor",
  "Present value",
  "Cumulative PV",
] as const;
