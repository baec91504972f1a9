// `send-model plan MODEL.xlsx --out PLAN.xlsx`: a DSG deficit management plan workbook from a model's Rates sheet.
// The plan options are the options with proj.* keys: "Unmitigated"/"Mitigated" when so named, else the first and
// last of them. The model's Rates sheet is copied in, so every SEND.PLAN formula of the plan stays live.
import { refuseOverwrite } from "../headless/io/files";
import { loadHostIsolated, markFailed, sheetsForWrite, snapshot } from "../headless/io/bridge";
import { MONEY_FORMAT, PERCENT_FORMAT, type SheetFormat } from "../headless/io/format";
import { readXlsx, writeXlsx, type RawCell } from "../headless/xlsx";
import { FileProblem } from "../headless/io/files";
import { HeadlessWorkbook } from "../headless/workbook";
import type { PlanSheet, Rows } from "../model";
import { buildPlan, isSynthetic, PlanProblem, type PlanBuild } from "../model/planBuild";
import { START_SHEET } from "../model/planStart";
import { colLetters } from "../util/a1";
import { progress, type CliIo } from "./io";
import { reportErrorCells } from "./cellErrors";

export interface PlanModel {
  /** the model's sheets as typed cells, by name */
  sheets: { name: string; cells: RawCell[][] }[];
  source: string;
}

/** The plan's sheets (Rates copied from the model, Institutions too when the plan starts from it) as typed cells
 * with formats: model/planBuild.ts decides everything; this reads the model with HyperFormula and lays out files. */
export function planFromModel(model: PlanModel): {
  sheets: { name: string; cells: Rows; format: SheetFormat }[];
  unmitigated: string;
  mitigated: string;
} {
  const rates =
    model.sheets.find((s) => s.name.toLowerCase() === "rates") ??
    model.sheets.find(
      (s) => typeof s.cells[0]?.[0] === "string" && (s.cells[0][0] as string).trim().toLowerCase() === "factor",
    );
  if (!rates)
    throw new FileProblem(`${model.source}: no Rates sheet (a sheet named Rates, or one whose A1 is 'Factor')`);
  // options and their proj.* keys, read from the model recalculated (rates cells may be formulas), isolated as
  // recalc is: a cell the engine cannot take is an error in its own cell, never a crash
  const { wb } = loadHostIsolated({ sheets: [{ name: rates.name, cells: rates.cells }] });
  const height = rates.cells.length;
  const width = Math.max(...rates.cells.map((r) => r.length));
  const ratesValues = wb.getValues(rates.name, `A1:${colLetters(width)}${height}`);
  const institutions = model.sheets.find((s) => s.name === "Institutions");
  const blocksSheet = model.sheets.find((s) => s.name === "Blocks");
  // the Blocks sheet as the model computes it (its SEND.ALLOCATEALL spills read the Rates and Institutions)
  const blocks =
    institutions && blocksSheet
      ? {
          name: blocksSheet.name,
          values: HeadlessWorkbook.create({
            [rates.name]: rates.cells,
            [institutions.name]: institutions.cells,
            [blocksSheet.name]: blocksSheet.cells,
          }).getValues(
            blocksSheet.name,
            `A1:${colLetters(Math.max(1, ...blocksSheet.cells.map((r) => r.length)))}${blocksSheet.cells.length}`,
          ),
        }
      : undefined;
  let plan: PlanBuild;
  try {
    plan = buildPlan({
      source: model.source,
      rates,
      ratesValues,
      ratesRef: (rows) => `'${rates.name.replace(/'/g, "''")}'!$A$1:$${colLetters(width + 2)}$${rows + 20}`,
      institutions,
      blocks,
      synthetic: isSynthetic(model.sheets),
    });
  } catch (e) {
    throw e instanceof PlanProblem ? new FileProblem(e.message) : e;
  }
  const format = (p: PlanSheet): SheetFormat =>
    p.name === START_SHEET
      ? { headerRows: 1, widths: { F: 70 } }
      : {
          headerRows: 1,
          widths: { A: 70 },
          numFmts: [
            ...p.money.map((range) => ({ range, format: MONEY_FORMAT })),
            ...p.percent.map((range) => ({ range, format: PERCENT_FORMAT })),
          ],
          rag: p.rag,
        };
  return {
    sheets: [
      ...plan.sheets.map((p) => ({ name: p.name, cells: p.cells, format: format(p) })),
      ...(plan.blocksOption !== null && institutions
        ? [{ name: institutions.name, cells: institutions.cells, format: { headerRows: 1 } }]
        : []),
      { name: rates.name, cells: plan.rates, format: { headerRows: 1 } },
    ],
    unmitigated: plan.unmitigated,
    mitigated: plan.mitigated,
  };
}

/** Writes the plan; resolves to the number of its figures that are errors (each named on stderr). */
export async function runPlan(input: string, out: string, io: CliIo, quiet: boolean): Promise<number> {
  const say = progress(io, quiet);
  refuseOverwrite(out, [input]);
  say(`reading ${input}`);
  const book = await readXlsx(input);
  const plan = planFromModel({ sheets: book.sheets.map((s) => ({ name: s.name, cells: s.cells })), source: input });
  say(`planning from options '${plan.unmitigated}' (unmitigated) and '${plan.mitigated}' (mitigated)`);
  const { wb, failed, rewritten } = loadHostIsolated({ sheets: plan.sheets });
  const snaps = snapshot(wb);
  markFailed(snaps, failed, rewritten);
  await writeXlsx(out, sheetsForWrite(snaps, Object.fromEntries(plan.sheets.map((s) => [s.name, s.format]))), {
    protect: [input],
  });
  say(`wrote ${out}`);
  io.out(`${out}\n`);
  return reportErrorCells(snaps, out, io);
}
