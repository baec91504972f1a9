// SEND.CHECK's institutions check (its third argument): the institution table against the rates.
// Headers the formula ignores, rows it cannot read, counts a phase will not use, EHCP bands with no
// top-up at a setting (topup.<setting>.<band> or the topup.all.<band> fallback), and rates a phase
// needs that the option lacks (found by allocating each row, so the rules are the engine's own: the exact fast path's
// totals, whose every error comes from the decimal path, so the messages are allocate()'s own).
import { cellText, isBlank, readNumber } from "./coerce";
import { fieldReader, readTable, type Column, type TableRow } from "./fields";
import { SendError } from "./errors";
import { allocateTotals, fastOption } from "./fast";
import { normLabel } from "./normalize";
import { findTopupRate } from "./components/topUp";
import type { Option } from "./rates";
import { SETTING_OF_PHASE, type CheckProblem, type Grid, type Phase } from "./types";
import { phaseUses, type FieldFamily } from "./usage";

/** Labels and identifiers a table may carry that no formula reads, by design (not worth a warning). */
const IDENTIFIERS = new Set(["urn", "ukprn", "laestab", "upin", "notes", "note", "comments", "dfenumber"]);
const MAX_ROWS = 8;

/** "row 2", "rows 2, 5 and 9", "rows 1, 2, … and 4 more" */
const rowList = (rows: number[]) =>
  rows.length === 1
    ? `row ${rows[0]}`
    : rows.length > MAX_ROWS
      ? `rows ${rows.slice(0, MAX_ROWS).join(", ")} and ${rows.length - MAX_ROWS} more`
      : `rows ${rows.slice(0, -1).join(", ")} and ${rows[rows.length - 1]}`;

function familyOf(c: Column): FieldFamily | null {
  switch (c.kind) {
    case "count":
      return (
        {
          primaryPupils: "Primary Pupils",
          ks3Pupils: "KS3 Pupils",
          ks4Pupils: "KS4 Pupils",
          fsm: "FSM",
          fsm6: "FSM6",
          lpa: "LPA",
          eal: "EAL",
          senSupport: "SEN Support",
          places: "Places",
          daf: "DAF",
          students: "Students",
        } as const
      )[c.field];
    case "idaci":
      return "IDACI";
    case "ehcp":
      return "EHCP";
    case "senif":
      return "SENIF";
    case "occupied":
      return "Occupied";
    case "september":
      return "Places from September";
    default:
      return null;
  }
}

/**
 * Table-level problems (the same for every option): ignored headers, unreadable rows, unused counts. `rows` is the
 * table as readTable reads it, when the caller has read it already (SEND.CHECK reads it once for every option).
 */
