import {
  blockRange,
  cellA1,
  cellsOf,
  colLetters,
  colNumber,
  parseRange,
  quoteSheet,
  sheetRef,
  splitRef,
} from "../../src/model/a1";

describe("A1 helpers", () => {
  it("converts column numbers and letters both ways", () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(colLetters)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
    for (let n = 1; n < 2000; n += 37) expect(colNumber(colLetters(n))).toBe(n);
    expect(() => colLetters(0)).toThrow();
  });
  it("builds and parses ranges", () => {
    expect(cellA1(3, 2)).toBe("B3");
    expect(cellA1(3, 2, true)).toBe("$B$3");
    expect(parseRange("$C$4:A1")).toEqual({ top: 1, left: 1, bottom: 4, right: 3 });
    expect(blockRange("B2", 2, 3)).toBe("B2:D3");
    expect(blockRange("C5", 1, 1)).toBe("C5");
    expect(cellsOf("A1:B2")).toEqual(["A1", "B1", "A2", "B2"]);
  });
  it("quotes sheet names only when needed", () => {
    expect(quoteSheet("Rates")).toBe("Rates");
    expect(quoteSheet("Rates (2)")).toBe("'Rates (2)'");
    expect(quoteSheet("AB12")).toBe("'AB12'");
    expect(quoteSheet("Dan's")).toBe("'Dan''s'");
    expect(sheetRef("My sheet", "A1:B2")).toBe("'My sheet'!A1:B2");
    expect(splitRef("'Dan''s'!A1:B2")).toEqual({ sheet: "Dan's", range: "A1:B2" });
    expect(splitRef("A1")).toEqual({ range: "A1" });
  });
});
