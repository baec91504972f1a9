// Native line charts injected into an xlsx package: every part present, well-formed and linked (content
// types, sheet -> drawing -> chart relationships, the <drawing> element in its schema place), and the
// workbook still opens in exceljs with its cells and tables intact.
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { JSDOM } from "jsdom";
import { addLineCharts, lineChartXml, type LineChartSpec } from "../../src/headless/io/xlsxCharts";

const parser = new new JSDOM("").window.DOMParser();
function wellFormed(xml: string): boolean {
  return parser.parseFromString(xml, "application/xml").getElementsByTagName("parsererror").length === 0;
}

async function book(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Notes").getCell("A1").value = "read me";
  const ws = wb.addWorksheet("Plan & balance");
  ws.addRow(["Year", "Low", "High"]);
  ws.addRow([2025, 1, 3]);
  ws.addRow([2026, 2, 5]);
  ws.addTable({
    name: "Data",
    ref: "E1",
    columns: [{ name: "A" }, { name: "B" }],
    rows: [
      [1, 2],
      [3, 4],
    ],
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const spec = (title: string): LineChartSpec => ({
  sheet: "Plan & balance",
  title,
  categories: { ref: "'Plan & balance'!$A$2:$A$3", labels: [2025, 2026] },
  series: [
    { name: "Low <a>", ref: "'Plan & balance'!$B$2:$B$3", values: [1, 2], color: "1F4E79" },
    { name: "High", ref: "'Plan & balance'!$C$2:$C$3", values: [3, null], color: "C00000", dash: "dash" },
  ],
  at: { col: 7, row: 1, cols: 8, rows: 15 },
  valueFormat: '£#,##0,,"m"',
  yTitle: "£ million",
});

describe("native Excel line charts in an xlsx package", () => {
  it("adds chart, drawing, relationships and content types, all well-formed and linked", async () => {
    const out = await addLineCharts(await book(), [spec("First"), spec("Second")]);
    const zip = await JSZip.loadAsync(out);
    const read = (p: string) => zip.file(p)!.async("string");
    const types = await read("[Content_Types].xml");
    for (const part of ["/xl/charts/chart1.xml", "/xl/charts/chart2.xml", "/xl/drawings/drawing1.xml"])
      expect(types).toContain(`PartName="${part}"`);
    const chart = await read("xl/charts/chart1.xml");
    expect(wellFormed(chart)).toBe(true);
    expect(chart).toContain("<c:f>'Plan &amp; balance'!$B$2:$B$3</c:f>");
    expect(chart).toContain("<c:v>Low &lt;a&gt;</c:v>");
    expect(chart).toContain('<c:ptCount val="2"/><c:pt idx="0"><c:v>3</c:v></c:pt></c:numCache>'); // a gap, not a 0
    expect(chart).toContain('formatCode="£#,##0,,&quot;m&quot;"');
    const drawing = await read("xl/drawings/drawing1.xml");
    expect(wellFormed(drawing)).toBe(true);
    expect(drawing.match(/<xdr:twoCellAnchor/g)).toHaveLength(2);
    const drawingRels = await read("xl/drawings/_rels/drawing1.xml.rels");
    expect(drawingRels).toContain('Target="../charts/chart2.xml"');
    // the sheet links the drawing, and <drawing> comes before <tableParts> as the schema orders them
    const sheet = await read("xl/worksheets/sheet2.xml");
    expect(wellFormed(sheet)).toBe(true);
    const rid = /<drawing r:id="(rId\d+)"\/>/.exec(sheet)![1];
    expect(sheet.indexOf("<drawing ")).toBeLessThan(sheet.indexOf("<tableParts"));
    const sheetRels = await read("xl/worksheets/_rels/sheet2.xml.rels");
    expect(sheetRels).toMatch(new RegExp(`Id="${rid}" Type="[^"]+/drawing" Target="../drawings/drawing1.xml"`));
    expect(sheetRels).toMatch(/\/table"/); // the table's relationship is kept
    expect(await read("xl/worksheets/sheet1.xml")).not.toContain("<drawing");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ArrayBuffer);
    expect(wb.getWorksheet("Plan & balance")!.getCell("C2").value).toBe(3);
    expect(wb.getWorksheet("Plan & balance")!.getTable("Data")).toBeTruthy();
  });

  it("refuses a sheet that is not in the workbook, and a second drawing on one sheet", async () => {
    await expect(addLineCharts(await book(), [{ ...spec("x"), sheet: "Nope" }])).rejects.toThrow(/no sheet 'Nope'/);
    const once = await addLineCharts(await book(), [spec("x")]);
    await expect(addLineCharts(once, [spec("y")])).rejects.toThrow(/has a drawing already/);
  });

  it("writes a line chart part with both axes, a legend and the value format", () => {
    const xml = lineChartXml(spec("T"));
    expect(wellFormed(xml)).toBe(true);
    expect(xml).toMatch(/<c:lineChart>.*<c:ser>.*<c:ser>.*<\/c:lineChart><c:catAx>.*<c:valAx>/s);
    expect(xml).toContain('<a:prstDash val="dash"/>');
  });
});
