// The national EHC plan history that ships with the add-in (DfE "Education, health and care plans", reporting
// year 2022, OGL v3; data/ehcp/README.md): every area's history as a SEND.FORECAST history table.
// history.json is generated from data/ehcp/*.csv by scripts/make-ehcp-history.ts (webpack bundles it).
import history from "./history.json";
import { SUCCESSIONS } from "./tidy";

export interface Authority {
  code: string;
  name: string;
}

interface Bundled {
  source: string;
  columns: string[];
  areas: { code: string; name: string; rows: (number | null)[][] }[];
}

const DATA = history as Bundled;

/** The code of the England row of the release (not a local authority). */
export const ENGLAND_CODE = "E92000001";

/** Where the bundled history comes from, for labels on sheets. */
export const HISTORY_SOURCE = DATA.source;

const SUCCEEDED = new Set(SUCCESSIONS.map((s) => s.from));

/**
 * The local authorities of the bundled history, in the release's order (with England first when asked).
 * Former authorities (Northamptonshire, Bournemouth, Poole, Dorset county) are listed too: their history ends at
 * their last census. An old code whose area carried on under a new one (Buckinghamshire, Gateshead,
 * Northumberland) is not listed: the new code's history includes its years.
 */
export function listAuthorities(opts: { england?: boolean } = {}): Authority[] {
  return DATA.areas
    .filter((a) => (opts.england || a.code !== ENGLAND_CODE) && !SUCCEEDED.has(a.code))
    .map((a) => ({ code: a.code, name: a.name }));
}

/**
 * One area's history table (contract section 6): the header row `Year | Total | Mainstream | … | Age 20-25 |
 * New plans`, then one row per January census year, oldest first. Blank (null) where the release has no figure
 * (`Age 20-25` before 2015; `New plans` before the area's first year of new plans). Undefined for an unknown code.
 * Matching is on the code, or the exact name (case-insensitive).
 */
export function historyTable(codeOrName: string): (string | number | null)[][] | undefined {
  const key = codeOrName.trim().toLowerCase();
  // a name shared by a former and a current code (Dorset, Buckinghamshire) means the current one: the last listed
  const area =
    DATA.areas.find((a) => a.code.toLowerCase() === key) ??
    [...DATA.areas].reverse().find((a) => a.name.toLowerCase() === key);
  if (!area) return undefined;
  return [[...DATA.columns], ...area.rows.map((r) => [...r])];
}
