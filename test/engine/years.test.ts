// Academic-year values converted to the financial year: 5/12 of the old academic year + 7/12 of the new.
import { readFileSync } from "fs";
import { resolve } from "path";
import { D } from "../../src/engine/money";
import { financialYearFormula, financialYearValue, yearLabel } from "../../src/engine/years";
import { HeadlessWorkbook } from "../../src/headless";

interface Case {
  name: string;
  /** monthsBefore: months of the financial year at the old value, 5 (September) unless given */
  inputs: { old: number; new: number; monthsBefore?: number };
  expected: string;
  source: string;
}
const CASES = JSON.parse(readFileSync(resolve(__dirname, "../cases/years.json"), "utf8")) as Case[];

describe("financialYearValue", () => {
  test.each(CASES.map((c) => [c.name, c] as const))("%s", (_, c) => {
    expect(c.source).not.toBe("");
    const { old, new: next, monthsBefore } = c.inputs;
    expect(financialYearValue(new D(old), new D(next), monthsBefore).toString()).toBe(c.expected);
  });

  test("the formula text computes the same number in a spreadsheet", () => {
    const wb = HeadlessWorkbook.create({ S: [[financialYearFormula(4843, 5105)]] });
    expect(wb.getValues("S", "A1")[0][0]).toBeCloseTo(4995.833333333333, 9);
  });

  test("year labels", () => {
    expect([yearLabel(2025), yearLabel(2099), yearLabel(2009)]).toEqual(["2025-26", "2099-00", "2009-10"]);
    // the century turns in the second half only; the first year is written in full
    expect([yearLabel(1999), yearLabel(2000), yearLabel(1900)]).toEqual(["1999-00", "2000-01", "1900-01"]);
  });
});
