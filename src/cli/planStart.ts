// The plan's first-year placements and unit costs from the officer's own model: EHCPs by setting from the
// Institutions sheet (every "EHCP <band>" column, rows grouped by Phase) and High Needs allocations from the Blocks
// sheet ("<option>: High needs", the plan's option when the Blocks sheet has it, else its first option). A
// "Starting numbers" sheet counts EHCPs with live formulas over the copied Institutions sheet and holds the
// allocations as the model computed them when the plan was made (values: live Blocks formulas read the whole Rates
// range, which would make a cycle with the rates below); it names each number's source. The unmitigated option's
// proj.<s>.count and proj.<s>.cost cells on the copied Rates become formulas that take the model's figure where it
// has EHCPs in that setting and fall back to the typed proj.* value where it is silent.
import type { Rows } from "../model";
import { colLetters, quoteSheet } from "../util/a1";
import { SETTING_OF_PHASE, SETTINGS, type Phase, type Setting } from "../engine/types";
import type { RawCell } from "../headless/xlsx";
import { HeadlessWorkbook } from "../headless/workbook";

export const START_SHEET = "Starting numbers";

interface SheetCells {
  name: string;
  cells: RawCell[][];
}

const phasesOf = (s: Setting): Phase[] =>
  (Object.keys(SETTING_OF_PHASE) as Phase[]).filter((p) => SETTING_OF_PHASE[p] === s);

const text = (c: RawCell | undefined) => (typeof c === "string" ? c.trim() : "");

/** The Starting numbers sheet, the Rates cells rewritten to read it, and the model sheets it needs; null when the
 *  model has no Institutions or Blocks sheet (the plan then starts from the proj.* keys alone). */
export function startFromModel(
  sheets: readonly SheetCells[],
  rates: SheetCells,
  option: string,
  /** the option's resolved value of a key (inheritance applied), the fallback when its own cell is blank */
  resolved: (key: string) => number,
): { start: Rows; rates: RawCell[][]; copied: SheetCells[]; blocksOption: string } | null {
  const inst = sheets.find((s) => s.name === "Institutions");
  const blocks = sheets.find((s) => s.name === "Blocks");
  if (!inst || !blocks) return null;
  const head = inst.cells[0] ?? [];
  const phaseCol = head.findIndex((h) => text(h).toLowerCase() === "phase");
  const ehcpCols = head.flatMap((h, c) => (/^ehcp\b/i.test(text(h)) ? [c] : []));
  const hnCols = (blocks.cells[0] ?? []).flatMap((h, c) => {
    const m = /^(.*): High needs$/i.exec(text(h));
    return m ? [{ option: m[1], col: c }] : [];
  });
  if (phaseCol < 0 || ehcpCols.length === 0 || hnCols.length === 0) return null;
  const hn = hnCols.find((b) => b.option === option) ?? hnCols[0];
  const I = quoteSheet(inst.name);
  const iLast = inst.cells.length;
  const iCol = (c: number) => `${I}!$${colLetters(c + 1)}$2:$${colLetters(c + 1)}$${iLast}`;
  // the model recalculated once: High Needs allocated by phase, in pence (Blocks echoes Phase in column B)
  const model = HeadlessWorkbook.create({
    [rates.name]: rates.cells,
    [inst.name]: inst.cells,
    [blocks.name]: blocks.cells,
  });
  const bLast = blocks.cells.length;
  const phaseOf = model.getValues(blocks.name, `B2:B${bLast}`).map((r) => r[0]);
  const hnValues = model.getValues(blocks.name, `${colLetters(hn.col + 1)}2:${colLetters(hn.col + 1)}${bLast}`);
  const pence = new Map<string, number>();
  hnValues.forEach((r, i) => {
    const v = r[0];
    if (typeof v === "number")
      pence.set(String(phaseOf[i]), (pence.get(String(phaseOf[i])) ?? 0) + Math.round(v * 100));
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
      `=IF(C${r}>0,"model: Institutions (EHCP bands), Blocks ('${hn.option}: High needs', as computed when the plan was made)","proj.${s}.count and proj.${s}.cost (the model has no EHCPs here)")`,
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
  return { start, rates: out, copied: [inst], blocksOption: hn.option };
}
