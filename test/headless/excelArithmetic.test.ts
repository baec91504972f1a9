// Issue 21 item 3: the headless engine's comparisons and ROUND, ROUNDUP, ROUNDDOWN against Excel 365's documented
// results (test/headless/excel/arithmetic.golden.json names the source of each).
import golden from "./excel/arithmetic.golden.json";
import { HeadlessWorkbook } from "../../src/headless/workbook";
import { excelRound } from "../../src/headless/excelRounding";
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
