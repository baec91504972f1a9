// What applyMapping checks beyond one cell at a time, each named with its row and what will happen:
// a URN twice (an identical repeat is left out; two different rows stop the import, since one school
// would be funded twice), a percentage of pupils turned into pupils times the number on roll, a total-EHCP
// column checked against the band columns, a school with pupils in bands but no roll, and phases read
// from other words ("PRU" as AP).
import { cellText, isBlank, readNumber } from "../engine/coerce";
import { normLabel } from "../engine/normalize";
import type { Cell, Phase } from "../engine/types";
import { phaseUses } from "../engine/usage";
import type { RawCell } from "../model/types";
import type { ImportReport } from "./apply";
import { EHCP_TOTAL_CHECK, isBandColumn, type ColumnChoice } from "./mapping";
import { PUPILS_BY_PHASE, squash } from "./synonyms";

/** A totals row's first label: left out, the model adds up the rows itself. */
export const TOTAL_LABEL = /^(grand\s+)?totals?\b|^sum$/i;
const ROLL_FIELDS = ["Primary Pupils", "KS3 Pupils", "KS4 Pupils"];

export interface RowChecks {
  /** true when row r repeats an earlier row exactly (it is left out, with a line in the report) */
  repeat(r: number): boolean;
  /** a phase read from other words: listed once per wording in the notes */
  phaseRead(text: string, phase: Phase, sheetRow: number): void;
  /** pupils from a percentage cell of row r, or null (with a problem) when there is no roll to multiply */
  pupilsFromPercent(c: ColumnChoice, r: number): number | null;
  /** checks on the finished row: the EHCP total, and a roll for a school with pupils in bands */
  afterRow(r: number, phase: Phase | null, row: RawCell[], at: Map<string, number>): void;
  /** adds the summary lines to the report's notes */
  notes(): void;
}

