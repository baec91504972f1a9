// Issue 21 item 1: every route to a huge range costs what the cells a formula can touch cost, with one budget
// across the workbook; item 2: a bad defined name is an error only in the cells that use it. Each workbook is a
// tiny generated xlsx, read and evaluated in process (npm run hostile runs them through the CLI with time and memory).
import JSZip from "jszip";
import { readXlsxBuffer } from "../../src/headless/xlsx";
import { formulaResults, loadHostIsolated, markFailed, snapshot } from "../../src/headless/io/bridge";
import { CellBudget } from "../../src/headless/io/cellBudget";
import { fml, num, packageOf, row, worksheetXml, xlsxOf } from "../hostile/build";

async function evaluate(bytes: Buffer, maxCells?: number) {
  const book = await readXlsxBuffer(bytes);
  const { wb, failed, rewritten } = loadHostIsolated(book, { maxCells });
  const snaps = snapshot(wb);
  markFailed(snaps, failed, rewritten);
  return { values: Object.fromEntries(formulaResults(snaps)), failed, snaps };
}

/** A one-sheet package whose worksheet gets `extra` XML after <sheetData> and whose workbook gets `names`. */
async function sheetWith(sheetData: string, extra = "", names = ""): Promise<Buffer> {
  const zip: JSZip = packageOf([{ name: "S", xml: "" }]);
  zip.file("xl/worksheets/sheet1.xml", worksheetXml(sheetData).replace("</worksheet>", `${extra}</worksheet>`));
  if (names) {
    const wbXml = await zip.file("xl/workbook.xml")!.async("string");
    zip.file("xl/workbook.xml", wbXml.replace("</sheets>", `</sheets><definedNames>${names}</definedNames>`));
  }
  return zip.generateAsync({ type: "nodebuffer" });
}

const message = (v: unknown) => (v as { message: string }).message;

