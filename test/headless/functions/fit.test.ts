// SEND.FIT(amounts, budget, [baseline], [floor], [cap]): scaled to total the budget exactly, within bounds.
import type { RawCell } from "../../../src/headless";
import { book, calc, errorOf } from "./fixture";

const column = (xs: RawCell[]) => xs.map((x) => [x]);

function fitBook(amounts: RawCell[], baseline?: RawCell[]) {
  const wb = book();
  wb.setCells("Calc", "B1", column(amounts));
  if (baseline) wb.setCells("Calc", "C1", column(baseline));
  return wb;
}

describe("SEND.FIT", () => {
  test("scales by one common factor; the result has the shape of amounts", () => {
    const wb = fitBook([100, 200, 300]);
    calc("=SEND.FIT(B1:B3,1200)", wb);
    expect(wb.getValues("Calc", "A1:A4")).toEqual([[200], [400], [600], [null]]);
  });

  test("pennies are placed by largest remainder so the results total the budget exactly", () => {
    const wb = fitBook([1, 1, 1]);
    calc("=SEND.FIT(B1:B3,100)", wb);
    expect(wb.getValues("Calc", "A1:A3")).toEqual([[33.34], [33.33], [33.33]]);
  });

  test("floor and cap against a baseline (MFG -0.5%, gains cap 2%)", () => {
    const wb = fitBook([80, 100, 100, 200], [100, 100, 100, 100]);
    calc("=SEND.FIT(B1:B4,403.5,C1:C4,-0.005,0.02)", wb);
    expect(wb.getValues("Calc", "A1:A4")).toEqual([[99.5], [101], [101], [102]]);
  });

  test("a row of amounts gives a row; a blank floor is no floor", () => {
    const wb = book();
    wb.setCells("Calc", "A3", [[1, 2, 3, 4]]);
    calc('=SEND.FIT(A3:D3,20,,"",)', wb);
    expect(wb.getValues("Calc", "A1:E2")).toEqual([
      [2, 4, 6, 8, null],
      [null, null, null, null, null],
    ]);
  });

  test("whole-column amounts: trailing blank rows trimmed; the spill follows the data", () => {
    const wb = fitBook([10, 30]);
    calc("=SEND.FIT(B:B,8)", wb);
    expect(wb.usedRange("Calc")).toBe("A1:B2");
    wb.setCells("Calc", "B3", [[40]]);
    expect(wb.getValues("Calc", "A1:A3")).toEqual([[1], [3], [4]]);
  });

  test("a blank amount is 0 and keeps its row", () => {
    const wb = fitBook([10, null, 30]);
    calc("=SEND.FIT(B1:B3,8)", wb);
    expect(wb.getValues("Calc", "A1:A3")).toEqual([[2], [0], [6]]);
  });

  test("an impossible budget is #NUM! stating the reachable range", () => {
    const wb = fitBook([80, 100], [100, 100]);
    const e = errorOf(calc("=SEND.FIT(B1:B2,150,C1:C2,0,0.1)", wb));
    expect(e.error).toBe("#NUM!");
    expect(e.message).toBe("budget £150.00 cannot be reached: the results can total from £200.00 to £220.00.");
  });

  test("floor above cap is #NUM!", () => {
    const wb = fitBook([1, 1], [1, 1]);
    expect(errorOf(calc("=SEND.FIT(B1:B2,2,C1:C2,0.1,0)", wb)).error).toBe("#NUM!");
  });

  test("text in amounts is #VALUE! naming the row", () => {
    const wb = fitBook([1, "two", 3]);
    expect(errorOf(calc("=SEND.FIT(B1:B3,6)", wb))).toEqual({
      error: "#VALUE!",
      message: "amounts row 2 is not a number: 'two'.",
    });
  });

  test("baseline of another length is #VALUE!", () => {
    const wb = fitBook([1, 2, 3], [1, 2]);
    expect(errorOf(calc("=SEND.FIT(B1:B3,6,C1:C2,0)", wb))).toEqual({
      error: "#VALUE!",
      message: "baseline has 2 values but amounts has 3; they must be the same length.",
    });
  });

  test("a missing budget is #VALUE!", () => {
    const wb = fitBook([1, 2]);
    expect(errorOf(calc("=SEND.FIT(B1:B2,)", wb))).toEqual({ error: "#VALUE!", message: "budget is required." });
  });

  test("inside another formula the whole result is used", () => {
    const wb = fitBook([1, 1, 1]);
    expect(calc("=SUM(SEND.FIT(B1:B3,100))", wb)).toBe(100);
  });

  test("a blocked spill is #SPILL!", () => {
    const wb = fitBook([1, 2]);
    wb.setCells("Calc", "A2", [["x"]]);
    expect(errorOf(calc("=SEND.FIT(B1:B2,3)", wb)).error).toBe("#SPILL!");
  });
});