const num = (c: Cell): number | null => {
  const n = readNumber(c);
  return n.kind === "number" ? n.value.toNumber() : null;
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Rows as a short list: "rows 4, 9 and 12". */
function rowList(rows: readonly number[]): string {
  if (rows.length === 1) return `row ${rows[0]}`;
  const shown = rows.slice(0, 8);
  const more = rows.length - shown.length;
  return `rows ${shown.slice(0, -1).join(", ")}${more ? `, ${shown[shown.length - 1]} and ${more} more` : ` and ${shown[shown.length - 1]}`}`;
}

export function rowChecks(
  rows: readonly (readonly Cell[])[],
  headerRow: number,
  choices: readonly ColumnChoice[],
  report: ImportReport,
): RowChecks {
  const name = choices.find((c) => c.target === "Name");
  const label = (r: number) => (name && !isBlank(rows[r][name.col]) ? ` ('${cellText(rows[r][name.col])}')` : "");
  const data: number[] = [];
  for (let r = headerRow + 1; r < rows.length; r++) {
    if (rows[r].every(isBlank)) continue;
    if (TOTAL_LABEL.test(rows[r].map(cellText).find((t) => t !== "") ?? "")) continue;
    data.push(r);
  }

  // a URN twice: an exact repeat is left out; two different rows for one school stop the import
  const repeats = new Map<number, number>();
  const urn = choices.find((c) => c.target === "URN");
  if (urn) {
    const first = new Map<string, number>();
    const signature = (r: number) => JSON.stringify(rows[r].map(cellText));
    for (const r of data) {
      const id = cellText(rows[r][urn.col]);
      if (id === "") continue;
      const seen = first.get(id);
      if (seen === undefined) first.set(id, r);
      else if (signature(seen) === signature(r)) repeats.set(r, seen);
      else
        report.errors.push(
          `URN ${id} is on row ${seen + 1}${label(seen)} and row ${r + 1}${label(r)} with different figures: one school on two rows would be funded twice. Keep the right row (delete or correct the other) and import again.`,
        );
    }
  }

  // the number on roll of a row: the NOR column, else the phase pupil columns added up
  const byPhase = choices.find((c) => c.target === PUPILS_BY_PHASE);
  const rollCols = byPhase ? [byPhase] : choices.filter((c) => ROLL_FIELDS.includes(c.target));
  const rollOf = (r: number): number | null => {
    const vals = rollCols.map((c) => num(rows[r][c.col])).filter((v): v is number => v !== null);
    return vals.length ? vals.reduce((a, b) => a + b, 0) : null;
  };
  const rollName = rollCols.map((c) => `'${c.header}'`).join(" + ");

  // a percentage column: 18.6 or "18.6%" or 0.186 all mean 18.6%; plain numbers over 1 anywhere mean "in %"
  const inPercent = new Map<number, boolean>();
  const converted = new Map<number, { count: number; example: string }>();
  for (const c of choices.filter((x) => x.percent))
    inPercent.set(
      c.col,
      data.some((r) => {
        const raw = rows[r][c.col];
        const v = num(raw);
        return v !== null && v > 1 && !(typeof raw === "string" && raw.trim().endsWith("%"));
      }),
    );

  const phases = new Map<string, { phase: Phase; rows: number[] }>();
  const totals = { agree: 0, differ: 0 };
  const bandCols = choices.filter((c) => isBandColumn(c.target));
  const total = choices.find((c) => c.target === EHCP_TOTAL_CHECK);

  return {
    repeat(r) {
      const seen = repeats.get(r);
      if (seen === undefined) return false;
      const id = cellText(rows[r][urn!.col]);
      report.skipped.push({
        row: r + 1,
        why: `repeats row ${seen + 1}${label(seen)} exactly (URN ${id}): left out, so the school is funded once`,
      });
      return true;
    },
    phaseRead(text, phase, sheetRow) {
      if (squash(text) === squash(phase)) return;
      const k = text.trim();
      if (!phases.has(k)) phases.set(k, { phase, rows: [] });
      phases.get(k)!.rows.push(sheetRow);
    },
    pupilsFromPercent(c, r) {
      const raw = rows[r][c.col];
      const cell = `${c.letter}${r + 1}`;
      const v = num(raw)!;
      const share = typeof raw === "string" && raw.trim().endsWith("%") ? v : inPercent.get(c.col) ? v / 100 : v;
      if (share > 1) {
        report.problems.push({ cell, message: `${cellText(raw)} is over 100% (${c.header}): left blank` });
        return null;
      }
      const roll = rollOf(r);
      if (!roll) {
        report.problems.push({
          cell,
          message: `${c.header} is a percentage and the row${label(r)} has no number on roll to multiply: ${c.target} left blank; fill ${rollName}`,
        });
        return null;
      }
      const pupils = Math.round(share * roll);
      const seen = converted.get(c.col);
      if (seen) seen.count++;
      else
        converted.set(c.col, {
          count: 1,
          example: `${cell}: ${+(share * 100).toFixed(4)}% × ${roll} = ${pupils}`,
        });
      return pupils;
    },
    afterRow(r, phase, row, at) {
      const inBands = bandCols.reduce((a, c) => a + (num(rows[r][c.col]) ?? 0), 0);
      if (total) {
        const t = num(rows[r][total.col]);
        if (t !== null && t !== inBands) {
          totals.differ++;
          report.problems.push({
            cell: `${total.letter}${r + 1}`,
            message: `${total.header} says ${t}, the EHCP band columns add up to ${inBands}${label(r)}: the model counts the bands; check which is right`,
          });
        } else if (t !== null) totals.agree++;
      }
      if (!phase || !phaseUses(phase, "Primary Pupils") || inBands <= 0) return;
      const pupils = ROLL_FIELDS.reduce((a, f) => {
        const v = row[at.get(normLabel(f))!];
        return a + (typeof v === "number" ? v : 0);
      }, 0);
      if (pupils > 0) return;
      const col = rollCols[0];
      report.problems.push({
        cell: col ? `${col.letter}${r + 1}` : `row ${r + 1}`,
        message: `${phase} school${label(r)} with ${plural(inBands, "EHCP")} in bands and no number on roll (${col ? (isBlank(rows[r][col.col]) ? "blank" : "0") : "no roll column"}): imported with 0 pupils, so its pupil-led funding is £0; fill the roll`,
      });
    },
    notes() {
      for (const [col, { count, example }] of converted) {
        const c = choices.find((x) => x.col === col)!;
        report.notes.push(
          `'${c.header}' (column ${c.letter}) is a percentage: ${c.target} = ${c.header} × number on roll (${rollName}), rounded to whole pupils, on ${plural(count, "row")} (e.g. ${example}).`,
        );
      }
      if (total)
        report.notes.push(
          `'${total.header}' (column ${total.letter}) checked against the EHCP band columns: ${plural(totals.agree, "row")} agree${totals.differ ? `, ${totals.differ} ${totals.differ === 1 ? "differs" : "differ"} (listed above)` : ""}; it is kept as is and never counted.`,
        );
      for (const [text, { phase, rows: at }] of phases)
        report.notes.push(`Phase '${text}' read as ${phase} (${rowList(at)}).`);
    },
  };
}
