// Turning a source sheet plus confirmed column choices into the Institutions table, and saying what
// happened to every column and every row: mapped, kept as is, a bad cell (with its address), a count
// the formula will not use, a row left out (blank, or a totals row). Nothing is dropped without a line.
import { cellText, isBlank, readNumber } from "../engine/coerce";
import { isKnownField } from "../engine/fields";
import { editDistance } from "../engine/nearest";
import { normLabel } from "../engine/normalize";
import { PHASES, type Cell, type Phase } from "../engine/types";
import { FIELD_FAMILIES, phaseUses, type FieldFamily } from "../engine/usage";
import { colLetters } from "../util/a1";
import { institutionsHeader, type Bands } from "../model/institutions";
import type { RawCell, Rows } from "../model/types";
import { EHCP_TOTAL_CHECK, KEEP, mappingErrors, type ColumnChoice } from "./mapping";
import { rowChecks, TOTAL_LABEL } from "./rowChecks";
import { NOT_A_PHASE, PHASE_SYNONYMS, PUPILS_BY_PHASE, squash } from "./synonyms";

export interface KeptColumn {
  letter: string;
  header: string;
  /** its header in the Institutions table */ as: string;
  recognised: boolean;
}
export interface CellProblem {
  cell: string;
  message: string;
}
export interface UnusedCounts {
  field: string;
  phase: Phase;
  cells: string[];
}

export interface ImportReport {
  choices: ColumnChoice[];
  /** problems that stop the import (nothing is written) */
  errors: string[];
  /** columns kept unchanged and not read by the formula */
  kept: KeptColumn[];
  problems: CellProblem[];
  unused: UnusedCounts[];
  notes: string[];
  skipped: { row: number; why: string }[];
  /** 1-based sheet row of the header */
  headerRow: number;
  institutions: number;
}

export interface ImportResult {
  header: string[];
  rows: Rows;
  bands: Bands;
  report: ImportReport;
}

const PHASE_INDEX: Map<string, Phase> = (() => {
  const m = new Map<string, Phase>(PHASES.map((p) => [squash(p), p]));
  for (const [p, words] of Object.entries(PHASE_SYNONYMS)) for (const w of words) m.set(squash(w), p as Phase);
  return m;
})();

/**
 * The header row: the first of the first 20 rows with two or more different filled cells (title rows above it
 * are skipped, a merged title read as the same text in every cell included).
 */
export function findHeaderRow(rows: readonly (readonly Cell[])[]): number {
  for (let r = 0; r < Math.min(rows.length, 20); r++)
    if (new Set(rows[r].filter((c) => !isBlank(c)).map(cellText)).size >= 2) return r;
  return Math.max(
    0,
    rows.findIndex((r) => r.some((c) => !isBlank(c))),
  );
}

/** A phase as the contract names it, from what a file says ("Middle deemed primary", "PRU", "16 plus"). */
export function readPhase(text: string): Phase | null {
  return PHASE_INDEX.get(squash(text)) ?? null;
}

/** Why a phase text is not read, and the nearest phase only when it is a likely typing slip ("Secondry"). */
export function unknownPhase(text: string): string {
  const known = NOT_A_PHASE[squash(text)];
  if (known) return `'${text}' is not one phase of the model: ${known}`;
  let best = "";
  let d = Infinity;
  for (const p of PHASES) {
    const x = editDistance(squash(text), squash(p));
    if (x < d) {
      d = x;
      best = p;
    }
  }
  const near = d <= Math.max(1, Math.floor(squash(best).length / 4)) ? ` (did you mean ${best}?)` : "";
  return `'${text}' is not a phase the formula knows${near}; the phases are ${PHASES.join(", ")}`;
}

/** The field family a target header belongs to (for the per-phase usage table), or null for labels. */
function familyOf(target: string): FieldFamily | null {
  if (/^IDACI /.test(target)) return "IDACI";
  if (/^EHCP /i.test(target)) return "EHCP";
  if (/^SENIF /i.test(target)) return "SENIF";
  return FIELD_FAMILIES.find((f) => f === target) ?? null;
}

/** Bands the table needs: the rates' bands, then any band a column was mapped to. */
function bandsWith(base: Bands, choices: readonly ColumnChoice[]): Bands {
  const add = (list: string[], prefix: string) => {
    for (const c of choices) {
      const m = new RegExp(`^${prefix} (.+)$`, "i").exec(c.target);
      if (m && !list.some((b) => normLabel(b) === normLabel(m[1]))) list.push(m[1]);
    }
    return list;
  };
  return { ehcp: add([...base.ehcp], "EHCP"), senif: add([...base.senif], "SENIF") };
}

