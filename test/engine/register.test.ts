// SEND.REGISTER worked cases (test/cases/register.json) and its errors, in a spreadsheet.
import data from "../cases/register.json";
import { HeadlessWorkbook } from "../../src/headless";
import type { RawCell } from "../../src/headless/xlsx";

const book = (placements: RawCell[][] = data.placements as RawCell[][]) =>
  HeadlessWorkbook.create({ P: placements, Calc: [] });
const calc = (wb: HeadlessWorkbook, f: string) => {
  wb.setCells("Calc", "A1", [[f]]);
  return wb.getValues("Calc", "A1:J4");
};

describe("SEND.REGISTER", () => {
  test.each(data.cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    expect(data.source).toMatch(/SYNTHETIC/);
    const i = c.inputs as { first_year: number; years: number; local_cost?: number };
    const v = calc(
      book(),
      `=SEND.REGISTER(P!A1:J4,${i.first_year},${i.years}${i.local_cost === undefined ? "" : `,${i.local_cost}`})`,
    );
    expect(v[0][0]).toBe("Year");
    expect(v.slice(1, 1 + c.expected.length)).toEqual(c.expected);
  });

  test.each([
    [
      [
        ["Provider", "Location", "Fee"],
        ["X", "Out", 1],
      ],
      "#VALUE!",
      "placements header: unknown value 'start'",
    ],
    [
      [
        ["Provider", "Location", "Fee", "Start"],
        ["X", "Abroad", 1, "2025-01-01"],
      ],
      "#VALUE!",
      "placements row 1 location: unknown value 'Abroad'",
    ],
    [
      [
        ["Provider", "Location", "Fee", "Start", "Education", "Care"],
        ["X", "In", 1, "2025-01-01", 0.5, 0.2],
      ],
      "#NUM!",
      "placements row 1 shares is 0.7",
    ],
    [
      [
        ["Provider", "Location", "Fee", "Start"],
        ["X", "In", "lots", "2025-01-01"],
      ],
      "#VALUE!",
      "placements row 1 fee is not a number: 'lots'",
    ],
    [
      [
        ["Provider", "Location", "Fee", "Start", "End"],
        ["X", "In", 1, "2025-01-01", "2024-01-01"],
      ],
      "#NUM!",
      "placements row 1 end",
    ],
    [
      [
        ["Provider", "Location", "Fee", "Start"],
        ["X", "In", 1, "1 April"],
      ],
      "#VALUE!",
      "placements row 1 start is not a number: '1 April'",
    ],
  ])("a bad table is an error naming the row and column (%#)", (grid, kind, message) => {
    const v = calc(book(grid as RawCell[][]), "=SEND.REGISTER(P!A1:F2,2025)")[0][0] as {
      error: string;
      message: string;
    };
    expect(v.error).toBe(kind);
    expect(v.message).toContain(message);
  });

  test("first_year and years out of range", () => {
    const wb = book();
    expect((calc(wb, "=SEND.REGISTER(P!A1:J4,25)")[0][0] as { message: string }).message).toContain("first_year is 25");
    expect((calc(wb, "=SEND.REGISTER(P!A1:J4,2025,0)")[0][0] as { message: string }).message).toContain("years is 0");
  });
});
