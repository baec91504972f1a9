// The DfE "Education, health and care plans" release as an officer downloads it (explore-education-statistics,
// reporting year 2025 on): `caseload.csv` (plans at each January census, `time_period` 202425 = January 2025) and
// `newplans.csv` (plans made in each calendar year) -> one history table per area, in the columns of the bundled
// history. Pure (text in, tables out); the CLI and the pane read the files and hand the text here.
//
// Setting columns -> breakdowns (the same sums as the bundled 2010-2022 history; checked against it in tests):
//   total      ehcplans (newplans.csv: new_ehc_plans)
//   rb         the six `*_resourced_provision` and `*_senunit` columns
//   mainstream mainstream_total − rb (LA maintained, academy, free school and independent mainstream schools)
//   special    special_la_maintained + special_academy_free
//   isp        special_independent + special_non_maintained
//   ap         ap_pru_total
//   fe         general_fe_tertiary_colleges
//   spi        specialist_post_16_institutions
//   ey         nm_early_years
//   other      total − all of the above (educated elsewhere, NEET, home education, UKRLP and online providers,
//              awaiting provision, not recorded, …)
// The 2023 break: from January 2023 the collection is of individual plans. Settings collected only on one side
// of the break (e.g. NEET, placement not recorded from 2023; awaiting provision, permanently excluded before)
// make a breakdown not comparable across it: the reader says which, from the columns each year actually fills.
// Age rows (`Child or young persons age`) are published from January 2024 only, so a history cannot hold ages
// for every year and they are not read.
import { parseCsv } from "../../util/csv";
import { BREAKDOWNS, NEW_PLANS, YEAR_HEADER } from "../../engine/forecast/breakdowns";
import { TidyProblem, type TidyArea } from "./tidy";

/** The first census of the individual-level collection. */
export const BREAK_YEAR = 2023;

/** A year whose unrecorded placements exceed this share of its plans is named (Cambridgeshire, 2025). */
export const UNRECORDED_SHARE = 0.05;

/** Columns a release file must have (the others are optional: older and newer releases differ). */
const KEYS = ["time_period", "geographic_level", "new_la_code", "la_name", "breakdown_topic"];
const CASELOAD_TOTAL = "ehcplans";
const NEW_PLANS_TOTAL = "new_ehc_plans";

const RB = [
  "mainstream_la_maintained_resourced_provision",
  "mainstream_la_maintained_senunit",
  "mainstream_academy_resourced_provision",
  "mainstream_academy_senunit",
  "mainstream_free_school_resourced_provision",
  "mainstream_free_school_senunit",
];
const MAINSTREAM = [
  "mainstream_la_maintained",
  "mainstream_academy",
  "mainstream_free_school",
  "mainstream_independent",
];

/** The setting columns of each placement breakdown ("other" is the rest of the total). */
export const SETTING_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  mainstream: MAINSTREAM,
  rb: RB,
  special: ["special_la_maintained", "special_academy_free"],
  isp: ["special_independent", "special_non_maintained"],
  ap: ["ap_pru_la_maintained", "ap_pru_academy", "ap_pru_free_school"],
  fe: ["general_fe_tertiary_colleges"],
  spi: ["specialist_post_16_institutions"],
  ey: ["nm_early_years"],
};
/** Setting columns that make up "other" (for the comparability check; totals and percentages are not settings). */
const OTHER_SETTINGS = [
  "elective_home_education",
  "other_arrangements_la",
  "other_arrangements_parents",
  "online_provider",
  "w_settings",
  "other_schools",
  "other_placement_settings",
  "neet",
  "ukrlp_provider",
  "placement_unknown",
  "await_prov_2022",
  "perm_ex_2022",
];

const PLACEMENT_KEYS = ["mainstream", "rb", "special", "isp", "ap", "fe", "spi", "ey", "other"];

export interface ReleaseArea extends TidyArea {
  /** the former three-digit LA number (`old_la_code`), when the release gives one */
  oldCode?: string;
}

