// xlsx read/write: formulas and cached values survive a round trip, SEND calls are stored the way Excel
// stores custom functions, spills are dynamic arrays, odd cell kinds read sensibly, writes are atomic.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { FileProblem, readXlsx, writeXlsx, deriveSpills, xlsxBuffer, type XlsxSheetOut } from "../../src/headless/xlsx";
import { dynamicArrayAnchors, markCells } from "../../src/headless/io/dynamicArrays";
import { callsSend, fromFileFormula, toFileFormula } from "../../src/headless/io/formulaText";
import { writeFileAtomic } from "../../src/headless/io/files";
import { formulaResults, loadHost, snapshot } from "../../src/headless/io/bridge";
import { dateToSerial } from "../../src/headless/io/cells";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "send-xlsx-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const RATES = "Rates!$A$1:$C$9";
const sample: XlsxSheetOut[] = [
  {
    name: "Rates",
    cells: [
      ["Factor", "Local"],
      ["topup.special.band1", 11000],
    ],
  },
  {
    name: "Calc",
    cells: [
      ["Name", "Total", "Breakdown"],
      [
        "A",
        `=SEND.ALLOCATE(${RATES},"Local",X!A1:B1,X!A2:B2)`,
        `=SEND.BREAKDOWN(${RATES},"Local",X!A1:B1,X!A2:B2)`,
        null,
        null,
      ],
      ["B", "=B2*2", null, null, null],
      ["'=not a formula", '="SEND.ALLOCATE(" & A2', null, null, null],
    ],
    values: [
      ["Name", "Total", "Breakdown"],
      ["A", 1234.5, "Notional SEN", "Schools", 0],
      ["B", 2469, "Place funding", "High needs", { error: "#N/A", message: "no rate" }],
      ["=not a formula", "SEND.ALLOCATE(A", "Total", null, 1234.5],
    ],
    spills: new Map([["C2", "C2:E4"]]),
  },
];

async function entries(file: string): Promise<JSZip> {
  return JSZip.loadAsync(fs.readFileSync(file));
}

describe("formula text in the file", () => {
  it("stores SEND calls as Excel stores Office.js custom functions, and reads them back", () => {
    expect(toFileFormula('SEND.ALLOCATE(R,"x",F,V)+send.topup(R,"x","special","b1")')).toBe(
      '_xldudf_SEND_ALLOCATE(R,"x",F,V)+_xldudf_SEND_TOPUP(R,"x","special","b1")',
    );
    expect(fromFileFormula('_xldudf_SEND_ALLOCATE(R,"x",F,V)+_xldudf_SEND_TOPUP(R,"x","special","b1")')).toBe(
      'SEND.ALLOCATE(R,"x",F,V)+SEND.TOPUP(R,"x","special","b1")',
    );
  });

  it("never touches string literals or quoted sheet names", () => {
    const f = `"SEND.ALLOCATE(" & 'SEND.X(''s'!A1 & SEND.FIT(A1:A3,10)`;
    expect(toFileFormula(f)).toBe(`"SEND.ALLOCATE(" & 'SEND.X(''s'!A1 & _xldudf_SEND_FIT(A1:A3,10)`);
    expect(fromFileFormula(toFileFormula(f))).toBe(f);
    expect(callsSend('"SEND.ALLOCATE("')).toBe(false);
    expect(callsSend("1+SEND.PAYBACK(1,2)")).toBe(true);
  });

  it("drops the prefixes Excel adds (_xlfn., _xll. for SEND) and adds _xlfn. to newer functions", () => {
    expect(fromFileFormula("_xlfn.XLOOKUP(A1,B:B,C:C)+_xll.SEND.TOPUP(R,O,S,B)+_xlfn._xlws.SORT(A1:A3)")).toBe(
      "XLOOKUP(A1,B:B,C:C)+SEND.TOPUP(R,O,S,B)+SORT(A1:A3)",
    );
    expect(toFileFormula("IFNA(XLOOKUP(A1,B:B,C:C),0)+SUM(A1:A2)")).toBe(
      "_xlfn.IFNA(_xlfn.XLOOKUP(A1,B:B,C:C),0)+SUM(A1:A2)",
    );
    expect(toFileFormula("_xlfn.IFNA(1,2)")).toBe("_xlfn.IFNA(1,2)"); // already prefixed: unchanged
  });
});

