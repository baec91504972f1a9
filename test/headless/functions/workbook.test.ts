// HeadlessWorkbook: the interface the task pane's Preview port and the CLI use, around the SEND plugin.
import { HyperFormula } from "hyperformula";
import { HeadlessWorkbook, registerSendPlugin, SEND_FUNCTION_IDS } from "../../../src/headless";
import { BASELINE, RATES_REF, TABLE_REF, book } from "./fixture";

describe("HeadlessWorkbook", () => {
  test("sheets: create, add, remove; an unknown sheet is a clear error", () => {
    const wb = HeadlessWorkbook.create();
    expect(wb.sheetNames()).toEqual([]);
    wb.addSheet("My sheet");
    wb.addSheet("Rates");
    expect(wb.sheetNames()).toEqual(["My sheet", "Rates"]);
    expect(() => wb.addSheet("Rates")).toThrow("sheet 'Rates' already exists");
    wb.removeSheet("My sheet");
    expect(wb.sheetNames()).toEqual(["Rates"]);
    expect(() => wb.getValues("Nope", "A1")).toThrow("no sheet named 'Nope'");
  });

  test("setCells recalculates; getValues gives values and errors; getFormulas gives what was entered", () => {
    const wb = HeadlessWorkbook.create({ S: [[1, 2]] });
    wb.setCells("S", "A2", [
      ["=A1+B1", "=1/0", "=SEND.PAYBACK(10,4)"],
      ["text", true, null],
    ]);
    expect(wb.getValues("S", "A1:C3")).toEqual([
      [1, 2, null],
      [3, { error: "#DIV/0!", message: "" }, 2.5],
      ["text", true, null],
    ]);
    expect(wb.getFormulas("S", "A2:C2")).toEqual([["=A1+B1", "=1/0", "=SEND.PAYBACK(10,4)"]]);
    wb.setCells("S", "A1", [[10]]);
    expect(wb.getValues("S", "A2")).toEqual([[12]]);
  });

  test("bare TRUE and FALSE work in formulas", () => {
    const wb = HeadlessWorkbook.create({ S: [["=IF(TRUE,1,2)", "=IF(FALSE,1,2)"]] });
    expect(wb.getValues("S", "A1:B1")).toEqual([[1, 2]]);
  });

  test("spilled cells have values but no content of their own", () => {
    const wb = book();
    wb.setCells("Calc", "B2", [[`=SEND.ALLOCATEALL(${RATES_REF},"Baseline",${TABLE_REF})`]]);
    expect(wb.getValues("Calc", "B2:B5").map((r) => r[0])).toEqual([
      BASELINE.Alpha,
      BASELINE.Beta,
      BASELINE.Gamma,
      BASELINE.Delta,
    ]);
    expect(wb.getFormulas("Calc", "B2:B3")).toEqual([
      [`=SEND.ALLOCATEALL(${RATES_REF},"Baseline",${TABLE_REF})`],
      [null],
    ]);
    expect(wb.usedRange("Calc")).toBe("B2:B5");
    expect(wb.toSheets().Calc).toEqual([
      [null, null],
      [null, `=SEND.ALLOCATEALL(${RATES_REF},"Baseline",${TABLE_REF})`],
    ]);
  });

  test("allFormulaCells lists formula cells and every cell they spill into", () => {
    const wb = book();
    wb.setCells("Calc", "A1", [["=SEND.PAYBACK(1,2)", `=SEND.ALLOCATEALL(${RATES_REF},"Baseline",${TABLE_REF})`]]);
    const cells = wb.allFormulaCells().filter((c) => c.sheet === "Calc");
    expect(cells.map((c) => [c.a1, c.value, c.spilledFrom ?? ""])).toEqual([
      ["A1", 0.5, ""],
      ["B1", BASELINE.Alpha, ""],
      ["B2", BASELINE.Beta, "B1"],
      ["B3", BASELINE.Gamma, "B1"],
      ["B4", BASELINE.Delta, "B1"],
    ]);
    expect(cells[3].formula).toBe(cells[1].formula);
  });

  test("toSheets round-trips through create", () => {
    const wb = book();
    wb.setCells("Calc", "A1", [[`=SEND.COMPARE(${RATES_REF},"Baseline","Option B",${TABLE_REF})`]]);
    const again = HeadlessWorkbook.create(wb.toSheets());
    expect(again.getValues("Calc", "A1:E6")).toEqual(wb.getValues("Calc", "A1:E6"));
    expect(again.usedRange("Rates")).toBe(wb.usedRange("Rates"));
  });

  test("a sheet read before it exists at build time still spills at the right size", () => {
    // Calc comes first, so HyperFormula sizes its formula before Rates and Inst are loaded
    const { Rates, Inst } = book().toSheets();
    const wb = HeadlessWorkbook.create({ Calc: [[`=SEND.PROJECT(${RATES_REF},"Baseline")`]], Rates, Inst });
    expect(wb.usedRange("Calc")).toBe("A1:E4");
  });

  test("plugin registration is idempotent and registers every SEND function in enGB and enUS", () => {
    registerSendPlugin();
    registerSendPlugin();
    for (const lang of ["enGB", "enUS"]) {
      const names = HyperFormula.getRegisteredFunctionNames(lang);
      for (const id of SEND_FUNCTION_IDS) expect(names).toContain(id);
    }
    expect(SEND_FUNCTION_IDS).toHaveLength(17);
    const us = HyperFormula.buildFromArray([["=SEND.PAYBACK(10,5)"]], { licenseKey: "gpl-v3", language: "enUS" });
    expect(us.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe(2);
  });

  test("an unknown SEND function is #NAME?", () => {
    const wb = HeadlessWorkbook.create({ S: [["=SEND.NOPE(1)"]] });
    expect(wb.getValues("S", "A1")[0][0]).toMatchObject({ error: "#NAME?" });
  });
});
