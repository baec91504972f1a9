// Institution data: a header row + values (one institution) or a table (header row, then one row each).
// Contract section 3: headers match ignoring case, spaces, '_' and '-'; unknown headers are ignored.
import { E, SendError, raise, attempt } from "./errors";
import { ZERO, TWELVE, type Dec } from "./money";
import { normLabel } from "./normalize";
import { cellText, isBlank, readNumber } from "./coerce";
import { placeYear } from "./years";
import { PHASES, type Cell, type Grid, type Institution, type Phase } from "./types";

export type CountField =
  | "primaryPupils"
  | "ks3Pupils"
  | "ks4Pupils"
  | "fsm"
  | "fsm6"
  | "lpa"
  | "eal"
  | "senSupport"
  | "places"
  | "daf"
  | "students";

/** Known headers (normalised) -> what they fill. */
const COUNT_HEADERS: Record<string, CountField> = {
  primarypupils: "primaryPupils",
  ks3pupils: "ks3Pupils",
  ks4pupils: "ks4Pupils",
  fsm: "fsm",
  fsm6: "fsm6",
  lpa: "lpa",
  eal: "eal",
  sensupport: "senSupport",
  places: "places",
  daf: "daf",
  students: "students",
};
const IDACI = ["a", "b", "c", "d", "e", "f"];

/**
 * The Institutions table's headers in their readable order: Name, URN, Phase, pupils, deprivation, SEN counts, EHCP
 * bands, places, early years, FE, Months; each banded family once per band label. The one list the model's sheet,
 * the importer's targets and this reader's messages share. URN keys imports and updates; the formula ignores it.
 */
export function institutionHeaders(bands: { ehcp: readonly string[]; senif: readonly string[] }): string[] {
  return [
    "Name",
    "URN",
    "Phase",
    "Primary Pupils",
    "KS3 Pupils",
    "KS4 Pupils",
    "FSM",
    "FSM6",
    ...IDACI.map((b) => `IDACI ${b.toUpperCase()}`),
    "LPA",
    "EAL",
    "SEN Support",
    ...bands.ehcp.map((b) => `EHCP ${b}`),
    "Places",
    "Occupied",
    "DAF",
    ...bands.senif.map((b) => `SENIF ${b}`),
    "Students",
    "Months",
  ];
}

/**
 * Every header the reader knows, banded families written with a placeholder ("EHCP <band>"), and the optional
 * "Places from September" (a September change of places; the model's sheet has no column for it until one is added).
 */
export const KNOWN_HEADERS: readonly string[] = institutionHeaders({ ehcp: ["<band>"], senif: ["<band>"] }).flatMap(
  (h) => (h === "Occupied" ? [h, "Places from September"] : [h]),
);
const PHASE_BY_NORM = new Map<string, Phase>(PHASES.map((p) => [normLabel(p), p]));

/** What a header means: a known field, a banded count, or nothing (ignored). */
export type Column =
  | { kind: "name" }
  | { kind: "phase" }
  | { kind: "months" }
  | { kind: "occupied" }
  | { kind: "september" }
  | { kind: "count"; field: CountField }
  | { kind: "idaci"; band: string }
  | { kind: "ehcp" | "senif"; band: string; label: string };

function classify(header: string): Column | null | SendError {
  const h = normLabel(header);
  if (h === "name") return { kind: "name" };
  if (h === "phase") return { kind: "phase" };
  if (h === "months") return { kind: "months" };
  if (h === "occupied") return { kind: "occupied" };
  if (h === "placesfromseptember") return { kind: "september" };
  if (COUNT_HEADERS[h]) return { kind: "count", field: COUNT_HEADERS[h] };
  const idaci = h.match(/^idaci([a-f])$/);
  if (idaci) return { kind: "idaci", band: idaci[1] };
  for (const kind of ["ehcp", "senif"] as const) {
    if (h.startsWith(kind)) {
      const band = h.slice(kind.length);
      if (band === "") return E.bandlessHeader(header);
      // the label as written, without the prefix word
      return { kind, band, label: header.trim().replace(/^\S+[\s_-]*/, "") || band };
    }
  }
  return null;
}

/** One header the reader reads: its position, its text as written and what it means. */
export interface ReaderColumn {
  col: number;
  header: string;
  column: Column;
}

/** A reader for one header row, built once and applied to every data row of a table. */
export interface FieldReader {
  read(values: readonly Cell[], where: string): Institution | SendError;
  /** the headers it reads, in column order (the fast path compiles its own row reader from them) */
  readonly columns: readonly ReaderColumn[];
}

export function fieldReader(header: readonly Cell[], arg: string): FieldReader | SendError {
  return attempt(() => {
    const cols: ReaderColumn[] = [];
    const seen = new Map<string, string>();
    header.forEach((h, col) => {
      const text = cellText(h);
      if (text === "") return;
      const column = classify(text);
      if (column instanceof SendError) raise(new SendError(column.kind, `${arg}: ${column.message}`));
      if (column === null) return; // unknown headers are ignored (URNs, notes, results)
      const id = normLabel(text);
      if (seen.has(id)) raise(E.duplicateHeader(arg, text));
      seen.set(id, text);
      cols.push({ col, header: text, column });
    });
    return { read: (values, where) => attempt(() => readRow(cols, values, where)), columns: cols };
  });
}

