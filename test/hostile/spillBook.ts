// A workbook whose SEND.ALLOCATEALL spill grows on recalculation (saved by Excel with 3 institutions, now holding
// `n`), with everything a re-serialisation would lose: a chart on the growing sheet, a defined name used by a
// formula, and legacy and SHA-512 sheet protection (password hashes) on the sheet that grows.
import { xlsxBuffer } from "../../src/headless/xlsx";
import JSZip from "jszip";
import { INSTITUTIONS, RATES } from "../headless/functions/fixture";

export const SPILL_ANCHOR = "A2";
export const PROTECTION =
  '<sheetProtection password="CC1A" algorithmName="SHA-512" hashValue="x5L8G1GK2iUJrYGb/SnpIdGm3ICp1pM6OR2Q7uL4PAOzpy0IM/UGMqQcSmlv1YmFzpgQJu8n0fmrP5VGuObzJQ==" saltValue="2n6VPyE5HHxbM5BHR2Jd1A==" spinCount="100000" sheet="1" objects="1" scenarios="1"/>';
export const CHART_PART = "xl/charts/chart1.xml";
export const CHART =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:barChart><c:barDir val="col"/><c:ser><c:idx val="0"/><c:val><c:numRef><c:f>Calc!$A$2:$A$4</c:f></c:numRef></c:val></c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>';
const DRAWING =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const DEFINED_NAME = '<definedName name="Uplift">Rates!$C$6</definedName>';

/** Institutions Alpha..Delta repeated to `n` rows (each named apart). */
function institutions(n: number) {
  const body = INSTITUTIONS.slice(1);
  return [
    INSTITUTIONS[0],
    ...Array.from({ length: n }, (_, i) => body[i % 4].map((v, c) => (c === 0 ? `${v} ${i}` : v))),
  ];
}

/** The package's bytes: Calc!A2 spills one total per institution; the file holds the spill of 3. */
export async function spillBook(n: number): Promise<Buffer> {
  const formula = `=SEND.ALLOCATEALL(Rates!A1:E40,"Baseline",Inst!A1:K${n + 1})`;
  const built = await xlsxBuffer([
    { name: "Rates", cells: RATES },
    { name: "Inst", cells: institutions(n) },
    {
      name: "Calc",
      cells: [["Total", null, "=Uplift*2"], [formula]],
      values: [["Total", null, 6000], [39500], [305000], [84000]],
      spills: new Map([[SPILL_ANCHOR, "A2:A4"]]),
    },
  ]);
  const zip = await JSZip.loadAsync(built);
  const calc = "xl/worksheets/sheet3.xml";
  const sheet = await zip.file(calc)!.async("string");
  if (!sheet.includes('<f t="array" ref="A2:A4">') || !sheet.includes('cm="1"')) throw new Error("no dynamic array");
  zip.file(
    calc,
    sheet
      .replace("</sheetData>", `</sheetData>${PROTECTION}`)
      .replace(/<worksheet\b[^>]*?(?=>)/, (open) => (open.includes("xmlns:r=") ? open : `${open} xmlns:r="${REL}"`))
      .replace("</worksheet>", '<drawing r:id="rIdChart"/></worksheet>'),
  );
  zip.file(
    "xl/worksheets/_rels/sheet3.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdChart" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
  );
  zip.file("xl/drawings/drawing1.xml", DRAWING);
  zip.file(
    "xl/drawings/_rels/drawing1.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
  );
  zip.file(CHART_PART, CHART);
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
        '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
    ),
  );
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  zip.file(
    "xl/workbook.xml",
    wb.includes("<definedNames>")
      ? wb.replace("<definedNames>", `<definedNames>${DEFINED_NAME}`)
      : wb.replace("</sheets>", `</sheets><definedNames>${DEFINED_NAME}</definedNames>`),
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
