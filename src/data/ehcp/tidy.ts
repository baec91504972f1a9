// The tidy files of the published EHC plan statistics (`year,la_code,la_name,breakdown,count`) -> one history
// table per area. Pure (text in, tables out): the CLI reads any file of these columns with it, and
// scripts/make-ehcp-history.ts builds the bundled history with it.
import { parseCsv } from "../../util/csv";
import { BREAKDOWNS, breakdownOf, NEW_PLANS, YEAR_HEADER } from "../../engine/forecast/breakdowns";

export interface TidyArea {
  code: string;
  name: string;
  /** one row per January census year of the area, oldest first: year, then a count (or null) per column */
  rows: (number | null)[][];
  /** the area's own columns when they differ from the file's (a release area without placement figures) */
  columns?: string[];
  /** why the area cannot be forecast (a duplicated row, a count that is no number of plans): its error entry */
  problem?: string;
}

export class TidyProblem extends Error {}

/**
 * Authorities whose code changed while the area stayed the same: the successor's history starts with its
 * predecessor's years (when they run on without a gap or overlap). Boundary changes are not joined: Dorset
 * (2019 -> 2020, Christchurch moved to BCP), BCP, and North and West Northamptonshire start afresh.
 */
export const SUCCESSIONS: readonly { from: string; to: string; name: string }[] = [
  { from: "E08000020", to: "E08000037", name: "Gateshead (new code from 2014)" },
  { from: "E06000048", to: "E06000057", name: "Northumberland (new code from 2014)" },
  { from: "E10000002", to: "E06000060", name: "Buckinghamshire (unitary from April 2020)" },
];

const REQUIRED = ["year", "la_code", "la_name", "breakdown", "count"];

interface Parsed {
  areas: Map<
    string,
    { name: string; byYear: Map<number, Map<string, { count: number; line: number }>>; problem?: string }
  >;
  breakdowns: Set<string>;
}

function parseTidy(text: string, file: string, isNewPlans: boolean): Parsed {
  const { rows, errors } = parseCsv(text);
  if (errors.length) throw new TidyProblem(`${file}: ${errors[0]}`);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const at = REQUIRED.map((h) => header.indexOf(h));
  const missing = REQUIRED.filter((_, i) => at[i] < 0);
  if (missing.length)
    throw new TidyProblem(
      `${file}: no column ${missing.map((m) => `'${m}'`).join(", ")} in the header row (expected ${REQUIRED.join(",")})`,
    );
  const [iYear, iCode, iName, iBreakdown, iCount] = at;
  const areas: Parsed["areas"] = new Map();
  const breakdowns = new Set<string>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.every((c) => c.trim() === "")) continue;
    const line = `${file} line ${r + 1}`;
    const year = Number(row[iYear]);
    if (!Number.isInteger(year) || year < 1000 || year > 9999)
      throw new TidyProblem(`${line}: year '${row[iYear] ?? ""}' is not a 4-digit year`);
    const label = (row[iBreakdown] ?? "").trim();
    const known = breakdownOf(label);
    if (!known || known === NEW_PLANS) throw new TidyProblem(`${line}: unknown breakdown '${label}'`);
    // the new-plans file: only its total is a history column (New plans); its other breakdowns are not used
    if (isNewPlans && known.kind !== "total") continue;
    const code = (row[iCode] ?? "").trim();
    if (code === "") throw new TidyProblem(`${line}: no la_code`);
    let area = areas.get(code);
    if (!area) areas.set(code, (area = { name: (row[iName] ?? "").trim(), byYear: new Map() }));
    breakdowns.add(known.key);
    if (area.problem) continue; // the area's first problem is its error entry; the other areas go on
    const countText = (row[iCount] ?? "").trim();
    const count = countText === "" ? 0 : Number(countText);
    if (!Number.isFinite(count) || count < 0) {
      area.problem = `${line}: count '${countText}' is not a number of plans`;
      continue;
    }
    // the calendar year of new plans made before January year + 1 (contract section 6)
    const census = isNewPlans ? year + 1 : year;
    let counts = area.byYear.get(census);
    if (!counts) area.byYear.set(census, (counts = new Map()));
    const before = counts.get(known.key);
    if (before) {
      area.problem = `${file} lines ${before.line} and ${r + 1} both give ${code}'s ${known.key} for ${year}`;
      continue;
    }
    counts.set(known.key, { count, line: r + 1 });
  }
  return { areas, breakdowns };
}

/**
 * The caseload file (and optionally the new-plans file) as history tables: columns Year, the breakdowns the
 * caseload file holds (release order), then New plans when a new-plans file is given. A breakdown an area lacks
 * in some year is null (blank). Years after `origin` are left out.
 */
export function readTidyFiles(
  caseloadText: string,
  newPlansText?: string,
  opts: { origin?: number; caseloadName?: string; newPlansName?: string } = {},
): { columns: string[]; areas: TidyArea[] } {
  const caseload = parseTidy(caseloadText, opts.caseloadName ?? "caseload file", false);
  const plans =
    newPlansText === undefined ? undefined : parseTidy(newPlansText, opts.newPlansName ?? "new-plans file", true);
  const used = BREAKDOWNS.filter((x) => caseload.breakdowns.has(x.key));
  const columns = [YEAR_HEADER, ...used.map((x) => x.header), ...(plans ? [NEW_PLANS.header] : [])];
  const areas: TidyArea[] = [];
  for (const [code, area] of caseload.areas) {
    const years = [...area.byYear.keys()]
      .filter((y) => opts.origin === undefined || y <= opts.origin)
      .sort((a, b) => a - b);
    const planYears = plans?.areas.get(code)?.byYear;
    const rows = years.map((y) => {
      const counts = area.byYear.get(y)!;
      const row: (number | null)[] = [y, ...used.map((x) => counts.get(x.key)?.count ?? null)];
      if (plans) row.push(planYears?.get(y)?.get("total")?.count ?? null);
      return row;
    });
    const problem = area.problem ?? plans?.areas.get(code)?.problem;
    areas.push({ code, name: area.name, rows, ...(problem ? { problem } : {}) });
  }
  for (const { from, to } of SUCCESSIONS) {
    const before = areas.find((a) => a.code === from),
      after = areas.find((a) => a.code === to);
    if (!before || !after || before.rows.length === 0 || after.rows.length === 0) continue;
    if (before.rows[before.rows.length - 1][0]! + 1 === after.rows[0][0]) after.rows = [...before.rows, ...after.rows];
  }
  return { columns, areas };
}
