// An import report as plain lines: what the CLI prints and what the pane's "copy report" gives.
import type { ImportReport } from "./apply";
import { KEEP, KEEP_LABEL } from "./mapping";

const MAX_CELLS = 12;

/** "D4, D9, … and 3 more" */
export function cellList(cells: readonly string[]): string {
  return cells.length > MAX_CELLS
    ? `${cells.slice(0, MAX_CELLS).join(", ")} and ${cells.length - MAX_CELLS} more`
    : cells.join(", ");
}

export function mappingLines(report: ImportReport): string[] {
  const w = Math.max(...report.choices.map((c) => c.header.length), 6);
  return report.choices.map(
    (c) => `  ${c.letter.padEnd(3)} ${c.header.padEnd(w)}  -> ${c.target === KEEP ? KEEP_LABEL : c.target}  (${c.why})`,
  );
}

export function reportLines(report: ImportReport): string[] {
  const out: string[] = ["Mapping used (column, header in the file -> field):", ...mappingLines(report)];
  if (report.kept.length) {
    out.push(
      "",
      `Columns not mapped (kept unchanged in the Institutions table, not used by the formula): ${report.kept.length}`,
    );
    for (const k of report.kept)
      out.push(`  ${k.letter} '${k.header}'${k.as !== k.header ? ` kept as '${k.as}'` : ""}`);
  }
  if (report.errors.length) out.push("", "Nothing imported:", ...report.errors.map((e) => `  ${e}`));
  if (report.problems.length)
    out.push(
      "",
      `Cells with a problem: ${report.problems.length}`,
      ...report.problems.map((p) => `  ${p.cell}: ${p.message}`),
    );
  if (report.unused.length) {
    out.push("", "Counts the formula will not use:");
    for (const u of report.unused) out.push(`  ${u.field} at ${u.phase} (${u.cells.length}): ${cellList(u.cells)}`);
  }
  if (report.skipped.length) out.push("", "Rows left out:", ...report.skipped.map((s) => `  row ${s.row}: ${s.why}`));
  if (report.notes.length) out.push("", ...report.notes);
  return out;
}
