// `send-model publish MODEL.xlsx --out PUBLISHED.xlsx`: the model recalculated, then every sheet as values
// only in a separate file (number formats kept, a Total row under each option, a summary sheet first).
import { refuseOverwrite, writeFileAtomic } from "../headless/io/files";
import { checkXlsxInput } from "../headless/io/inputFile";
import { loadHostIsolated, markFailed, snapshot, type SheetSnapshot } from "../headless/io/bridge";
import { readTables } from "../headless/io/tables";
import { readXlsx } from "../headless/xlsx";
import { headerIndex } from "../model/institutions";
import { publishBook, type SheetRead } from "../model/publishBook";
import { publishedXlsx } from "../publish/xlsx";
import { allInError, allocationStates, stateLine } from "../model/allocationState";
import { progress, type CliIo } from "./io";
import { reportErrorCells } from "./cellErrors";
import type ExcelJS from "exceljs";

function formatsOf(ws: ExcelJS.Worksheet | undefined, s: SheetSnapshot): (string | null)[][] {
  return s.values.map((r, i) => r.map((_, j) => (ws ? (ws.getCell(i + 1, j + 1).numFmt ?? null) : null)));
}

/** Data rows of the institutions sheet (Name and Phase headers, no formulas), for the summary. */
function institutionCount(snaps: readonly SheetSnapshot[]): number {
  const s = snaps.find(
    (x) =>
      headerIndex(x.cells[0] ?? [], "Name") >= 0 &&
      headerIndex(x.cells[0] ?? [], "Phase") >= 0 &&
      !(x.cells[1] ?? []).some((c) => typeof c === "string" && c.startsWith("=")),
  );
  if (!s) return 0;
  const col = headerIndex(s.cells[0], "Name");
  return s.values.slice(1).filter((r) => r[col] !== null && r[col] !== "").length;
}

/**
 * Publishes (the file is written all the same): how many published figures are errors (each named on stderr), and
 * whether every allocation of some option is an error.
 */
export async function runPublish(
  input: string,
  out: string,
  io: CliIo,
  quiet: boolean,
): Promise<{ errorCells: number; allInError: boolean }> {
  const say = progress(io, quiet);
  checkXlsxInput(input);
  refuseOverwrite(out, [input]);
  say(`reading ${input}`);
  const book = await readXlsx(input);
  // isolated as recalc is: a cell the engine cannot take is #VALUE! naming itself, every other cell is evaluated
  const tables = book.bytes ? await readTables(book.bytes) : [];
  const { wb, failed, rewritten } = loadHostIsolated(book, { tables });
  const snaps = snapshot(wb);
  markFailed(snaps, failed, rewritten);
  say(`recalculated ${snaps.length} sheets`);
  const sheets: SheetRead[] = snaps.map((s) => ({
    name: s.name,
    values: s.values,
    formulas: s.cells,
    formats: formatsOf(book.source.getWorksheet(s.name), s),
  }));
  const published = publishBook({ sheets, institutions: institutionCount(snaps) });
  writeFileAtomic(out, Buffer.from(await publishedXlsx(published.sheets)), [input]);
  const money = (n: number) => `£${n.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  const lines = published.totals.map(
    (t) => `  ${t.option}: ${t.total === null ? `${t.errors} cell(s) with errors` : money(t.total)}`,
  );
  io.out(
    `Wrote ${out}: ${published.sheets.map((s) => s.name).join(", ")} (values only, no formulas).\n${lines.length ? `Totals:\n${lines.join("\n")}\n` : ""}`,
  );
  const states = sheets.flatMap((s) => allocationStates(s, "the Rates sheet"));
  const allFailed = states.filter(allInError);
  for (const s of allFailed) io.err(`send-model: ${stateLine(s)}\n`);
  say(`wrote ${out}`);
  return { errorCells: reportErrorCells(snaps, out, io), allInError: allFailed.length > 0 };
}
