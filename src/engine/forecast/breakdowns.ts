// The columns of a demand history (contract section 6): the breakdowns of the published EHC plan statistics,
// their header spellings and synonyms, and the spelling of the data files (what the CLI's JSON uses).
import { normLabel } from "../normalize";

export type BreakdownKind = "total" | "placement" | "age" | "newPlans";

export interface Breakdown {
  /** as in the data files and the CLI's JSON: "total", "age 0-4", "new plans" */
  readonly key: string;
  /** as the forecast spill writes it: "Total", "Age 0-4", "New plans" */
  readonly header: string;
  readonly kind: BreakdownKind;
  /** other headers accepted for it (matched like every header: case, spaces, '_' and '-' ignored) */
  readonly synonyms: readonly string[];
}

const b = (key: string, header: string, kind: BreakdownKind, synonyms: string[] = []): Breakdown => ({
  key,
  header,
  kind,
  synonyms,
});

/** Every history column after Year, in the order of the published release (and of the bundled history). */
export const BREAKDOWNS: readonly Breakdown[] = [
  b("total", "Total", "total"),
  b("mainstream", "Mainstream", "placement"),
  b("rb", "RB", "placement", ["Resourced provision"]),
  b("special", "Special", "placement"),
  b("isp", "ISP", "placement", ["Independent special"]),
  b("ap", "AP", "placement"),
  b("fe", "FE", "placement"),
  b("spi", "SPI", "placement", ["Specialist post-16"]),
  b("ey", "EY", "placement", ["Early years"]),
  b("other", "Other", "placement"),
  b("age 0-4", "Age 0-4", "age"),
  b("age 5-10", "Age 5-10", "age"),
  b("age 11-15", "Age 11-15", "age"),
  b("age 16-19", "Age 16-19", "age"),
  b("age 20-25", "Age 20-25", "age"),
  b("new plans", "New plans", "newPlans"),
];

export const PLACEMENTS = BREAKDOWNS.filter((x) => x.kind === "placement");
export const AGES = BREAKDOWNS.filter((x) => x.kind === "age");
export const TOTAL = BREAKDOWNS[0];
export const NEW_PLANS = BREAKDOWNS[BREAKDOWNS.length - 1];

/** The header of the year column. */
export const YEAR_HEADER = "Year";

const BY_LABEL = new Map<string, Breakdown>();
for (const x of BREAKDOWNS) for (const name of [x.header, x.key, ...x.synonyms]) BY_LABEL.set(normLabel(name), x);

/** The breakdown a header names (any accepted spelling), or undefined. */
export function breakdownOf(header: string): Breakdown | undefined {
  return BY_LABEL.get(normLabel(header));
}

/** Every header a history may carry, as written in the contract (for "did you mean"). */
export const VALID_HEADERS: readonly string[] = [YEAR_HEADER, ...BREAKDOWNS.flatMap((x) => [x.header, ...x.synonyms])];
