// SEND.ALLOCATEALL(rates, option, table): one Total per data row; a bad row shows its own error; blank rows blank.
import { BASELINE, OPTION_B, RATES_REF, TABLE_REF, book, calc, errorOf } from "./fixture";

describe("SEND.ALLOCATEALL", () => {
  test("one total per data row, in order", () => {
    const wb = book();
    calc(`=SEND.ALLOCATEALL(${RATES_REF},"Option B",${TABLE_REF})`, wb);
    expect(wb.getValues("Calc", "A1:B5")).toEqual([
      [OPTION_B.Alpha, null],
      [OPTION_B.Beta, null],
      [OPTION_B.Gamma, null],
      [OPTION_B.Delta, null],
      [null, null],
    ]);
  });

  test("a bad row shows its own error naming row and header; an all-blank row is blank; others compute", () => {
    const wb = book();
    wb.setCells("Inst", "A6", [
      [null],
      ["Bad", "Primary", "lots"],
      ["Neg", "Special", null, null, null, null, null, -2],
    ]);
    calc('=SEND.ALLOCATEALL(Rates!A:E,"Baseline",Inst!A:K)', wb);
    const v = wb.getValues("Calc", "A1:A8").map((r) => r[0]);
    expect(v.slice(0, 4)).toEqual([BASELINE.Alpha, BASELINE.Beta, BASELINE.Gamma, BASELINE.Delta]);
    expect(v[4]).toBeNull();
    expect(errorOf(v[5])).toEqual({
      error: "#VALUE!",
      message: "table row 6 ('Bad'): 'Primary Pupils' is not a number: 'lots'.",
    });
    expect(errorOf(v[6])).toEqual({
      error: "#NUM!",
      message: "table row 7 ('Neg'): 'Places' is negative (-2); counts must be 0 or more.",
    });
    expect(v[7]).toBeNull(); // whole-column table: trailing blank rows trimmed, nothing spilled beyond the data
  });

  test("a row with a missing rate is #N/A naming key and option", () => {
    const wb = book();
    wb.setCells("Inst", "A6", [["Ap", "AP", null, null, null, null, null, 3]]);
    calc(`=SEND.ALLOCATEALL(${RATES_REF},"Option B",Inst!A1:K6)`, wb);
    expect(errorOf(wb.getValues("Calc", "A5")[0][0])).toEqual({
      error: "#N/A",
      message: "option 'Option B' has no rate 'place.ap' (needed for place funding (Places = 3)).",
    });
  });

  test("the spill grows and shrinks with the table (whole-column reference)", () => {
    const wb = book();
    calc('=SEND.ALLOCATEALL(Rates!A:E,"Baseline",Inst!A:K)', wb);
    expect(wb.usedRange("Calc")).toBe("A1:A4");
    wb.setCells("Inst", "A6", [["Epsilon", "Special", null, null, null, null, null, 1]]);
    expect(wb.getValues("Calc", "A5")[0][0]).toBe(10000);
    expect(wb.usedRange("Calc")).toBe("A1:A5");
    wb.setCells("Inst", "A5", [
      [null, null, null, null, null, null, null, null, null, null, null],
      [null, null, null, null, null, null, null, null],
    ]);
    expect(wb.usedRange("Calc")).toBe("A1:A3");
  });

  test("a bad header row fails the whole formula (one cell)", () => {
    const wb = book();
    wb.setCells("Inst", "F1", [["EHCP"]]);
    expect(errorOf(calc(`=SEND.ALLOCATEALL(${RATES_REF},"Baseline",${TABLE_REF})`, wb))).toEqual({
      error: "#VALUE!",
      message: "table: header 'EHCP' needs a band label, e.g. 'EHCP Band 1'.",
    });
    expect(wb.usedRange("Calc")).toBe("A1");
  });

  test("a table with only a header row is #VALUE!", () => {
    expect(errorOf(calc(`=SEND.ALLOCATEALL(${RATES_REF},"Baseline",Inst!A1:K1)`))).toEqual({
      error: "#VALUE!",
      message: "table: needs a header row and at least one data row.",
    });
  });

  test("unknown option is #VALUE! with the options", () => {
    expect(errorOf(calc(`=SEND.ALLOCATEALL(${RATES_REF},"baseline2",${TABLE_REF})`)).message).toBe(
      "option: unknown option 'baseline2'. Options: 'Baseline', 'Option B'. Did you mean 'Baseline'?",
    );
  });

  test("a blocked spill is #SPILL!", () => {
    const wb = book();
    wb.setCells("Calc", "A3", [["in the way"]]);
    expect(errorOf(calc(`=SEND.ALLOCATEALL(${RATES_REF},"Baseline",${TABLE_REF})`, wb)).error).toBe("#SPILL!");
  });
});