export interface ReleaseHistory {
  columns: string[];
  areas: ReleaseArea[];
  /** what a reader should know: breakdowns not comparable across the 2023 break, areas missing placements */
  warnings: string[];
}

/** A cell of the release: a number, or undefined for x (unavailable), z (not applicable), c (suppressed), blank. */
function num(text: string | undefined): number | undefined {
  const t = (text ?? "").trim();
  if (t === "" || /^[xzc]$/i.test(t)) return undefined;
  const n = Number(t.replace(/,/g, ""));
  return Number.isFinite(n) ? n : NaN;
}

/** The census year of a `time_period`: 202425 -> 2025 (caseload), 2024 -> 2025 (new plans of calendar 2024). */
function censusYear(text: string, newPlans: boolean): number | undefined {
  const t = text.trim();
  if (!newPlans && /^\d{6}$/.test(t)) {
    const y = Number(t.slice(0, 4)) + 1;
    return Number(t.slice(4)) === y % 100 ? y : undefined;
  }
  if (newPlans && /^\d{4}$/.test(t)) return Number(t) + 1;
  return undefined;
}

interface Read {
  /** code -> area */
  areas: Map<string, { name: string; oldCode?: string; years: Map<number, YearCounts>; problem?: string }>;
  /** setting column -> census years with a figure anywhere */
  filled: Map<string, Set<number>>;
}

interface YearCounts {
  line: number;
  total: number;
  /** plans whose placement was not recorded (`placement_unknown`; in "other") */
  unknown: number;
  /** placement breakdown -> count; undefined when the year has no placement figures */
  placements?: Map<string, number>;
}

/** Which release file a header row is, or undefined. */
export function releaseKind(headerLine: string): "caseload" | "newplans" | undefined {
  const h = headerLine
    .replace(/^\uFEFF/, "")
    .split(",")
    .map((x) => x.trim().toLowerCase());
  if (!KEYS.every((k) => h.includes(k))) return undefined;
  if (h.includes(CASELOAD_TOTAL)) return "caseload";
  if (h.includes(NEW_PLANS_TOTAL)) return "newplans";
  return undefined;
}

function expected(newPlans: boolean): string {
  return [...KEYS, newPlans ? NEW_PLANS_TOTAL : CASELOAD_TOTAL, "mainstream_total", "special_la_maintained", "…"].join(
    ",",
  );
}

