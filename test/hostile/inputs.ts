// The hostile inputs, as generators: each writes its file into a folder and says what send-model must do with
// it (exit code, a message, and generous bounds on wall time and peak RSS). `size` scales the big ones:
// "small" for `npm test` (whole suite under 60 s), "large" for `npm run hostile` (the sizes of issue 13).
import fs from "node:fs";
import path from "node:path";
import { a1, fml, gridXml, num, packageOf, partsOf, row, worksheetXml, xlsxOf } from "./build";
import { HEADER, INSTITUTIONS, RATES } from "../headless/functions/fixture";
import { bombStream, deflated, zipOf, type RawEntry } from "./zip";
import { READ_INPUTS } from "./readInputs";

export type Size = "small" | "large";

export interface HostileInput {
  name: string;
  /** what the row of the README's results table calls it */
  what: string;
  make(dir: string, size: Size): Promise<string>;
  /** extra arguments after `recalc FILE` (a function: given the input's path) */
  args?: string[] | ((file: string) => string[]);
  /** the whole command line instead of `recalc FILE …args` (another command, or the input in another place) */
  argv?: (file: string, dir: string) => string[];
  expect: { code: number; stderr: RegExp; maxSeconds: number; maxRssMB: number; stdout?: RegExp };
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = "</sheetData></worksheet>";

/** The minimal package's parts other than its worksheet, deflated. */
function otherParts(): RawEntry[] {
  return partsOf([{ name: "S", xml: "" }])
    .filter((p) => !p.name.startsWith("xl/worksheets/"))
    .map((p) => deflated(p.name, p.content));
}

/** A package whose one worksheet inflates to `bytes` of `unit` repeated; `declare` says what its header claims. */
function bombFile(file: string, unit: string, bytes: number, declare: "truth" | number): string {
  const s = bombStream(SHEET_HEAD, unit, Math.ceil(bytes / unit.length), SHEET_TAIL);
  const sheet: RawEntry = {
    name: "xl/worksheets/sheet1.xml",
    body: s.body,
    method: 8,
    size: declare === "truth" ? s.size : declare,
  };
  fs.writeFileSync(file, zipOf([...otherParts(), sheet]));
  return file;
}

const GB = 1e9;
const write = async (file: string, data: Promise<Buffer> | Buffer) => {
  fs.writeFileSync(file, await data);
  return file;
};
/** A package of one sheet "S" (sheetData, XML after it) and defined names (<definedName> elements). */
async function namedFile(file: string, sheets: { name: string; data: string; extra?: string }[], names = "") {
  const zip = packageOf(sheets.map((s) => ({ name: s.name, xml: "" })));
  sheets.forEach((s, i) =>
    zip.file(
      `xl/worksheets/sheet${i + 1}.xml`,
      worksheetXml(s.data).replace("</worksheet>", `${s.extra ?? ""}</worksheet>`),
    ),
  );
  if (names) {
    const wbXml = await zip.file("xl/workbook.xml")!.async("string");
    zip.file("xl/workbook.xml", wbXml.replace("</sheets>", `</sheets><definedNames>${names}</definedNames>`));
  }
  return write(file, zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}
/** What every issue-21 route must do: finish in well under a minute within 1 GB. */
const ROUTE = { maxSeconds: 60, maxRssMB: 1000 };
const WHOLE = "A1:XFD1048576";

const refs = (n: number, sep: string) => Array.from({ length: n }, (_, i) => `A${(i % 3) + 1}`).join(sep);

export const INPUTS: HostileInput[] = [
  {
    name: "nested-parentheses",
    what: "one cell with 600 nested parentheses, one with 1,000 unary minus, one with A1+…+A1500, one SUM of 1,500 refs",
    make: (dir) =>
      write(
        path.join(dir, "nested.xlsx"),
        xlsxOf([
          {
            name: "S",
            xml:
              row(1, num("A1", 1) + fml("B1", `=${"(".repeat(600)}1${")".repeat(600)}`) + fml("C1", "=A1*2")) +
              row(2, num("A2", 2) + fml("B2", `=${"-".repeat(1000)}1`) + fml("C2", "=SUM(A1:A3)")) +
              row(3, num("A3", 3) + fml("B3", `=${refs(1500, "+")}`) + fml("C3", `=SUM(${refs(1500, ",")})`)),
          },
        ]),
      ),
    args: ["--json"],
    expect: {
      code: 3,
      stderr:
        /cannot evaluate S!B1: the formula nests 600 levels of parentheses; Excel allows 64\n[^]*4 cells could not be evaluated/,
      stdout: /"S!C1": 2,\n[^]*"S!C2": 6,/,
      maxSeconds: 30,
      maxRssMB: 400,
    },
  },
  {
    name: "whole-sheet-ranges",
    what: "SEND.ALLOCATEALL, COMPARE, ALLOCATE and CHECK over A:XFD (small: 2,000 institutions; large: 20,000)",
    make: (dir, size) => {
      const n = size === "large" ? 20_000 : 2_000;
      const body = INSTITUTIONS.slice(1);
      const inst = [
        HEADER,
        ...Array.from({ length: n }, (_, i) => body[i % body.length].map((v, c) => (c === 0 ? `${v} ${i}` : v))),
      ];
      return write(
        path.join(dir, "wholesheet.xlsx"),
        xlsxOf([
          { name: "Rates", xml: gridXml(RATES) },
          { name: "Inst", xml: gridXml(inst) },
          {
            name: "Calc",
            xml: gridXml([
              [
                '=SUM(SEND.ALLOCATEALL(Rates!A:XFD,"Baseline",Inst!A:XFD))',
                '=COUNTA(SEND.COMPARE(Rates!A:XFD,"Baseline","Option B",Inst!A:XFD))',
                '=SEND.ALLOCATE(Rates!A:XFD,"Baseline",Inst!1:1,Inst!2:2)',
                "=SEND.CHECK(Rates!A:XFD)",
              ],
            ]),
          },
        ]),
      );
    },
    args: ["--json"],
    expect: {
      code: 0,
      stderr: /evaluated \d+ formula and spilled cells/,
      stdout: /"Calc!A1": \d+(\.\d+)?,\n {2}"Calc!B1": \d+,\n {2}"Calc!C1": 39500,/,
      maxSeconds: 120,
      maxRssMB: 2000,
    },
  },
  {
    name: "rows-excel-max",
    what: "a sheet of 1,048,576 rows (Excel's maximum) with SUM(A:A) (small: 50,000 rows, past HyperFormula's default 40,000)",
    make: (dir, size) => {
      const n = size === "large" ? 1_048_576 : 50_000;
      const rows = [row(1, num("A1", 1) + fml("B1", "=SUM(A:A)") + fml("C1", "=COUNT(A:A)"))];
      for (let r = 2; r <= n; r++) rows.push(row(r, num(`A${r}`, r % 1000)));
      return write(path.join(dir, `rows${n}.xlsx`), xlsxOf([{ name: "Big", xml: rows.join("") }]));
    },
    args: ["--json"],
    expect: {
      code: 0,
      stderr: /evaluated 2 formula and spilled cells in 1 sheets \(0 showing an error\)/,
      stdout: /"Big!C1": (50000|1048576)\n/,
      maxSeconds: 300,
      maxRssMB: 4000,
    },
  },
  {
    name: "rows-over-excel",
    what: "a cell in row 1,048,577 (past Excel's last row)",
    make: (dir) =>
      write(
        path.join(dir, "over.xlsx"),
        xlsxOf([{ name: "Tall", xml: row(1, num("A1", 1)) + row(1_048_577, num("A1048577", 2)) }]),
      ),
    expect: {
      code: 1,
      stderr:
        /send-model: (sheet 'Tall' uses 1,048,577 rows × 1 columns; the headless engine, like Excel, allows 1,048,576 × 16,384: move the cells beyond that to another sheet|could not read .*over\.xlsx as an xlsx workbook: [^\n]*1048577[^\n]*)\n$/,
      maxSeconds: 60,
      maxRssMB: 1000,
    },
  },
  {
    name: "bomb-8gb-zip64",
    what: "8 GB zip bomb (ZIP64, sizes declared truthfully), a few MB on disk",
    make: async (dir, size) =>
      bombFile(
        path.join(dir, "bomb8.xlsx"),
        '<row r="1"><c r="A1"><v>1</v></c></row>',
        (size === "large" ? 8 : 4.5) * GB,
        "truth",
      ),
    expect: {
      code: 1,
      stderr:
        /send-model: refusing .*bomb8\.xlsx: it declares [48]\.\d GB or more uncompressed \(limit 200\.0 MB; raise it with --max-bytes\)\n$/,
      maxSeconds: 30,
      maxRssMB: 512,
    },
  },
  {
    name: "bomb-3gb-honest",
    what: "3 GB zip bomb, sizes declared truthfully",
    make: async (dir, size) =>
      bombFile(path.join(dir, "bomb3.xlsx"), "<row><c><v>7</v></c></row>", (size === "large" ? 3 : 0.5) * GB, "truth"),
    expect: {
      code: 1,
      stderr: /send-model: refusing .*bomb3\.xlsx: it declares (3\.\d GB|500\.\d MB) or more uncompressed/,
      maxSeconds: 30,
      maxRssMB: 512,
    },
  },
  {
    name: "bomb-3gb-lying",
    what: "3 GB zip bomb whose headers declare 2 KB",
    make: async (dir, size) =>
      bombFile(path.join(dir, "bomb3lie.xlsx"), "<row><c><v>7</v></c></row>", (size === "large" ? 3 : 0.5) * GB, 2048),
    expect: {
      code: 1,
      stderr:
        /send-model: refusing .*bomb3lie\.xlsx: xl\/worksheets\/sheet1\.xml inflates past its declared 2,048 bytes/,
      maxSeconds: 30,
      maxRssMB: 512,
    },
  },
  {
    name: "bomb-shared-strings",
    what: "400 M cells of one shared string (sizes declared as 150 MB)",
    make: async (dir, size) => {
      const file = path.join(dir, "cells400m.xlsx");
      const s = bombStream(
        SHEET_HEAD,
        '<c t="s"><v>0</v></c>',
        size === "large" ? 400_000_000 : 20_000_000,
        SHEET_TAIL,
      );
      const sst = deflated(
        "xl/sharedStrings.xml",
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>x</t></si></sst>',
      );
      fs.writeFileSync(
        file,
        zipOf([...otherParts(), sst, { name: "xl/worksheets/sheet1.xml", body: s.body, method: 8, size: 150_000_000 }]),
      );
      return file;
    },
    expect: {
      code: 1,
      stderr:
        /send-model: refusing .*cells400m\.xlsx: (its worksheets hold more than 2,000,000 cells|xl\/worksheets\/sheet1\.xml inflates more than 250×)/,
      maxSeconds: 30,
      maxRssMB: 512,
    },
  },
  {
    name: "bomb-ratio",
    what: "150 MB of whitespace in a worksheet, declared truthfully, under the byte cap (a 1,000× ratio)",
    make: async (dir) => bombFile(path.join(dir, "ratio.xlsx"), " ".repeat(64), 150_000_000, "truth"),
    expect: {
      code: 1,
      stderr:
        /send-model: refusing .*ratio\.xlsx: xl\/worksheets\/sheet1\.xml inflates more than 250× .*: a zip bomb\n$/,
      maxSeconds: 30,
      maxRssMB: 512,
    },
  },
  {
    name: "many-entries",
    what: "a package listing 70,000 entries (no ZIP64 record: its count field says 65,535)",
    make: async (dir) => {
      const file = path.join(dir, "entries.xlsx");
      const tiny = deflated("x", "");
      fs.writeFileSync(
        file,
        zipOf([...otherParts(), ...Array.from({ length: 70_000 }, (_, i) => ({ ...tiny, name: `xl/x${i}.xml` }))]),
      );
      return file;
    },
    expect: {
      code: 1,
      stderr: /send-model: refusing .*entries\.xlsx: its zip package lists 65,535 entries/,
      maxSeconds: 30,
      maxRssMB: 512,
    },
  },
  {
    name: "openpyxl-chart",
    what: "an openpyxl-style package: absolute part paths for a chart drawing and comments (exceljs: \"reading 'anchors'\")",
    make: async (dir) => {
      const zip = packageOf([{ name: "S", xml: "" }]);
      zip.file(
        "xl/worksheets/sheet1.xml",
        worksheetXml(row(1, num("A1", 4) + fml("B1", "=A1*2"))).replace(
          "</worksheet>",
          '<drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/><legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="anysvml"/></worksheet>',
        ),
      );
      zip.file(
        "xl/worksheets/_rels/sheet1.xml.rels",
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="/xl/drawings/drawing1.xml"/><Relationship Id="comments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="/xl/comments/comment1.xml"/><Relationship Id="anysvml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="/xl/drawings/commentsDrawing1.vml"/></Relationships>',
      );
      zip.file(
        "xl/drawings/drawing1.xml",
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><xdr:oneCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="5400000" cy="2700000"/><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>',
      );
      zip.file(
        "xl/comments/comment1.xml",
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>x</author></authors><commentList><comment ref="A1" authorId="0"><text><t>note</t></text></comment></commentList></comments>',
      );
      zip.file("xl/drawings/commentsDrawing1.vml", "<xml></xml>");
      return write(path.join(dir, "openpyxl.xlsx"), zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    },
    args: ["--json"],
    expect: { code: 0, stderr: /evaluated 1 formula/, stdout: /"S!B1": 8\n/, maxSeconds: 30, maxRssMB: 400 },
  },
  {
    name: "unstyled-table",
    what: "a table with no style information, recalculated with --out (exceljs: \"reading 'theme'\")",
    make: async (dir) => {
      const zip = packageOf([{ name: "S", xml: "" }]);
      zip.file(
        "xl/worksheets/sheet1.xml",
        worksheetXml(
          row(1, '<c r="A1" t="inlineStr"><is><t>Amount</t></is></c>' + fml("B1", "=SUM(A2:A3)")) +
            row(2, num("A2", 5)) +
            row(3, num("A3", 6)),
        ).replace(
          "</worksheet>",
          '<tableParts count="1"><tablePart xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></tableParts></worksheet>',
        ),
      );
      zip.file(
        "xl/worksheets/_rels/sheet1.xml.rels",
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>',
      );
      zip.file(
        "xl/tables/table1.xml",
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Table1" displayName="Table1" ref="A1:A3"><autoFilter ref="A1:A3"/><tableColumns count="1"><tableColumn id="1" name="Amount"/></tableColumns></table>',
      );
      return write(path.join(dir, "unstyled.xlsx"), zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    },
    args: (file) => ["--json", "--out", file.replace(/\.xlsx$/, ".out.xlsx")],
    expect: {
      code: 0,
      stderr: /evaluated 1 formula[^]*wrote .*unstyled\.out\.xlsx \(/,
      stdout: /"S!B1": 11\n/,
      maxSeconds: 30,
      maxRssMB: 400,
    },
  },
  {
    name: "cells-over-flag",
    what: "a plain workbook of 500 cells run with --max-cells 400",
    make: (dir) =>
      write(
        path.join(dir, "cells500.xlsx"),
        xlsxOf([
          {
            name: "S",
            xml: Array.from({ length: 100 }, (_, r) =>
              row(r + 1, Array.from({ length: 5 }, (__, c) => num(a1(r, c), r * c)).join("")),
            ).join(""),
          },
        ]),
      ),
    args: ["--max-cells", "400"],
    expect: {
      code: 1,
      stderr:
        /send-model: refusing .*cells500\.xlsx: its worksheets hold more than 400 cells \(raise the limit with --max-cells\)\n$/,
      maxSeconds: 30,
      maxRssMB: 400,
    },
  },
  {
    name: "truncated-zip",
    what: "a workbook cut in half",
    make: async (dir) => {
      const whole = await xlsxOf([{ name: "S", xml: row(1, num("A1", 1) + fml("B1", "=A1+1")) }]);
      return write(path.join(dir, "truncated.xlsx"), whole.subarray(0, Math.floor(whole.length / 2)));
    },
    expect: {
      code: 1,
      stderr:
        /send-model: could not read .*truncated\.xlsx as an xlsx workbook: the zip package is damaged \(no end-of-archive record: the file is truncated\)\n$/,
      maxSeconds: 30,
      maxRssMB: 400,
    },
  },
  {
    name: "corrupt-zip",
    what: "a workbook with its worksheet's compressed bytes overwritten",
    make: async (dir) => {
      const parts = partsOf([{ name: "S", xml: row(1, num("A1", 1) + fml("B1", "=A1+1")) }]).map((p) =>
        deflated(p.name, p.content),
      );
      const sheet = parts.find((p) => p.name.startsWith("xl/worksheets/"))!;
      sheet.body = Buffer.alloc(sheet.body.length, 0xff);
      return write(path.join(dir, "corrupt.xlsx"), zipOf(parts));
    },
    expect: {
      code: 1,
      stderr:
        /send-model: could not read .*corrupt\.xlsx as an xlsx workbook: the zip package is damaged \(xl\/worksheets\/sheet1\.xml: [^\n]+\)\n$/,
      maxSeconds: 30,
      maxRssMB: 400,
    },
  },
];

// Issue 21: every route to a huge range (each 1-3 KB on disk; the same file at both sizes)
INPUTS.push(
  {
    name: "far-single-cells",
    what: "a sheet holding only A1 and XFD1048576 (plus a formula by each)",
    make: (dir) =>
      namedFile(path.join(dir, "far.xlsx"), [
        {
          name: "S",
          data:
            row(1, num("A1", 1) + fml("B1", "=A1*2")) +
            row(1048576, fml("XFC1048576", "=XFD1048576+1") + num("XFD1048576", 5)),
        },
      ]),
    args: ["--json"],
    expect: { code: 0, stderr: /evaluated 2 formula/, stdout: /"S!B1": 2,\n {2}"S!XFC1048576": 6\n/, ...ROUTE },
  },
  {
    name: "merge-whole-sheet",
    what: `a merged range C1:XFD1048576, a data validation and a conditional format over ${WHOLE}`,
    make: (dir) =>
      namedFile(path.join(dir, "merge.xlsx"), [
        {
          name: "S",
          data: row(1, num("A1", 1) + fml("B1", "=A1*2")),
          extra:
            '<mergeCells count="1"><mergeCell ref="C1:XFD1048576"/></mergeCells>' +
            `<conditionalFormatting sqref="${WHOLE}"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>0</formula></cfRule></conditionalFormatting>` +
            `<dataValidations count="1"><dataValidation type="whole" sqref="${WHOLE}"><formula1>0</formula1></dataValidation></dataValidations>`,
        },
      ]),
    args: ["--json"],
    expect: { code: 0, stderr: /evaluated 1 formula/, stdout: /"S!B1": 2\n/, ...ROUTE },
  },
  {
    name: "array-ref-whole-sheet",
    what: `an array formula whose ref is B2:XFD1048576, recalculated with --out`,
    make: (dir) =>
      namedFile(path.join(dir, "arrayref.xlsx"), [
        {
          name: "S",
          data: row(1, num("A1", 3)) + row(2, '<c r="B2"><f t="array" ref="B2:XFD1048576">A1*2</f><v>0</v></c>'),
        },
      ]),
    args: (file) => ["--json", "--out", file.replace(/\.xlsx$/, ".out.xlsx")],
    expect: { code: 0, stderr: /wrote .*arrayref\.out\.xlsx/, stdout: /"S!B2": 6\n/, ...ROUTE },
  },
  {
    name: "offset-whole-sheet",
    what: "SUM(OFFSET(A2,0,0,1048575,16384)) on a two-cell sheet",
    make: (dir) =>
      namedFile(path.join(dir, "offset.xlsx"), [
        { name: "S", data: row(1, fml("B1", "=SUM(OFFSET(A2,0,0,1048575,16384))")) + row(2, num("A2", 3)) },
      ]),
    args: ["--json"],
    expect: { code: 0, stderr: /evaluated 1 formula/, stdout: /"S!B1": 3\n/, ...ROUTE },
  },
  {
    name: "forty-sums-budget",
    what: "forty SUMs each just under 2.1 M cells over a sparse sheet's full height (one budget for the workbook)",
    make: (dir) =>
      namedFile(path.join(dir, "forty.xlsx"), [
        {
          name: "S",
          data:
            row(
              1,
              num("A1", 1) +
                Array.from({ length: 40 }, (_, i) => fml(a1(0, i + 2), `=SUM(A2:B${1_040_000 + 2 * i})`)).join(""),
            ) + row(1048576, num("B1048576", 1)),
        },
      ]),
    expect: {
      code: 3,
      stderr:
        /cannot evaluate S!C1: its ranges cover 2,079,998 cells and bring the cells read by the workbook's formulas to 2,079,998, past the limit of 2,000,000 \(raise it with --max-cells\)\n[^]*40 cells could not be evaluated/,
      ...ROUTE,
    },
  },
  {
    name: "names-whole-sheet",
    what: "SUM, COUNT and ROWS over defined names for Data!$A:$XFD and Data!$A$1:$XFD$1048576",
    make: (dir) =>
      namedFile(
        path.join(dir, "names.xlsx"),
        [
          { name: "Data", data: row(1, num("A1", 1) + num("B1", 2)) + row(2, num("A2", 3)) },
          {
            name: "Calc",
            data: row(
              1,
              fml("A1", "=SUM(Cols)") + fml("B1", "=COUNT(Cells)") + fml("C1", "=ROWS(Cols)") + fml("D1", "=Rate*2"),
            ),
          },
        ],
        '<definedName name="Cols">Data!$A:$XFD</definedName><definedName name="Cells">Data!$A$1:$XFD$1048576</definedName><definedName name="Rate">0.5</definedName>',
      ),
    args: ["--json"],
    expect: {
      code: 3,
      stderr:
        /cannot evaluate Calc!C1: the range Data!\$A:\$XFD covers 17,179,869,184 cells[^\n]*\(through the defined name Cols\)/,
      stdout: /"Calc!A1": 6,\n {2}"Calc!B1": 3,[^]*"Calc!D1": 1\n/,
      ...ROUTE,
    },
  },
  {
    name: "bad-names",
    what: "a defined name of 600 parentheses, one of 1,400 operators, and a sound one (=Rate*2)",
    make: (dir) =>
      namedFile(
        path.join(dir, "badnames.xlsx"),
        [{ name: "S", data: row(1, num("A1", 1) + fml("B1", "=Deep+1") + fml("C1", "=Rate*2") + fml("D1", "=Chain")) }],
        `<definedName name="Deep">${"(".repeat(600)}1${")".repeat(600)}</definedName>` +
          `<definedName name="Chain">${Array.from({ length: 1400 }, () => "S!$A$1")
            .join("+")
            .slice(0, 8100)}</definedName>` +
          '<definedName name="Rate">0.5</definedName>',
      ),
    args: ["--json"],
    expect: {
      code: 3,
      stderr:
        /cannot evaluate S!B1: it uses the defined name Deep, and the formula nests 600 levels of parentheses; Excel allows 64\n[^]*S!D1: it uses the defined name Chain, and the formula has 1,15\d operators/,
      stdout: /"S!C1": 1,/,
      ...ROUTE,
    },
  },
);

INPUTS.push(...READ_INPUTS);

export { a1, worksheetXml };
