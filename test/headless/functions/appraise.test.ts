// SEND.APPRAISE in a spreadsheet: the spill's shape, the summary lines, a ramp range and argument errors.
import { book, calc, errorOf } from "./fixture";

describe("SEND.APPRAISE", () => {
  test("spills a header, year 0..n and five summary lines; capital apart from the DSG revenue saving", () => {
    const wb = book();
    wb.setCells("Calc", "J1", [[0.5], [1]]);
    calc("=SEND.APPRAISE(20,50000,10000,17220,64000,J1:J2,2)", wb);
    const v = wb.getValues("Calc", "A1:G17");
    expect(v[0]).toEqual([
      "Year",
      "Filled places",
      "Capital (not DSG)",
      "Revenue saving (High Needs, DSG)",
      "Discount factor",
      "Present value",
      "Cumulative PV",
    ]);
    expect(v[1].slice(0, 4)).toEqual([0, 0, 1000000, 0]);
    expect(v[3].slice(0, 4)).toEqual([2, 10, 0, 367800]);
    expect(v[4].slice(0, 4)).toEqual([3, 20, 0, 735600]);
    expect(v[12].slice(0, 2)).toEqual(["NPV", 4063624.99]);
    expect(v[13].slice(0, 2)).toEqual(["Discounted payback (years)", 2.99]);
    expect(v[14].slice(0, 2)).toEqual(["Capital (not DSG)", 1000000]);
    expect(v[16].slice(0, 2)).toEqual(["Saving per filled place a year", 36780]);
  });

  test("no payback within the horizon is said in words", () => {
    const wb = book();
    calc("=SEND.APPRAISE(10,80000,10000,20000,40000,,,,5)", wb);
    expect(wb.getValues("Calc", "A9:B9")[0]).toEqual(["Discounted payback (years)", "not within 5 years"]);
  });

  test.each([
    ["-1,1,0,0,1", "#NUM!", "places is -1; it must be 0 or more."],
    ['10,"lots",0,0,1', "#VALUE!", "capital_per_place is not a number: 'lots'."],
    ["10,1,0,0", "#VALUE!", "isp_fee is required."],
    ["10,1,0,0,1,,0", "#NUM!", "opening is 0; it must be a whole number from 1 to 10."],
  ])("APPRAISE(%s) is %s", (args, kind, message) => {
    expect(errorOf(calc(`=SEND.APPRAISE(${args})`))).toEqual({ error: kind, message });
  });
});
