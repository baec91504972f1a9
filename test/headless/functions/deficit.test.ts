// SEND.DEFICIT(opening, income, spend, [adjustments]): n × 2 spill of in-year and cumulative balance.
import { book, calc, errorOf } from "./fixture";

function deficitBook(rows: (number | string | null)[][]) {
  const wb = book();
  wb.setCells("Calc", "D1", rows); // income, spend, adjustments in D, E, F
  return wb;
}

describe("SEND.DEFICIT", () => {
  test("a growing deficit from an opening deficit", () => {
    const wb = deficitBook([
      [50000000, 51000000],
      [52000000, 53500000],
      [54000000, 56000000],
    ]);
    calc("=SEND.DEFICIT(-1000000,D1:D3,E1:E3)", wb);
    expect(wb.getValues("Calc", "A1:C4")).toEqual([
      [-1000000, -2000000, null],
      [-1500000, -3500000, null],
      [-2000000, -5500000, null],
      [null, null, null],
    ]);
  });

  test("adjustments add to the in-year result; exact decimals (0.1 + 0.2 - 0.3 is 0)", () => {
    const wb = deficitBook([
      [0.1, 0.3, 0.2],
      [0.2, 0, -0.2],
    ]);
    calc("=SEND.DEFICIT(0,D1:D2,E1:E2,F1:F2)", wb);
    expect(wb.getValues("Calc", "A1:B2")).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  test("blank cells and a blank opening are 0; whole columns are trimmed together", () => {
    const wb = deficitBook([
      [100, null],
      [null, 50],
    ]);
    calc("=SEND.DEFICIT(,D:D,E:E)", wb);
    expect(wb.getValues("Calc", "A1:B3")).toEqual([
      [100, 100],
      [-50, 50],
      [null, null],
    ]);
  });

  test("rows of years give the same result as columns", () => {
    const wb = book();
    wb.setCells("Calc", "D10", [
      [10, 20],
      [5, 5],
    ]);
    calc("=SEND.DEFICIT(1,D10:E10,D11:E11)", wb);
    expect(wb.getValues("Calc", "A1:B2")).toEqual([
      [5, 6],
      [15, 21],
    ]);
  });

  test("spend of another length is #VALUE! naming both", () => {
    const wb = deficitBook([
      [1, 1],
      [2, 2],
      [3, null],
    ]);
    expect(errorOf(calc("=SEND.DEFICIT(0,D1:D3,E1:E2)", wb))).toEqual({
      error: "#VALUE!",
      message: "spend has 2 values but income has 3; they must be the same length.",
    });
  });

  test("text in income is #VALUE! naming the row", () => {
    const wb = deficitBook([
      [1, 1],
      ["lots", 2],
    ]);
    expect(errorOf(calc("=SEND.DEFICIT(0,D1:D2,E1:E2)", wb))).toEqual({
      error: "#VALUE!",
      message: "income row 2 is not a number: 'lots'.",
    });
  });

  test("a 2-D income block is #VALUE!", () => {
    const wb = deficitBook([
      [1, 1],
      [2, 2],
    ]);
    expect(errorOf(calc("=SEND.DEFICIT(0,D1:E2,E1:E2)", wb))).toEqual({
      error: "#VALUE!",
      message: "income must be one row or one column, not 2 rows × 2 columns.",
    });
  });

  test("opening that is text is #VALUE!", () => {
    const wb = deficitBook([[1, 1]]);
    expect(errorOf(calc('=SEND.DEFICIT("minus a million",D1,E1)', wb))).toEqual({
      error: "#VALUE!",
      message: "opening is not a number: 'minus a million'.",
    });
  });

  test("a blocked spill is #SPILL!", () => {
    const wb = deficitBook([
      [1, 1],
      [2, 2],
    ]);
    wb.setCells("Calc", "B2", [["x"]]);
    expect(errorOf(calc("=SEND.DEFICIT(0,D1:D2,E1:E2)", wb)).error).toBe("#SPILL!");
  });
});
