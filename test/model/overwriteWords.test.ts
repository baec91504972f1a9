import { overwriteInWords, summariseOverwrite, sheetSentence, listInWords } from "../../src/model/overwriteWords";

describe("an overwrite in words", () => {
  it("counts cells and rows per sheet and names columns by their header, most cells first", () => {
    const s = summariseOverwrite(["Rates!F2", "Rates!F3", "Rates!C3", "'My sheet'!B7"], {
      Rates: { header: ["Factor", "Description", "Unit", "Source", "National", "Option A"] },
    });
    expect(s.cells).toBe(4);
    expect(s.sheets.map(sheetSentence)).toEqual([
      "Rates: 3 cells on 2 rows, in 'Option A' (2) and 'Unit' (1).",
      "My sheet: 1 cell on 1 row, in column B (1).",
    ]);
    expect(s.options).toEqual([]);
  });

  it("names every option whose header cell would change, before the sheets", () => {
    const s = summariseOverwrite(["Rates!G1", "Rates!G5", "Rates!F5"], {
      Rates: {
        header: ["Factor", "Description", "Unit", "Source", "National", "Option A", "Option B"],
        options: [
          { name: "Option A", col: 6 },
          { name: "Option B", col: 7 },
        ],
      },
    });
    expect(overwriteInWords(s)).toEqual([
      "Option 'Option B' on Rates would be deleted or renamed (2 cells of its column change).",
      "Rates: 3 cells on 2 rows, in 'Option B' (2) and 'Option A' (1).",
    ]);
  });

  it("lists at most five columns and counts the rest", () => {
    const addresses = ["A", "B", "C", "D", "E", "F", "G"].map((c) => `S!${c}2`);
    const [sheet] = summariseOverwrite(addresses).sheets;
    expect(sheetSentence(sheet)).toBe(
      "S: 7 cells on 1 row, in column A (1), column B (1), column C (1), column D (1), column E (1) and 2 other columns.",
    );
    expect(listInWords(["a"])).toBe("a");
  });
});
