// The national EHC plan history that ships with the add-in (DfE "Education, health and care plans", reporting
// year 2022, OGL v3; data/ehcp/README.md): every area's history as a SEND.FORECAST history table.
// history.json is generated from data/ehcp/*.csv by scripts/make-ehcp-history.ts (webpack bundles it).
import areaCodes from "./areas.json";
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

const CODES = areaCodes as { areas: Record<string, string[]> };
const own = (code: string) => Object.prototype.hasOwnProperty.call(CODES.areas, code);

/** The former three-digit LA number of a current code (886 for Kent), from the 2025 release. */
export function laNumber(code: string): string | undefined {
  return own(code) ? CODES.areas[code][0] : undefined;
}

/** The region code (E12…) of an LA code, from the 2025 release. */
export function regionOf(code: string): string | undefined {
  return own(code) ? CODES.areas[code][1] : undefined;
}

const SUCCEEDED = new Set(SUCCESSIONS.map((s) => s.from));

/**
 * The local authorities of the bundled history, in the release's order (with England first when asked).
 * Former authorities (Northamptonshire, Bournemouth, Poole, Dorset county) are listed too: their history ends at
 * their last census. An old code whose area carried on under a new one (Buckinghamshire, Gateshead,
 * Northumberland) is not listed: the new code's history includes its years.
 */
export function listAuthorities(opts: { england?: boolean } = {}): Authority[] {
  const listed = DATA.areas.filter((a) => (opts.england || a.code !== ENGLAND_CODE) && !SUCCEEDED.has(a.code));
  // a former authority sharing its name with a current one (Dorset county, to 2019) says so: each area once
  const lastYear = (a: (typeof DATA.areas)[number]) => a.rows[a.rows.length - 1][0] as number;
  const newest = Math.max(...listed.map(lastYear));
  return listed.map((a) => {
    const shared = listed.some((b) => b !== a && b.name === a.name);
    const former = lastYear(a) < newest;
    return { code: a.code, name: shared && former ? `${a.name} (former, to ${lastYear(a)})` : a.name };
  });
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

/**
 * Histories read from a newer release, completed from the bundled one: the bundled years before an area's first
 * year in the release are put in front, and a cell the release leaves blank in a year the bundled history holds
 * (New plans of the release's first January: the release's new-plans file starts a year later) is taken from it.
 * The two agree on every year both hold (test/data/release.test.ts). Returns how many areas were completed.
 */
export function completeFromBundled(
  columns: readonly string[],
  areas: { code: string; rows: (number | null)[][]; columns?: string[] }[],
): number {
  let completed = 0;
  for (const area of areas) {
    const bundled = DATA.areas.find((a) => a.code === area.code);
    if (!bundled || area.rows.length === 0) continue;
    const cols = area.columns ?? columns;
    const from = cols.map((c) => DATA.columns.indexOf(c));
    const mapRow = (r: (number | null)[]) => from.map((j) => (j < 0 ? null : r[j]));
    const first = area.rows[0][0]!;
    const before = bundled.rows.filter((r) => r[0]! < first).map(mapRow);
    let filled = false;
    for (const row of area.rows) {
      const b = bundled.rows.find((r) => r[0] === row[0]);
      if (!b) continue;
      row.forEach((v, i) => {
        if (v === null && from[i] >= 0 && b[from[i]] !== null) {
          row[i] = b[from[i]];
          filled = true;
        }
      });
    }
    if (before.length || filled) completed++;
    area.rows = [...before, ...area.rows];
  }
  return completed;
}