describe("a cell budget on every route", () => {
  it("a sheet holding A1 and XFD1048576 costs two cells, not 17 billion", async () => {
    const { values, snaps } = await evaluate(
      await xlsxOf([
        {
          name: "S",
          xml:
            row(1, num("A1", 1) + fml("B1", "=A1*2")) +
            row(1048576, num("XFD1048576", 5) + fml("XFC1048576", "=XFD1048576+1")),
        },
      ]),
    );
    expect(values).toEqual({ "S!B1": 2, "S!XFC1048576": 6 });
    expect(snaps[0].values[0]).toEqual([1, 2]); // rows are ragged: no 16,384-wide padding
  });

  it("a merged range, a data validation and a conditional format over the whole sheet change nothing", async () => {
    const extra =
      '<mergeCells count="1"><mergeCell ref="C1:XFD1048576"/></mergeCells>' +
      '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>0</formula></cfRule></conditionalFormatting>' +
      '<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>';
    const { values } = await evaluate(await sheetWith(row(1, num("A1", 4) + fml("B1", "=A1*2") + num("D1", 9)), extra));
    expect(values).toEqual({ "S!B1": 8 }); // D1 lies inside the merge: its value is not an input
  });

  it("an array formula whose ref is the whole sheet reads only the cells the sheet holds", async () => {
    const { values } = await evaluate(
      await xlsxOf([
        {
          name: "S",
          xml: row(1, num("A1", 3)) + row(2, '<c r="B2"><f t="array" ref="B2:XFD1048576">A1*2</f><v>6</v></c>'),
        },
      ]),
    );
    expect(values["S!B2"]).toBe(6);
  });

  it("OFFSET of constants is trimmed like the range it stands for", async () => {
    const { values } = await evaluate(
      await xlsxOf([
        { name: "S", xml: row(1, fml("A1", "=SUM(OFFSET(B1,0,0,1048576,16383))") + num("B1", 2) + num("C1", 3)) },
      ]),
    );
    expect(values["S!A1"]).toBe(5);
  });

  it("a range reached through a defined name is trimmed, and its shape-sensitive use is an error naming the name", async () => {
    const { values } = await evaluate(
      await sheetWith(
        row(1, num("A1", 1) + fml("B1", "=SUM(Col)") + fml("C1", "=ROWS(Col)") + fml("D1", "=SUM(All)")) +
          row(2, num("A2", 2) + fml("D2", "=ROWS(All)")),
        "",
        '<definedName name="Col">S!$A$1:$A$1048576</definedName><definedName name="All">S!$A:$XFD</definedName>',
      ),
    );
    expect(values["S!B1"]).toBe(3);
    expect(values["S!C1"]).toBe(1_048_576); // the name's own shape, as Excel
    expect(values["S!D1"]).toEqual(expect.objectContaining({ error: "#CYCLE!" })); // D1 is inside All, as in Excel
    expect(values["S!D2"]).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(
        /^S!D2: the range S!\$A:\$XFD covers 17,179,869,184 cells.*\(through the defined name All\)$/,
      ),
    });
  });

  it("forty SUMs over a sparse sheet's full height share one budget: the cell past it says so, the rest evaluate", async () => {
    const sums = Array.from({ length: 40 }, (_, i) => fml(`C${i + 1}`, `=SUM(A1:B${10_000 + 2 * i})`));
    const rows = sums.map((f, i) => row(i + 1, (i === 0 ? num("A1", 1) : "") + f)).join("");
    const { values, failed } = await evaluate(
      await xlsxOf([{ name: "S", xml: rows + row(20_000, num("B20000", 1)) }]),
      50_000,
    );
    expect(values["S!C1"]).toBe(1);
    expect(values["S!C2"]).toBe(1);
    expect(values["S!C3"]).toEqual({
      error: "#VALUE!",
      message:
        "S!C3: its ranges cover 20,008 cells and bring the cells read by the workbook's formulas to 60,012, past the limit of 50,000 (raise it with --max-cells)",
    });
    expect(failed).toHaveLength(38);
  });

  it("charges a running total row by row and a repeated range once", () => {
    const budget = new CellBudget(10);
    const area = (bottom: number) => ({ sheet: "s", top: 1, left: 1, bottom, right: 1 });
    expect(budget.charge([area(5)])).toBeUndefined();
    expect(budget.charge([area(6), area(6)])).toBeUndefined();
    expect(budget.charge([area(5)])).toBeUndefined();
    expect(budget.total).toBe(6);
    expect(budget.charge([area(9)])).toMatch(/past the limit of 10/);
    expect(budget.total).toBe(6);
  });
});

describe("one bad defined name", () => {
  it("is an error, with its name, in the cells that use it; the other names keep working", async () => {
    const chain = Array.from({ length: 1400 }, () => "S!$A$1").join("+");
    const { values, failed } = await evaluate(
      await sheetWith(
        row(1, num("A1", 1) + fml("B1", "=Deep+1") + fml("C1", "=Rate*2") + fml("D1", "=Chain") + fml("E1", "=Long")),
        "",
        `<definedName name="Deep">${"(".repeat(600)}1${")".repeat(600)}</definedName>` +
          `<definedName name="Chain">${chain.slice(0, 8000)}</definedName>` +
          `<definedName name="Long">${chain}</definedName>` +
          '<definedName name="Rate">0.5</definedName>',
      ),
    );
    expect(values["S!C1"]).toBe(1);
    expect(message(values["S!B1"])).toBe(
      "S!B1: it uses the defined name Deep, and the formula nests 600 levels of parentheses; Excel allows 64",
    );
    expect(message(values["S!D1"])).toMatch(
      /^S!D1: it uses the defined name Chain, and the formula has 1,142 operators/,
    );
    expect(message(values["S!E1"])).toMatch(
      /^S!E1: it uses the defined name Long, and the formula is 9,800 characters/,
    );
    expect(failed.map((f) => f.a1)).toEqual(["B1", "D1", "E1"]);
  });
});
