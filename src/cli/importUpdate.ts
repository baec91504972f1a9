// `send-model import … --out MODEL.xlsx --update`: the re-import of a model the officer has worked on. Only
// the institutions (and the Allocations rows and the mapping sheet that follow them) are replaced; every other
// sheet, rate and option is kept with its formatting, and the run says in words what changed.
import { FileProblem, writeFileAtomic } from "../headless/io/files";
import { sheetsForWrite, snapshot, type SheetSnapshot } from "../headless/io/bridge";
import { MONEY_FORMAT, type SheetFormat } from "../headless/io/format";
import { HeadlessWorkbook } from "../headless/workbook";
import { readXlsx, xlsxBuffer } from "../headless/xlsx";
import type { ImportResult } from "../import/apply";
import { topupKeys } from "../import/importPlan";
import { isMappingHeader, MAPPING_SHEET, mappingSheetRows } from "../import/remember";
import { colLetters } from "../util/a1";
import { allocationStates, stateLine } from "../model/allocationState";
import { bookChanges, type BookSheet } from "../model/overwriteWords";
import { NotAModel, replaceInstitutions } from "../model/replaceInstitutions";
import { uniqueSheetName } from "../model/sheetNames";
import { tableName } from "../model/model";
import type { CliIo } from "./io";
import type { RawCell, Rows } from "../model/types";

/** Text that Excel (or the headless host) would read as a formula or number stays text: "'" is the host's text marker.
 * */
export function literal(rows: Rows): Rows {
  return rows.map((r) => r.map((c): RawCell => (typeof c === "string" && /^[=+\-@']/.test(c) ? `'${c}` : c)));
}

export interface UpdateArgs {
  out: string;
  /** files that must never be written (the school list, the mapping file) */
  inputs: readonly string[];
  result: ImportResult;
  /** the school list's file name, recorded on the mapping sheet */
  source: string;
}

/** One line per option: how its allocations stand (the run's last words, for a new model and an update alike). */
export function printStates(
  io: CliIo,
  snaps: readonly SheetSnapshot[],
  allocations: string,
  rates: string,
  result: ImportResult,
): void {
  const alloc = snaps.find((s) => s.name === allocations);
  if (!alloc) return;
  const blank = topupKeys(result).map((k) => k.key.replace(/^.*\./, ""));
  const read = { name: alloc.name, values: alloc.values, formulas: alloc.cells };
  for (const s of allocationStates(read, `the ${rates} sheet`, blank)) io.out(`${stateLine(s)}\n`);
}

export async function runUpdate(a: UpdateArgs, io: CliIo, say: (m: string) => void): Promise<void> {
  const book = await readXlsx(a.out);
  const before: BookSheet[] = book.sheets.map((s) => ({ name: s.name, cells: s.cells }));
  let rep;
  try {
    rep = replaceInstitutions(before, { header: a.result.header, rows: literal(a.result.rows) }, topupKeys(a.result));
  } catch (e) {
    if (e instanceof NotAModel)
      throw new FileProblem(
        `--update: ${a.out} is not a model this can update (${e.message}); use --force to replace it`,
      );
    throw e;
  }
  const mapRows = mappingSheetRows(a.result.report.choices, a.source, new Date());
  const own = rep.sheets.find((s) => isMappingHeader(s.cells[0] ?? []));
  const mapName =
    own?.name ??
    uniqueSheetName(
      rep.sheets.map((s) => s.name),
      MAPPING_SHEET,
    );
  const after: BookSheet[] = own
    ? rep.sheets.map((s) => (s === own ? { name: s.name, cells: mapRows } : s))
    : [...rep.sheets, { name: mapName, cells: mapRows }];
  say(`recalculating ${rep.count} institutions under ${rep.options.length} option(s)`);
  const snaps = snapshot(HeadlessWorkbook.create(Object.fromEntries(after.map((s) => [s.name, s.cells]))));

  // the rebuilt sheets are written fresh (table, money format) in their places; every other sheet keeps its own
  const base = book.source;
  const fresh = [rep.names.institutions, rep.names.allocations, mapName].filter((n): n is string => n !== null);
  const tables = base.worksheets.flatMap((ws) =>
    fresh.includes(ws.name) ? [] : Object.keys((ws as unknown as { tables?: object }).tables ?? {}),
  );
  for (const name of fresh) {
    const ws = base.getWorksheet(name);
    if (ws) base.removeWorksheet(ws.id);
  }
  const formats: Record<string, SheetFormat> = {
    [rep.names.institutions]: { freezeCols: 1, table: tableName(rep.names.institutions, tables) },
    [mapName]: { widths: { D: 60 } },
  };
  if (rep.names.allocations)
    formats[rep.names.allocations] = {
      numFmts: [{ range: `C2:${colLetters(2 + rep.options.length)}${rep.count + 1}`, format: MONEY_FORMAT }],
      freezeCols: 1,
    };
  const buf = await xlsxBuffer(sheetsForWrite(snaps, formats), { base, order: after.map((s) => s.name) });
  writeFileAtomic(a.out, buf, a.inputs);
  const summary = bookChanges(before, after, true);
  io.out(
    `\nUpdated ${a.out}: institutions replaced (${rep.count} now); every other sheet, rate and option kept.\n${summary.lines.map((l) => `  ${l}\n`).join("")}${rep.repointed.map((r) => `  ${r.sheet}: ${r.formulas} formula${r.formulas === 1 ? "" : "s"} now read the new table.\n`).join("")}${rep.addedKeys.length ? `  New blank rate rows at the bottom of the rates sheet, for bands new to the model: ${rep.addedKeys.join(", ")}.\n` : ""}`,
  );
  const rates = before.find((s) => /^rates$/i.test(s.name))?.name ?? "Rates";
  if (rep.names.allocations) printStates(io, snaps, rep.names.allocations, rates, a.result);
  say(`wrote ${a.out}`);
}
