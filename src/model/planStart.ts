// The plan's first-year placements and unit costs from the officer's own model: EHCPs by setting from the
// Institutions sheet (every "EHCP <band>" column, rows grouped by Phase) and High Needs allocations from the Blocks
// sheet ("<option>: High needs", the plan's option when the Blocks sheet has it, else its first option). A
// "Starting numbers" sheet counts EHCPs with live formulas over the Institutions sheet and holds the allocations
// as the model computed them when the plan was made (values: live Blocks formulas read the whole Rates range,
// which would make a cycle with the rates below); it names each number's source. The unmitigated option's
// proj.<s>.count and proj.<s>.cost cells on the Rates become formulas that take the model's figure where it has
// EHCPs in that setting and fall back to the typed proj.* value where it is silent. Pure: the caller supplies the
// Blocks sheet's values as its host calculated them (the CLI's HyperFormula, the pane's workbook).
import { colLetters, quoteSheet } from "../util/a1";
import { SETTING_OF_PHASE, SETTINGS, type Phase, type Setting } from "../engine/types";
import type { RawCell, Rows } from "./types";

export const START_SHEET = "Starting numbers";

export interface SheetCells {
  name: string;
  cells: RawCell[][];
}

/** A sheet's values as calculated, from A1 (error cells may be objects). */
export interface SheetValues {
  name: string;
  values: readonly (readonly unknown[])[];
}

const phasesOf = (s: Setting): Phase[] =>
  (Object.keys(SETTING_OF_PHASE) as Phase[]).filter((p) => SETTING_OF_PHASE[p] === s);

const text = (c: unknown) => (typeof c === "string" ? c.trim() : "");

/** The Blocks sheet's High Needs columns ("<option>: High needs"), 0-based. */
export function highNeedsColumns(header: readonly unknown[]): { option: string; col: number }[] {
  return header.flatMap((h, c) => {
    const m = /^(.*): High needs$/i.exec(text(h));
    return m ? [{ option: m[1], col: c }] : [];
  });
}

/** The Starting numbers sheet and the Rates cells rewritten to read it; null when the model has no Institutions
 * sheet with Phase and EHCP columns, or no Blocks sheet with a High Needs column (the plan then starts from the
 * proj.* keys alone). */
export function startFromModel(
  inst: SheetCells | undefined,
  blocks: SheetValues | undefined,
  rates: SheetCells,
  option: string,
  /** the option's resolved value of a key (inheritance applied), the fallback when its own cell is blank */
  resolved: (key: string) => number,
): { start: Rows; rates: RawCell[][]; blocksOption: string } | null {
  if (!inst || !blocks) return null;
  const head = inst.cells[0] ?? [];
  const phaseCol = head.findIndex((h) => text(h).toLowerCase() === "phase");
  const ehcpCols = head.flatMap((h, c) => (/^ehcp\b/i.test(text(h)) ? [c] : []));
  const hnCols = highNeedsColumns(blocks.values[0] ?? []);
  if (phaseCol < 0 || ehcpCols.length === 0 || hnCols.length === 0) return null;
  const hn = hnCols.find((b) => b.option === option) ?? hnCols[0];
  const I = quoteSheet(inst.name);
  const iLast = inst.cells.length;
  const iCol = (c: number) => `${I}!$${colLetters(c + 1)}$2:$${colLetters(c + 1)}$${iLast}`;
  // High Needs allocated by phase, in pence (Blocks echoes Phase in column B)
  const pence = new Map<string, number>();
  blocks.values.slice(1).forEach((r) => {
    const v = r[hn.col];
    if (typeof v === "number") pence.set(String(r[1]), (pence.get(String(r[1])) ?? 0) + Math.round(v * 100));
  });
  const start: Rows = [
    ["Setting", "Phases", "EHCPs (model)", "High Needs allocated (model)", "Cost per EHCP", "Source"],
  ];
  SETTINGS.forEach((s, i) => {
    const r = i + 2;
    const phases = phasesOf(s);
    const count = phases.flatMap((p) => ehcpCols.map((c) => `SUMIF(${iCol(phaseCol)},"${p}",${iCol(c)})`));
    const alloc = phases.reduce((t, p) => t + (pence.get(p) ?? 0), 0) / 100;
    start.push([
      s,
      phases.join(", "),
      count.length ? `=${count.join("+")}` : 0,
      alloc,
      `=IF(C${r}>0,ROUND(D${r}/C${r},2),0)`,
      `=IF(C${r}>0,"model: ${inst.name.replace(/"/g, '""')} (EHCP bands), ${blocks.name.replace(/"/g, '""')} ('${hn.option.replace(/"/g, '""')}: High needs', as computed when the plan was made)","proj.${s}.count and proj.${s}.cost (the model has no EHCPs here)")`,
    ]);
  });
  // the unmitigated option's count and cost keys read the Starting numbers, falling back to the typed value
  const out = rates.cells.map((r) => [...r]);
  const col = (out[0] ?? []).findIndex((h) => text(h) === option);
  if (col < 0) return null;
  const S = quoteSheet(START_SHEET);
  SETTINGS.forEach((s, i) => {
    for (const [key, startCol] of [
      [`proj.${s}.count`, "C"],
      [`proj.${s}.cost`, "E"],
    ] as const) {
      let row = out.findIndex((r) => text(r[0]).toLowerCase() === key);
      if (row < 0) {
        out.push([key]);
        row = out.length - 1;
      }
      while (out[row].length <= col) out[row].push(null);
      const typed = out[row][col];
      const fallback = typeof typed === "string" && typed.startsWith("=") ? `(${typed.slice(1)})` : resolved(key);
      out[row][col] = `=IF(${S}!$C$${i + 2}>0,${S}!$${startCol}$${i + 2},${fallback})`;
    }
  });
  return { start, rates: out, blocksOption: hn.option };
}
