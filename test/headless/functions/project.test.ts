// SEND.PROJECT(rates, option): header Year, Income, Spend, In-year, Cumulative + one row per year.
import { RATES_REF, book, calc, errorOf } from "./fixture";

/*
 * Fixture: start 2025, 3 years, opening -1,000,000; grant 50m growing 3%; 500 special pupils at £25,000; inflation 2%;
 * other spend 40m.
 *  2025-26: income 50,000,000; spend 40m + 12.5m = 52,500,000; in-year -2,500,000; cumulative -3,500,000
 *  2026-27: income 51,500,000; spend 52.5m × 1.02 = 53,550,000; in-year -2,050,000; cumulative -5,550,000
 *  2027-28: income 50m × 1.0609 = 53,045,000; spend 52.5m × 1.0404 = 54,621,000; in-year -1,576,000; cumulative
 * -7,126,000
 */
const EXPECTED = [
  ["Year", "Income", "Spend", "In-year", "Cumulative"],
  ["2025-26", 50000000, 52500000, -2500000, -3500000],
  ["2026-27", 51500000, 53550000, -2050000, -5550000],
  ["2027-28", 53045000, 54621000, -1576000, -7126000],
];

describe("SEND.PROJECT", () => {
  test("one row per year under the header (worked by hand)", () => {
    const wb = book();
    calc(`=SEND.PROJECT(${RATES_REF},"Baseline")`, wb);
    expect(wb.getValues("Calc", "A1:E4")).toEqual(EXPECTED);
    expect(wb.usedRange("Calc")).toBe("A1:E4");
  });

  test("an inheriting option projects with its parent's assumptions", () => {
    const wb = book();
    calc(`=SEND.PROJECT(${RATES_REF},"Option B")`, wb);
    expect(wb.getValues("Calc", "A1:E4")).toEqual(EXPECTED);
  });

  test("the spill follows proj.years and proj.start", () => {
    const wb = book();
    calc(`=SEND.PROJECT(${RATES_REF},"Baseline")`, wb);
    wb.setCells("Rates", "C25", [[5]]); // proj.years
    expect(wb.usedRange("Calc")).toBe("A1:E6");
    wb.setCells("Rates", "C24", [[null], [2]]); // no proj.start: years are numbered
    expect(wb.getValues("Calc", "A1:A4")).toEqual([["Year"], [1], [2], [null]]);
  });

  test("a fractional proj.years is #NUM! naming key and option (the option asked for, which inherits it)", () => {
    const wb = book();
    wb.setCells("Rates", "C25", [[2.5]]);
    expect(errorOf(calc(`=SEND.PROJECT(${RATES_REF},"Option B")`, wb))).toEqual({
      error: "#NUM!",
      message: "rate 'proj.years' of option 'Option B' is 2.5; it must be a whole number.",
    });
  });

  test("a growth below -100% is #NUM!", () => {
    const wb = book();
    wb.setCells("Rates", "C28", [[-2]]);
    expect(errorOf(calc(`=SEND.PROJECT(${RATES_REF},"Baseline")`, wb)).error).toBe("#NUM!");
  });

  test("an unknown option is #VALUE! (one cell); fixing it spills", () => {
    const wb = book();
    wb.setCells("Calc", "H1", [["Basline"]]);
    expect(errorOf(calc(`=SEND.PROJECT(${RATES_REF},H1)`, wb)).message).toBe(
      "option: unknown option 'Basline'. Options: 'Baseline', 'Option B'. Did you mean 'Baseline'?",
    );
    expect(wb.usedRange("Calc")).toBe("A1:H1");
    wb.setCells("Calc", "H1", [["Baseline"]]);
    expect(wb.getValues("Calc", "A1:E4")).toEqual(EXPECTED);
  });

  test("a blocked spill is #SPILL!", () => {
    const wb = book();
    wb.setCells("Calc", "E4", [[1]]);
    expect(errorOf(calc(`=SEND.PROJECT(${RATES_REF},"Baseline")`, wb)).error).toBe("#SPILL!");
  });
});
