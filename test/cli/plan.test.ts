// `send-model plan`: the DSG deficit management plan from a model, as live formulas. A rate change in the copied
// Rates sheet flows through SEND.PLAN to the carried-forward balance (recalculated headlessly).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { planFromModel } from "../../src/cli/planCommand";
import { HeadlessWorkbook } from "../../src/headless";
import { readXlsx, writeXlsx, type RawCell } from "../../src/headless/xlsx";
import { NARRATIVE_HEADINGS, PLAN_SHEETS } from "../../src/model";
import { RATES } from "../headless/functions/fixture";
import { buildDemoWorkbook } from "../../src/demo/workbook";

const ROOT = path.join(__dirname, "../..");
const BIN = path.join(ROOT, "bin/send-model.js");

/*
 * The fixture's Baseline (Option B inherits its proj.* keys): grant £50m +3%/year; 500 special pupils at £25,000 and
 * £40m other spend, both +2% inflation; opening -£1m; 3 years.
 *   y1 income 50,000,000  spend 52,500,000  in-year -2,500,000  carried forward -3,500,000
 *   y2 income 51,500,000  spend 53,550,000  in-year -2,050,000  carried forward -5,550,000
 *   y3 income 53,045,000  spend 54,621,000  in-year -1,576,000  carried forward -7,126,000
 */
function planBook(rates: RawCell[][] = RATES): HeadlessWorkbook {
  const plan = planFromModel({ sheets: [{ name: "Rates", cells: rates }], source: "fixture" });
  return HeadlessWorkbook.create(Object.fromEntries(plan.sheets.map((s) => [s.name, s.cells])));
}

/** The row of the Financial summary whose label is `label`, years B.. as values. */
function line(wb: HeadlessWorkbook, label: string): unknown[] {
  const grid = wb.getValues(PLAN_SHEETS.summary, "A1:D80");
  const row = grid.find((r) => r[0] === label);
  if (!row) throw new Error(`no row '${label}'`);
  return row.slice(1, 4).map((v) => (v !== null && typeof v === "object" ? `${v.error} ${v.message}` : v));
}

