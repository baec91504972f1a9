// `send-model import SCHOOLS.csv|xlsx [--mapping MAP.json] --out MODEL.xlsx`: the officer's own school
// list as a model. Prints the mapping it used (stdout) and every column it could not map, every cell
// with a problem and every count the formula will not use; writes nothing when the mapping is unusable.
import fs from "node:fs";
import { FileProblem, refuseOverwrite, writeFileAtomic } from "../headless/io/files";
import { sheetsForWrite, snapshot } from "../headless/io/bridge";
import { MONEY_FORMAT, type SheetFormat } from "../headless/io/format";
import { HeadlessWorkbook } from "../headless/workbook";
import { readXlsx, xlsxBuffer } from "../headless/xlsx";
import { bookChanges, type BookSheet } from "../model/overwriteWords";
import { colLetters } from "../util/a1";
import { DEFAULT_NATIONAL, LIBRARY } from "../engine/library";
import { normOption } from "../engine/normalize";
import { applyMapping, findHeaderRow } from "../import/apply";
import { proposeMapping, targetList, withSaved, type SavedMapping } from "../import/mapping";
import { bandsFor, planImport } from "../import/importPlan";
import { reportLines } from "../import/reportText";
import { readInputText } from "../headless/io/inputFile";
import { MAPPING_SPEC } from "./importLimits";
import { readImportSource } from "./importSource";
import { literal, printStates, runUpdate } from "./importUpdate";
import { progress, type CliIo } from "./io";

export interface ImportOptions {
  out: string;
  mapping?: string;
  sheet?: string;
  national?: string;
  option: string;
  /** replace an existing --out file whole */
  force?: boolean;
  /** replace only the institutions of an existing --out model, keeping every other sheet, rate and option */
  update?: boolean;
  /** the reading budget (--max-bytes, --max-cells, --max-rows) */
  maxBytes?: number;
  maxCells?: number;
  maxRows?: number;
}

function readMappingFile(file: string): SavedMapping {
  const text = readInputText(file, MAPPING_SPEC);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new FileProblem(`cannot read the mapping ${file}: ${(e as Error).message}`);
  }
  if (
    typeof data !== "object" ||
    data === null ||
    Array.isArray(data) ||
    Object.values(data).some((v) => typeof v !== "string")
  ) {
    throw new FileProblem(`the mapping ${file} must be one JSON object: {"header in the file": "field or keep", …}`);
  }
  return data as SavedMapping;
}

/** The sheets of the file --force replaces, to say what it loses (none when it is no workbook this can read). */
async function existingSheets(file: string): Promise<BookSheet[] | null> {
  try {
    return (await readXlsx(file)).sheets;
  } catch (e) {
    if (e instanceof FileProblem) return null;
    throw e;
  }
}

export async function runImport(input: string, opts: ImportOptions, io: CliIo, quiet: boolean): Promise<boolean> {
  const say = progress(io, quiet);
  const inputs = opts.mapping ? [input, opts.mapping] : [input];
  refuseOverwrite(opts.out, inputs);
  if (!fs.existsSync(input)) throw new FileProblem(`file not found: ${input}`); // its kind is checked when read
  if (opts.force && opts.update)
    throw new FileProblem(
      "--force and --update: choose one (--update keeps the model's other sheets, --force does not)",
    );
  const exists = fs.existsSync(opts.out);
  if (exists && !opts.force && !opts.update)
    throw new FileProblem(
      `${opts.out} exists: nothing written. Use --update to replace only its institutions (every other sheet, rate and option kept), or --force to replace the whole file`,
    );
  if (opts.update && !exists)
    throw new FileProblem(`--update: ${opts.out} does not exist; leave out --update to make it`);
  const national = opts.national ?? DEFAULT_NATIONAL;
  if (!LIBRARY.some((o) => o.name === national))
    throw new FileProblem(
      `--national: no built-in option '${national}'; choose one of ${LIBRARY.map((o) => o.name).join(", ")}`,
    );
  if (normOption(opts.option) === normOption(national))
    throw new FileProblem(`--option: '${opts.option}' is the national option's name; choose another`);
  say(`reading ${input}`);
  const src = await readImportSource(input, opts);
  for (const e of src.errors) io.err(`send-model: ${input}: ${e}\n`);
  const sheet = opts.sheet
    ? src.sheets.find((s) => s.name.toLowerCase() === opts.sheet!.toLowerCase())
    : (src.sheets.find((s) => s.rows.length > 1) ?? src.sheets[0]);
  if (!sheet)
    throw new FileProblem(
      `--sheet: no sheet '${opts.sheet}' in ${input} (sheets: ${src.sheets.map((s) => s.name).join(", ")})`,
    );
  const headerRow = findHeaderRow(sheet.rows);
  const header = (sheet.rows[headerRow] ?? []).map((c) => (c === null || c === undefined ? "" : String(c)));
  const bands = bandsFor(national);
  let choices = proposeMapping(header);
  if (opts.mapping) {
    const saved = withSaved(
      choices,
      readMappingFile(opts.mapping),
      targetList(
        bands,
        choices.map((c) => c.target),
      ),
    );
    if (saved.errors.length) throw new FileProblem(saved.errors.join("\n"));
    for (const m of saved.missing)
      io.err(`send-model: warning: the mapping names '${m}', which is not a column of ${input}\n`);
    choices = saved.choices;
  }
  const result = applyMapping(sheet.rows, choices, bands);
  io.out(`${reportLines(result.report).join("\n")}\n`);
  if (result.report.errors.length) {
    io.err(`send-model: nothing written: fix the mapping (--mapping MAP.json, {"header": "field or keep"})\n`);
    return false;
  }
  if (opts.update) {
    await runUpdate({ out: opts.out, inputs, result, source: input.replace(/^.*[\\/]/, "") }, io, say);
    return true;
  }
  const before = exists ? await existingSheets(opts.out) : null;
  const plan = planImport({
    existing: [],
    national,
    candidate: opts.option,
    result,
    source: input.replace(/^.*[\\/]/, ""),
  });
  say(`recalculating ${result.report.institutions} institutions under ${plan.allocationOptions.length} option(s)`);
  const wb = HeadlessWorkbook.create(
    Object.fromEntries(plan.sheets.map((s) => [s.name, s.values ? literal(s.rows) : s.rows])),
  );
  const allocLast = colLetters(2 + plan.allocationOptions.length);
  const formats: Record<string, SheetFormat> = {
    [plan.names.allocations]: {
      numFmts: [{ range: `C2:${allocLast}${plan.count + 1}`, format: MONEY_FORMAT }],
      freezeCols: 1,
    },
    [plan.names.institutions]: { freezeCols: 1, table: plan.table.name },
    [plan.mapping.name]: { widths: { D: 60 } },
  };
  const snaps = snapshot(wb);
  writeFileAtomic(opts.out, await xlsxBuffer(sheetsForWrite(snaps, formats)), inputs);
  if (before) {
    const lost = bookChanges(before, snaps, true).lines;
    io.out(
      `\nReplaced the whole of ${opts.out} (--force)${lost.length ? ":" : "."}\n${lost.map((l) => `  ${l}\n`).join("")}`,
    );
  }
  io.out(
    `\nWrote ${opts.out}: ${result.report.institutions} institutions; sheets ${plan.sheets.map((s) => s.name).join(", ")}; Allocations for ${plan.allocationOptions.join(", ")}.\n`,
  );
  printStates(io, snaps, plan.names.allocations, plan.names.rates, result);
  say(`wrote ${opts.out}`);
  return true;
}
