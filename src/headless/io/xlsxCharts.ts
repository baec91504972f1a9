// Native Excel line charts added to an xlsx package: exceljs cannot write charts, so the DrawingML parts are
// injected into the zip (xl/charts/chartN.xml, xl/drawings/drawingN.xml, their relationships, the sheet's
// <drawing> element and the content types). Series read live cell ranges, so Excel redraws them when the
// numbers change; the values given are the cached points shown before any recalculation.
import JSZip from "jszip";
import { deterministicZip } from "./dynamicArrays";
import { escapeXml } from "./xmlText";

export interface ChartSeries {
  name: string;
  /** an absolute range of the values, e.g. 'Demand'!$D$24:$D$39 */
  ref: string;
  /** the cached values (null for a gap) */
  values: readonly (number | null)[];
  /** line colour, RRGGBB */
  color: string;
  dash?: "solid" | "dash";
}

export interface LineChartSpec {
  /** the sheet the chart sits on (its name in the workbook) */
  sheet: string;
  title: string;
  /** the category (x axis) range and its cached labels */
  categories: { ref: string; labels: readonly (string | number)[] };
  series: readonly ChartSeries[];
  /** 0-based top-left cell and size in cells */
  at: { col: number; row: number; cols: number; rows: number };
  /** number format of the value axis, e.g. "#,##0" or "£#,##0,,\"m\"" */
  valueFormat: string;
  yTitle?: string;
}

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_CHART = `${NS_R}/chart`;
const REL_DRAWING = `${NS_R}/drawing`;
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";

function richText(text: string, size: number): string {
  return `<c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr><a:r><a:rPr lang="en-GB" sz="${size}" b="1"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

function numCache(values: readonly (number | null)[], format: string): string {
  const pts = values
    .map((v, i) => (v === null || !Number.isFinite(v) ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
    .join("");
  return `<c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function categories(c: LineChartSpec["categories"]): string {
  const pts = c.labels.map((l, i) => `<c:pt idx="${i}"><c:v>${escapeXml(String(l))}</c:v></c:pt>`).join("");
  return `<c:cat><c:strRef><c:f>${escapeXml(c.ref)}</c:f><c:strCache><c:ptCount val="${c.labels.length}"/>${pts}</c:strCache></c:strRef></c:cat>`;
}

/** The chart part: one line chart, categories across, a value axis with the given format, legend below. */
export function lineChartXml(spec: LineChartSpec): string {
  const series = spec.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>` +
        `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill>` +
        `<a:prstDash val="${s.dash === "dash" ? "dash" : "solid"}"/><a:round/></a:ln></c:spPr>` +
        `<c:marker><c:symbol val="none"/></c:marker>${categories(spec.categories)}` +
        `<c:val><c:numRef><c:f>${escapeXml(s.ref)}</c:f>${numCache(s.values, spec.valueFormat)}</c:numRef></c:val>` +
        `<c:smooth val="0"/></c:ser>`,
    )
    .join("");
  const yTitle = spec.yTitle ? `<c:title>${richText(spec.yTitle, 1000)}<c:overlay val="0"/></c:title>` : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:roundedCorners val="0"/><c:chart><c:title>${richText(spec.title, 1400)}<c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}` +
    `<c:marker val="1"/><c:axId val="500000001"/><c:axId val="500000002"/></c:lineChart>` +
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:majorGridlines/>${yTitle}<c:numFmt formatCode="${escapeXml(spec.valueFormat)}" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/>` +
    `<c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function anchorXml(spec: LineChartSpec, rid: string, id: number): string {
  const { col, row, cols, rows } = spec.at;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">` +
    `<xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${col + cols}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row + rows}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="${escapeXml(spec.title)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="${rid}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function rels(items: readonly { id: string; type: string; target: string }[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG}">` +
    items.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join("") +
    `</Relationships>`
  );
}

async function text(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path);
  if (!f) throw new Error(`the xlsx package has no ${path}`);
  return f.async("string");
}

