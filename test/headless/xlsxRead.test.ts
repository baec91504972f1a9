// Issue 21, reading side: cells exceljs misreads (ISO date cells, shared-string indices past the table). Each
// workbook is built here from XML, as a file written by another tool (or damaged) would hold it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { readXlsxBuffer, FileProblem } from "../../src/headless/xlsx";
import { formulaResults, loadHost, loadHostIsolated, markFailed, snapshot } from "../../src/headless/io/bridge";
import { storageKind } from "../../src/headless/hfInternals";
import { isoToSerial, sharedStringCount } from "../../src/headless/io/typedCells";
import { fml, num, packageOf, row } from "../hostile/build";
import { externalLinkBook } from "../hostile/readInputs";
import { linkedBooks } from "../../src/headless/io/externalLinks";
import { runCli } from "../cli/runCli";
import { checkGolden, type GoldenDef } from "../../src/headless/io/golden";
import fileGoldenJson from "./excel/fileread.golden.json";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "send-xlsx-read-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/></numFmts>' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>';

/** A one-sheet ("S") package from <sheetData> XML, with styles (s="1": d/m/yyyy, s="2": a custom date-time). */
async function book(sheetData: string, opts: { strings?: string[]; date1904?: boolean } = {}): Promise<Buffer> {
  const zip = packageOf([{ name: "S", xml: sheetData }]);
  zip.file("xl/styles.xml", STYLES);
  let types = await zip.file("[Content_Types].xml")!.async("string");
  let rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  types = types.replace(
    "</Types>",
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
  );
  rels = rels.replace(
    "</Relationships>",
    '<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  );
  if (opts.strings) {
    zip.file(
      "xl/sharedStrings.xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
        `count="${opts.strings.length}" uniqueCount="${opts.strings.length}">` +
        opts.strings.map((s) => `<si><t>${s}</t></si>`).join("") +
        "</sst>",
    );
    types = types.replace(
      "</Types>",
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    );
    rels = rels.replace(
      "</Relationships>",
      '<Relationship Id="rId91" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    );
  }
  if (opts.date1904) {
    const wb = await zip.file("xl/workbook.xml")!.async("string");
    zip.file("xl/workbook.xml", wb.replace("<sheets>", '<workbookPr date1904="1"/><sheets>'));
  }
  zip.file("[Content_Types].xml", types);
  zip.file("xl/_rels/workbook.xml.rels", rels);
  return zip.generateAsync({ type: "nodebuffer" });
}

const dateCell = (ref: string, iso: string, style = 1) => `<c r="${ref}" s="${style}" t="d"><v>${iso}</v></c>`;

describe('ISO date cells (t="d") read as Excel\'s serial numbers', () => {
  test("dates, date-times and times, with their number format kept", async () => {
    const b = await readXlsxBuffer(
      await book(
        row(
          1,
          dateCell("A1", "2024-03-01T00:00:00") +
            dateCell("B1", "2024-03-01T18:00:00", 2) +
            dateCell("C1", "2024-03-01") +
            dateCell("D1", "12:30:00", 0) +
            fml("E1", "=A1+1"),
        ),
      ),
    );
    expect(b.sheets[0].cells[0].slice(0, 4)).toEqual([45352, 45352.75, 45352, 0.5208333333333334]);
    const ws = b.source.getWorksheet("S")!;
    expect(ws.getCell("A1").numFmt).toBe("mm-dd-yy"); // exceljs's name for built-in format 14
    expect(ws.getCell("B1").numFmt).toBe("dd/mm/yyyy hh:mm");
    expect(formulaResults(snapshot(loadHost(b)))).toEqual([["S!E1", 45353]]);
  });

  test("a formula's cached result stored as a date reads as its serial number", async () => {
    const b = await readXlsxBuffer(
      await book(row(1, '<c r="A1" t="d"><f>DATE(2024,3,1)</f><v>2024-03-01T00:00:00</v></c>')),
    );
    expect(b.sheets[0].cached[0][0]).toBe(45352);
  });

  test("the 1904 date system, Excel's 29 February 1900 and the first days", () => {
    expect(isoToSerial("2024-03-01", true)).toBe(43890);
    expect(isoToSerial("1900-01-01")).toBe(1);
    expect(isoToSerial("1900-02-28")).toBe(59);
    expect(isoToSerial("1900-02-29")).toBe(60);
    expect(isoToSerial("1900-03-01")).toBe(61);
    expect(isoToSerial("9999-12-31")).toBe(2958465);
    expect(isoToSerial("2024-03-01T06:00:00.000Z")).toBe(45352.25);
  });

  test("text that is no date Excel can hold is refused, naming the sheet, the cell and the text", async () => {
    for (const [iso, why] of [
      ["next Tuesday", /not an ISO 8601 date/],
      ["2023-02-29", /not a day of the calendar/],
      ["2024-03-01T25:00:00", /not a time of day/],
      ["1899-12-31", /before 1900-01-01/],
    ] as const) {
      const bytes = await book(row(1, num("A1", 1)) + row(2, dateCell("B2", iso)));
      const read = readXlsxBuffer(bytes, "dates.xlsx");
      await expect(read).rejects.toThrow(FileProblem);
      await expect(read).rejects.toThrow(`could not read dates.xlsx as an xlsx workbook: sheet 'S' cell B2`);
      await expect(read).rejects.toThrow(why);
    }
  });
});

describe("shared-string indices", () => {
  test("indices in the table read as their strings", async () => {
    const b = await readXlsxBuffer(
      await book(row(1, '<c r="A1" t="s"><v>2</v></c><c r="B1" t="s"><v>0</v></c>'), { strings: ["a", "b", "c"] }),
    );
    expect(b.sheets[0].cells[0]).toEqual(["c", "a"]);
  });

  test("an index past the table is refused naming the cell, never read as the number", async () => {
    const bytes = await book(row(1, num("A1", 1)) + row(3, '<c r="C3" t="s"><v>999</v></c>'), {
      strings: ["a", "b", "c"],
    });
    await expect(readXlsxBuffer(bytes, "sst.xlsx")).rejects.toThrow(
      "could not read sst.xlsx as an xlsx workbook: sheet 'S' cell C3 refers to shared string 999, but its table holds 3",
    );
    const none = await book(row(1, '<c r="A1" t="s"><v>0</v></c>'));
    await expect(readXlsxBuffer(none)).rejects.toThrow(/cell A1 refers to shared string 0, but the workbook has no/);
  });

  test("the table is counted by its items, whatever its count attribute says", () => {
    expect(sharedStringCount('<sst count="9"><si><t>a</t></si><si/><si>\n<r><t>b</t></r></si></sst>')).toBe(3);
    expect(sharedStringCount(undefined)).toBe(0);
  });
});

describe("a sheet named like a number is stored as any other", () => {
  test("sparse when its cells fill little of their rectangle, in the file's sheet order", () => {
    const far: (number | string | null)[][] = Array.from({ length: 1000 }, () => []);
    far[0] = [1, "=A1*2"];
    far[999] = [...Array<null>(25).fill(null), 5]; // Z1000
    const { wb } = loadHostIsolated({
      sheets: [
        { name: "Notes", cells: [["=SUM('2024'!A1:Z1000)"]] },
        { name: "2024", cells: far },
      ],
    });
    expect(wb.sheetNames()).toEqual(["Notes", "2024"]);
    expect(storageKind(wb.hyperformula, wb.hyperformula.getSheetId("2024")!)).toBe("sparse");
    expect(wb.getValues("Notes", "A1")).toEqual([[8]]);
    expect(wb.getValues("2024", "B1")).toEqual([[2]]);
  });

  test("dense when they fill it, as buildFromSheets decides", () => {
    const { wb } = loadHostIsolated({
      sheets: [
        {
          name: "7",
          cells: [
            [1, 2],
            [3, "=A2+B1"],
          ],
        },
      ],
    });
    expect(storageKind(wb.hyperformula, wb.hyperformula.getSheetId("7")!)).toBe("dense");
    expect(wb.getValues("7", "B2")).toEqual([[5]]);
  });
});

describe("a formula that is a range spills it, as in Excel 365", () => {
  test("a range, one on another sheet, a name for one; blanks as 0; the formulas as written", () => {
    const { wb, failed, rewritten } = loadHostIsolated({
      sheets: [
        { name: "S", cells: [[1, "=A1:A3", "=Data!B1:B2", "=(Amounts)", "=SUM(B1:B3)"], ["x"]] },
        {
          name: "Data",
          cells: [
            [null, 10],
            [null, 20],
          ],
        },
      ],
      names: [{ name: "Amounts", expression: "=S!$A$1:$A$3" }],
    });
    const snaps = snapshot(wb);
    markFailed(snaps, failed, rewritten);
    expect(failed).toEqual([]);
    expect(Object.fromEntries(formulaResults(snaps))).toEqual({
      "S!B1": 1,
      "S!C1": 10,
      "S!D1": 1,
      "S!E1": 1,
      "S!B2": "x",
      "S!C2": 20,
      "S!D2": "x",
      "S!B3": 0,
      "S!D3": 0,
    });
    expect(snaps[0].cells[0]).toEqual([1, "=A1:A3", "=Data!B1:B2", "=(Amounts)", "=SUM(B1:B3)"]);
    expect(snaps[0].spills).toEqual(
      new Map([
        ["B1", "B1:B3"],
        ["C1", "C1:C2"],
        ["D1", "D1:D3"],
      ]),
    );
  });

  test("a whole column as the formula is an error naming the exact range to use, never a shorter spill", () => {
    const { failed } = loadHostIsolated({ sheets: [{ name: "S", cells: [[1, "=A:A"]] }] });
    expect(failed).toEqual([
      expect.objectContaining({
        a1: "B1",
        formula: "=A:A",
        message: expect.stringMatching(/^S!B1: the formula is the whole column range A:A, .*write it as A1:A100/),
      }),
    ]);
  });

  test("recalc --out keeps the formula as written, with the spill's new cached values", async () => {
    const file = path.join(dir, "range.xlsx");
    const out = path.join(dir, "range.out.xlsx");
    const bytes = await packageOf([
      {
        name: "S",
        xml:
          row(1, num("A1", 5) + '<c r="B1" cm="1"><f t="array" ref="B1:B3">A1:A3</f><v>0</v></c>') +
          row(2, num("A2", 6) + '<c r="B2"><v>0</v></c>') +
          row(3, num("A3", 7) + '<c r="B3"><v>0</v></c>'),
      },
    ]).generateAsync({ type: "nodebuffer" });
    fs.writeFileSync(file, bytes);
    const r = await runCli(["recalc", file, "--out", out, "--json", "--quiet"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ "S!B1": 5, "S!B2": 6, "S!B3": 7 });
    const xml = await (await JSZip.loadAsync(fs.readFileSync(out))).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).toContain('<f t="array" ref="B1:B3">A1:A3</f><v>5</v>');
    expect(xml).toMatch(/<c r="B3"[^>]*><v>7<\/v><\/c>/);
    expect(xml).not.toMatch(/ISBLANK/);
  });
});

/** Each case: sheet S's <sheetData>, an optional sheet Data, Excel's values and their source. */
const fileGolden = fileGoldenJson as unknown as {
  cases: { name: string; sheetData: string; data?: string; expected: GoldenDef["expected"]; source: string }[];
};

describe("Excel 365's results for cells as files store them (test/headless/excel/fileread.golden.json)", () => {
  test.each(fileGolden.cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const sheets = [{ name: "S", xml: c.sheetData }, ...(c.data ? [{ name: "Data", xml: c.data }] : [])];
    const book = await readXlsxBuffer(await packageOf(sheets).generateAsync({ type: "nodebuffer" }));
    const { wb, failed, rewritten } = loadHostIsolated(book);
    const snaps = snapshot(wb);
    markFailed(snaps, failed, rewritten);
    const def: GoldenDef = { title: c.name, sheets: {}, expected: c.expected };
    expect(checkGolden(def, new Map(formulaResults(snaps)))).toEqual([]);
  });
});