function readRelease(text: string, file: string, newPlans: boolean): Read {
  const { rows, errors } = parseCsv(text);
  if (errors.length) throw new TidyProblem(`${file}: ${errors[0]}`);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const totalCol = newPlans ? NEW_PLANS_TOTAL : CASELOAD_TOTAL;
  const missing = [...KEYS, totalCol].filter((k) => !header.includes(k));
  if (missing.length)
    throw new TidyProblem(
      `${file} is not the DfE release's ${newPlans ? "newplans.csv" : "caseload.csv"}: no column ${missing.map((m) => `'${m}'`).join(", ")} (expected ${expected(newPlans)})`,
    );
  const col = new Map(header.map((h, i) => [h, i]));
  const at = (row: string[], name: string) => {
    const i = col.get(name);
    return i === undefined ? undefined : row[i];
  };
  const settings = [...Object.values(SETTING_COLUMNS).flat(), ...OTHER_SETTINGS, "mainstream_total", "ap_pru_total"];
  const out: Read = { areas: new Map(), filled: new Map(settings.map((s) => [s, new Set<number>()])) };
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.every((c) => c.trim() === "")) continue;
    const line = r + 1;
    const level = (at(row, "geographic_level") ?? "").trim().toLowerCase();
    const topic = (at(row, "breakdown_topic") ?? "").trim().toLowerCase();
    // one row per area and year holds every plan; the rest break them down by age, sex, ethnicity, …
    if (!(topic === "all ehc plans" || topic === "new ehc plans")) continue;
    if (level !== "local authority" && level !== "national") continue;
    const period = at(row, "time_period") ?? "";
    const year = censusYear(period, newPlans);
    if (year === undefined)
      throw new TidyProblem(
        `${file} line ${line}: time_period '${period}' is not ${newPlans ? "a calendar year (2024)" : "an academic year (202425)"}`,
      );
    const code =
      level === "national"
        ? (at(row, "country_code") ?? "").trim() || "E92000001"
        : (at(row, "new_la_code") ?? "").trim();
    if (code === "") throw new TidyProblem(`${file} line ${line}: no new_la_code`);
    let area = out.areas.get(code);
    if (!area) {
      const name =
        level === "national" ? (at(row, "country_name") ?? "England").trim() : (at(row, "la_name") ?? "").trim();
      const old = (at(row, "old_la_code") ?? "").trim();
      out.areas.set(code, (area = { name, oldCode: old || undefined, years: new Map() }));
    }
    if (area.problem) continue;
    const before = area.years.get(year);
    if (before) {
      area.problem = `${file} lines ${before.line} and ${line} both give ${code}'s ${newPlans ? "new plans" : "plans"} for ${year}`;
      continue;
    }
    const total = num(at(row, totalCol));
    if (total === undefined) continue; // the area has no figure that year
    if (!Number.isFinite(total) || total < 0 || !Number.isInteger(total)) {
      area.problem = `${file} line ${line}: ${totalCol} '${at(row, totalCol)}' is not a number of plans`;
      continue;
    }
    for (const s of settings) if (num(at(row, s)) !== undefined) out.filled.get(s)!.add(year);
    const unknown = num(at(row, "placement_unknown"));
    area.years.set(year, {
      line,
      total,
      unknown: unknown !== undefined && Number.isFinite(unknown) ? unknown : 0,
      placements: placementsOf((name) => num(at(row, name)), total),
    });
  }
  return out;
}

/** A year's placement groups from its setting columns (undefined when the row gives no setting figure at all). */
function placementsOf(cell: (name: string) => number | undefined, total: number): Map<string, number> | undefined {
  const sumOf = (names: readonly string[]) => {
    let s = 0,
      any = false;
    for (const n of names) {
      const v = cell(n);
      if (v !== undefined && Number.isFinite(v)) {
        s += v;
        any = true;
      }
    }
    return any ? s : undefined;
  };
  const rb = sumOf(RB);
  const mainstreamTotal = cell("mainstream_total");
  const mainstream =
    mainstreamTotal !== undefined && Number.isFinite(mainstreamTotal) ? mainstreamTotal - (rb ?? 0) : sumOf(MAINSTREAM);
  const apTotal = cell("ap_pru_total");
  const parts = new Map<string, number | undefined>([
    ["mainstream", mainstream],
    ["rb", rb],
    ["special", sumOf(SETTING_COLUMNS.special)],
    ["isp", sumOf(SETTING_COLUMNS.isp)],
    ["ap", apTotal !== undefined && Number.isFinite(apTotal) ? apTotal : sumOf(SETTING_COLUMNS.ap)],
    ["fe", sumOf(SETTING_COLUMNS.fe)],
    ["spi", sumOf(SETTING_COLUMNS.spi)],
    ["ey", sumOf(SETTING_COLUMNS.ey)],
  ]);
  if ([...parts.values()].every((v) => v === undefined)) return undefined;
  const out = new Map<string, number>();
  let named = 0;
  for (const [k, v] of parts) {
    const c = Math.max(0, v ?? 0);
    out.set(k, c);
    named += c;
  }
  out.set("other", Math.max(0, total - named));
  return out;
}

