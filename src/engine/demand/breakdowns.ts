// The breakdowns of a demand forecast as SEND.SUFFICIENCY and the demand-driven SEND.PROJECT see them: the
// forecast's own list (src/engine/forecast/breakdowns.ts, contract section 6), under the names these readers use.
import { BREAKDOWNS as FORECAST_BREAKDOWNS, breakdownOf, type Breakdown } from "../forecast/breakdowns";

export interface BreakdownInfo {
  /** as in the data files: "total", "isp", "age 0-4", "new plans" */
  id: string;
  /** as the spills write it: "Total", "ISP", "Age 0-4", "New plans" */
  label: string;
  kind: "total" | "placement" | "age" | "new";
}

const INFO = new Map<Breakdown, BreakdownInfo>(
  FORECAST_BREAKDOWNS.map((b) => [
    b,
    {
      id: b.key,
      label: b.header,
      kind: b.kind === "newPlans" ? "new" : b.kind,
    },
  ]),
);

export const BREAKDOWNS: readonly BreakdownInfo[] = [...INFO.values()];

/** Every spelling a user could mean, for "did you mean". */
export const BREAKDOWN_NAMES: readonly string[] = FORECAST_BREAKDOWNS.flatMap((b) => [b.header, ...b.synonyms]);

/** The breakdown a name means (any accepted spelling), or undefined. */
export function findBreakdown(name: string): BreakdownInfo | undefined {
  const b = breakdownOf(name);
  return b && INFO.get(b);
}