/** A kept column's header in the table: renamed when the formula would read it (or it clashes), so it stays unused. */
function keptName(header: string, letter: string, taken: Set<string>): string {
  const n = normLabel(header);
  if (header.trim() === "") return uniqueName(`Source column ${letter}`, taken);
  return uniqueName(
    isKnownField(header) || /^(ehcp|senif)/.test(n) || taken.has(n) ? `Source ${header.trim()}` : header.trim(),
    taken,
  );
}

function uniqueName(want: string, taken: Set<string>): string {
  let name = want;
  for (let i = 2; taken.has(normLabel(name)); i++) name = `${want} (${i})`;
  taken.add(normLabel(name));
  return name;
}

/** Columns with data under a blank header (a merged header cell, a forgotten title): kept, never dropped. */
function headerless(
  rows: readonly (readonly Cell[])[],
  headerRow: number,
  choices: readonly ColumnChoice[],
): ColumnChoice[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const named = new Set(choices.map((c) => c.col));
  const out: ColumnChoice[] = [];
  for (let col = 0; col < width; col++) {
    if (named.has(col) || !rows.slice(headerRow + 1).some((r) => !isBlank(r[col]))) continue;
    out.push({ col, letter: colLetters(col + 1), header: "", target: KEEP, confidence: 0, why: "no header" });
  }
  return out;
}

