// The preview for real: HeadlessWorkbook (HyperFormula + the SEND plugin) behind PreviewPort, the real
// explain, and every screen's action on the demo model. Only the pane's wiring is under test here; the
// numbers belong to the engine's own tests.
import { HeadlessWorkbook } from "../../src/headless/workbook";
import { explainFormula } from "../../src/functions/explain";
import { PreviewPort } from "../../src/taskpane/ports/PreviewPort";
import { buildPreviewModel, PREVIEW_CANDIDATE } from "../../src/taskpane/preview/demoModel";
import { discoverModel } from "../../src/taskpane/workbook/discover";
import { runCheck } from "../../src/taskpane/actions/check";
import { writeComparison } from "../../src/taskpane/actions/compare";
import { writeFit } from "../../src/taskpane/actions/fit";
import { currentAssumptions, writeProjection } from "../../src/taskpane/actions/projection";
import { publishForReview } from "../../src/taskpane/actions/publish";
import { addOption, setRate } from "../../src/taskpane/actions/options";
import { isErrorValue } from "../../src/taskpane/ports/WorkbookPort";

const yes = async () => true;

async function preview() {
  const port = new PreviewPort(HeadlessWorkbook.create(), explainFormula);
  await buildPreviewModel(port, 12);
  return { port, model: await discoverModel(port) };
}

describe("the preview on the real headless workbook", () => {
  it("computes every allocation of the demo model", async () => {
    const { port, model } = await preview();
    const values = await port.readValues("Allocations", `A1:D${model.allocations!.count + 1}`);
    const errors = values.slice(1).flatMap((r) =>
      r
        .slice(2)
        .filter((v) => v === null || isErrorValue(v))
        .map((v) => `${r[0]}: ${JSON.stringify(v)}`),
    );
    expect(errors).toEqual([]);
    expect(values[1][0]).toBe("Synthetic Primary 01");
    expect(values[0]).toEqual(["Name", "Phase", "Local (sample)", PREVIEW_CANDIDATE]);
    expect(typeof values[1][3]).toBe("number");
  });

  it("explains the selected allocation with a trace", async () => {
    const { port } = await preview();
    const sel = await port.getSelection();
    expect(sel).toMatchObject({ sheet: "Allocations", address: "D2" });
    const e = await port.explain(sel!.sheet, sel!.address);
    expect(e.error).toBeUndefined();
    expect(e.fn).toBe("SEND.ALLOCATEALL");
    expect(e.lines.some((l) => l.from === PREVIEW_CANDIDATE)).toBe(true);
    const [[first]] = await port.readValues("Allocations", "D2");
    expect(e.value).toBe(first);
  });

  it("explains a spilled row of an allocation column as that institution, from the spill's formula", async () => {
    const { port } = await preview();
    expect(await port.readFormulas("Allocations", "D5")).toEqual([[null]]);
    const e = await port.explain("Allocations", "D5");
    expect(e.error).toBeUndefined();
    expect(e.fn).toBe("SEND.ALLOCATEALL");
    const [[value]] = await port.readValues("Allocations", "D5");
    expect(e.value).toBe(value);
    // the trace is the fourth institution's: the same as a per-cell SEND.ALLOCATE of its row
    const [[name]] = await port.readValues("Allocations", "A5");
    const row = (await port.readFormulas("Allocations", "D2"))[0][0] as string;
    const table = /,(Institutions!\$A\$1:\$([A-Z]+)\$\d+)\)$/.exec(row)!;
    await port.write({
      sheet: "Allocations",
      kind: "formulas",
      blocks: [
        {
          topLeft: "Z5",
          rows: [
            [
              row
                .replace("ALLOCATEALL", "ALLOCATE")
                .replace(table[1], `Institutions!$A$1:$${table[2]}$1,Institutions!A5:${table[2]}5`),
            ],
          ],
        },
      ],
      confirmOverwrite: true,
    });
    const one = await port.explain("Allocations", "Z5");
    expect(one.value).toBe(value);
    expect(e.lines).toEqual(one.lines);
    expect(name).not.toBe("");
  });

  it("runs the check, compare, fit and projection screens' actions", async () => {
    const { port, model } = await preview();
    const check = await runCheck(port, model, yes);
    expect(check.error).toBeUndefined();

    const cmp = await writeComparison(port, model, "Local (sample)", PREVIEW_CANDIDATE, yes);
    expect(cmp.summary.errors).toEqual([]);
    expect(typeof cmp.summary.total?.difference).toBe("number");
    expect(cmp.summary.gaining + cmp.summary.losing + cmp.summary.unchanged).toBe(12);

    const alloc = await port.readValues("Allocations", "C2:C13");
    const total = alloc.reduce((s, r) => s + (r[0] as number), 0);
    const fit = await writeFit(
      port,
      model,
      { option: PREVIEW_CANDIDATE, budget: Math.round(total), baseline: "Local (sample)", floor: -0.01, cap: 0.02 },
      yes,
    );
    expect(fit.error).toBeNull();
    const fitted = (await port.readValues("Allocations", fit.range)).map((r) => r[0] as number);
    expect(Math.round(fitted.reduce((s, v) => s + v, 0) * 100)).toBe(Math.round(total) * 100);

    const m2 = await discoverModel(port);
    const proj = await writeProjection(
      port,
      m2,
      {
        options: [
          { name: "Unmitigated", inherits: "Local (sample)", values: currentAssumptions(m2, "Unmitigated") },
          { name: "Mitigated", inherits: "Unmitigated", values: currentAssumptions(m2, "Mitigated") },
        ],
      },
      yes,
    );
    expect(proj.years).toEqual(["2025-26", "2026-27", "2027-28", "2028-29", "2029-30"]);
    expect(proj.series.every((s) => s.cumulative.every((v) => typeof v === "number"))).toBe(true);
  });

  it("edits options and publishes a values-only copy with no SEND formulas", async () => {
    const { port, model } = await preview();
    await addOption(port, model.rates!, "Option B", PREVIEW_CANDIDATE, yes);
    let m = await discoverModel(port);
    await setRate(port, m.rates!, { option: "Option B", key: "topup.special.band3", input: "£18,000" }, yes);
    m = await discoverModel(port);
    expect(m.rates!.options.map((o) => o.name)).toContain("Option B");
    const pub = await publishForReview(port, m, ["Rates", "Institutions", "Allocations"], yes);
    for (const { to } of pub.copies) {
      const f = await port.readFormulas(to, (await port.usedRange(to))!);
      expect(f.flat().filter((c) => typeof c === "string" && c.startsWith("="))).toEqual([]);
    }
    expect(await port.readValues("Review Allocations", "A1:B2")).toEqual(await port.readValues("Allocations", "A1:B2"));
  });
});