/** xl/worksheets/sheetK.xml of a sheet name, from the workbook part and its relationships. */
async function sheetPart(zip: JSZip, name: string): Promise<string> {
  const wb = await text(zip, "xl/workbook.xml");
  const m = new RegExp(`<sheet [^>]*name="${escapeXml(name).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`).exec(wb);
  const rid = m && /r:id="([^"]+)"/.exec(m[0])?.[1];
  if (!rid) throw new Error(`no sheet '${name}' in the workbook`);
  const wbRels = await text(zip, "xl/_rels/workbook.xml.rels");
  const rel = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*/>`).exec(wbRels)?.[0];
  const target = rel && /Target="([^"]+)"/.exec(rel)?.[1];
  if (!target) throw new Error(`no part for sheet '${name}'`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/** Elements that must follow <drawing> in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER_DRAWING =
  /<(legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)[\s>/]/;

/** Adds the charts to an xlsx package (one drawing per sheet that has charts); returns the new package. */
export async function addLineCharts(xlsx: Uint8Array, specs: readonly LineChartSpec[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const count = (prefix: string) => Object.keys(zip.files).filter((f) => f.startsWith(prefix)).length;
  let chartNo = count("xl/charts/chart");
  let drawingNo = count("xl/drawings/drawing");
  let types = await text(zip, "[Content_Types].xml");
  const bySheet = new Map<string, LineChartSpec[]>();
  for (const s of specs) bySheet.set(s.sheet, [...(bySheet.get(s.sheet) ?? []), s]);

  for (const [sheet, charts] of bySheet) {
    const part = await sheetPart(zip, sheet);
    let xml = await text(zip, part);
    if (/<drawing\s/.test(xml)) throw new Error(`sheet '${sheet}' has a drawing already`);
    const drawing = `xl/drawings/drawing${++drawingNo}.xml`;
    const anchors: string[] = [];
    const drawingRels: { id: string; type: string; target: string }[] = [];
    charts.forEach((spec, i) => {
      const chart = `chart${++chartNo}.xml`;
      zip.file(`xl/charts/${chart}`, lineChartXml(spec));
      types = types.replace("</Types>", `<Override PartName="/xl/charts/${chart}" ContentType="${CT_CHART}"/></Types>`);
      drawingRels.push({ id: `rId${i + 1}`, type: REL_CHART, target: `../charts/${chart}` });
      anchors.push(anchorXml(spec, `rId${i + 1}`, i + 1));
    });
    zip.file(
      drawing,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors.join("")}</xdr:wsDr>`,
    );
    zip.file(drawing.replace("drawings/", "drawings/_rels/") + ".rels", rels(drawingRels));
    types = types.replace("</Types>", `<Override PartName="/${drawing}" ContentType="${CT_DRAWING}"/></Types>`);

    // the sheet's relationship to its drawing, and the <drawing> element in its place
    const relsPath = part.replace(/([^/]+)$/, "_rels/$1.rels");
    const existing = zip.file(relsPath) ? await text(zip, relsPath) : rels([]);
    const ids = [...existing.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
    const rid = `rId${Math.max(0, ...ids) + 1}`;
    const target = `../drawings/${drawing.replace(/^.*\//, "")}`;
    zip.file(
      relsPath,
      existing.replace(
        /<\/Relationships>\s*$|<Relationships([^>]*)\/>\s*$/,
        (m, attrs?: string) =>
          `${m.startsWith("</") ? "" : `<Relationships${attrs}>`}<Relationship Id="${rid}" Type="${REL_DRAWING}" Target="${target}"/></Relationships>`,
      ),
    );
    if (!/xmlns:r="/.test(xml.slice(0, xml.indexOf(">", xml.indexOf("<worksheet")))))
      xml = xml.replace("<worksheet", `<worksheet xmlns:r="${NS_R}"`);
    const el = `<drawing r:id="${rid}"/>`;
    const at = AFTER_DRAWING.exec(xml);
    xml = at
      ? `${xml.slice(0, at.index)}${el}${xml.slice(at.index)}`
      : xml.replace("</worksheet>", `${el}</worksheet>`);
    zip.file(part, xml);
  }
  zip.file("[Content_Types].xml", types);
  return deterministicZip(zip);
}
