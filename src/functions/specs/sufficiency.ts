// SEND.SUFFICIENCY: forecast demand against planned places (rules in src/engine/demand/sufficiency.ts).
import { SendError } from "../../engine/errors";
import { readOverflow, sufficiency } from "../../engine/demand/sufficiency";
import type { Cell } from "../../engine/types";
import type { FunctionSpec, Result } from "../spec";
import { num } from "./common";

export const SUFFICIENCY: FunctionSpec = {
  name: "SUFFICIENCY",
  description:
    "Forecast demand against planned places: Year, Breakdown, Demand, Places and Gap (Places - Demand) for each year.",
  help:
    "Demand is the forecast's Central value. A capacity row (Breakdown, Year, Places) holds from its year until " +
    "that breakdown's next row; before the first one Places and Gap are blank. Gap = Places - Demand: negative is a " +
    "shortfall. Only breakdowns named in the capacity table are shown. With overflow TRUE, special-school demand " +
    "above the special places is placed in ISP: the Special row shows what its places take and the ISP row the rest.",
  parameters: [
    {
      name: "forecast",
      type: "range",
      description: "A demand forecast: the spill of SEND.FORECAST (Year, Breakdown, Low, Central, High).",
    },
    {
      name: "capacity",
      type: "range",
      description:
        "The planned places: a header row Breakdown, Year, Places; a row holds until the breakdown's next row.",
    },
    {
      name: "overflow",
      type: "any",
      optional: true,
      description: "TRUE to move special-school demand above the special places to ISP (default FALSE).",
    },
  ],
  result: "matrix",
  run(a): Result {
    const overflow = readOverflow(a.raw("overflow") as Cell);
    if (overflow instanceof SendError) return overflow;
    const rows = sufficiency(a.range("forecast").grid(), a.range("capacity").grid(), overflow);
    if (rows instanceof SendError) return rows;
    return [
      ["Year", "Breakdown", "Demand", "Places", "Gap"],
      ...rows.map((r) => [
        r.year,
        r.breakdown,
        num(r.demand),
        r.places === null ? null : num(r.places),
        r.gap === null ? null : num(r.gap),
      ]),
    ];
  },
};
