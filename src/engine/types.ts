// Shared vocabulary of the engine: cell values in, typed inputs, results out.
import type { Dec } from "./money";
import type { SendError } from "./errors";

/** A cell value as a host hands it over. Blank may arrive as null, undefined or "". */
export type Cell = number | string | boolean | null | undefined;
export type Grid = readonly (readonly Cell[])[];
/** A cell value handed back to a host: null is blank; an error is shown as that cell's error. */
export type OutCell = number | string | boolean | null | SendError;
export type OutGrid = OutCell[][];

export const PHASES = ["Early Years", "Primary", "Secondary", "Special", "Resource Base", "AP", "FE", "ISP"] as const;
export type Phase = (typeof PHASES)[number];

/** Top-up settings (contract section 3) — also the projection's settings. */
export const SETTINGS = ["mainstream", "rb", "special", "ap", "fe", "ey", "isp"] as const;
export type Setting = (typeof SETTINGS)[number];

export const SETTING_OF_PHASE: Record<Phase, Setting> = {
  "Early Years": "ey",
  Primary: "mainstream",
  Secondary: "mainstream",
  Special: "special",
  "Resource Base": "rb",
  AP: "ap",
  FE: "fe",
  ISP: "isp",
};

/** Components in SEND.BREAKDOWN order, with their DSG block (contract section 4). */
export const COMPONENTS = [
  { name: "Notional SEN", block: "Schools" },
  { name: "Place funding", block: "High needs" },
  { name: "Top-up", block: "High needs" },
  { name: "Early intervention", block: "High needs" },
  { name: "Early years", block: "Early years" },
  { name: "FE element 1", block: "16-19" },
] as const;
export type ComponentName = (typeof COMPONENTS)[number]["name"];

/** One step of the explanation of a result: every rate read, every count, every amount. */
export interface TraceLine {
  component: ComponentName | "Total";
  /** what this line is, in words: "Primary Pupils × be.primary × notional.be" */
  label: string;
  /** the rate key read, if any */
  key?: string;
  /** the option the rate came from (the asked option, or an ancestor it inherits from); "default" for a contract
   * default */
  from?: string;
  rate?: string;
  count?: string;
  /** the amount this line contributes (annual, before months and rounding, unless stated in label) */
  amount: string;
}

/** Institution inputs after reading headers (contract section 3). Counts are Decimals ≥ 0. */
export interface Institution {
  name: string | null;
  phase: Phase;
  primaryPupils: Dec;
  ks3Pupils: Dec;
  ks4Pupils: Dec;
  fsm: Dec;
  fsm6: Dec;
  lpa: Dec;
  eal: Dec;
  senSupport: Dec;
  /** IDACI band letter (A..F) -> count */
  idaci: Record<string, Dec>;
  /** normalized band -> { label as written in the header, count } */
  ehcp: Map<string, { label: string; count: Dec }>;
  senif: Map<string, { label: string; hours: Dec }>;
  places: Dec;
  occupied: Dec;
  daf: Dec;
  students: Dec;
  months: Dec;
  /** the place count from the new academic year ('Places from September'), or null when Places holds all year */
  september: PlaceYear | null;
}

/**
 * Places that change when the academic year does, as one financial year (engine/years.ts): `Places` holds from
 * April, `Places from September` from the new academic year (September; August at FE colleges).
 */
export interface PlaceYear {
  /** Places, from April */
  before: Dec;
  /** Places from September, from the new academic year to March */
  after: Dec;
  /** months of April-March at `before`: 5 (April-August) at schools and academies, 4 (April-July) at FE */
  monthsBefore: number;
  /** 12 × the financial-year places, exact: before × monthsBefore + after × (12 − monthsBefore) */
  twelfths: Dec;
  /** 12 × the occupied places (Occupied × 12; all the places when Occupied is blank) */
  occupiedTwelfths: Dec;
  /** the financial-year places, twelfths / 12 (shown in the trace; amounts divide by 12 last, exactly) */
  yearPlaces: Dec;
}

export interface ComponentResult {
  name: ComponentName;
  block: string;
  /** rounded, after months: what BREAKDOWN shows */
  amount: Dec;
}

export interface Allocation {
  option: string;
  institution: string | null;
  components: ComponentResult[];
  total: Dec;
  trace: TraceLine[];
}

/** One problem SEND.CHECK reports about a rates table or an institution table. */
export interface CheckProblem {
  option: string;
  key: string;
  problem: string;
  /** 0-based cell in the rates grid, when there is one to point at */
  row: number | null;
  col: number | null;
}
