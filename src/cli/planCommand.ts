// `send-model plan MODEL.xlsx --out PLAN.xlsx`: a DSG deficit management plan workbook from a model's Rates sheet.
// The plan options are the options with proj.* keys: "Unmitigated"/"Mitigated" when so named, else the first and
// last of them. The model's Rates sheet is copied in, so every SEND.PLAN formula of the plan stays live.
import { refuseOverwrite } from "../headless/io/files";
import { loadHostIsolated, markFailed, sheetsForWrite, snapshot } from "../headless/io/bridge";
import { MONEY_FORMAT, PERCENT_FORMAT, type SheetFormat } from "../headless/io/format";
import { readXlsx, writeXlsx, type RawCell } from "../headless/xlsx";
import { FileProblem } from "../headless/io/files";
import { optionFromGrid } from "../engine/rates";
import { projectionYears } from "../engine/project";
import { SendError } from "../engine/errors";
import type { Dec } from "../engine/money";
import { planWorkbook, ratesColumns, type Mitigation, type PlanSheet, type Rows } from "../model";
import { colLetters } from "../util/a1";
import { progress, type CliIo } from "./io";
import { START_SHEET, startFromModel } from "./planStart";
import { reportErrorCells } from "./cellErrors";

export interface PlanModel {
  /** the model's sheets as typed cells, by name */
  sheets: { name: string; cells: RawCell[][] }[];
  source: string;
}

/** Two SYNTHETIC mitigation rows for a SYNTHETIC model (the demo), so its plan shows the log filled in. */
function syntheticMitigations(start: number, years: number): Mitigation[] {
  const ramp = (first: number, full: number) =>
    Array.from({ length: years }, (_, k) => (k < first ? 0 : k === first ? full / 2 : full));
  return [
    {
      description: "SYNTHETIC: banding review of mainstream top-ups",
      owner: "Head of SEND (synthetic)",
      start: start + 1,
      oneOff: 60000,
      recurring: 25000,
      savings: ramp(1, 900000),
      confidence: 0.6,
    },
    {
      description: "SYNTHETIC: 20-place special free school (capital from DfE, not DSG; see SEND.APPRAISE)",
      owner: "Head of school place planning (synthetic)",
      start: start + 2,
      oneOff: 0,
      recurring: 0,
      savings: ramp(2, 735600),
      confidence: 0.4,
    },
  ];
}

/** The plan's sheets (Rates copied from the model) as typed cells with formats. */
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
  const grid = wb
    .getValues(rates.name, `A1:${colLetters(width)}${height}`)
    .map((r) => r.map((v) => (v !== null && typeof v === "object" ? null : v)));
  const names = ratesColumns(grid as Rows).options.map((o) => o.name);
  const read = names.map((name) => ({ name, option: optionFromGrid(grid, name) }));
  // a damaged option is never passed over in silence: the plan would quietly be of other options
  const damaged = read.flatMap((r) => (r.option instanceof SendError ? [`'${r.name}' (${r.option.message})`] : []));
  const named = (re: RegExp) => names.find((n) => re.test(n));
  const byName = [named(/^unmitigated$/i), named(/^mitigated$/i)];
  const broken = read.find((r) => byName.includes(r.name) && r.option instanceof SendError);
  if (broken)
    throw new FileProblem(
      `${model.source}: option '${broken.name}' cannot be planned: ${(broken.option as SendError).message}`,
    );
  if (damaged.length && !(byName[0] && byName[1]))
    throw new FileProblem(
      `${model.source}: the Rates sheet has options that cannot be read, so the plan cannot tell which to use: ${damaged.join("; ")}. Fix them, or name the plan's options Unmitigated and Mitigated`,
    );
  const withProjection = read
    .filter((r) => !(r.option instanceof SendError) && r.option.rates.has("proj.start"))
    .map((r) => r.name);
  if (withProjection.length === 0)
    throw new FileProblem(
      `${model.source}: no option of the Rates sheet has proj.start, so there is no projection to plan from`,
    );
  const unmitigated = (byName[0] && withProjection.includes(byName[0]) ? byName[0] : undefined) ?? withProjection[0];
  const mitigated =
    (byName[1] && withProjection.includes(byName[1]) ? byName[1] : undefined) ??
    withProjection[withProjection.length - 1];
  const option = optionFromGrid(grid, unmitigated);
  if (option instanceof SendError) throw new FileProblem(`${model.source}: ${option.message}`);
  const years = projectionYears(option);
  if (years instanceof SendError) throw new FileProblem(`${model.source}: ${years.message}`);
  const start = (option.rates.get("proj.start")!.value as Dec).toNumber();
  const synthetic = model.sheets.some((s) =>
    s.cells.flat().some((c) => typeof c === "string" && c.includes("SYNTHETIC DATA")),
  );
  const fromModel = startFromModel(model.sheets, rates, unmitigated, (key) => {
    const v = option.rates.get(key)?.value;
    return v && typeof v !== "string" ? (v as Dec).toNumber() : 0;
  });
  const ratesCells = fromModel ? fromModel.rates : rates.cells;
  const ratesRef = `'${rates.name.replace(/'/g, "''")}'!$A$1:$${colLetters(width + 2)}$${ratesCells.length + 20}`;
  const plan = planWorkbook({
    ratesRef,
    unmitigated,
    mitigated,
    start,
    years,
    mitigations: synthetic ? syntheticMitigations(start, years) : [],
    authority: synthetic ? "SYNTHETIC demo county (not a real council)" : "(enter the authority's name)",
    source: fromModel
      ? `${model.source}; first-year EHCPs and costs per setting from its Institutions and Blocks ('${fromModel.blocksOption}: High needs') where it has them, else the proj.* keys (sheet ${START_SHEET})`
      : `${model.source}; starting numbers from the proj.* keys (no Institutions and Blocks sheets)`,
  });
  const format = (p: PlanSheet): SheetFormat => ({
    headerRows: 1,
    widths: { A: 70 },
    numFmts: [
      ...p.money.map((range) => ({ range, format: MONEY_FORMAT })),
      ...p.percent.map((range) => ({ range, format: PERCENT_FORMAT })),
    ],
    rag: p.rag,
  });
  return {
    sheets: [
      ...plan.map((p) => ({ name: p.name, cells: p.cells, format: format(p) })),
      ...(fromModel
        ? [
            { name: START_SHEET, cells: fromModel.start, format: { headerRows: 1, widths: { F: 70 } } },
            ...fromModel.copied.map((c) => ({ name: c.name, cells: c.cells, format: { headerRows: 1 } })),
          ]
        : []),
      { name: rates.name, cells: ratesCells, format: { headerRows: 1 } },
    ],
    unmitigated,
    mitigated,
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