describe("links to other workbooks keep Excel's cached values", () => {
  test("links are found in quoted and plain sheet names, never in text", () => {
    expect(linkedBooks("='[1]My Sheet'!A1+[2]Sheet1!B2+[1]!Rate")).toEqual([1, 2]);
    expect(linkedBooks("='It''s [3] here'!A1")).toEqual([]);
    expect(linkedBooks('="[1]Sheet1!A1"&Table1[Amount]')).toEqual([]);
  });

  test("recalc: the cached values stay (and feed other formulas), each link is reported, exit 3; --out keeps them", async () => {
    const file = await externalLinkBook(path.join(dir, "links.xlsx"));
    const out = path.join(dir, "links.out.xlsx");
    const r = await runCli(["recalc", file, "--json", "--out", out, "--quiet"]);
    expect(r.code).toBe(3);
    const values = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(values).toMatchObject({ "S!A1": 60, "S!B1": 14, "S!C1": 74, "S!D1": { error: "#VALUE!" } });
    expect(r.stderr).toContain(
      "cannot evaluate S!A1: it refers to another workbook ([1] Plan 2024.xlsx), which the headless engine cannot open: " +
        "the cell keeps the value Excel saved with the file",
    );
    expect(r.stderr).toContain("cannot evaluate S!B1: it refers to another workbook ([1] Plan 2024.xlsx)");
    expect(r.stderr).toContain("cannot evaluate S!D1: it refers to another workbook ([1] Plan 2024.xlsx), which");
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).toContain("<c r=\"A1\"><f>'[1]My Sheet'!A1</f><v>60</v></c>");
    expect(xml).toContain('<c r="B1"><f>[1]Sheet1!B2*2</f><v>14</v></c>');
    expect(xml).toContain('<c r="C1"><f>A1+B1</f><v>74</v></c>');
    expect(zip.file("xl/externalLinks/externalLink1.xml")).not.toBeNull();
  });
});

test("a defined name pointing into another workbook: the cells using it keep their cached values too", () => {
  const { wb, failed, rewritten } = loadHostIsolated({
    sheets: [{ name: "S", cells: [["=Ext*2", "=Rate*2"]], cached: [[14, 0]] }],
    names: [
      { name: "Ext", expression: "=[1]Sheet1!$B$2" },
      { name: "Rate", expression: "=0.5" },
    ],
  });
  const snaps = snapshot(wb);
  markFailed(snaps, failed, rewritten);
  expect(formulaResults(snaps)).toEqual([
    ["S!A1", 14],
    ["S!B1", 1],
  ]);
  expect(failed).toEqual([
    expect.objectContaining({ a1: "A1", message: expect.stringMatching(/another workbook \(\[1\]\)/) }),
  ]);
});
