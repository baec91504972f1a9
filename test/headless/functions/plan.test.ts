// SEND.PLAN(rates, option): management-plan lines, years across; the lines add up to SEND.PROJECT's Spend.
import { RATES_REF, book, calc, errorOf } from "./fixture";

describe("SEND.PLAN", () => {
  test("income, s251 spend lines, total = SEND.PROJECT's spend, balances, EHCPs by placement", () => {
    const wb = book();
    calc(`=SEND.PLAN(${RATES_REF},"Baseline")`, wb);
    wb.setCells("Calc", "H1", [[`=SEND.PROJECT(${RATES_REF},"Baseline")`]]);
    const v = wb.getValues("Calc", "A1:D27");
    expect(v[0]).toEqual(["Line", "2025-26", "2026-27", "2027-28"]);
    expect(v[1]).toEqual(["High Needs block DSG income", 50000000, 51500000, 53045000]);
    expect(v[4]).toEqual(["Place funding and top-ups: special schools", 12500000, 12750000, 13005000]);
    expect(v[13]).toEqual(["Total High Needs spend", 52500000, 53550000, 54621000]);
    expect(wb.getValues("Calc", "J2:J4").map((r) => r[0])).toEqual([52500000, 53550000, 54621000]); // PROJECT's Spend
    expect(v[15]).toEqual(["Cumulative balance", -3500000, -5550000, -7126000]);
    expect(v[19]).toEqual(["Special schools", 500, 500, 500]);
    expect(v[26]).toEqual(["Total EHCPs", 500, 500, 500]);
  });

  test("errors: an unknown option names the nearest; an option without a projection is the PROJECT error", () => {
    const e = errorOf(calc(`=SEND.PLAN(${RATES_REF},"Basline")`));
    expect(e.error).toBe("#VALUE!");
    expect(e.message).toContain("Did you mean 'Baseline'?");
    const wb = book({
      R2: [
        ["Factor", "X"],
        ["proj.years", 2.5],
      ],
    });
    expect(errorOf(calc(`=SEND.PLAN(R2!A1:B2,"X")`, wb)).error).toBe("#NUM!");
  });
});