export function tableProblems(table: Grid, tableArg = "table", rows?: readonly TableRow[]): CheckProblem[] | SendError {
  if (table.length < 2)
    return new SendError(
      "#VALUE!",
      `${tableArg}: the institution table needs a header row and at least one institution row.`,
    );
  const reader = fieldReader(table[0], tableArg);
  if (reader instanceof SendError) return reader;
  const out: CheckProblem[] = [];
  // row and col point into the rates grid, so table problems have none
  const at = (key: string, problem: string): CheckProblem => ({
    option: "(table)",
    key,
    problem,
    row: null,
    col: null,
  });
  const read = new Set(reader.columns.map((c) => c.col));
  table[0].forEach((h, col) => {
    const text = cellText(h);
    if (read.has(col)) return;
    if (text === "") {
      if (table.slice(1).some((r) => !isBlank(r[col])))
        out.push(
          at(
            `column ${col + 1}`,
            `${tableArg}: column ${col + 1} has values but no header, so the formula ignores it.`,
          ),
        );
      return;
    }
    if (IDENTIFIERS.has(normLabel(text))) return;
    out.push(
      at(
        text,
        `${tableArg}: header '${text}' is not an institution field, so the formula ignores its column. Rename it to a field (e.g. 'EHCP Band 3', 'Primary Pupils') if it should count.`,
      ),
    );
  });
  const tableRows = rows ?? readTable(table, tableArg);
  if (tableRows instanceof SendError) return tableRows;
  const unused = new Map<string, { header: string; phase: Phase; rows: number[] }>();
  for (let r = 1; r < table.length; r++) {
    const row = tableRows[r - 1];
    if (row.institution === null) continue;
    if (row.institution instanceof SendError) {
      out.push(at(`row ${r}`, row.institution.message));
      continue;
    }
    const phase = row.institution.phase;
    for (const { col, header, column } of reader.columns) {
      const fam = familyOf(column);
      if (!fam || phaseUses(phase, fam)) continue;
      const n = readNumber(table[r][col]);
      if (n.kind !== "number" || n.value.isZero()) continue;
      const k = `${header}|${phase}`;
      if (!unused.has(k)) unused.set(k, { header, phase, rows: [] });
      unused.get(k)!.rows.push(r);
    }
  }
  for (const u of unused.values()) {
    out.push(
      at(
        u.header,
        `${tableArg}: ${u.rows.length} ${u.phase} row${u.rows.length > 1 ? "s have" : " has"} a '${u.header}' count the formula does not use for ${u.phase} (${rowList(u.rows)}).`,
      ),
    );
  }
  return out;
}

/** An option's Totals for every data row of a table, as allocateTotals returns them. */
export type TableTotals = readonly (number | SendError | null)[] | SendError;

/**
 * Rates one option lacks for the table's rows: EHCP bands with no top-up, and any other rate a phase needs. `rows`
 * as for tableProblems; `totals`, the option's allocateTotals over the table, when the caller has them (the function
 * layer's memory: the Totals a spilled ALLOCATEALL of the same option and table computed).
 */
export function optionTableProblems(
  option: Option,
  table: Grid,
  tableArg = "table",
  rows?: readonly TableRow[],
  given?: TableTotals,
): CheckProblem[] {
  const read = rows ?? readTable(table, tableArg);
  if (read instanceof SendError) return [];
  const missing = new Map<string, { key: string; text: string; rows: number[] }>();
  const note = (key: string, text: string, r: number) => {
    if (!missing.has(key)) missing.set(key, { key, text, rows: [] });
    missing.get(key)!.rows.push(r);
  };
  // a row's rates are checked by allocating it: Totals only (no breakdown), the fast path where it can
  const totals = given ?? allocateTotals(fastOption(option), table, tableArg);
  // whether the option has a top-up for a setting and band, asked once per pair rather than once per row
  const hasTopup = new Map<string, boolean>();
  for (let r = 1; r < table.length; r++) {
    const inst = read[r - 1].institution;
    if (inst === null || inst instanceof SendError) continue;
    const setting = SETTING_OF_PHASE[inst.phase];
    for (const [band, { label, count }] of inst.ehcp) {
      if (count.isZero()) continue;
      const pair = `${setting}\u0000${band}`;
      let found = hasTopup.get(pair);
      if (found === undefined) hasTopup.set(pair, (found = findTopupRate(option, setting, band) !== undefined));
      if (found) continue;
      note(
        `topup.${setting}.${band}`,
        `EHCP ${label} has no top-up at the ${setting} setting: add 'topup.${setting}.${band}' or 'topup.all.${band}'`,
        r,
      );
    }
    const result = totals instanceof SendError ? totals : totals[r - 1];
    if (result instanceof SendError) {
      const key = /has no rate '([^']+)'/.exec(result.message)?.[1];
      if (key && !key.startsWith("topup."))
        note(key, `${inst.phase} needs rate '${key}', which this option does not have`, r);
    }
  }
  return [...missing.values()].map((m) => ({
    option: option.name,
    key: m.key,
    row: null,
    col: null,
    problem: `${m.text} (${tableArg} ${rowList(m.rows)}).`,
  }));
}
