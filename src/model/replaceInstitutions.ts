// "Replace institutions only": a re-import over a model the officer has worked on. The Institutions table
// is replaced, the Allocations sheet is rebuilt for the new rows under the same options (reading the same
// rates range), every formula elsewhere that read the old table reads the new one, and every other sheet,
// rate and option is kept as it was. Pure: the CLI (`import --update`) and the pane both call it.
import { allocationCall, allocationsSheet } from "./allocations";
import { colLetters, sheetRef, splitRef } from "../util/a1";
import { headerIndex } from "./institutions";
import type { BookSheet } from "./overwriteWords";
import { keyRowIndex, ratesColumns, type KeyRow } from "./rates";
import { refsReading, type ModelRefs } from "./refs";
import type { RawCell, Rows } from "./types";

/** A workbook that is not a model this can update: the message says what is missing. */
export class NotAModel extends Error {}

export interface ReplaceInstitutionsResult {
  /** every sheet, in the workbook's order, with the new contents where they change */
  sheets: BookSheet[];
  names: { institutions: string; allocations: string | null };
  /** the new institutions block (header row included), e.g. A1:T41 */
  tableRange: string;
  /** the options with an Allocations column */
  options: string[];
  count: number;
  /** sheets (other than the two rebuilt) whose formulas now read the new table, with how many formulas */
  repointed: { sheet: string; formulas: number }[];
  /** key rows added (blank) at the bottom of the rates sheet, for bands the new table is the first to count */
  addedKeys: string[];
}

interface Found {
  allocations: BookSheet | null;
  institutions: BookSheet;
  rates: string | null;
  options: string[];
}

function find(sheets: readonly BookSheet[]): Found {
  for (const s of sheets) {
    const row2 = s.cells[1] ?? [];
    const cols = row2.flatMap((c, j) => (allocationCall(c) ? [j] : []));
    if (!cols.length) continue;
    const first = allocationCall(row2[cols[0]])!;
    const inst = splitRef(first.table).sheet;
    const institutions = sheets.find((x) => x.name === inst);
    if (!institutions || !splitRef(first.rates).sheet) continue;
    const options = cols.map((j) => String(s.cells[0]?.[j] ?? ""));
    return { allocations: s, institutions, rates: first.rates, options };
  }
  // no Allocations sheet: the institutions are the sheet with Name and Phase headers and no formulas under them
  const institutions = sheets.find(
    (s) =>
      headerIndex(s.cells[0] ?? [], "Name") >= 0 &&
      headerIndex(s.cells[0] ?? [], "Phase") >= 0 &&
      !(s.cells[1] ?? []).some((c) => typeof c === "string" && c.startsWith("=")),
  );
  if (!institutions)
    throw new NotAModel(
      "it has no institutions table (a sheet whose first row has Name and Phase) and no Allocations sheet",
    );
  return { allocations: null, institutions, rates: null, options: [] };
}

/**
 * What a new institutions table rebuilds: its block (header row first) and the Allocations grid for the same options,
 * over references that read the rates range the model already reads. One computation for the CLI's `--update`
 * (replaceInstitutions) and the pane's plan (replaceInstitutionsPlan.ts).
 */
export function rebuildForTable(s: {
  institutionsSheet: string;
  ratesRef: string;
  header: readonly string[];
  rows: Rows;
  /** the Allocations sheet's options; null when the model has no Allocations sheet to rebuild */
  options: readonly string[] | null;
}): { refs: ModelRefs; institutions: Rows; allocations: Rows | null; count: number } {
  const count = s.rows.length;
  const refs = refsReading(s.ratesRef, { institutionsSheet: s.institutionsSheet, header: s.header, count });
  return {
    refs,
    institutions: [[...s.header], ...s.rows],
    allocations: s.options && allocationsSheet({ refs, options: s.options, count }),
    count,
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Key rows the rates sheet lacks, appended blank at its bottom (never inserted: a row inserted would move
 * cells other formulas read). Returns the new grid, or null when nothing is missing.
 */
function withKeys(grid: readonly RawCell[][], keys: readonly KeyRow[]): { cells: RawCell[][]; added: string[] } | null {
  let cols;
  try {
    cols = ratesColumns(grid as Rows);
  } catch {
    return null;
  }
  const missing = keys.filter((k) => keyRowIndex(grid as Rows, k.key) < 0);
  if (!missing.length) return null;
  const width = Math.max(...grid.map((r) => r.length));
  const line = (f: (r: RawCell[]) => void) => {
    const r: RawCell[] = Array<RawCell>(width).fill(null);
    f(r);
    return r;
  };
  const heading = line((r) => {
    if (cols.description >= 0) r[cols.description] = missing[0].section ?? "Other";
  });
  const rows = missing.map((k) =>
    line((r) => {
      r[cols.factor] = k.key;
      if (cols.description >= 0) r[cols.description] = k.description ?? null;
      if (cols.unit >= 0) r[cols.unit] = k.unit ?? null;
    }),
  );
  return { cells: [...grid.map((r) => [...r]), heading, ...rows], added: missing.map((k) => k.key) };
}

/** `keys`: rate rows the new table needs (its bands' top-ups), added blank when the rates sheet lacks them. */
export function replaceInstitutions(
  sheets: readonly BookSheet[],
  table: { header: readonly string[]; rows: Rows },
  keys: readonly KeyRow[] = [],
): ReplaceInstitutionsResult {
  const found = find(sheets);
  const header = [...table.header];
  const inst = found.institutions.name;
  for (const need of ["Name", "Phase"])
    if (found.allocations && headerIndex(header, need) < 0) throw new NotAModel(`the new table has no ${need} column`);
  // without an Allocations sheet nothing reads rates: the refs only repoint formulas at the new table
  const built = rebuildForTable({
    institutionsSheet: inst,
    ratesRef: found.rates ?? "",
    header,
    rows: table.rows,
    options: found.allocations ? found.options : null,
  });
  const { refs, count } = built;

  // absolute references to the old table or its header row ("Institutions!$A$1:$T$31") now read the new one
  const prefix = escape(sheetRef(inst, "X").slice(0, -1));
  const absolute = new RegExp(`${prefix}\\$A\\$1:\\$[A-Z]+\\$(\\d+)(?![\\d:])`, "g");
  const repointed: { sheet: string; formulas: number }[] = [];
  const ratesName = found.rates ? splitRef(found.rates).sheet : undefined;
  let addedKeys: string[] = [];
  const out = sheets.map((s): BookSheet => {
    if (s.name === ratesName) {
      const next = withKeys(s.cells, keys);
      if (next) {
        addedKeys = next.added;
        return { name: s.name, cells: next.cells };
      }
    }
    if (s === found.institutions) return { name: s.name, cells: built.institutions as RawCell[][] };
    if (s === found.allocations) return { name: s.name, cells: built.allocations! as RawCell[][] };
    let n = 0;
    const cells = s.cells.map((r) =>
      r.map((c) => {
        if (typeof c !== "string" || !c.startsWith("=")) return c;
        const next = c.replace(absolute, (_, last: string) => (last === "1" ? refs.fields : refs.table));
        if (next !== c) n++;
        return next;
      }),
    );
    if (n) repointed.push({ sheet: s.name, formulas: n });
    return n ? { name: s.name, cells } : s;
  });
  return {
    sheets: out,
    names: { institutions: inst, allocations: found.allocations?.name ?? null },
    tableRange: `A1:${colLetters(header.length)}${count + 1}`,
    options: found.options,
    count,
    repointed,
    addedKeys,
  };
}
