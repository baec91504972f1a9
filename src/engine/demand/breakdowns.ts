// The breakdowns of a demand forecast (contract section 6): placement groups, age groups, new plans and Total.
// Each has one canonical id (as spelled in the published data files) and the header spellings a sheet may use;
// names meet as headers do (case-insensitive, ignoring spaces, '_' and '-').
import { normLabel } from "../normalize";
import type { Setting } from "../types";

export interface BreakdownInfo {
  /** as in the data files: "total", "isp", "age 0-4", "new plans" */
  id: string;
  /** how the pane and the spills write it */
  label: string;
  /** other accepted spellings */
  aliases: readonly string[];
  kind: "total" | "placement" | "age" | "new";
  /** the projection setting whose unit cost a placement group takes (spi: independent specialist providers) */
  setting?: Setting;
}

export const BREAKDOWNS: readonly BreakdownInfo[] = [
  { id: "total", label: "Total", aliases: [], kind: "total" },
  { id: "mainstream", label: "Mainstream", aliases: [], kind: "placement", setting: "mainstream" },
  { id: "rb", label: "RB", aliases: ["Resourced provision"], kind: "placement", setting: "rb" },
  { id: "special", label: "Special", aliases: [], kind: "placement", setting: "special" },
  { id: "isp", label: "ISP", aliases: ["Independent special"], kind: "placement", setting: "isp" },
  { id: "ap", label: "AP", aliases: [], kind: "placement", setting: "ap" },
  { id: "fe", label: "FE", aliases: [], kind: "placement", setting: "fe" },
  { id: "spi", label: "SPI", aliases: ["Specialist post-16"], kind: "placement", setting: "isp" },
  { id: "ey", label: "EY", aliases: ["Early years"], kind: "placement", setting: "ey" },
  { id: "other", label: "Other", aliases: [], kind: "placement" },
  { id: "age 0-4", label: "Age 0-4", aliases: [], kind: "age" },
  { id: "age 5-10", label: "Age 5-10", aliases: [], kind: "age" },
  { id: "age 11-15", label: "Age 11-15", aliases: [], kind: "age" },
  { id: "age 16-19", label: "Age 16-19", aliases: [], kind: "age" },
  { id: "age 20-25", label: "Age 20-25", aliases: [], kind: "age" },
  { id: "new plans", label: "New plans", aliases: [], kind: "new" },
];

const BY_NAME = new Map<string, BreakdownInfo>();
for (const b of BREAKDOWNS) for (const n of [b.id, b.label, ...b.aliases]) BY_NAME.set(normLabel(n), b);

/** Every spelling a user could mean, for "did you mean". */
export const BREAKDOWN_NAMES: readonly string[] = BREAKDOWNS.flatMap((b) => [b.label, ...b.aliases]);

/** The breakdown a name means, or undefined. */
export function findBreakdown(name: string): BreakdownInfo | undefined {
  return BY_NAME.get(normLabel(name));
}
