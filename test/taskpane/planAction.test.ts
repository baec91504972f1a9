// The Plan action on the real headless workbook (HyperFormula + the SEND plugin behind PreviewPort): the plan's
// sheets are written as live formulas into the open workbook, they are the sheets `send-model plan` writes into a
// file (the same function, and the same figures), their starting numbers come from the model's own institutions
// and a Blocks sheet, and nothing that exists is changed without asking.
import { HeadlessWorkbook } from "../../src/headless/workbook";
import { explainFormula } from "../../src/functions/explain";
import { PreviewPort } from "../../src/taskpane/ports/PreviewPort";
import { buildPreviewModel } from "../../src/taskpane/preview/demoModel";
import { discoverModel } from "../../src/taskpane/workbook/discover";
import { planChoices, writePlan } from "../../src/taskpane/actions/plan";
import { gatherPaper } from "../../src/taskpane/actions/paper";
import { planFromModel } from "../../src/cli/planCommand";
import { BALANCE_LABELS, PLAN_SHEETS } from "../../src/model/planWorkbook";
import { START_SHEET } from "../../src/model/planStart";
import { keyRowIndex } from "../../src/model/rates";
import { SETTINGS } from "../../src/engine/types";
import { RATES } from "../headless/functions/fixture";

const yes = async () => true;
const PLAN = { unmitigated: "Unmitigated", mitigated: "Mitigated" };

async function preview() {
  const port = new PreviewPort(HeadlessWorkbook.create(), explainFormula);
  await buildPreviewModel(port, 12);
  return { port, model: await discoverModel(port) };
}

async function everything(port: PreviewPort) {
  const out: Record<string, unknown> = {};
  for (const s of await port.sheetNames()) {
    const used = await port.usedRange(s);
    out[s] = used ? await port.readFormulas(s, used) : null;
  }
  return out;
}

const rowOf = (grid: unknown[][], label: string) => grid.find((r) => r[0] === label)!;