export function applyMapping(
  rows: readonly (readonly Cell[])[],
  choices: readonly ColumnChoice[],
  ratesBands: Bands,
): ImportResult {
  const headerRow = findHeaderRow(rows);
  const report: ImportReport = {
    choices: [...choices],
    errors: mappingErrors(choices),
    kept: [],
    problems: [],
    unused: [],
    notes: [],
    skipped: [],
    headerRow: headerRow + 1,
    institutions: 0,
  };
  const bands = bandsWith(ratesBands, choices);
  const fields = institutionsHeader(bands);
  const taken = new Set(fields.map(normLabel));
  const keptCols = [
    ...choices.filter((c) => c.target === KEEP || c.target === PUPILS_BY_PHASE || c.target === EHCP_TOTAL_CHECK),
    ...headerless(rows, headerRow, choices),
  ];
  const kept = keptCols.map((c) => ({
    letter: c.letter,
    header: c.header,
    as: keptName(c.header, c.letter, taken),
    recognised: c.confidence > 0 || c.target !== KEEP,
  }));
  report.kept = kept.filter((k, i) => keptCols[i].target === KEEP);
  const header = [...fields, ...kept.map((k) => k.as)];
  const at = new Map(header.map((h, i) => [normLabel(h), i]));
  if (rows.length <= headerRow + 1) report.errors.push("The file has no data rows under its header.");
  if (report.errors.length) return { header, rows: [], bands, report };

  const mapped = choices.filter(
    (c) => c.target !== KEEP && c.target !== PUPILS_BY_PHASE && c.target !== EHCP_TOTAL_CHECK,
  );
  const checks = rowChecks(rows, headerRow, choices, report);
  if (report.errors.length) return { header, rows: [], bands, report };
  const byPhase = choices.find((c) => c.target === PUPILS_BY_PHASE);
  const phaseCol = choices.find((c) => c.target === "Phase")!;
  const unused = new Map<string, UnusedCounts>();
  const noteUnused = (field: string, phase: Phase, cell: string) => {
    const k = `${field}|${phase}`;
    if (!unused.has(k)) unused.set(k, { field, phase, cells: [] });
    unused.get(k)!.cells.push(cell);
  };
  let blanks = 0;
  let split = 0;
  const out: Rows = [];
  for (let r = headerRow + 1; r < rows.length; r++) {
    const src = rows[r];
    const sheetRow = r + 1;
    if (src.every(isBlank)) {
      blanks++;
      continue;
    }
    const first = src.map(cellText).find((t) => t !== "") ?? "";
    if (TOTAL_LABEL.test(first)) {
      report.skipped.push({ row: sheetRow, why: `a totals row ('${first}'): the model adds up the rows itself` });
      continue;
    }
    if (checks.repeat(r)) continue;
    const row: RawCell[] = Array<RawCell>(header.length).fill(null);
    const addr = (c: ColumnChoice) => `${c.letter}${sheetRow}`;
    // phase first: it decides which counts are used
    const phaseText = cellText(src[phaseCol.col]);
    const phase = phaseText === "" ? null : readPhase(phaseText);
    if (phaseText === "")
      report.problems.push({
        cell: addr(phaseCol),
        message: "no phase: every institution needs one (Primary, Secondary, Special, …)",
      });
    else if (!phase)
      report.problems.push({
        cell: addr(phaseCol),
        message: `${unknownPhase(phaseText)}. Imported as written, so this row's allocation shows #N/A until its Phase is set.`,
      });
    else checks.phaseRead(phaseText, phase, sheetRow);
    for (const c of mapped) {
      const raw = src[c.col] as Cell;
      const i = at.get(normLabel(c.target))!;
      if (c.target === "Phase") {
        row[i] = phase ?? (phaseText || null);
        continue;
      }
      if (c.target === "Name") {
        row[i] = isBlank(raw) ? null : cellText(raw);
        continue;
      }
      if (c.target === "URN") {
        row[i] = isBlank(raw) ? null : typeof raw === "number" ? raw : cellText(raw);
        continue;
      }
      const n = readNumber(raw);
      if (n.kind === "blank") continue;
      if (n.kind === "text") {
        row[i] = n.text;
        report.problems.push({ cell: addr(c), message: `'${n.text}' is not a number (${c.header} -> ${c.target})` });
        continue;
      }
      const v = c.percent ? checks.pupilsFromPercent(c, r) : n.value.toNumber();
      if (v === null) continue;
      row[i] = v;
      if (v < 0) report.problems.push({ cell: addr(c), message: `${v} is negative: a count cannot be` });
      if (c.target === "Months" && (v < 0 || v > 12))
        report.problems.push({ cell: addr(c), message: `${v} months: Months must be from 0 to 12` });
      const fam = familyOf(c.target);
      if (phase && fam && v !== 0 && !phaseUses(phase, fam)) noteUnused(c.target, phase, addr(c));
    }
    kept.forEach((k, j) => {
      const raw = src[keptCols[j].col] as Cell;
      row[at.get(normLabel(k.as))!] = isBlank(raw) ? null : (raw as RawCell);
    });
    if (byPhase)
      split += pupilsByPhase(
        row,
        at,
        phase,
        src[byPhase.col] as Cell,
        `${byPhase.letter}${sheetRow}`,
        byPhase.header,
        report,
        noteUnused,
      );
    checks.afterRow(r, phase, row, at);
    out.push(row);
  }
  checks.notes();
  for (const c of keptCols)
    if (c.header === "")
      report.notes.push(
        `Column ${c.letter} has data but no header: kept as '${kept[keptCols.indexOf(c)].as}'; give it a header to map it.`,
      );
  report.unused = [...unused.values()];
  report.institutions = out.length;
  if (blanks) report.notes.push(`${blanks} blank row${blanks > 1 ? "s" : ""} left out.`);
  if (split)
    report.notes.push(
      `'${byPhase!.header}' of ${split} Secondary row${split > 1 ? "s" : ""} split 3:2 into KS3 Pupils (years 7-9) and KS4 Pupils (years 10-11); map KS3 and KS4 columns instead if the file has them.`,
    );
  return { header, rows: out, bands, report };
}

/** NOR into the phase's pupil fields (never over a pupil count the file gives); returns 1 when it split a Secondary
 * row. */
function pupilsByPhase(
  row: RawCell[],
  at: Map<string, number>,
  phase: Phase | null,
  raw: Cell,
  cell: string,
  header: string,
  report: ImportReport,
  noteUnused: (field: string, phase: Phase, cell: string) => void,
): number {
  const n = readNumber(raw);
  if (n.kind === "blank") return 0;
  if (n.kind === "text") {
    report.problems.push({ cell, message: `'${n.text}' is not a number (${header} -> ${PUPILS_BY_PHASE})` });
    return 0;
  }
  const v = n.value.toNumber();
  if (v < 0) {
    report.problems.push({ cell, message: `${v} is negative: a count cannot be` });
    return 0;
  }
  const set = (field: string, value: number) => {
    const i = at.get(normLabel(field))!;
    if (row[i] === null) row[i] = value;
  };
  if (phase === "Primary") {
    set("Primary Pupils", v);
    return 0;
  }
  if (phase === "Secondary") {
    const ks3 = Math.round((v * 3) / 5);
    set("KS3 Pupils", ks3);
    set("KS4 Pupils", v - ks3);
    return 1;
  }
  if (phase && v !== 0) noteUnused(header, phase, cell);
  return 0;
}
