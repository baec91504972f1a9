// SEND.PAYBACK(investment, annual_saving, [annual_cost]): investment / (saving - cost), to 0.01 of a year.
import { calc, errorOf } from "./fixture";

describe("SEND.PAYBACK", () => {
  test.each([
    ["100000,30000", 3.33],
    ["100000,30000,10000", 5],
    ["0,1", 0],
    ["100,300,", 0.33],
    ['"£100,000","30,000"', 3.33],
    ["1,6", 0.17], // 0.1666… half-up
  ])("PAYBACK(%s) = %p", (args, years) => {
    expect(calc(`=SEND.PAYBACK(${args})`)).toBe(years);
  });

  test("never paying back is #NUM! naming both arguments", () => {
    expect(errorOf(calc("=SEND.PAYBACK(100,50,60)"))).toEqual({
      error: "#NUM!",
      message: "annual_saving (50) is not more than annual_cost (60), so the investment never pays back.",
    });
    expect(errorOf(calc("=SEND.PAYBACK(100,0)"))).toEqual({
      error: "#NUM!",
      message: "annual_saving (0) is not more than 0, so the investment never pays back.",
    });
  });

  test.each([
    ["-5,1", "#NUM!", "investment is -5; it must be 0 or more."],
    ["100", "#VALUE!", "annual_saving is required."],
    ['100,"a lot"', "#VALUE!", "annual_saving is not a number: 'a lot'."],
  ])("PAYBACK(%s) is %s", (args, kind, message) => {
    expect(errorOf(calc(`=SEND.PAYBACK(${args})`))).toEqual({ error: kind, message });
  });
});
