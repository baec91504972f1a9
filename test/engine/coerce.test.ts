// readNumber: the one way the engine reads a number out of a cell (contract section 1: numbers as text,
// blank = 0 for counts, anything else non-numeric is #VALUE! upstream).
import { cellText, isBlank, readNumber, type Cell } from "./api";

const asNumber = (c: Cell) => {
  const r = readNumber(c);
  return r.kind === "number" ? r.value.toString() : r.kind;
};

describe("readNumber", () => {
  test.each<[Cell, string]>([
    [42, "42"],
    [0, "0"],
    [0.1, "0.1"],
    [1234.5, "1234.5"],
    [-7, "-7"],
    [1e-7, "1e-7"],
    [1e21, "1e+21"],
    ["42", "42"],
    ["  42  ", "42"],
    ["\t7\n", "7"],
    ["00012", "12"],
    [".5", "0.5"],
    ["0.1", "0.1"],
  ])("plain numbers and numbers as text: %p -> %s", (cell, expected) => expect(asNumber(cell)).toBe(expected));

  test.each<[Cell, string]>([
    ["£10,000", "10000"],
    ["£1,234.50", "1234.5"],
    ["1,234,567.891", "1234567.891"],
    ["460,890", "460890"],
    ["-£5", "-5"],
    ["£-5", "-5"],
    ["-1,000", "-1000"],
  ])("pounds and thousands separators: %p -> %s", (cell, expected) => expect(asNumber(cell)).toBe(expected));

  test.each<[Cell, string]>([
    ["12.5%", "0.125"],
    ["5%", "0.05"],
    ["100%", "1"],
    ["-12.5%", "-0.125"],
    ["0.5%", "0.005"],
  ])("percentages: %p -> %s", (cell, expected) => expect(asNumber(cell)).toBe(expected));

  test.each<[Cell, string]>([
    ["(1,234)", "-1234"],
    ["(£1,234.50)", "-1234.5"],
    ["(12%)", "-0.12"],
    ["(5)", "-5"],
  ])("accounting brackets are negative: %p -> %s", (cell, expected) => expect(asNumber(cell)).toBe(expected));

  test.each<[Cell, string]>([
    ["+5", "5"],
    ["5.", "5"],
    ["1E5", "100000"],
    ["1e-2", "0.01"],
    ["+1.5e3", "1500"],
  ])("what Excel's VALUE also reads: %p -> %s", (cell, expected) => expect(asNumber(cell)).toBe(expected));

  test.each<Cell>(["-0", "(0)", -0, "0%"])("no negative zero: %p", (cell) => {
    const r = readNumber(cell);
    expect(r.kind).toBe("number");
    if (r.kind === "number") expect(r.value.isNeg()).toBe(false);
  });

  test.each<Cell>([null, undefined, "", "   ", "\t"])("blank: %p", (cell) =>
    expect(readNumber(cell)).toEqual({ kind: "blank" }),
  );

  test.each<[Cell, string]>([
    [true, "TRUE"],
    [false, "FALSE"],
    ["TRUE", "TRUE"],
    ["true", "true"],
    [NaN, "NaN"],
    [Infinity, "Infinity"],
    [-Infinity, "-Infinity"],
    ["NaN", "NaN"],
    ["nan", "nan"],
    ["Infinity", "Infinity"],
    ["-Infinity", "-Infinity"],
    ["ten", "ten"],
    ["#N/A", "#N/A"],
    ["n/a", "n/a"],
    ["TBC", "TBC"],
    ["-", "-"],
    ["£", "£"],
    ["%", "%"],
    ["()", "()"],
    [".", "."],
    ["e5", "e5"],
    ["(5", "(5"],
    ["5)", "5)"],
    ["--5", "--5"],
    ["+-5", "+-5"],
    ["(-5)", "(-5)"],
    ["(+5)", "(+5)"],
    ["£ 5", "£ 5"],
    ["5 %", "5 %"],
    ["5£", "5£"],
    ["$5", "$5"],
    ["€5", "€5"],
    ["1 000", "1 000"],
    ["−5", "−5"],
    ["1,23", "1,23"],
    ["12,3456", "12,3456"],
    ["1,2,3", "1,2,3"],
    [",123", ",123"],
    ["12,", "12,"],
    ["0x10", "0x10"],
  ])("not a number (reported as text, with the text): %p", (cell, text) =>
    expect(readNumber(cell)).toEqual({ kind: "text", text }),
  );

  test("numbers keep their shortest decimal form (no binary noise)", () => {
    expect(asNumber(0.1 + 0.2)).toBe("0.30000000000000004"); // the double itself, faithfully
    expect(asNumber(3562)).toBe("3562");
    expect(asNumber(4.843e3)).toBe("4843");
  });
});

describe("cellText and isBlank", () => {
  test("text of a cell is trimmed; numbers and booleans print as Excel shows them", () => {
    expect(cellText("  Baseline ")).toBe("Baseline");
    expect(cellText(12.5)).toBe("12.5");
    expect(cellText(2024)).toBe("2024");
    expect(cellText(true)).toBe("TRUE");
    expect(cellText(false)).toBe("FALSE");
    expect(cellText(null)).toBe("");
    expect(cellText("   ")).toBe("");
  });
  test("blank is null, undefined or whitespace, never 0 or FALSE", () => {
    expect([null, undefined, "", "  "].every(isBlank)).toBe(true);
    expect([0, false, "0", "-"].some(isBlank)).toBe(false);
  });
});
