// The whole model as a plan of sheets: what "New model" writes and what the demo workbook reuses.
import { libraryRatesGrid } from "../engine/library";
import { allocationsSheet } from "./allocations";
import { blockRange, widthOf } from "../util/a1";
import { checksSheet } from "./checks";
import { bandsFromRates, institutionsHeader } from "./institutions";
import { PROJECTION_KEY_ROWS } from "./projection";
import { ratesColumns, ratesSheet, type CandidateOption, type KeyRow } from "./rates";
import { modelRefs, ratesExtent, type ModelRefs } from "./refs";
import { SAMPLE_LOCAL_VALUES, SAMPLE_PROJECTION, SAMPLE_SOURCE, sampleInstitutions } from "./sample";
import { uniqueSheetNames } from "./sheetNames";
import type { RawCell, Rows } from "./types";

export type SheetRole = "rates" | "institutions" | "allocations" | "checks";

export interface ModelSpec {
  /** sheet names already in the workbook (new sheets get names that differ from these) */
  existing: readonly string[];
  /** the built-in national option the rates are seeded from */
  national: string;
  /** candidate options, blank (inheriting) to start with */
  candidates: CandidateOption[];
  /** synthetic institutions plus an illustrative local option and projection options */
  sample?: { count: number };
  /** blank institution rows when there is no sample (default 10) */
  blankRows?: number;
  /** the starting rates grid; defaults to libraryRatesGrid([national]) */
  base?: Rows;
  /** extra values to place: option -> key -> value */
  values?: Record<string, Record<string, RawCell>>;
  /** further key rows to add (blank unless `values` fills them), e.g. the top-up rows an import needs */
  keys?: KeyRow[];
  /** imported institutions (src/import): their header and rows replace the sample or blank rows */
  institutions?: { header: string[]; rows: Rows };
}

/** `values`: every string is literal text (imported data: "=x" in a Notes cell must not become a formula). */
export interface PlannedSheet {
  role: SheetRole | "mapping";
  name: string;
  rows: Rows;
  range: string;
  values?: boolean;
}

export interface ModelPlan {
  sheets: PlannedSheet[];
  names: Record<SheetRole, string>;
  refs: ModelRefs;
  /** the institutions range to turn into an Excel table (header row included) */
  table: { sheet: string; range: string; name: string };
  header: string[];
  /** options with an Allocations column (every option but the national seed and the projection plans) */
  allocationOptions: string[];
  count: number;
}

export const SAMPLE_LOCAL_OPTION = "Local (sample)";

/** A workbook-unique Excel table name: letters, digits and underscores only. */
export function tableName(sheet: string, existingTables: readonly string[] = []): string {
  const base = sheet.replace(/[^A-Za-z0-9_]/g, "") || "Table";
  const stem = /^[A-Za-z_]/.test(base) ? base : `T_${base}`;
  const taken = new Set(existingTables.map((t) => t.toLowerCase()));
  if (!taken.has(stem.toLowerCase())) return stem;
  for (let i = 2; ; i++) if (!taken.has(`${stem}${i}`.toLowerCase())) return `${stem}${i}`;
}

export function planModel(spec: ModelSpec, existingTables: readonly string[] = []): ModelPlan {
  const [rates, institutions, allocations, checks] = uniqueSheetNames(spec.existing, [
    "Rates",
    "Institutions",
    "Allocations",
    "Checks",
  ]);
  const names: Record<SheetRole, string> = { rates, institutions, allocations, checks };

  const candidates: CandidateOption[] = [];
  const values: Record<string, Record<string, RawCell>> = {};
  const sampleOptions: string[] = [];
  if (spec.sample) {
    candidates.push({ name: SAMPLE_LOCAL_OPTION, inherits: spec.national });
    values[SAMPLE_LOCAL_OPTION] = SAMPLE_LOCAL_VALUES;
  }
  candidates.push(...spec.candidates);
  if (spec.sample) {
    candidates.push(
      { name: "Unmitigated", inherits: SAMPLE_LOCAL_OPTION },
      { name: "Mitigated", inherits: "Unmitigated" },
    );
    Object.assign(values, SAMPLE_PROJECTION);
    sampleOptions.push("Unmitigated", "Mitigated");
  }
  for (const [option, byKey] of Object.entries(spec.values ?? {})) values[option] = { ...values[option], ...byKey };
  const base = spec.base ?? libraryRatesGrid([spec.national]);
  const ratesRows = ratesSheet({ base, candidates, keys: [...PROJECTION_KEY_ROWS, ...(spec.keys ?? [])], values });
  if (spec.sample) markSampleSources(ratesRows, Object.keys(SAMPLE_LOCAL_VALUES));

  const header = spec.institutions?.header ?? institutionsHeader(bandsFromRates(ratesRows));
  const data =
    spec.institutions?.rows ??
    (spec.sample ? sampleInstitutions(spec.sample.count, header) : blankRows(spec.blankRows ?? 10, header.length));
  const count = data.length;
  const ext = ratesExtent(ratesRows.length, widthOf(ratesRows));
  const refs = modelRefs({
    ratesSheet: rates,
    ratesRows: ext.rows,
    ratesCols: ext.cols,
    institutionsSheet: institutions,
    header,
    count,
  });
  // the seed national option holds national rates only (no local top-ups), so it gets no Allocations column
  const local = ratesColumns(ratesRows)
    .options.map((o) => o.name)
    .filter((o) => !sampleOptions.includes(o));
  const allocationOptions = local.length > 1 ? local.filter((o) => o !== spec.national) : local;

  const sheet = (role: SheetRole, rows: Rows): PlannedSheet => ({
    role,
    name: names[role],
    rows,
    range: blockRange("A1", rows.length, widthOf(rows)),
  });
  const instRows: Rows = [header, ...data];
  return {
    sheets: [
      sheet("rates", ratesRows),
      { ...sheet("institutions", instRows), values: Boolean(spec.institutions) },
      sheet("allocations", allocationsSheet({ refs, options: allocationOptions, count })),
      sheet("checks", checksSheet(refs.rates, refs.table)),
    ],
    names,
    refs,
    table: {
      sheet: institutions,
      range: blockRange("A1", instRows.length, header.length),
      name: tableName(institutions, existingTables),
    },
    header,
    allocationOptions,
    count,
  };
}

function blankRows(n: number, width: number): Rows {
  return Array.from({ length: n }, () => Array<RawCell>(width).fill(null));
}

/** Sample keys say where they come from, so nobody mistakes them for national rates. */
function markSampleSources(grid: Rows, keys: string[]): void {
  const cols = ratesColumns(grid);
  if (cols.source < 0) return;
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  for (const r of grid.slice(1)) {
    const k = r[cols.factor];
    if (typeof k === "string" && wanted.has(k.toLowerCase()) && (r[cols.source] === null || r[cols.source] === ""))
      r[cols.source] = SAMPLE_SOURCE;
  }
}
