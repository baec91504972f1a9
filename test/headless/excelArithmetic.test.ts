// Issue 21 item 3: the headless engine's comparisons and ROUND, ROUNDUP, ROUNDDOWN against Excel 365's documented
// results (test/headless/excel/arithmetic.golden.json names the source of each).
import golden from "./excel/arithmetic.golden.json";
import { HeadlessWorkbook } from "../../src/headless/workbook";
import { excelRound } from "../../src/headless/excelRounding";
import { excelText, UnsupportedFormat } from "../../src/headless/excelText";
import Decimal from "decimal.js";

describe("Excel 365's arithmetic, headless", () => {
  const wb = HeadlessWorkbook.create({ S: golden.cases.map((c) => [c.formula]) });
  const got = wb.getValues("S", `A1:A${golden.cases.length}`).map((r) => r[0]);

  test.each(golden.cases.map((c, i) => [c.formula, c.excel, i, c.source] as const))(
    "%s is %p, as Excel (%#: %s)",
    (_formula, excel, i) => {
      expect(got[i]).toBe(excel);
    },
  );

  test("values still come out exact (a custom function's double reaches the file with all its digits)", () => {
    const book = HeadlessWorkbook.create({ S: [["=0.1+0.2", "=1/3", "=-1.7976931348623157e308"]] });
    expect(book.getValues("S", "A1:C1")).toEqual([[0.30000000000000004, 1 / 3, -1.7976931348623157e308]]);
  });

  test("rounding never makes -0 and leaves infinities and huge values alone", () => {
    expect(Object.is(excelRound(-0.001, 2, Decimal.ROUND_HALF_UP), 0)).toBe(true);
    expect(excelRound(1.7976931348623157e308, 2, Decimal.ROUND_HALF_UP)).toBe(1.7976931348623157e308);
  });
});

describe("TEXT's format codes, beyond what a formula string can hold", () => {
  test.each([
    [3.02, '0.00 "years"', "3.02 years"],
    [0, '0.00;-0.00;"nil"', "nil"],
    [-2, "0.00;(0.00)", "(2.00)"],
    [1234567, "#,##0,", "1,235"],
    [0.75, "hh:mm", "18:00"],
    [0.5, "#.##", ".5"],
    [-0.5, "0", "-1"],
    [1.005, "0.00", "1.01"],
    [60, "dd/mm/yyyy", "29/02/1900"],
  ])("TEXT(%p, %p) is %p", (x, format, want) => {
    expect(excelText(x, format)).toBe(want);
  });

  test("a code the host cannot honour is #VALUE! naming it, never a wrong string", () => {
    expect(() => excelText(1.5, "[Red]0")).toThrow(UnsupportedFormat);
    expect(() => excelText(4.34, "# ?/?")).toThrow(UnsupportedFormat);
    const wb = HeadlessWorkbook.create({ S: [['=TEXT(12200000,"0.00E+00")']] });
    expect(wb.getValues("S", "A1")[0][0]).toMatchObject({
      error: "#VALUE!",
      message: expect.stringMatching(/0\.00E\+00/),
    });
  });
});