describe("the management plan workbook", () => {
  test("has the DfE template's tabs and the model's Rates; balances brought and carried forward agree with SEND.PROJECT", () => {
    const wb = planBook();
    expect(wb.sheetNames()).toEqual(["Cover", "Financial summary", "CYP summary", "Mitigations", "Narrative", "Rates"]);
    const narrative = wb.getValues("Narrative", "A1:A40").map((r) => r[0]);
    for (const h of NARRATIVE_HEADINGS) expect(narrative).toContain(h);
    expect(line(wb, "High Needs block DSG")).toEqual([50000000, 51500000, 53045000]);
    expect(line(wb, "Place funding and top-ups: special schools")).toEqual([12500000, 12750000, 13005000]);
    expect(line(wb, "Hospital education and other high-needs spend")).toEqual([40000000, 40800000, 41616000]);
    expect(line(wb, "Balance brought forward, unmitigated")).toEqual([-1000000, -3500000, -5550000]);
    expect(line(wb, "Balance carried forward, unmitigated")).toEqual([-3500000, -5550000, -7126000]);
    // Option B inherits the same projection: nothing to mitigate, so mitigated = unmitigated
    expect(line(wb, "Balance carried forward, mitigated")).toEqual([-3500000, -5550000, -7126000]);
  });

  test("live: a rate change, a block transfer and a mitigation row each flow to the balance", () => {
    // the Schools block (£476m, Oxfordshire-sized) and a transfer rate, both rates: nothing is typed on the plan
    const wb = planBook([
      ...RATES,
      ["dsg.schools.income", "Schools block", 476000000, null, null],
      ["dsg.transfer", "To High Needs", 0, null, null],
    ]);
    const costRow = RATES.findIndex((r) => r[0] === "proj.special.cost") + 1;
    wb.setCells("Rates", `C${costRow}`, [[26000]]); // +£1,000 a pupil: +500,000, +510,000, +520,200 of spend
    expect(line(wb, "Balance carried forward, unmitigated")).toEqual([-4000000, -6560000, -8656200]);
    wb.setCells("Rates", `C${RATES.length + 2}`, [[0.005]]); // 0.5% of £476m = £2.38m a year, as Oxfordshire 2023-24
    expect(
      line(wb, "Block transfer from the Schools block (dsg.transfer; up to 0.5% with Schools Forum agreement)"),
    ).toEqual([2380000, 2380000, 2380000]);
    expect(line(wb, "Schools block spend")).toEqual([473620000, 473620000, 473620000]);
    expect(line(wb, "Balance carried forward, unmitigated")).toEqual([-1620000, -1800000, -1516200]);
    expect(
      line(
        wb,
        "Check: unmitigated carried forward less SEND.PLAN's DSG cumulative balance (0 when the blocks reconcile)",
      ),
    ).toEqual([0, 0, 0]);
    // a mitigation from year 2 (one-off £100k in its start year, £50k a year after) saving £600k a year, 40% sure
    // (row 2 is the mitigated option's own levers; row 3 is the first typed row)
    wb.setCells(PLAN_SHEETS.mitigations, "A3", [["Banding review", "Head of SEND", 2026, 100000, 50000, 0.4]]);
    wb.setCells(PLAN_SHEETS.mitigations, "H3", [[0, 600000, 600000]]);
    expect(wb.getValues(PLAN_SHEETS.mitigations, "G3:G3")[0][0]).toBe("Red");
    expect(wb.getValues(PLAN_SHEETS.mitigations, "L3:N3")[0]).toEqual([0, 150000, 50000]); // costs by year
    expect(line(wb, "Mitigations: savings less costs (Mitigations sheet)")).toEqual([0, 450000, 550000]);
    expect(line(wb, "Balance carried forward, mitigated")).toEqual([-1620000, -1350000, -516200]);
    // savings x 40%, costs in full: 240,000 - 150,000 and 240,000 - 50,000
    expect(line(wb, "Mitigations, risk-adjusted (savings x confidence, costs in full)")).toEqual([0, 90000, 190000]);
    // a mitigation that costs more than it saves is not made cheaper by doubt
    wb.setCells(PLAN_SHEETS.mitigations, "A4", [["Outreach", "SENCO lead", 2025, 0, 0, 0.5]]);
    wb.setCells(PLAN_SHEETS.mitigations, "H4", [[-10000, 0, 0]]);
    expect(line(wb, "Mitigations, risk-adjusted (savings x confidence, costs in full)")).toEqual([
      -10000, 90000, 190000,
    ]);
  });

  test("the rates' own levers: gross savings weighted, their costs in full, so risk-adjusted is never better", () => {
    // Option B: early intervention costing £300k a year halves special-school growth (10% a year)
    const rates: RawCell[][] = [
      ...RATES,
      ["proj.special.growth", "Special growth", 0.1, null, null],
      ["proj.ei.cost", "Early intervention", null, 300000, null],
      ["proj.ei.reduction", "Growth it avoids", null, 0.5, null],
    ];
    const wb = planBook(rates);
    const net = line(wb, "Mitigations: savings less costs (Mitigations sheet)") as number[];
    const risk = line(wb, "Mitigations, risk-adjusted (savings x confidence, costs in full)") as number[];
    // year 1: nothing avoided yet, the £300k is paid: both -300,000 (a confidence cannot shrink a cost)
    expect(net[0]).toBe(-300000);
    expect(risk[0]).toBe(-300000);
    net.forEach((x, k) => expect(risk[k]).toBeLessThanOrEqual(x));
    expect(risk[2]).toBeLessThan(net[2]);
  });

  test("a model whose options have no projection is refused with a message naming the problem", () => {
    const noProj = RATES.filter((r) => !(typeof r[0] === "string" && r[0].startsWith("proj.")));
    expect(() => planBook(noProj)).toThrow(/no option of the Rates sheet has proj.start/);
  });

  test("a damaged option is named, never passed over for another (issue 21)", () => {
    const damage = (name: string) =>
      RATES.map((r, i) =>
        i === 0
          ? ["Factor", "Description", "Baseline", name, "Notes"]
          : r[0] === "inherits"
            ? [...r.slice(0, 3), "Nowhere", r[4]]
            : r,
      );
    // no option is called Mitigated: the plan cannot tell whether the damaged one was meant
    expect(() => planBook(damage("Option B"))).toThrow(/options that cannot be read.*'Option B' \(.*Nowhere/);
    // the plan's own Mitigated option damaged: refused by name rather than planning Baseline twice
    expect(() => planBook(damage("Mitigated"))).toThrow(/option 'Mitigated' cannot be planned: .*Nowhere/);
  });
});

describe("send-model plan", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "send-plan-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("writes a recalculated plan workbook from a model file, and never over the model", async () => {
    const model = path.join(dir, "model.xlsx");
    await writeXlsx(model, [{ name: "Rates", cells: RATES }]);
    const out = path.join(dir, "plan.xlsx");
    const r = spawnSync(process.execPath, [BIN, "plan", model, "--out", out, "-q"], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const book = await readXlsx(out);
    expect(book.sheets.map((s) => s.name)).toEqual([
      "Cover",
      "Financial summary",
      "CYP summary",
      "Mitigations",
      "Narrative",
      "Rates",
    ]);
    const fsSheet = book.sheets.find((s) => s.name === PLAN_SHEETS.summary)!;
    const cf = fsSheet.cached.find((row, i) => fsSheet.cells[i]?.[0] === "Balance carried forward, unmitigated")!;
    expect(cf.slice(1, 4)).toEqual([-3500000, -5550000, -7126000]);
    // the mitigations' RAG column is coloured by conditional formats Excel keeps live
    const xl = new ExcelJS.Workbook();
    await xl.xlsx.readFile(out);
    const rag = (xl.getWorksheet(PLAN_SHEETS.mitigations) as unknown as { conditionalFormattings: { ref: string }[] })
      .conditionalFormattings;
    expect(rag.map((c) => c.ref)).toContain("G2:G7");
    const over = spawnSync(process.execPath, [BIN, "plan", model, "--out", model], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(over.status).toBe(1);
    expect(over.stderr).toMatch(/send-model: /);
  }, 120_000);
});

