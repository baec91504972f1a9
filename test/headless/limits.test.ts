// Per-cell isolation: a formula over a limit is #VALUE! in its own cell, naming the cell and the limit; the
// rest of the workbook is evaluated.
import { readXlsxBuffer } from "../../src/headless/xlsx";
import { formulaResults, loadHostIsolated, markFailed, snapshot } from "../../src/headless/io/bridge";
import { HEADLESS_MAX_OPERATORS, scanFormula } from "../../src/headless/io/formulaLimits";
import { fml, num, row, xlsxOf } from "../hostile/build";

const refs = (n: number, sep: string) => Array.from({ length: n }, (_, i) => `A${(i % 3) + 1}`).join(sep);

describe("scanFormula", () => {
  it("names Excel's limits: 8,192 characters, 64 levels, 255 arguments", () => {
    expect(scanFormula(`="${"x".repeat(8200)}"`).problem).toBe(
      "the formula is 8,203 characters long; Excel allows 8,192",
    );
    expect(scanFormula(`=${"(".repeat(65)}1${")".repeat(65)}`).problem).toBe(
      "the formula nests 65 levels of parentheses; Excel allows 64",
    );
    expect(scanFormula(`=${"(".repeat(64)}1${")".repeat(64)}`).problem).toBeUndefined();
    expect(scanFormula(`=SUM(${refs(256, ",")})`).problem).toBe(
      "a function in the formula has 256 arguments; Excel allows 255",
    );
    expect(scanFormula(`=SUM(${refs(255, ",")})`).problem).toBeUndefined();
    expect(scanFormula(`=${refs(HEADLESS_MAX_OPERATORS + 2, "+")}`).problem).toMatch(
      /^the formula has 401 operators; the headless engine evaluates at most 400 \(Excel can/,
    );
  });

  it("ignores brackets, commas and operators inside text and quoted sheet names", () => {
    expect(scanFormula(`="${"(".repeat(100)}"&'a(,+b'!A1`).problem).toBeUndefined();
    expect(scanFormula(`={${Array(300).fill(1).join(",")}}`).problem).toBeUndefined();
  });

  it("rewrites exponent literals HyperFormula misreads, and nothing else", () => {
    expect(scanFormula("=1E+308").text).toBe("=1e308");
    expect(scanFormula("=1E-05+2.5E3*A1E5").text).toBe("=1e-05+2.5e3*A1E5");
    expect(scanFormula('="1E+5"&E1').text).toBe('="1E+5"&E1');
  });
});

describe("loadHostIsolated", () => {
  it("evaluates every other cell when one formula nests too deep, has too many terms or arguments", async () => {
    const deep = `=${"(".repeat(600)}1${")".repeat(600)}`;
    const minus = `=${"-".repeat(1000)}1`;
    const plus = `=${refs(1500, "+")}`;
    const args = `=SUM(${refs(1500, ",")})`;
    const data = await xlsxOf([
      {
        name: "S",
        xml:
          row(1, num("A1", 1) + fml("B1", deep) + fml("C1", "=A1*2")) +
          row(2, num("A2", 2) + fml("B2", minus) + fml("C2", "=B1+1")) +
          row(3, num("A3", 3) + fml("B3", plus) + fml("C3", args)) +
          row(4, fml("A4", "=1E+308") + fml("B4", "=SUM(A1:A3)")),
      },
    ]);
    const book = await readXlsxBuffer(data);
    const { wb, failed } = loadHostIsolated(book);
    expect(failed.map((f) => f.message)).toEqual([
      "S!B1: the formula nests 600 levels of parentheses; Excel allows 64",
      expect.stringMatching(/^S!B2: the formula has 1,000 operators; the headless engine evaluates at most 400/),
      expect.stringMatching(/^S!B3: the formula has 1,499 operators/),
      "S!C3: a function in the formula has 1,500 arguments; Excel allows 255",
    ]);
    const snaps = snapshot(wb);
    markFailed(snaps, failed);
    const got = Object.fromEntries(formulaResults(snaps));
    expect(got["S!C1"]).toBe(2);
    expect(got["S!A4"]).toBe(1e308);
    expect(got["S!B4"]).toBe(6);
    expect(got["S!B1"]).toEqual({
      error: "#VALUE!",
      message: "S!B1: the formula nests 600 levels of parentheses; Excel allows 64",
    });
    expect(got["S!C2"]).toEqual(expect.objectContaining({ error: "#VALUE!" })); // depends on the failed B1
    expect(snaps[0].cells[0][1]).toBe(deep); // written back as read
  });

  it("evaluates the worst case the limits let through (64 levels around 400 operators) without overflowing", async () => {
    const f = `=${"(".repeat(64)}${refs(HEADLESS_MAX_OPERATORS - 63, "+")}${")".repeat(64)}`;
    const book = await readXlsxBuffer(
      await xlsxOf([
        { name: "S", xml: row(1, num("A1", 1)) + row(2, num("A2", 1)) + row(3, num("A3", 1) + fml("B3", f)) },
      ]),
    );
    const { wb, failed } = loadHostIsolated(book);
    expect(failed).toEqual([]);
    expect(wb.getValues("S", "B3")).toEqual([[HEADLESS_MAX_OPERATORS - 63]]);
  });
});

describe("isolateUnparsable (the safety net behind the limits)", () => {
  it("finds a formula HyperFormula cannot parse and replaces it, leaving the caller's rows alone", () => {
    const { isolateUnparsable } = jest.requireActual(
      "../../src/headless/io/isolate",
    ) as typeof import("../../src/headless/io/isolate");
    const deep = `=${"(".repeat(2000)}1${")".repeat(2000)}`;
    const rows = [[1, deep, "=A1+1"]];
    const sheets = [{ name: "S", cells: rows.map((r) => r.slice()) }];
    const original = sheets[0].cells[0];
    const failed: import("../../src/headless/io/isolate").FailedCell[] = [];
    expect(isolateUnparsable(sheets, failed)).toBe(1);
    expect(failed[0]).toEqual(expect.objectContaining({ sheet: "S", a1: "B1", formula: deep }));
    expect(sheets[0].cells[0]).toEqual([1, "#VALUE!", "=A1+1"]);
    expect(original[1]).toBe(deep);
  });
});
