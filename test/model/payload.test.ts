// What the formulas the pane and the demo write send to Excel's custom functions, computed from the formulas and the
// cells they reference (src/model/payload.ts). Excel caps a call's arguments at about 5 MB; we hold every call to
// 1 MB. The total a full recalculation of the demo sends is reported by the bench (npm run bench -- --only 9).
import { computeDemo } from "../../src/demo";
import { HeadlessWorkbook } from "../../src/headless/workbook";
import { planModel } from "../../src/model/model";
import { payloadOf, referenceOf, sendCalls, workbookPayload } from "../../src/model/payload";
import { LIBRARY } from "../../src/engine/library";

const MB = 1_000_000;

describe("reading a formula's SEND calls", () => {
  it("splits top-level arguments, respecting quotes, sheet names and nested calls", () => {
    expect(
      sendCalls(`=SEND.ALLOCATE('Rates (2)'!$A$1:$F$40,"Say ""hi"", ok",Institutions!$A$1:$X$1,Institutions!A4:X4)`),
    ).toEqual([
      {
        fn: "ALLOCATE",
        args: [`'Rates (2)'!$A$1:$F$40`, `"Say ""hi"", ok"`, "Institutions!$A$1:$X$1", "Institutions!A4:X4"],
      },
    ]);
    expect(sendCalls("=SUM(SEND.FIT(D2:D7,MAX(1,2),C2:C7))+1")).toEqual([
      { fn: "FIT", args: ["D2:D7", "MAX(1,2)", "C2:C7"] },
    ]);
  });

  it("reads references with their sheet (its own when unqualified) and spills", () => {
    expect(referenceOf("'Rates (2)'!$A$1:$F$40", "X")).toEqual({ sheet: "Rates (2)", range: "A1:F40", spill: false });
    expect(referenceOf("B2:B9", "Fit")).toEqual({ sheet: "Fit", range: "B2:B9", spill: false });
    expect(referenceOf("Demand!$H$2#", "X")).toEqual({ sheet: "Demand", range: "H2", spill: true });
    expect(referenceOf('"Option A"', "X")).toBeNull();
    expect(referenceOf("$B$3", "X")).toEqual({ sheet: "X", range: "B3", spill: false });
  });

  it("measures the referenced cells as the JSON the function receives", () => {
    const grid = [
      ["Factor", "A"],
      ["place.special", 10000],
    ];
    const p = payloadOf('=SEND.CHECK(Rates!A1:B2,"A")', "Checks", () => grid);
    expect(p).toEqual({ calls: 1, cells: 4, bytes: JSON.stringify(grid).length + '"A"'.length });
  });
});

it("counts formulas only, not text that mentions a SEND function", () => {
  const sheets: Record<string, unknown[][]> = {
    Rates: [
      ["Factor", "A"],
      ["place.special", 10000],
    ],
    About: [["See SEND.CHECK(Rates!A1:B2) in Checks"], ['=SEND.CHECK(Rates!A1:B2,"A")']],
  };
  const book = {
    sheetNames: () => Object.keys(sheets),
    usedRange: (s: string) => (s === "Rates" ? "A1:B2" : "A1:A2"),
    getFormulas: (s: string) => sheets[s],
    getValues: () => sheets.Rates,
  };
  const p = workbookPayload(book);
  expect(p).toMatchObject({ formulas: 1, calls: 1, cells: 4 });
  expect(p.largest?.at).toBe("About!R2C1");
});

describe("the formulas the pane and the demo write", () => {
  it("send at most 1 MB a call: a New model with the sample institutions", () => {
    const plan = planModel({
      existing: [],
      national: LIBRARY[1].name,
      candidates: [{ name: "Option A", inherits: LIBRARY[1].name }],
      sample: { count: 150 },
    });
    const book = HeadlessWorkbook.create(Object.fromEntries(plan.sheets.map((s) => [s.name, s.rows])));
    const p = workbookPayload(book);
    // one spilled SEND.ALLOCATEALL per option, not one SEND.ALLOCATE per institution and option
    expect(p.formulas).toBeLessThan(20);
    expect(p.largest!.bytes).toBeLessThanOrEqual(MB);
    expect(p.bytes).toBeLessThanOrEqual(5 * MB);
  });

  it("send at most 1 MB a call: the demo workbook", () => {
    const { workbook } = computeDemo();
    const p = workbookPayload(workbook);
    // issue 20/22: a full recalculation of the demo sends at most 5 MB (it sent 56 MB with per-cell formulas)
    expect(p.formulas).toBeLessThan(100);
    expect(p.largest!.bytes).toBeLessThanOrEqual(MB);
    expect(p.bytes).toBeLessThanOrEqual(5 * MB);
  });
});
