import { cleanSheetName, pairSheetName, uniqueSheetName, uniqueSheetNames } from "../../src/model/sheetNames";

describe("uniqueSheetName", () => {
  it("keeps a free name and numbers a taken one, ignoring case", () => {
    expect(uniqueSheetName(["Sheet1"], "Rates")).toBe("Rates");
    expect(uniqueSheetName(["rates"], "Rates")).toBe("Rates (2)");
    expect(uniqueSheetName(["Rates", "Rates (2)"], "Rates")).toBe("Rates (3)");
  });
  it("makes names legal and keeps them within 31 characters", () => {
    expect(cleanSheetName("a/b:c?")).toBe("a-b-c-");
    expect(cleanSheetName("'quoted'")).toBe("quoted");
    expect(cleanSheetName("History")).not.toBe("History");
    const long = "Compare National 2024-25 vs Option A";
    const first = uniqueSheetName([], long);
    expect(first.length).toBeLessThanOrEqual(31);
    const second = uniqueSheetName([first], long);
    expect(second.length).toBeLessThanOrEqual(31);
    expect(second.endsWith(" (2)")).toBe(true);
  });
  it("chooses several distinct names at once", () => {
    expect(uniqueSheetNames(["Rates"], ["Rates", "Rates"])).toEqual(["Rates (2)", "Rates (3)"]);
  });
});

describe("pairSheetName", () => {
  it("keeps both options recognisable within 31 characters, and unique", () => {
    expect(pairSheetName("Compare", "Local", "Option A")).toBe("Compare Local vs Option A");
    const pairs: [string, string][] = [
      ["Local (sample)", "Option A"],
      ["Local (sample)", "Option B"],
      ["National 2024-25 baseline", "Local proposal 2025-26 v1"],
      ["National 2024-25 baseline", "Local proposal 2025-26 v2"],
      ["A very long option name indeed number one", "Short"],
      ["A very long option name indeed number two", "Short"],
    ];
    const names: string[] = [];
    for (const [a, b] of pairs) {
      const wanted = pairSheetName("Compare", a, b);
      expect(wanted.length).toBeLessThanOrEqual(27);
      expect(wanted.endsWith(b.slice(-1))).toBe(true);
      names.push(uniqueSheetName(names, wanted));
    }
    expect(names.every((n) => n.length <= 31)).toBe(true);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    // the two options still differ where they differ: at the end
    expect(names[2]).not.toBe(names[3]);
    expect(names[2].slice(-2)).toBe("v1");
    expect(names.slice(0, 2)).toEqual(["Local (sample) vs Option A", "Local (sample) vs Option B"]);
  });
});