describe("the plan starts from the officer's own model", () => {
  test("first-year EHCPs and costs by setting come from Institutions and Blocks, each number naming its source", () => {
    const demo = buildDemoWorkbook();
    const plan = planFromModel({ sheets: demo.sheets.map((s) => ({ name: s.name, cells: s.cells })), source: "demo" });
    const wb = HeadlessWorkbook.create(Object.fromEntries(plan.sheets.map((s) => [s.name, s.cells])));
    expect(wb.sheetNames()).toEqual(expect.arrayContaining(["Starting numbers", "Institutions", "Rates"]));
    const start = wb.getValues("Starting numbers", "A1:F8");
    const special = start.find((r) => r[0] === "special")!;
    const inst = demo.sheets.find((s) => s.name === "Institutions")!.cells;
    const phase = inst[0].indexOf("Phase");
    const ehcp = inst[0].flatMap((h, c) => (typeof h === "string" && h.startsWith("EHCP") ? [c] : []));
    const bySpecial = inst
      .slice(1)
      .filter((r) => r[phase] === "Special")
      .reduce((s, r) => s + ehcp.reduce((t, c) => t + Number(r[c] ?? 0), 0), 0);
    expect(bySpecial).toBeGreaterThan(0);
    expect(special[2]).toBe(bySpecial);
    // High Needs allocated to special schools by the model, per EHCP, is the plan's year-1 unit cost
    expect(special[3]).toBeGreaterThan(0);
    expect(special[4]).toBe(Math.round(((special[3] as number) / bySpecial) * 100) / 100);
    const costRow = plan.sheets.find((s) => s.name === "Rates")!.cells.findIndex((r) => r[0] === "proj.special.cost");
    expect(
      String(
        plan.sheets
          .find((s) => s.name === "Rates")!
          .cells[costRow].find((c) => typeof c === "string" && c.startsWith("=IF(")),
      ),
    ).toContain("'Starting numbers'!$E$4");
    expect(special[5]).toMatch(/^model: Institutions \(EHCP bands\), Blocks \(.+: High needs/);
    // the plan's year-1 special-school count is the model's, not proj.special.count as typed
    const grid = wb.getValues(PLAN_SHEETS.summary, "A1:B60");
    const specialRow = grid.find((r) => r[0] === "Special schools")!;
    expect(specialRow[1]).toBe(bySpecial);
    // a setting the model is silent on (ISP: no Blocks allocation, or no EHCPs) names its proj.* fallback
    const silent = start.filter((r) => r[2] === 0).map((r) => r[5]);
    for (const s of silent) expect(String(s)).toMatch(/^proj\.\w+\.count and proj\.\w+\.cost/);
  }, 60_000);
});