describe("the Plan action", () => {
  it("offers the options with a projection, Unmitigated and Mitigated first as send-model plan chooses", async () => {
    const { model } = await preview();
    const c = planChoices(model)!;
    expect(c.plannable).toEqual(["Unmitigated", "Mitigated"]);
    expect(c.defaults).toEqual(PLAN);
    expect(c.names).toContain("Option A");
  });

  it("writes the plan's tabs as live formulas, starting from the model's own institutions", async () => {
    const { port, model } = await preview();
    const asked: string[][] = [];
    const r = await writePlan(port, model, PLAN, async (a) => {
      asked.push(a);
      return true;
    });
    expect(r.sheets).toEqual([...Object.values(PLAN_SHEETS), START_SHEET]);
    expect(r.addedBlocks).toBe("Blocks");
    const names = await port.sheetNames();
    for (const s of [...r.sheets, "Blocks"]) expect(names).toContain(s);
    // the unmitigated option's typed proj.<setting> counts and costs become formulas: the pane asked first
    expect(asked).toHaveLength(1);
    expect(asked[0].every((a) => a.startsWith("Rates!"))).toBe(true);
    const rates = await port.readFormulas("Rates", (await port.usedRange("Rates"))!);
    const unmitigatedCol = rates[0].indexOf("Unmitigated");
    expect(rates[keyRowIndex(rates, "proj.special.count")][unmitigatedCol]).toMatch(
      /^=IF\('Starting numbers'!\$C\$4>0,'Starting numbers'!\$C\$4,/,
    );
    const [[plan]] = await port.readFormulas(PLAN_SHEETS.summary, "A5");
    expect(plan).toMatch(/^=SEND\.PLAN\(Rates!\$A\$1:\$Z\$\d+,\$B\$2\)$/);
    // starting numbers: whole EHCPs from the sample institutions, each with its source
    expect(r.starting.map((s) => s.setting)).toEqual([...SETTINGS]);
    const mainstream = r.starting[0];
    expect(typeof mainstream.count).toBe("number");
    expect(mainstream.count as number).toBeGreaterThan(0);
    expect(mainstream.source).toMatch(/^model: Institutions \(EHCP bands\), Blocks \('Unmitigated: High needs'/);
    expect(r.starting.find((s) => s.setting === "isp")!.source).toBe(
      "proj.isp.count and proj.isp.cost (the model has no EHCPs here)",
    );
    // the balances, computed by the workbook: the blocks reconcile, risk-adjusted never better than mitigated
    const fs = await port.readValues(PLAN_SHEETS.summary, (await port.usedRange(PLAN_SHEETS.summary))!);
    const years = r.balances!.years.length;
    expect(years).toBe(5);
    expect(rowOf(fs, BALANCE_LABELS.check).slice(1, 1 + years)).toEqual(Array(years).fill(0));
    const [u, m, risk] = r.balances!.lines;
    expect([u.name, m.name, risk.name]).toEqual(["Unmitigated", "Mitigated", "Risk-adjusted"]);
    risk.values.forEach((v, k) => expect(v!).toBeLessThanOrEqual(m.values[k]!));
    expect(u.values.every((v) => typeof v === "number")).toBe(true);
  });

  it("is the plan send-model plan writes from the same model, figure for figure", async () => {
    const { port, model } = await preview();
    const book: { name: string; cells: (string | number | boolean | null)[][] }[] = [];
    for (const s of await port.sheetNames())
      book.push({ name: s, cells: (await port.readFormulas(s, (await port.usedRange(s))!)) as never });
    await writePlan(port, model, PLAN, yes);
    // the CLI reads the model without the Blocks sheet the pane added: give it the same one
    const blocks = {
      name: "Blocks",
      cells: (await port.readFormulas("Blocks", (await port.usedRange("Blocks"))!)) as never,
    };
    const cli = planFromModel({ sheets: [...book, blocks], source: "this workbook" });
    const wb = HeadlessWorkbook.create(Object.fromEntries(cli.sheets.map((s) => [s.name, s.cells])));
    for (const sheet of [...Object.values(PLAN_SHEETS), START_SHEET]) {
      const used = (await port.usedRange(sheet))!;
      expect({ sheet, values: await port.readValues(sheet, used) }).toEqual({
        sheet,
        values: wb.getValues(sheet, used),
      });
    }
  });

  it("asks before rewriting an existing plan, and changes nothing when the officer says no", async () => {
    const { port, model } = await preview();
    await writePlan(port, model, PLAN, yes);
    await port.write({
      sheet: PLAN_SHEETS.narrative,
      kind: "values",
      blocks: [{ topLeft: "A4", rows: [["Our own words"]] }],
    });
    const before = await everything(port);
    const asked: string[][] = [];
    const again = discoverModel(port).then((m) =>
      writePlan(port, m, { unmitigated: "Unmitigated", mitigated: "Unmitigated" }, async (a) => {
        asked.push(a);
        return false;
      }),
    );
    await expect(again).rejects.toThrow(/existing cells? kept/);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain("Narrative!A4");
    expect(await everything(port)).toEqual(before);
  });

  it("starts from the proj.* keys when the workbook has no institutions, and says so", async () => {
    const port = new PreviewPort(HeadlessWorkbook.create({ Rates: RATES }), explainFormula);
    const model = await discoverModel(port);
    const c = planChoices(model)!;
    const r = await writePlan(port, model, c.defaults!, yes);
    expect(r.addedBlocks).toBeNull();
    expect(r.sheets).not.toContain(START_SHEET);
    expect(r.starting[0]).toEqual({
      setting: "mainstream",
      count: null,
      cost: null,
      source: `proj.mainstream.count and proj.mainstream.cost of '${r.unmitigated}' (not set, so none)`,
    });
    expect(r.starting.find((s) => s.setting === "special")).toEqual({
      setting: "special",
      count: 500,
      cost: 25000,
      source: `proj.special.count and proj.special.cost of '${r.unmitigated}'`,
    });
    const [[cover]] = await port.readValues(PLAN_SHEETS.cover, "B4");
    expect(cover).toBe("this workbook; starting numbers from the proj.* keys (no Institutions and Blocks sheets)");
  });

  it("names an option without a projection and what to choose instead", async () => {
    const { port, model } = await preview();
    await expect(writePlan(port, model, { unmitigated: "Option A", mitigated: "Mitigated" }, yes)).rejects.toThrow(
      "this workbook: option 'Option A' has no proj.start, so it has no projection to plan (set its assumptions on the Projection screen, or choose 'Unmitigated' or 'Mitigated')",
    );
    await expect(writePlan(port, model, { unmitigated: "Nope", mitigated: "Mitigated" }, yes)).rejects.toThrow(
      "this workbook: the Rates sheet has no option 'Nope'",
    );
    // the Blocks sheet added on the way is gone again: nothing changed
    expect(await port.sheetNames()).toEqual(["Rates", "Institutions", "Allocations", "Checks"]);
  });

  it("gives the Forum paper the plan's balances, the risk-adjusted one from its mitigations log", async () => {
    const { port, model } = await preview();
    const r = await writePlan(port, model, PLAN, yes);
    const paper = await gatherPaper(port, await discoverModel(port));
    expect(paper.balances).toEqual(r.balances);
    expect(paper.balances!.source).toBe("plan");
  });
});