/** Breakdowns whose settings are filled on one side of the 2023 break only (within the years read). */
function breakWarnings(filled: Read["filled"], years: readonly number[]): string[] {
  const before = years.filter((y) => y < BREAK_YEAR),
    after = years.filter((y) => y >= BREAK_YEAR);
  if (before.length === 0 || after.length === 0) return [];
  const oneSided = (s: string) => {
    const ys = filled.get(s) ?? new Set<number>();
    const pre = before.some((y) => ys.has(y)),
      post = after.some((y) => ys.has(y));
    return pre !== post ? `${s} (${pre ? `to ${BREAK_YEAR - 1}` : `from ${BREAK_YEAR}`} only)` : undefined;
  };
  const out: string[] = [];
  for (const key of PLACEMENT_KEYS) {
    const cols = key === "other" ? OTHER_SETTINGS : SETTING_COLUMNS[key];
    const odd = cols.map(oneSided).filter((x): x is string => x !== undefined);
    if (odd.length)
      out.push(
        `'${key}' is not comparable across the ${BREAK_YEAR} break (individual-level collection): ${odd.join(", ")}`,
      );
  }
  return out;
}

/**
 * The release's caseload file (and optionally its new-plans file) as history tables: Year, Total, the nine
 * placement groups, then New plans when a new-plans file is given. Years after `origin` are left out. An area
 * whose rows are duplicated or hold a count that is no number of plans carries that as its `problem`.
 */
export function readReleaseFiles(
  caseloadText: string,
  newPlansText?: string,
  opts: { origin?: number; caseloadName?: string; newPlansName?: string } = {},
): ReleaseHistory {
  const caseload = readRelease(caseloadText, opts.caseloadName ?? "caseload.csv", false);
  const plans =
    newPlansText === undefined ? undefined : readRelease(newPlansText, opts.newPlansName ?? "newplans.csv", true);
  const keys = ["total", ...PLACEMENT_KEYS];
  const headers = keys.map((k) => BREAKDOWNS.find((b) => b.key === k)!.header);
  const columns = [YEAR_HEADER, ...headers, ...(plans ? [NEW_PLANS.header] : [])];
  const areas: ReleaseArea[] = [];
  const lacking: string[] = [];
  const notRecorded: string[] = [];
  const allYears = new Set<number>();
  for (const [code, area] of caseload.areas) {
    const years = [...area.years.keys()]
      .filter((y) => opts.origin === undefined || y <= opts.origin)
      .sort((a, b) => a - b);
    years.forEach((y) => allYears.add(y));
    const planArea = plans?.areas.get(code);
    const noPlacements = years.filter((y) => !area.years.get(y)!.placements);
    if (noPlacements.length && !area.problem) lacking.push(`${area.name} (${noPlacements.join(", ")})`);
    const unrecorded = years.filter((y) => area.years.get(y)!.unknown > UNRECORDED_SHARE * area.years.get(y)!.total);
    if (unrecorded.length && !area.problem) notRecorded.push(`${area.name} (${unrecorded.join(", ")})`);
    const rows = years.map((y) => {
      const c = area.years.get(y)!;
      const row: (number | null)[] = [
        y,
        c.total,
        ...PLACEMENT_KEYS.map((k) => (noPlacements.length ? null : (c.placements!.get(k) ?? null))),
      ];
      if (plans) row.push(planArea?.years.get(y)?.total ?? null);
      return row;
    });
    const problem = area.problem ?? planArea?.problem;
    areas.push({
      code,
      name: area.name,
      oldCode: area.oldCode,
      rows: noPlacements.length ? rows.map((r) => [r[0], r[1], ...(plans ? [r[r.length - 1]] : [])]) : rows,
      ...(noPlacements.length ? { columns: [YEAR_HEADER, headers[0], ...(plans ? [NEW_PLANS.header] : [])] } : {}),
      ...(problem ? { problem } : {}),
    });
  }
  const warnings = breakWarnings(caseload.filled, [...allYears]);
  if (lacking.length) warnings.push(`no placement figures, so only Total is forecast, for: ${lacking.join("; ")}`);
  if (notRecorded.length)
    warnings.push(
      `placement not recorded for more than ${UNRECORDED_SHARE * 100}% of plans (counted in 'other', so the placement groups are understated) for: ${notRecorded.join("; ")}`,
    );
  return { columns, areas, warnings };
}
