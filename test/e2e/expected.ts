// The figures the browser must show, worked out in Node: the same user steps replayed on a headless
// workbook (HeadlessWorkbook + PreviewPort, no browser), and the key totals recomputed straight from the
// engine (parseRates + readTable + compare) rather than through any SEND formula.
import { HeadlessWorkbook } from "../../src/headless/workbook";
import { explainFormula } from "../../src/functions/explain";
import { optionFromGrid, readTable, SendError, toNumber, type Dec } from "../engine/api";
import { allocateBlock } from "../../src/engine/blocks";
import { compareWith, type Totaller } from "../../src/engine/compare";
import { LIBRARY } from "../../src/engine/library";
import { PreviewPort } from "../../src/taskpane/ports/PreviewPort";
import type { CellValue, Explanation } from "../../src/taskpane/ports/WorkbookPort";
import { discoverModel } from "../../src/taskpane/workbook/discover";
import { createModel, planNewModel, type NewModelInput } from "../../src/taskpane/actions/createModel";
import { addOption, setRate } from "../../src/taskpane/actions/options";
import { writeComparison, type ComparisonSummary } from "../../src/taskpane/actions/compare";
import { writeFit, type FitResult } from "../../src/taskpane/actions/fit";
import { currentAssumptions, writeProjection, type ProjectionResult } from "../../src/taskpane/actions/projection";

/** The user's inputs, step by step (the e2e test types exactly these). */
export const FLOW = {
  national: LIBRARY.find((o) => o.name.includes("2024-25"))!.name,
  institutions: 24,
  firstCandidate: "Option A",
  candidate: "Option B",
  /** a rate the candidate changes */
  rate: { key: "topup.mainstream.band3", candidate: "5200", scenario: "4100" },
  /** an option whose name starts like a formula: it must stay text everywhere, published copies included */
  scenario: "-5% plan",
  local: "Local (sample)",
  fit: { floor: "-0.5", cap: "2" },
  /** the budget as a share of the local (sample) total: tight enough that the floor protects some */
  budgetShare: 0.9955,
  explainCell: "D2",
  /** a cell of the Rates screen's matrix the officer edits for the scenario, typed as they would */
  matrix: { key: "place.special", label: "Place funding, Special school place (£/place/year)", input: "£10,500" },
};

export interface Expected {
  /** Allocations after New model, before any edit: D2 and the candidate column's total */
  created: { d2: number; total: number };
  /** the engine's own comparison of the candidate with the scenario */
  engine: { totalA: number; totalB: number; difference: number; gaining: number; losing: number; unchanged: number };
  comparison: { sheet: string; summary: ComparisonSummary };
  budget: number;
  fit: FitResult & { fitted: CellValue[] };
  projection: ProjectionResult;
  explain: Explanation;
}

const yes = async () => true;
const num = (d: Dec | SendError | null): number => {
  if (d === null || d instanceof SendError) throw new Error(`expected a number, got ${String(d)}`);
  return toNumber(d);
};

export async function expectedFlow(): Promise<Expected> {
  const book = HeadlessWorkbook.create({ Sheet1: [] });
  const port = new PreviewPort(book, explainFormula);
  const input = (candidate: string): NewModelInput => ({
    national: FLOW.national,
    candidate,
    sample: true,
    count: FLOW.institutions,
  });

  // New model, then the re-run that renames the candidate (confirmed)
  await createModel(
    port,
    await planNewModel(port, await discoverModel(port), input(FLOW.firstCandidate), true),
    yes,
    undefined,
    { replace: true },
  );
  await createModel(
    port,
    await planNewModel(port, await discoverModel(port), input(FLOW.candidate), true),
    yes,
    undefined,
    { replace: true },
  );
  const alloc = (await port.readValues("Allocations", `D2:D${FLOW.institutions + 1}`)).map((r) => r[0] as number);
  const created = { d2: alloc[0], total: alloc.reduce((s, v) => s + v, 0) };

  // Options: a rate for the candidate, a scenario inheriting from it with a lower rate
  await setRate(
    port,
    (await discoverModel(port)).rates!,
    { option: FLOW.candidate, key: FLOW.rate.key, input: FLOW.rate.candidate },
    yes,
  );
  const before = await discoverModel(port);
  await addOption(port, before.rates!, FLOW.scenario, FLOW.candidate, yes, before);
  await setRate(
    port,
    (await discoverModel(port)).rates!,
    { option: FLOW.scenario, key: FLOW.rate.key, input: FLOW.rate.scenario },
    yes,
  );
  // Rates: one matrix cell for the scenario
  await setRate(
    port,
    (await discoverModel(port)).rates!,
    { option: FLOW.scenario, key: FLOW.matrix.key, input: FLOW.matrix.input },
    yes,
  );

  // the engine itself, on the workbook's values
  const rates = await port.readValues("Rates", (await port.usedRange("Rates"))!);
  const inst = await port.readValues("Institutions", (await port.usedRange("Institutions"))!);
  const plain = (g: CellValue[][]) => g.map((r) => r.map((v) => (v !== null && typeof v === "object" ? v.error : v)));
  const a = optionFromGrid(plain(rates), FLOW.candidate);
  const b = optionFromGrid(plain(rates), FLOW.scenario);
  const table = readTable(plain(inst));
  if (a instanceof SendError || b instanceof SendError || table instanceof SendError)
    throw new Error("the engine could not read the model");
  // the Compare screen compares High Needs spend (the block argument): so does the engine here
  const highNeeds: Totaller = (o, i) => allocateBlock(o, i, "High needs");
  const c = compareWith(a, b, table, highNeeds, highNeeds);
  const diffs = c.rows.map((r) => num(r.difference));
  const engine = {
    totalA: num(c.total.a),
    totalB: num(c.total.b),
    difference: num(c.total.difference),
    gaining: diffs.filter((d) => d > 0).length,
    losing: diffs.filter((d) => d < 0).length,
    unchanged: diffs.filter((d) => d === 0).length,
  };

  // Compare, Fit, Projection, Explain as the screens run them
  const comparison = await writeComparison(port, await discoverModel(port), FLOW.candidate, FLOW.scenario, yes);
  const local = (await port.readValues("Allocations", `C2:C${FLOW.institutions + 1}`)).reduce(
    (s, r) => s + (r[0] as number),
    0,
  );
  const budget = Math.round(local * FLOW.budgetShare);
  const fit = await writeFit(
    port,
    await discoverModel(port),
    { option: FLOW.candidate, budget, baseline: FLOW.local, floor: -0.005, cap: 0.02 },
    yes,
  );
  const fitted = (await port.readValues("Allocations", fit.range)).map((r) => r[0]);
  const m = await discoverModel(port);
  const projection = await writeProjection(
    port,
    m,
    {
      options: [
        { name: "Unmitigated", inherits: FLOW.local, values: currentAssumptions(m, "Unmitigated") },
        { name: "Mitigated", inherits: "Unmitigated", values: currentAssumptions(m, "Mitigated") },
      ],
    },
    yes,
  );
  const explain = await port.explain("Allocations", FLOW.explainCell);
  return {
    created,
    engine,
    comparison: { sheet: comparison.sheet, summary: comparison.summary },
    budget,
    fit: { ...fit, fitted },
    projection,
    explain,
  };
}
