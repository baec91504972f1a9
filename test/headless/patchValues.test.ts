// The --out patcher changes cached values in place and adds the cells a grown spill needs, in order, without
// re-serialising: other cells, attributes, shared formulas and styles stay as written.
import { dynamicArrayCm, patchesOf, patchSheetXml, type SheetPatch } from "../../src/headless/io/patchValues";
import type { CellResult } from "../../src/headless/io/cells";

const sheet = (data: string, extra = "") =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C3"/>${extra}<sheetData>${data}</sheetData><sheetProtection password="CC1A" sheet="1"/></worksheet>`;
const patch = (values: [string, CellResult][], more: Partial<SheetPatch> = {}): SheetPatch => ({
  values: new Map(values),
  refs: new Map(),
  ...more,
});
const xmlOf = (r: ReturnType<typeof patchSheetXml>) => {
  if ("problem" in r) throw new Error(r.problem);
  return r.xml;
};

describe("patchSheetXml", () => {
  it("changes only the cached values of cells the file has (attributes, formulas and other elements kept)", () => {
    const xml = sheet(
      '<row r="1" spans="1:2"><c r="A1" s="3"><f>B1*2</f><v>0</v></c><c r="B1"><v>5</v></c></row>' +
        '<row r="2"><c r="A2" s="4"><f t="shared" ref="A2:A3" si="0">B2+1</f><v>0</v></c></row>' +
        '<row r="3"><c r="A3"><f t="shared" si="0"/><v>0</v></c></row>',
    );
    const out = xmlOf(
      patchSheetXml(
        xml,
        patch([
          ["A1", 10],
          ["A2", 1],
          ["A3", "x<y"],
        ]),
      ),
    );
    expect(out).toBe(
      xml
        .replace("<f>B1*2</f><v>0</v>", "<f>B1*2</f><v>10</v>")
        .replace('si="0">B2+1</f><v>0</v>', 'si="0">B2+1</f><v>1</v>')
        .replace('<c r="A3"><f t="shared" si="0"/><v>0</v>', '<c r="A3" t="str"><f t="shared" si="0"/><v>x&lt;y</v>'),
    );
  });

  it("adds the cells a grown spill covers: into existing rows in column order, new rows in row order", () => {
    const xml = sheet(
      '<row r="1" spans="1:3"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row>' +
        '<row r="4" spans="1:1"><c r="A4"><v>4</v></c></row>',
    );
    const out = xmlOf(
      patchSheetXml(
        xml,
        patch([
          ["B1", 2],
          ["D1", true],
          ["B2", "two"],
          ["B3", null], // a blank result needs no cell
          ["B4", { error: "#N/A", message: "" }],
          ["B6", 6],
        ]),
      ),
    );
    expect(out).toContain(
      '<sheetData><row r="1" spans="1:4"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c>' +
        '<c r="D1" t="b"><v>1</v></c></row>' +
        '<row r="2"><c r="B2" t="inlineStr"><is><t xml:space="preserve">two</t></is></c></row>' +
        '<row r="4" spans="1:2"><c r="A4"><v>4</v></c><c r="B4" t="e"><v>#N/A</v></c></row>' +
        '<row r="6"><c r="B6"><v>6</v></c></row></sheetData><sheetProtection password="CC1A" sheet="1"/>',
    );
    expect(out).toContain('<dimension ref="A1:D6"/>');
  });

  it("works out the place of rows and cells that leave out r=, and fills an empty sheetData", () => {
    const xml = sheet("<row><c><v>1</v></c><c><f>A1+1</f></c></row><row/>");
    const out = xmlOf(
      patchSheetXml(
        xml,
        patch([
          ["B1", 2],
          ["C1", 3],
          ["A3", 9],
        ]),
      ),
    );
    expect(out).toContain(
      '<sheetData><row><c><v>1</v></c><c><f>A1+1</f><v>2</v></c><c r="C1"><v>3</v></c></row><row/>' +
        '<row r="3"><c r="A3"><v>9</v></c></row></sheetData>',
    );
    const empty = '<worksheet><dimension ref="A1"/><sheetData/></worksheet>';
    expect(xmlOf(patchSheetXml(empty, patch([["A2", 1]])))).toBe(
      '<worksheet><dimension ref="A1:A2"/><sheetData><row r="2"><c r="A2"><v>1</v></c></row></sheetData></worksheet>',
    );
  });

  it("styles a new cell as its row (customFormat) or else its column shows it", () => {
    const xml = sheet(
      '<row r="1" s="7" customFormat="1"><c r="A1"><v>1</v></c></row>',
      '<cols><col min="2" max="3" width="9" style="5" customWidth="1"/></cols>',
    );
    const out = xmlOf(
      patchSheetXml(
        xml,
        patch([
          ["B1", 1],
          ["B2", 2],
          ["D2", 3],
        ]),
      ),
    );
    expect(out).toContain('<c r="B1" s="7"><v>1</v></c>');
    expect(out).toContain('<row r="2"><c r="B2" s="5"><v>2</v></c><c r="D2"><v>3</v></c></row>');
  });

  it("marks a formula that spills for the first time as a dynamic array (cm of the file's metadata)", () => {
    const xml = sheet('<row r="1"><c r="A1" s="2"><f>FILTER(B1:B3,B1:B3&gt;0)</f><v>1</v></c></row>');
    const out = xmlOf(
      patchSheetXml(
        xml,
        patch(
          [
            ["A1", 1],
            ["A2", 2],
          ],
          { arrays: new Map([["A1", "A1:A2"]]) },
        ),
        { cm: 2 },
      ),
    );
    expect(out).toContain(
      '<c r="A1" s="2" cm="2"><f t="array" ref="A1:A2">FILTER(B1:B3,B1:B3&gt;0)</f><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>',
    );
  });

  it("refuses, naming the cell, a shared formula that now spills or a spill with no dynamic-array metadata", () => {
    const xml = sheet('<row r="1"><c r="A1"><f t="shared" ref="A1:B1" si="0">FILTER(C1:C3,C1:C3)</f></c></row>');
    const p = patch(
      [
        ["A1", 1],
        ["A2", 2],
      ],
      { arrays: new Map([["A1", "A1:A2"]]) },
    );
    expect(patchSheetXml(xml, p, { sheet: "Calc", cm: 1 })).toEqual({
      problem: expect.stringMatching(/^Calc!A1: its formula is shared with other cells and now spills over A1:A2/),
    });
    const plain = sheet('<row r="1"><c r="A1"><f>FILTER(C1:C3,C1:C3)</f></c></row>');
    expect(patchSheetXml(plain, p, { sheet: "Calc" })).toEqual({
      problem: expect.stringMatching(/^Calc!A1: its formula now spills over A1:A2, and the file's metadata has no/),
    });
  });

  it("clears the cells an old spill no longer covers and shrinks its ref", () => {
    const xml = sheet(
      '<row r="1"><c r="A1" cm="1"><f t="array" ref="A1:A3">X()</f><v>1</v></c></row>' +
        '<row r="2"><c r="A2" t="str"><v>a</v></c></row><row r="3"><c r="A3" s="1"><v>3</v></c></row>',
    );
    const out = xmlOf(
      patchSheetXml(
        xml,
        patch([["A1", 1]], { refs: new Map([["A1", "A1"]]), clear: [{ anchor: "A1", ref: "A1:A3" }] }),
      ),
    );
    expect(out).toContain(
      '<c r="A1" cm="1"><f t="array" ref="A1">X()</f><v>1</v></c></row><row r="2"><c r="A2"></c></row><row r="3"><c r="A3" s="1"></c></row>',
    );
  });
});

describe("dynamicArrayCm", () => {
  it("finds the cell-metadata record of the XLDAPR dynamic-array type, wherever it sits", () => {
    const meta = (cells: string) =>
      '<metadata><metadataTypes count="2"><metadataType name="XLRICHVALUE"/><metadataType name="XLDAPR"/></metadataTypes>' +
      '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
      `<cellMetadata count="2">${cells}</cellMetadata></metadata>`;
    expect(dynamicArrayCm(meta('<bk><rc t="1" v="0"/></bk><bk><rc t="2" v="0"/></bk>'))).toBe(2);
    expect(dynamicArrayCm(meta('<bk><rc t="2" v="0"/></bk>'))).toBe(1);
    expect(dynamicArrayCm(meta('<bk><rc t="1" v="0"/></bk>'))).toBeUndefined();
    expect(dynamicArrayCm("<metadata/>")).toBeUndefined();
  });
});

describe("patchesOf", () => {
  it("lists a formula that spills but was not an array formula in the file as a new dynamic array", () => {
    const snap = {
      name: "S",
      cells: [
        ["=FILTER(B1:B2,B1:B2)", 1],
        [null, 2],
      ],
      values: [
        [1, 1],
        [2, 2],
      ],
      spills: new Map([["A1", "A1:A2"]]),
    };
    const p = patchesOf([snap], new Map()).get("S")!;
    expect([...p.arrays!]).toEqual([["A1", "A1:A2"]]);
    expect([...p.values]).toEqual([
      ["A1", 1],
      ["A2", 2],
    ]);
  });
});
