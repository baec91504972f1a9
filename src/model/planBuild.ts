// A deficit management plan from a model, the one computation behind `send-model plan` and the pane's Plan screen:
// which options to plan (chosen, else "Unmitigated"/"Mitigated" when so named, else the first and last options
// with proj.start), the plan's years, its starting numbers (the officer's own model where it has them, else the
// proj.* keys: model/planStart.ts) and the plan workbook's sheets (model/planWorkbook.ts). The caller reads the
// model (an xlsx recalculated by HyperFormula, or the open workbook) and writes the result.
import { optionFromGrid } from "../engine/rates";
import { projectionYears } from "../engine/project";
import { SendError } from "../engine/errors";
import type { Dec } from "../engine/money";
import { SETTINGS, type Setting } from "../engine/types";
import { normOption } from "../engine/normalize";
import { ratesColumns } from "./rates";
import { planWorkbook, type Mitigation, type PlanSheet } from "./planWorkbook";
import { START_SHEET, startFromModel, type SheetCells, type SheetValues } from "./planStart";
import type { RawCell, Rows } from "./types";

/** A model that cannot be planned; the message names the model (its source) and what to fix. */
export class PlanProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanProblem";
  }
}

/** The text that marks a SYNTHETIC model (the demo): its plan's mitigations log shows two synthetic rows. */
export const SYNTHETIC_MARK = "SYNTHETIC DATA";

