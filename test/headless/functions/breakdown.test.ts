// SEND.BREAKDOWN(rates, option, fields, values): 7 × 3 spill of component, block, amount; last row Total.
import { FIELDS_REF, RATES_REF, book, calc, errorOf } from "./fixture";

const formula = (option: string, row: number) =>
  `=SEND.BREAKDOWN(${RATES_REF},"${option}",${FIELDS_REF},Inst!A${row}:K${row})`;

describe("SEND.BREAKDOWN", () => {
  test("spills 7 × 3: every component with its block and rounded amount, then Total with a blank block", () => {
    const wb = book();
    calc(formula("Option B", 2), wb);
    expect(wb.getValues("Calc", "A1:D8")).toEqual([
      ["Notional SEN", "Schools", 32503, null],
      ["Place funding", "High needs", 0, null],
      ["Top-up", "High needs", 7000, null],
      ["Early intervention", "High needs", 1500, null],
      ["Early years", "Early years", 0, null],
      ["FE element 1", "16-19", 0, null],
      ["Total", null, 41003, null],
      [null, null, null, null],
    ]);
  });

  test("the Total is the sum of the rounded components (Months scales each one)", () => {
    const wb = book();
    calc(formula("Baseline", 5), wb);
    expect(wb.getValues("Calc", "C1:C7").map((r) => r[0])).toEqual([0, 60000, 0, 0, 0, 0, 60000]);
  });

  test("a whole-formula error is one cell, not a 7 × 3 block", () => {
    const wb = book();
    wb.setCells("Calc", "A2", [["occupied"]]); // would block a spill
    const e = errorOf(calc(formula("Nope", 2), wb));
    expect(e.error).toBe("#VALUE!");
    expect(e.message).toContain("unknown option 'Nope'");
    expect(wb.getValues("Calc", "A2:B2")).toEqual([["occupied", null]]);
  });

  test("a blocked spill is #SPILL!, and spills again when the blocker is cleared", () => {
    const wb = book();
    wb.setCells("Calc", "C4", [["in the way"]]);
    expect(errorOf(calc(formula("Baseline", 3), wb)).error).toBe("#SPILL!");
    wb.setCells("Calc", "C4", [[null]]);
    expect(wb.getValues("Calc", "C7")[0][0]).toBe(305000);
  });

  test("per-component errors do not occur: a missing rate fails the whole formula with #N/A", () => {
    const wb = book();
    wb.setCells("Inst", "A8", [["Epsilon", "AP", null, null, null, null, null, 5]]);
    const e = errorOf(calc(`=SEND.BREAKDOWN(${RATES_REF},"Baseline",${FIELDS_REF},Inst!A8:K8)`, wb));
    expect(e).toEqual({
      error: "#N/A",
      message: "option 'Baseline' has no rate 'place.ap' (needed for place funding (Places = 5)).",
    });
  });

  test("a negative count is #NUM! naming the header", () => {
    const wb = book();
    wb.setCells("Inst", "A8", [["Eta", "Primary", 10, -1]]);
    expect(errorOf(calc(`=SEND.BREAKDOWN(${RATES_REF},"Baseline",${FIELDS_REF},Inst!A8:K8)`, wb))).toEqual({
      error: "#NUM!",
      message: "values: 'FSM' is negative (-1); counts must be 0 or more.",
    });
  });
});
