import { cleanSheetName, uniqueSheetName, uniqueSheetNames } from "../../src/model/sheetNames";

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