describe("write then read", () => {
  it("keeps formulas, inputs and cached values; spilled cells read back blank", async () => {
    const file = path.join(dir, "a.xlsx");
    await writeXlsx(file, sample);
    const book = await readXlsx(file);
    expect(book.sheets.map((s) => s.name)).toEqual(["Rates", "Calc"]);
    const calc = book.sheets[1];
    expect(calc.cells).toEqual([
      ["Name", "Total", "Breakdown", null, null],
      [
        "A",
        `=SEND.ALLOCATE(${RATES},"Local",X!A1:B1,X!A2:B2)`,
        `=SEND.BREAKDOWN(${RATES},"Local",X!A1:B1,X!A2:B2)`,
        null,
        null,
      ],
      ["B", "=B2*2", null, null, null],
      ["'=not a formula", '="SEND.ALLOCATE(" & A2', null, null, null],
    ]);
    expect(calc.cached[1]).toEqual(["A", 1234.5, "Notional SEN", "Schools", 0]);
    expect(calc.cached[2]).toEqual(["B", 2469, "Place funding", "High needs", { error: "#N/A", message: "" }]);
    expect(calc.cached[3]).toEqual(["=not a formula", "SEND.ALLOCATE(A", "Total", null, 1234.5]);
    expect([...calc.arrays]).toEqual([
      ["B2", "B2"],
      ["C2", "C2:E4"],
    ]);
  });

  it("stores spills and SEND calls as dynamic arrays (cm=1 + xl/metadata.xml), plain formulas as plain", async () => {
    const file = path.join(dir, "b.xlsx");
    await writeXlsx(file, sample);
    const zip = await entries(file);
    const sheet = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(sheet).toContain('<c r="C2" t="str" cm="1"><f t="array" ref="C2:E4">_xldudf_SEND_BREAKDOWN(');
    expect(sheet).toMatch(/<c r="B2"[^>]* cm="1"><f t="array" ref="B2">_xldudf_SEND_ALLOCATE\(/);
    expect(sheet).toMatch(/<c r="B3"[^>]*><f>B2\*2<\/f><v>2469<\/v><\/c>/);
    expect(sheet).toMatch(/<c r="D3" t="s"><v>\d+<\/v><\/c>/); // a spilled cell: a cached value, no formula
    const meta = await zip.file("xl/metadata.xml")!.async("string");
    expect(meta).toContain('<metadataType name="XLDAPR"');
    expect(meta).toContain('fDynamic="1"');
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain('PartName="/xl/metadata.xml"');
    expect(await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).toContain("relationships/sheetMetadata");
    expect(await dynamicArrayAnchors(fs.readFileSync(file))).toEqual(
      new Map([
        ["Rates", []],
        ["Calc", ["B2", "C2"]],
      ]),
    );
  });

  it("keeps falsy cached results: 0 and false (empty text reads back as blank)", async () => {
    const file = path.join(dir, "falsy.xlsx");
    await writeXlsx(file, [{ name: "S", cells: [["=1-1", "=1>2", '=""', "=1+1"]], values: [[0, false, "", 2]] }]);
    const [sheet] = (await readXlsx(file)).sheets;
    expect(sheet.cached).toEqual([[0, false, null, 2]]);
  });

  it("gives byte-identical files for identical sheets", async () => {
    const a = await xlsxBuffer(sample);
    const b = await xlsxBuffer(sample);
    expect(a.equals(b)).toBe(true);
  });

  it("formats a fresh sheet: bold frozen header, money format, fitted widths", async () => {
    const file = path.join(dir, "f.xlsx");
    await writeXlsx(file, [
      {
        name: "S",
        cells: [
          ["Name", "Amount"],
          ["A long institution name", 1234567.891],
        ],
        format: { numFmts: [{ range: "B:B", format: "£#,##0.00" }] },
      },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("S")!;
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("B2").numFmt).toBe("£#,##0.00");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual("A long institution name".length);
  });

  it("updates a workbook in place (base): new values, its own formatting kept, old spill cells cleared", async () => {
    const src = path.join(dir, "src.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = 2;
    ws.getCell("B1").value = { formula: "A1*3", result: 0 };
    ws.getCell("B1").numFmt = "0.000";
    ws.getCell("C1").value = {
      formula: "SEQUENCE(3)",
      result: 1,
      shareType: "array",
      ref: "C1:C3",
    } as ExcelJS.CellValue;
    ws.getCell("C2").value = 2;
    ws.getCell("C3").value = 3;
    await wb.xlsx.writeFile(src);

    const book = await readXlsx(src);
    expect(book.sheets[0].cells).toEqual([[2, "=A1*3", "=SEQUENCE(3)"]]); // C2:C3 are results, not inputs
    const out = path.join(dir, "out.xlsx");
    await writeXlsx(
      out,
      [
        {
          name: "S",
          cells: book.sheets[0].cells,
          values: [
            [2, 6, 1],
            [null, null, 2],
          ],
          spills: new Map([["C1", "C1:C2"]]),
        },
      ],
      { base: book.source, protect: [src] },
    );
    const again = await readXlsx(out);
    expect(again.sheets[0].cached).toEqual([
      [2, 6, 1],
      [null, null, 2],
    ]);
    expect([...again.sheets[0].arrays]).toEqual([["C1", "C1:C2"]]);
    const check = new ExcelJS.Workbook();
    await check.xlsx.readFile(out);
    expect(check.getWorksheet("S")!.getCell("B1").numFmt).toBe("0.000");
    expect(check.getWorksheet("S")!.getCell("C3").value).toBeNull();
  });
});

describe("loading into the headless workbook", () => {
  it("keeps the file's sheet order, even for sheets named like numbers, and computes across them", async () => {
    const file = path.join(dir, "order.xlsx");
    await writeXlsx(file, [
      { name: "Notes", cells: [["='2024'!A1+'1'!A1"]], values: [[0]] },
      { name: "2024", cells: [[40]] },
      { name: "1", cells: [[2]] },
    ]);
    const wb = loadHost(await readXlsx(file));
    expect(wb.sheetNames()).toEqual(["Notes", "2024", "1"]);
    expect(formulaResults(snapshot(wb))).toEqual([["Notes!A1", 42]]);
  });
});

describe("reading other cell kinds", () => {
  it("expands shared formulas, reads dates as serials, rich text and links as text, merged cells in the top-left", async () => {
    const file = path.join(dir, "kinds.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("K");
    ws.getCell("A1").value = 1;
    ws.getCell("A2").value = 2;
    ws.getCell("B1").value = { formula: "A1*10", result: 10, shareType: "shared", ref: "B1:B2" } as ExcelJS.CellValue;
    ws.getCell("B2").value = { sharedFormula: "B1", result: 20 } as ExcelJS.CellValue;
    ws.getCell("C1").value = new Date(Date.UTC(2025, 3, 1));
    ws.getCell("C2").value = { richText: [{ text: "Rich ", font: { bold: true } }, { text: "text" }] };
    ws.getCell("D1").value = { text: "DfE guidance", hyperlink: "https://www.gov.uk/" };
    ws.getCell("D2").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    ws.getCell("E1").value = "merged";
    ws.mergeCells("E1:F2");
    ws.getCell("G1").value = true;
    ws.getCell("G2").value = "'quoted";
    ws.getCell("H1").value = { formula: '_xlfn.IFNA(_xldudf_SEND_TOPUP(R,"o","s","b"),0)', result: 5 };
    await wb.xlsx.writeFile(file);

    const [sheet] = (await readXlsx(file)).sheets;
    expect(sheet.cells).toEqual([
      [1, "=A1*10", 45748, "DfE guidance", "merged", null, true, '=IFNA(SEND.TOPUP(R,"o","s","b"),0)'],
      [2, "=A2*10", "Rich text", "#N/A", null, null, "''quoted", null],
    ]);
    expect(dateToSerial(new Date(Date.UTC(2025, 3, 1, 12)))).toBe(45748.5);
    expect(dateToSerial(new Date(Date.UTC(2025, 3, 1)), true)).toBe(45748 - 1462); // 1904 date system
    expect(sheet.cached[0][7]).toBe(5);
  });
});

describe("refusing bad files", () => {
  it("names a missing file, a non-zip file and a corrupt zip in one line", async () => {
    await expect(readXlsx(path.join(dir, "nope.xlsx"))).rejects.toThrow(
      new FileProblem(`file not found: ${path.join(dir, "nope.xlsx")}`),
    );
    const text = path.join(dir, "t.xlsx");
    fs.writeFileSync(text, "Name,Phase\nA,Primary\n");
    await expect(readXlsx(text)).rejects.toThrow(/^not an xlsx workbook \(not a zip package/);
    const broken = path.join(dir, "b.xlsx");
    fs.writeFileSync(broken, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]));
    await expect(readXlsx(broken)).rejects.toThrow(/^could not read .* as an xlsx workbook: /);
    await expect(readXlsx(dir)).rejects.toThrow(/^cannot read .*: it is a folder, not a regular file$/);
  });
});

describe("atomic writes", () => {
  it("replaces a file whole and leaves no temporary file behind", () => {
    const file = path.join(dir, "x.txt");
    fs.writeFileSync(file, "old contents that are longer");
    writeFileAtomic(file, "new");
    expect(fs.readFileSync(file, "utf8")).toBe("new");
    expect(fs.readdirSync(dir)).toEqual(["x.txt"]);
  });

  it("keeps the old file and removes the temporary one when the write fails", () => {
    const file = path.join(dir, "x.txt");
    fs.writeFileSync(file, "old");
    const spy = jest.spyOn(fs, "renameSync").mockImplementation(() => {
      throw new Error("disk full");
    });
    try {
      expect(() => writeFileAtomic(file, "new")).toThrow("disk full");
    } finally {
      spy.mockRestore();
    }
    expect(fs.readFileSync(file, "utf8")).toBe("old");
    expect(fs.readdirSync(dir)).toEqual(["x.txt"]);
  });

  it("never overwrites a protected input, however the path is spelt", async () => {
    const input = path.join(dir, "in.xlsx");
    await writeXlsx(input, sample);
    const before = fs.readFileSync(input);
    const spellings = [input, path.join(dir, ".", "in.xlsx"), path.join(dir, "..", path.basename(dir), "in.xlsx")];
    fs.linkSync(input, path.join(dir, "hard.xlsx"));
    spellings.push(path.join(dir, "hard.xlsx"));
    for (const out of spellings) {
      await expect(writeXlsx(out, sample, { protect: [input] })).rejects.toThrow(
        /refusing to overwrite the input file/,
      );
    }
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  it("says so when the output folder does not exist", () => {
    expect(() => writeFileAtomic(path.join(dir, "no", "such", "x.txt"), "x")).toThrow(FileProblem);
  });
});

describe("spill helpers", () => {
  it("derives a spill from the run of computed values next to a formula", () => {
    const cells = [
      ["=F()", null, null, "x"],
      [null, null, null, null],
      ["=G()", null, null, null],
    ];
    const values = [
      [1, 2, 3, "x"],
      [4, null, 6, null],
      [7, null, null, null],
    ];
    expect(deriveSpills(cells, values)).toEqual(new Map([["A1", "A1:C2"]]));
  });

  it("marks only the anchors asked for, once", () => {
    const xml = '<c r="A1" t="str"><f t="array" ref="A1:B2">X()</f></c><c r="B1"/><c r="C1" cm="1"><f>Y()</f></c>';
    const r = markCells(xml, new Set(["A1", "B1", "C1"]));
    expect(r.xml).toBe(
      '<c r="A1" t="str" cm="1"><f t="array" ref="A1:B2">X()</f></c><c r="B1"/><c r="C1" cm="1"><f>Y()</f></c>',
    );
    expect(r.marked).toBe(1);
  });
});
