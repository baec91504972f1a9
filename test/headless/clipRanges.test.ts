// Huge references trimmed to the used range before HyperFormula sees them (it exhausts its heap on A:XFD).
import { clipRanges } from "../../src/headless/io/clipRanges";
import { formulaResults, loadHostIsolated, markFailed, snapshot } from "../../src/headless/io/bridge";
import type { XlsxBook } from "../../src/headless/xlsx";

const bounds = new Map([
  ["inst", { rows: 501, cols: 11 }],
  ["q1 data", { rows: 10, cols: 3 }],
  ["calc", { rows: 1, cols: 1 }],
]);

describe("clipRanges", () => {
  it("trims whole-column, whole-row and whole-sheet references to the sheet's used range", () => {
    expect(clipRanges('=SEND.ALLOCATEALL(Rates!A1:E40,"B",Inst!A:XFD)', "Calc", bounds).text).toBe(
      '=SEND.ALLOCATEALL(Rates!A1:E40,"B",Inst!A1:K501)',
    );
    expect(clipRanges("=SUM(Inst!$A$1:$XFD$1048576)", "Calc", bounds).text).toBe("=SUM(Inst!A1:K501)");
    expect(clipRanges("=SUM(Inst!1:1048576)", "Calc", bounds).text).toBe("=SUM(Inst!A1:K501)");
    expect(clipRanges("=SUM('Q1 data'!C:XFD)", "Calc", bounds).text).toBe("=SUM('Q1 data'!C1:C10)");
  });

  it("leaves small references, text and unknown sheets alone", () => {
    for (const f of ["=SUM(Inst!A:B)", '="Inst!A:XFD"&1', "=SUM(Nope!A:XFD)", "=SUM(Inst!A1:K20)"])
      expect(clipRanges(f, "Calc", bounds).text).toBe(f);
  });

  it("refuses, naming the feature, where a trimmed range would change the number", () => {
    expect(clipRanges("=ROWS(Inst!A:XFD)", "Calc", bounds).problem).toMatch(
      /^the range Inst!A:XFD covers 17,179,869,184 cells, and a formula that uses its size or position \(ROWS, INDEX, OFFSET…\) cannot be evaluated headlessly/,
    );
    expect(clipRanges("=Inst!A:XFD", "Calc", bounds).problem).toMatch(/a formula that returns a whole range/);
  });
});

describe("loadHostIsolated with whole-sheet ranges", () => {
  const book = (sheets: Record<string, (string | number | null)[][]>) =>
    ({
      sheets: Object.entries(sheets).map(([name, cells]) => ({ name, cells, cached: [], arrays: new Map() })),
    }) as unknown as XlsxBook;

  it("gives the exact range's answer, keeps the formula as written, and widens when a spill outgrows the bounds", () => {
    const { wb, failed, rewritten } = loadHostIsolated(
      book({
        Data: [
          [1, 2],
          [3, 4],
        ],
        Spill: [["=SEQUENCE(30,1)"]],
        Calc: [["=SUM(Data!A:XFD)", "=SUM(Spill!A:XFD)", "=COUNT(Spill!1:1048576)"]],
      }),
    );
    expect(failed).toEqual([]);
    expect(wb.getValues("Calc", "A1:C1")).toEqual([[10, 465, 30]]);
    const snaps = snapshot(wb);
    markFailed(snaps, failed, rewritten);
    expect(snaps.find((s) => s.name === "Calc")!.cells[0]).toEqual([
      "=SUM(Data!A:XFD)",
      "=SUM(Spill!A:XFD)",
      "=COUNT(Spill!1:1048576)",
    ]);
    expect(Object.fromEntries(formulaResults(snaps))["Calc!A1"]).toBe(10);
  });
});
