// The Forum paper over a real deficit management plan workbook (send-model plan's sheets, recalculated by
// HyperFormula behind PreviewPort): its balances, the risk-adjusted one included, are the Financial summary's own.
import { planFromModel } from "../../src/cli/planCommand";
import { HeadlessWorkbook } from "../../src/headless/workbook";
import { explainFormula } from "../../src/functions/explain";
import { PreviewPort } from "../../src/taskpane/ports/PreviewPort";
import { discoverModel } from "../../src/taskpane/workbook/discover";
import { gatherPaper } from "../../src/taskpane/actions/paper";
import { BALANCE_LABELS, PLAN_SHEETS } from "../../src/model/planWorkbook";
import { planBalances } from "../../src/model/paperBalances";
import { RATES } from "../headless/functions/fixture";

describe("the Forum paper's balances from a plan workbook", () => {
  it("reads unmitigated, mitigated and risk-adjusted balances carried forward from the Financial summary", async () => {
    // "SYNTHETIC DATA" makes send-model plan fill the mitigations log with its two synthetic rows (confidence < 1)
    const plan = planFromModel({
      sheets: [
        { name: "Rates", cells: RATES },
        { name: "Notes", cells: [["SYNTHETIC DATA"]] },
      ],
      source: "fixture",
    });
    const wb = HeadlessWorkbook.create(Object.fromEntries(plan.sheets.map((s) => [s.name, s.cells])));
    const port = new PreviewPort(wb, explainFormula);
    const paper = await gatherPaper(port, await discoverModel(port));
    const b = paper.balances!;
    expect(b.source).toBe("plan");
    expect(b.sheet).toBe(PLAN_SHEETS.summary);
    expect(b.lines.map((l) => l.name)).toEqual(["Unmitigated", "Mitigated", "Risk-adjusted"]);
    const grid = wb.getValues(PLAN_SHEETS.summary, "A1:Z200");
    const row = (label: string) => grid.find((r) => r[0] === label)!.slice(1, 1 + b.years.length);
    expect(b.years).toHaveLength(3);
    expect(b.lines[0].values).toEqual(row(BALANCE_LABELS.cfU));
    expect(b.lines[1].values).toEqual(row(BALANCE_LABELS.cfM));
    expect(b.lines[2].values).toEqual(row(BALANCE_LABELS.cfR));
    for (const l of b.lines) for (const v of l.values) expect(typeof v).toBe("number");
    // the engine's rule, as the workbook computed it: never better than mitigated, worse once savings are doubted
    b.lines[2].values.forEach((v, k) => expect(v!).toBeLessThanOrEqual(b.lines[1].values[k]!));
    expect(b.lines[2].values.some((v, k) => v! < b.lines[1].values[k]!)).toBe(true);
  });

  it("is null without the balances heading, and skips rows it does not find", () => {
    expect(planBalances("S", [["Something else", "2025-26"]])).toBeNull();
    expect(
      planBalances("S", [
        ["Balances (a deficit is negative)", "2025-26", "2026-27", null],
        [BALANCE_LABELS.cfM, -5, { error: "#VALUE!" }],
      ]),
    ).toEqual({
      sheet: "S",
      source: "plan",
      years: ["2025-26", "2026-27"],
      lines: [{ name: "Mitigated", values: [-5, null] }],
    });
  });
});
