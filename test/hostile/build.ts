// Builds hostile xlsx packages from text, so the suite commits generators, not binaries. A minimal package
// (content types, workbook, its relationships, one part per sheet) is what Excel and exceljs need to open it.
import JSZip from "jszip";
import { cellA1 } from "../../src/util/a1";

export interface RawSheet {
  name: string;
  /** the <sheetData> contents (rows and cells), or the whole worksheet XML when it starts with "<?xml" */
  xml: string;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A1 name of a 0-based row and column. */
export function a1(row: number, col: number): string {
  return cellA1(row + 1, col + 1);
}

/** A number cell, a formula cell (no cached value) and an inline-text cell. */
export const num = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;
export const fml = (ref: string, f: string) => `<c r="${ref}"><f>${esc(f.replace(/^=/, ""))}</f></c>`;
export const row = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;

export function worksheetXml(sheetData: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    sheetData +
    "</sheetData></worksheet>"
  );
}

/** The parts of a minimal workbook, by path in the package. */
export function partsOf(sheets: readonly RawSheet[]): { name: string; content: string }[] {
  const parts: { name: string; content: string }[] = [];
  const zip = { file: (name: string, content: string) => parts.push({ name, content }) };
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join("") +
      "</Types>",
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      "</Relationships>",
  );
  zip.file(
    "xl/workbook.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
      sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
      "</sheets></workbook>",
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join("") +
      "</Relationships>",
  );
  sheets.forEach((s, i) =>
    zip.file(`xl/worksheets/sheet${i + 1}.xml`, s.xml.startsWith("<?xml") ? s.xml : worksheetXml(s.xml)),
  );
  return parts;
}

/** The zip object of a minimal workbook (add or replace parts before generating). */
export function packageOf(sheets: readonly RawSheet[]): JSZip {
  const zip = new JSZip();
  for (const p of partsOf(sheets)) zip.file(p.name, p.content);
  return zip;
}

/** A minimal workbook as bytes (deflated). */
export async function xlsxOf(sheets: readonly RawSheet[]): Promise<Buffer> {
  return packageOf(sheets).generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 9 },
  });
}

/** <sheetData> rows for a grid of plain cells (numbers, inline text, TRUE/FALSE, "=" formulas). */
export function gridXml(cells: readonly (readonly (string | number | boolean | null)[])[]): string {
  return cells
    .map((line, r) =>
      row(
        r + 1,
        line
          .map((v, c) => {
            const ref = a1(r, c);
            if (v === null) return "";
            if (typeof v === "number") return num(ref, v);
            if (typeof v === "boolean") return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
            if (v.startsWith("=")) return fml(ref, v);
            return `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
          })
          .join(""),
      ),
    )
    .join("");
}
