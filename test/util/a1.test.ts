import {
  blockRange,
  cellA1,
  cellsOf,
  colLetters,
  colNumber,
  parseCell,
  parseCellOrThrow,
  parseRange,
  parseRangeOrThrow,
  quoteSheet,
  rangeA1,
  sheetRef,
  splitRef,
  widthOf,
} from "../../src/util/a1";

describe("column letters", () => {
  it("converts column numbers and letters both ways (1-based, as Excel numbers them)", () => {
    const pairs: [number, string][] = [
      [1, "A"],
      [26, "Z"],
      [27, "AA"],
      [52, "AZ"],
      [53, "BA"],
      [702, "ZZ"],
      [703, "AAA"],
      [16384, "XFD"],
    ];
    for (const [n, letters] of pairs) {
      expect(colLetters(n)).toBe(letters);
      expect(colNumber(letters)).toBe(n);
    }
    expect(colNumber("xfd")).toBe(16384);
    for (let n = 1; n <= 16384; n += 37) expect(colNumber(colLetters(n))).toBe(n);
  });
  it("rejects what is not a column", () => {
    expect(() => colLetters(0)).toThrow(/bad column number 0/);
    expect(() => colLetters(1.5)).toThrow(/bad column number/);
    expect(() => colNumber("A1")).toThrow(/bad column letters A1/);
    expect(() => colNumber("")).toThrow(/bad column letters/);
  });
});

describe("cells and ranges", () => {
  it("builds addresses", () => {
    expect(cellA1(3, 2)).toBe("B3");
    expect(cellA1(3, 2, true)).toBe("$B$3");
    expect(rangeA1({ top: 2, left: 2, bottom: 4, right: 4 })).toBe("B2:D4");
    expect(rangeA1({ top: 2, left: 2, bottom: 2, right: 2 })).toBe("B2");
    expect(rangeA1({ top: 1, left: 1, bottom: 80, right: 7 }, true)).toBe("$A$1:$G$80");
    expect(blockRange("B2", 2, 3)).toBe("B2:D3");
    expect(blockRange("C5", 1, 1)).toBe("C5");
    expect(blockRange("C5", 0, 0)).toBe("C5");
    expect(cellsOf("A1:B2")).toEqual(["A1", "B1", "A2", "B2"]);
    expect(widthOf([[1], [1, 2, 3], []])).toBe(3);
  });
  it("parses cells, $-absolute or not; null when not a cell", () => {
    expect(parseCell("B3")).toEqual({ row: 3, col: 2 });
    expect(parseCell(" $B$3 ")).toEqual({ row: 3, col: 2 });
    expect(parseCell("b$3")).toEqual({ row: 3, col: 2 });
    expect(parseCell("XFD1048576")).toEqual({ row: 1048576, col: 16384 });
    for (const bad of ["", "B", "3", "A0", "B3:C4", "ABCD1", "Rates!A1"]) expect(parseCell(bad)).toBeNull();
    expect(parseCellOrThrow("$A$1")).toEqual({ row: 1, col: 1 });
    expect(() => parseCellOrThrow("A0")).toThrow(/bad cell address A0/);
  });
  it("parses ranges, normalising corners, whole columns and whole rows", () => {
    expect(parseRange("B2")).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    expect(parseRange("$C$4:A1")).toEqual({ top: 1, left: 1, bottom: 4, right: 3 });
    expect(parseRange("$A$1:$G$80")).toEqual({ top: 1, left: 1, bottom: 80, right: 7 });
    expect(parseRange("C:A")).toEqual({ top: 1, left: 1, bottom: Infinity, right: 3 });
    expect(parseRange("$B:$B")).toEqual({ top: 1, left: 2, bottom: Infinity, right: 2 });
    expect(parseRange("5:3")).toEqual({ top: 3, left: 1, bottom: 5, right: Infinity });
    expect(parseRange("$2:$2")).toEqual({ top: 2, left: 1, bottom: 2, right: Infinity });
    for (const bad of ["", "B", "3", "A1:B2:C3", "A:3", "A1:C", "0:1", "Rates!A1"]) expect(parseRange(bad)).toBeNull();
  });
  it("parseRangeOrThrow accepts only bounded ranges", () => {
    expect(parseRangeOrThrow("B2:D4")).toEqual({ top: 2, left: 2, bottom: 4, right: 4 });
    expect(() => parseRangeOrThrow("A:C")).toThrow(/bad range address A:C/);
    expect(() => parseRangeOrThrow("1:3")).toThrow(/bad range address 1:3/);
    expect(() => parseRangeOrThrow("B")).toThrow(/bad range address B/);
    expect(() => cellsOf("A:A")).toThrow(/bad range address/);
  });
});

describe("sheet-qualified references", () => {
  it("quotes sheet names only when needed", () => {
    expect(quoteSheet("Rates")).toBe("Rates");
    expect(quoteSheet("_Calc2")).toBe("_Calc2");
    expect(quoteSheet("Rates (2)")).toBe("'Rates (2)'");
    expect(quoteSheet("My sheet")).toBe("'My sheet'");
    expect(quoteSheet("2024")).toBe("'2024'");
    expect(quoteSheet("AB12")).toBe("'AB12'");
    expect(quoteSheet("Dan's")).toBe("'Dan''s'");
    expect(sheetRef("My sheet", "A1:B2")).toBe("'My sheet'!A1:B2");
    expect(sheetRef("Rates", "$A$1")).toBe("Rates!$A$1");
  });
  it("splits a reference into its sheet and range, undoing the quoting", () => {
    expect(splitRef("'Dan''s'!A1:B2")).toEqual({ sheet: "Dan's", range: "A1:B2" });
    expect(splitRef(" Rates!$A$1:$G$80 ")).toEqual({ sheet: "Rates", range: "$A$1:$G$80" });
    expect(splitRef("'a!b'!C3")).toEqual({ sheet: "a!b", range: "C3" });
    expect(splitRef("A1")).toEqual({ range: "A1" });
    for (const name of ["Rates", "My sheet", "Dan's", "AB12", "x!y"])
      expect(splitRef(sheetRef(name, "B2:C3"))).toEqual({ sheet: name, range: "B2:C3" });
  });
});