export function isSynthetic(sheets: readonly { cells: readonly (readonly unknown[])[] }[]): boolean {
  return sheets.some((s) => s.cells.some((r) => r.some((c) => typeof c === "string" && c.includes(SYNTHETIC_MARK))));
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

export interface PlanModelInput {
  /** names the model in messages and on the Cover (a file name, or "this workbook") */
  source: string;
  /** the Rates sheet as typed (formulas as "=…") */
  rates: SheetCells;
  /** the Rates sheet's values as calculated, from A1 (errors as objects or null) */
  ratesValues: readonly (readonly unknown[])[];
  /** the rates reference the plan's SEND.PLAN formulas read, given the rows the Rates sheet will have */
  ratesRef(rows: number): string;
  /** the Institutions sheet as typed, and the Blocks sheet's values: the starting numbers come from them */
  institutions?: SheetCells;
  blocks?: SheetValues;
  synthetic: boolean;
  /** the officer's choice of options (the pane); absent: chosen by name, as above */
  unmitigated?: string;
  mitigated?: string;
}

/** Where one setting's first-year EHCPs and cost per EHCP come from. */
export interface StartingSource {
  setting: Setting;
  /** proj.<setting>.count and proj.<setting>.cost */
  keys: [string, string];
  /** the Starting numbers cells (A1, on START_SHEET) that decide them, when the plan starts from the model: the
   * model's figure where it has EHCPs in the setting, else the keys; the source cell says which */
  model: { count: string; cost: string; source: string } | null;
  /** the keys' values for the unmitigated option, inheritance applied (null: not set) */
  typed: { count: number | null; cost: number | null };
}

export interface PlanBuild {
  /** the plan's own sheets (Cover, Financial summary, CYP summary, Mitigations, Narrative), then Starting numbers
   * when the model has institutions and blocks */
  sheets: PlanSheet[];
  /** the Rates sheet as it must become (the unmitigated option's proj.<setting> keys read the Starting numbers) */
  rates: RawCell[][];
  unmitigated: string;
  mitigated: string;
  start: number;
  years: number;
  /** the Blocks column the starting allocations came from, or null (proj.* keys only) */
  blocksOption: string | null;
  starting: StartingSource[];
}

/** The options of a Rates sheet that can be planned (they have proj.start), in column order; damaged options are
 * listed with their message. */
export function plannableOptions(grid: readonly (readonly unknown[])[]): {
  names: string[];
  withProjection: string[];
  damaged: { name: string; message: string }[];
} {
  const clean = grid.map((r) => r.map((v) => (v !== null && typeof v === "object" ? null : v))) as Rows;
  const names = ratesColumns(clean).options.map((o) => o.name);
  const read = names.map((name) => ({ name, option: optionFromGrid(clean, name) }));
  return {
    names,
    withProjection: read
      .filter((r) => !(r.option instanceof SendError) && r.option.rates.has("proj.start"))
      .map((r) => r.name),
    damaged: read.flatMap((r) => (r.option instanceof SendError ? [{ name: r.name, message: r.option.message }] : [])),
  };
}

const named = (names: readonly string[], re: RegExp) => names.find((n) => re.test(n));
const listNames = (names: readonly string[]) => names.map((n) => `'${n}'`).join(" or ");

/** The options a plan takes when none is chosen: "Unmitigated" and "Mitigated" when so named and projectable, else
 * the first and last options with proj.start; null when no option has one. */
export function defaultPlanOptions(
  names: readonly string[],
  withProjection: readonly string[],
): { unmitigated: string; mitigated: string } | null {
  if (withProjection.length === 0) return null;
  const pick = (n: string | undefined, fallback: string) => (n && withProjection.includes(n) ? n : fallback);
  return {
    unmitigated: pick(named(names, /^unmitigated$/i), withProjection[0]),
    mitigated: pick(named(names, /^mitigated$/i), withProjection[withProjection.length - 1]),
  };
}

export function buildPlan(m: PlanModelInput): PlanBuild {
  const grid = m.ratesValues.map((r) => r.map((v) => (v !== null && typeof v === "object" ? null : v))) as Rows;
  const { names, withProjection, damaged } = plannableOptions(grid);
  const chosen = (c: string | undefined) => (c ? names.find((n) => normOption(n) === normOption(c)) : undefined);
  for (const c of [m.unmitigated, m.mitigated])
    if (c && !chosen(c)) throw new PlanProblem(`${m.source}: the Rates sheet has no option '${c}'`);
  const byName = [
    chosen(m.unmitigated) ?? named(names, /^unmitigated$/i),
    chosen(m.mitigated) ?? named(names, /^mitigated$/i),
  ];
  // a damaged option is never passed over in silence: the plan would quietly be of other options
  const broken = damaged.find((d) => byName.includes(d.name));
  if (broken) throw new PlanProblem(`${m.source}: option '${broken.name}' cannot be planned: ${broken.message}`);
  if (damaged.length && !(byName[0] && byName[1]))
    throw new PlanProblem(
      `${m.source}: the Rates sheet has options that cannot be read, so the plan cannot tell which to use: ${damaged.map((d) => `'${d.name}' (${d.message})`).join("; ")}. Fix them, or name the plan's options Unmitigated and Mitigated`,
    );
  const defaults = defaultPlanOptions(names, withProjection);
  if (!defaults)
    throw new PlanProblem(
      `${m.source}: no option of the Rates sheet has proj.start, so there is no projection to plan from`,
    );
  for (const c of [m.unmitigated, m.mitigated])
    if (c && !withProjection.includes(chosen(c)!))
      throw new PlanProblem(
        `${m.source}: option '${chosen(c)}' has no proj.start, so it has no projection to plan (set its assumptions on the Projection screen, or choose ${listNames(withProjection)})`,
      );
  const unmitigated = chosen(m.unmitigated) ?? defaults.unmitigated;
  const mitigated = chosen(m.mitigated) ?? defaults.mitigated;
  const option = optionFromGrid(grid, unmitigated);
  if (option instanceof SendError) throw new PlanProblem(`${m.source}: ${option.message}`);
  const years = projectionYears(option);
  if (years instanceof SendError) throw new PlanProblem(`${m.source}: ${years.message}`);
  const start = (option.rates.get("proj.start")!.value as Dec).toNumber();
  const typedValue = (key: string) => {
    const v = option.rates.get(key)?.value;
    return v && typeof v !== "string" ? (v as Dec).toNumber() : null;
  };
  const fromModel = startFromModel(m.institutions, m.blocks, m.rates, unmitigated, (key) => typedValue(key) ?? 0);
  const rates = fromModel ? fromModel.rates : m.rates.cells;
  const plan = planWorkbook({
    ratesRef: m.ratesRef(rates.length),
    unmitigated,
    mitigated,
    start,
    years,
    mitigations: m.synthetic ? syntheticMitigations(start, years) : [],
    authority: m.synthetic ? "SYNTHETIC demo county (not a real council)" : "(enter the authority's name)",
    source: fromModel
      ? `${m.source}; first-year EHCPs and costs per setting from its ${m.institutions!.name} and ${m.blocks!.name} ('${fromModel.blocksOption}: High needs') where it has them, else the proj.* keys (sheet ${START_SHEET})`
      : `${m.source}; starting numbers from the proj.* keys (no Institutions and Blocks sheets)`,
  });
  const starting: StartingSource[] = SETTINGS.map((s, i) => ({
    setting: s,
    keys: [`proj.${s}.count`, `proj.${s}.cost`],
    model: fromModel ? { count: `C${i + 2}`, cost: `E${i + 2}`, source: `F${i + 2}` } : null,
    typed: { count: typedValue(`proj.${s}.count`), cost: typedValue(`proj.${s}.cost`) },
  }));
  return {
    sheets: [
      ...plan,
      ...(fromModel
        ? [
            {
              name: START_SHEET,
              cells: fromModel.start,
              money: [`D2:E${SETTINGS.length + 1}`],
              percent: [],
              inputs: [],
            },
          ]
        : []),
    ],
    rates,
    unmitigated,
    mitigated,
    start,
    years,
    blocksOption: fromModel?.blocksOption ?? null,
    starting,
  };
}