function readRow(cols: readonly ReaderColumn[], values: readonly Cell[], where: string): Institution {
  const inst: Institution = {
    name: null,
    phase: "Primary",
    primaryPupils: ZERO,
    ks3Pupils: ZERO,
    ks4Pupils: ZERO,
    fsm: ZERO,
    fsm6: ZERO,
    lpa: ZERO,
    eal: ZERO,
    senSupport: ZERO,
    idaci: {},
    ehcp: new Map(),
    senif: new Map(),
    places: ZERO,
    occupied: ZERO,
    daf: ZERO,
    students: ZERO,
    months: TWELVE,
    september: null,
  };
  let phase: Phase | null = null;
  let occupied: Dec | null = null;
  let fromSeptember: Dec | null = null;
  const count = (header: string, raw: Cell): Dec => {
    const n = readNumber(raw);
    if (n.kind === "text") raise(E.notNumberField(where, header, n.text));
    if (n.kind === "blank") return ZERO;
    if (n.value.isNeg() && !n.value.isZero()) raise(E.negativeCount(where, header, n.value.toString()));
    return n.value;
  };
  for (const { col, header, column } of cols) {
    const raw = values[col];
    switch (column.kind) {
      case "name":
        inst.name = isBlank(raw) ? null : cellText(raw);
        break;
      case "phase": {
        const text = cellText(raw);
        if (text === "") raise(E.noPhase(where));
        const p = PHASE_BY_NORM.get(normLabel(text));
        if (!p) raise(E.unknownPhase(where, text, [...PHASES]));
        phase = p;
        break;
      }
      case "months": {
        if (isBlank(raw)) break; // default 12
        const m = readNumber(raw);
        if (m.kind === "text") raise(E.notNumberField(where, header, m.text));
        if (m.kind === "number" && (m.value.lt(0) || m.value.gt(12))) raise(E.monthsRange(where, m.value.toString()));
        if (m.kind === "number") inst.months = m.value;
        break;
      }
      case "occupied":
        if (!isBlank(raw)) occupied = count(header, raw);
        break;
      case "september":
        if (!isBlank(raw)) fromSeptember = count(header, raw);
        break;
      case "count":
        inst[column.field] = count(header, raw);
        break;
      case "idaci":
        inst.idaci[column.band] = count(header, raw);
        break;
      case "ehcp":
        inst.ehcp.set(column.band, { label: column.label, count: count(header, raw) });
        break;
      case "senif":
        inst.senif.set(column.band, { label: column.label, hours: count(header, raw) });
        break;
    }
  }
  if (phase === null) raise(E.noPhase(where));
  inst.phase = phase;
  if (fromSeptember !== null) {
    inst.september = placeYear(phase, inst.places, fromSeptember, occupied);
    inst.occupied = occupied ?? inst.september.yearPlaces;
    if (inst.september.occupiedTwelfths.gt(inst.september.twelfths))
      raise(E.occupiedOverPlaces(where, occupied!.toString(), `${inst.september.yearPlaces} in the financial year`));
    return inst;
  }
  inst.occupied = occupied ?? inst.places;
  if (inst.occupied.gt(inst.places))
    raise(E.occupiedOverPlaces(where, inst.occupied.toString(), inst.places.toString()));
  return inst;
}

/** One institution from a header range and a values range of the same length (SEND.ALLOCATE). */
export function readInstitution(
  fields: readonly Cell[],
  values: readonly Cell[],
  fieldsArg = "fields",
  valuesArg = "values",
): Institution | SendError {
  if (fields.length !== values.length) return E.shapeMismatch(fieldsArg, valuesArg, fields.length, values.length);
  const reader = fieldReader(fields, fieldsArg);
  return reader instanceof SendError ? reader : reader.read(values, valuesArg);
}

export interface TableRow {
  /** 1-based data row number (the row after the header is 1) */
  index: number;
  /** the Name cell, if the table has one */
  name: string | null;
  /** null for an all-blank row */
  institution: Institution | SendError | null;
}

/** The column of a table's Name header, or -1. */
export function nameColumn(header: readonly Cell[]): number {
  return header.findIndex((h) => normLabel(cellText(h)) === "name");
}

/** Data row r (1-based) of a table, read the way readTable reads every row. */
export function readTableRow(
  reader: FieldReader,
  values: readonly Cell[],
  r: number,
  nameCol: number,
  arg = "table",
): TableRow {
  const name = nameCol >= 0 && !isBlank(values[nameCol]) ? cellText(values[nameCol]) : null;
  const blank = values.every(isBlank);
  const where = `${arg} row ${r}${name ? ` ('${name}')` : ""}`;
  return { index: r, name, institution: blank ? null : reader.read(values, where) };
}

/** A table: header row first, then one institution per row; a bad row carries its own error. */
export function readTable(grid: Grid, arg = "table"): TableRow[] | SendError {
  if (grid.length < 2) return E.emptyTable(arg);
  const reader = fieldReader(grid[0], arg);
  if (reader instanceof SendError) return reader;
  const nameCol = nameColumn(grid[0]);
  const rows: TableRow[] = [];
  for (let r = 1; r < grid.length; r++) rows.push(readTableRow(reader, grid[r], r, nameCol, arg));
  return rows;
}

/** Whether a header names a contract field (it is read, not ignored). */
export function isKnownField(header: string): boolean {
  const c = classify(header);
  return c !== null && !(c instanceof SendError);
}
