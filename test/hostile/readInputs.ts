// Issue 21's hostile inputs on the reading side: cells a reader must not take at face value (ISO date cells,
// shared-string indices past the table, links to other workbooks, a bare range as a formula, a sheet named like a
// number holding a far-away cell). Each is a few KB at both sizes.
import fs from "node:fs";
import path from "node:path";
import type JSZip from "jszip";
import { fml, num, packageOf, row } from "./build";
import type { HostileInput } from "./inputs";

/** What every issue-21 route must do: finish in well under a minute within 1 GB. */
const ROUTE = { maxSeconds: 60, maxRssMB: 1000 };

/** A package of sheets (name and <sheetData> XML), changed by `edit` before it is written. */
async function packageFile(
  file: string,
  sheets: { name: string; xml: string }[],
  edit?: (zip: JSZip) => Promise<void> | void,
): Promise<string> {
  const zip = packageOf(sheets);
  await edit?.(zip);
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

/** Adds a part with its content type override. */
async function addPart(zip: JSZip, name: string, contentType: string, xml: string): Promise<void> {
  zip.file(name, xml);
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace("</Types>", `<Override PartName="/${name}" ContentType="${contentType}"/></Types>`),
  );
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * A workbook linking to another ([1] = C:\Budgets\Plan 2024.xlsx) as Excel saves one: sheet S holds
 * `'[1]My Sheet'!A1` (cached 60), `[1]Sheet1!B2*2` (cached 14), `A1+B1` (cached stale 0) and `'[1]My Sheet'!A2`
 * with no cached value; xl/externalLinks/externalLink1.xml holds Excel's copy of the linked cells.
 */
export function externalLinkBook(file: string): Promise<string> {
  return packageFile(
    file,
    [
      {
        name: "S",
        xml: row(
          1,
          '<c r="A1"><f>\'[1]My Sheet\'!A1</f><v>60</v></c><c r="B1"><f>[1]Sheet1!B2*2</f><v>14</v></c>' +
            '<c r="C1"><f>A1+B1</f><v>0</v></c>' +
            "<c r=\"D1\"><f>'[1]My Sheet'!A2</f></c>",
        ),
      },
    ],
    async (zip) => {
      const wb = await zip.file("xl/workbook.xml")!.async("string");
      zip.file(
        "xl/workbook.xml",
        wb.replace("</sheets>", '</sheets><externalReferences><externalReference r:id="rId9"/></externalReferences>'),
      );
      const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
      zip.file(
        "xl/_rels/workbook.xml.rels",
        rels.replace(
          "</Relationships>",
          `<Relationship Id="rId9" Type="${REL}/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>`,
        ),
      );
      await addPart(
        zip,
        "xl/externalLinks/externalLink1.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml",
        `${XML}<externalLink xmlns="${MAIN}" xmlns:r="${REL}"><externalBook r:id="rId1"><sheetNames>` +
          '<sheetName val="My Sheet"/><sheetName val="Sheet1"/></sheetNames><sheetDataSet>' +
          '<sheetData sheetId="0"><row r="1"><cell r="A1"><v>60</v></cell></row></sheetData>' +
          '<sheetData sheetId="1"><row r="2"><cell r="B2"><v>7</v></cell></row></sheetData>' +
          "</sheetDataSet></externalBook></externalLink>",
      );
      zip.file(
        "xl/externalLinks/_rels/externalLink1.xml.rels",
        `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="${REL}/externalLinkPath" Target="file:///C:/Budgets/Plan%202024.xlsx" TargetMode="External"/></Relationships>`,
      );
    },
  );
}

export const READ_INPUTS: HostileInput[] = [
  {
    name: "iso-date-cells",
    what: 'ISO date cells (t="d": a date, a date-time, a time) used by formulas',
    make: (dir) =>
      packageFile(path.join(dir, "isodate.xlsx"), [
        {
          name: "S",
          xml: row(
            1,
            '<c r="A1" t="d"><v>2024-03-01T00:00:00</v></c><c r="B1" t="d"><v>2024-03-01T18:00:00</v></c>' +
              '<c r="C1" t="d"><v>12:00:00</v></c>' +
              fml("D1", "=A1+1") +
              fml("E1", "=B1-A1+C1"),
          ),
        },
      ]),
    args: ["--json"],
    expect: { code: 0, stderr: /evaluated 2 formula/, stdout: /"S!D1": 45353,\n {2}"S!E1": 1\.25\n/, ...ROUTE },
  },
  {
    name: "iso-date-invalid",
    what: 'a date cell (t="d") holding text that is no date',
    make: (dir) =>
      packageFile(path.join(dir, "baddate.xlsx"), [
        { name: "S", xml: row(1, num("A1", 1)) + row(4, '<c r="B4" t="d"><v>2023-02-29</v></c>') },
      ]),
    expect: {
      code: 1,
      stderr:
        /send-model: could not read .*baddate\.xlsx as an xlsx workbook: sheet 'S' cell B4 is a date cell holding '2023-02-29', not a day of the calendar\n$/,
      ...ROUTE,
    },
  },
  {
    name: "shared-string-past-table",
    what: 'a shared-string cell (t="s") whose index 999 is past a table of 3 strings',
    make: (dir) =>
      packageFile(
        path.join(dir, "sst.xlsx"),
        [{ name: "S", xml: row(1, '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>999</v></c>' + fml("C1", "=B1*2")) }],
        (zip) =>
          addPart(
            zip,
            "xl/sharedStrings.xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
            `${XML}<sst xmlns="${MAIN}" count="3" uniqueCount="3"><si><t>a</t></si><si><t>b</t></si><si><t>c</t></si></sst>`,
          ),
      ),
    expect: {
      code: 1,
      stderr:
        /send-model: could not read .*sst\.xlsx as an xlsx workbook: sheet 'S' cell B1 refers to shared string 999, but its table holds 3 \(strings are numbered from 0\); the file is damaged\n$/,
      ...ROUTE,
    },
  },
  {
    name: "far-cells-number-named-sheet",
    what: 'a sheet named "2024" holding only A1 and XFD1048576 (plus a formula by each and one on another sheet)',
    make: (dir) =>
      packageFile(path.join(dir, "far2024.xlsx"), [
        { name: "Notes", xml: row(1, fml("A1", "='2024'!A1+'2024'!XFD1048576")) },
        {
          name: "2024",
          xml:
            row(1, num("A1", 1) + fml("B1", "=A1*2")) +
            row(1048576, fml("XFC1048576", "=XFD1048576+1") + num("XFD1048576", 5)),
        },
      ]),
    args: ["--json"],
    expect: {
      code: 0,
      stderr: /evaluated 3 formula/,
      stdout: /"Notes!A1": 6,\n {2}"2024!B1": 2,\n {2}"2024!XFC1048576": 6\n/,
      ...ROUTE,
    },
  },
  {
    name: "bare-range-spill",
    what: "formulas that are a range (=A1:A3, =Data!B1:B2, =Amounts naming a range), recalculated with --out",
    make: (dir) =>
      packageFile(
        path.join(dir, "barerange.xlsx"),
        [
          {
            name: "S",
            xml:
              row(1, num("A1", 1) + fml("B1", "=A1:A3") + fml("C1", "=Data!B1:B2") + fml("D1", "=Amounts")) +
              row(2, num("A2", 2)) +
              row(3, num("A3", 3)),
          },
          { name: "Data", xml: row(1, num("B1", 10)) + row(2, num("B2", 20)) },
        ],
        async (zip) => {
          const wb = await zip.file("xl/workbook.xml")!.async("string");
          zip.file(
            "xl/workbook.xml",
            wb.replace(
              "</sheets>",
              '</sheets><definedNames><definedName name="Amounts">S!$A$1:$A$3</definedName></definedNames>',
            ),
          );
        },
      ),
    args: (file) => ["--json", "--out", file.replace(/\.xlsx$/, ".out.xlsx")],
    expect: {
      code: 0,
      stderr: /wrote .*barerange\.out\.xlsx/,
      stdout:
        /"S!B1": 1,\n {2}"S!C1": 10,\n {2}"S!D1": 1,\n {2}"S!B2": 2,\n {2}"S!C2": 20,\n {2}"S!D2": 2,\n {2}"S!B3": 3,\n {2}"S!D3": 3\n/,
      ...ROUTE,
    },
  },
  {
    name: "external-links",
    what: "links to another workbook ('[1]My Sheet'!A1, [1]Sheet1!B2*2, one without a cached value) and a formula using them, with --out",
    make: (dir) => externalLinkBook(path.join(dir, "links.xlsx")),
    args: (file) => ["--json", "--out", file.replace(/\.xlsx$/, ".out.xlsx")],
    expect: {
      code: 3,
      stderr:
        /cannot evaluate S!A1: it refers to another workbook \(\[1\] Plan 2024\.xlsx\)[^]*3 cells could not be evaluated \(2 keeping Excel's cached values, the others shown as #VALUE!\)/,
      stdout: /"S!A1": 60,\n {2}"S!B1": 14,\n {2}"S!C1": 74,\n {2}"S!D1": \{"error":"#VALUE!"/,
      ...ROUTE,
    },
  },
];
