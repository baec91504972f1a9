// `recalc --out` changes only cached values: formula text (quoted sheet names, _xlfn. prefixes), charts,
// comments, tables, sheet protection and dynamic-array metadata come back byte for byte.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readXlsxBuffer } from "../../src/headless/xlsx";
import { tableBook } from "../hostile/tableBook";
import { WRITE_INPUTS } from "../hostile/writeInputs";
import {
  CHART as SPILL_CHART,
  CHART_PART,
  DEFINED_NAME,
  PROTECTION,
  SPILL_ANCHOR,
  spillBook,
} from "../hostile/spillBook";

const ROOT = path.join(__dirname, "../..");
const BIN = path.join(ROOT, "bin/send-model.js");

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "send-roundtrip-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const CHART =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:barChart><c:barDir val="col"/><c:ser><c:idx val="0"/><c:val><c:numRef><c:f>\'2024\'!$A$1:$A$3</c:f></c:numRef></c:val></c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>';
const DRAWING =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>';

/** A workbook with everything exceljs would lose or rewrite; the chart is added to the package by hand. */
async function hostileBook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const y = wb.addWorksheet("2024");
  y.getCell("A1").value = 1;
  y.getCell("A2").value = 2;
  y.getCell("A3").value = 3;
  y.getCell("A1").note = "a comment that must stay";
  y.addTable({ name: "Amounts", ref: "B1", headerRow: true, columns: [{ name: "Amount" }], rows: [[10], [20]] });
  await y.protect("secret", { selectLockedCells: true });
  const calc = wb.addWorksheet("Calc");
  calc.getCell("A1").value = { formula: "SUM('2024'!A1:A3)", result: 0 } as ExcelJS.CellValue;
  calc.getCell("A2").value = { formula: "_xlfn.PERCENTILE.EXC('2024'!A1:A3,0.5)", result: 0 } as ExcelJS.CellValue;
  calc.getCell("A3").value = { formula: "'2024'!A2*1E+2", result: 0 } as ExcelJS.CellValue;
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  zip.file("xl/charts/chart1.xml", CHART);
  zip.file("xl/drawings/drawing1.xml", DRAWING);
  zip.file(
    "xl/drawings/_rels/drawing1.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>',
  );
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

async function parts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort())
    if (!zip.files[name].dir) out.set(name, await zip.files[name].async("string"));
  return out;
}

describe("recalc --out keeps what it does not compute", () => {
  it("changes only the cached values of formula cells", async () => {
    const input = path.join(dir, "in.xlsx");
    const output = path.join(dir, "out.xlsx");
    await hostileBook(input);
    const r = spawnSync(process.execPath, [BIN, "recalc", input, "--out", output], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.stderr).not.toMatch(/re-serialised/);
    expect(r.status).toBe(0);
    const before = await parts(input);
    const after = await parts(output);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, text] of before) {
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name))
        expect({ name, text: after.get(name) }).toEqual({ name, text });
    }
    const calcPart = [...before.keys()].find((n) => before.get(n)!.includes("PERCENTILE.EXC"))!;
    const calc = after.get(calcPart)!;
    // formulas exactly as written: quotes, _xlfn. prefix, exponent literal
    const text = before.get(calcPart)!;
    expect(text).toContain("<f>SUM(&apos;2024&apos;!A1:A3)</f><v>0</v>"); // as exceljs wrote it, result 0
    expect(calc).toBe(
      text
        .replace("A1:A3)</f><v>0</v>", "A1:A3)</f><v>6</v>")
        .replace("0.5)</f><v>0</v>", "0.5)</f><v>2</v>")
        .replace("1E+2</f><v>0</v>", "1E+2</f><v>200</v>"),
    );
    expect(calc).toContain("<f>_xlfn.PERCENTILE.EXC(&apos;2024&apos;!A1:A3,0.5)</f><v>2</v>");
    // the protected sheet (and its password hash) untouched
    const yearPart = [...before.keys()].find((n) => before.get(n)!.includes("sheetProtection"))!;
    expect(after.get(yearPart)).toBe(before.get(yearPart));
  }, 120_000);
});

describe("recalc --out when a spill grows past the cells the file has", () => {
  it("adds the spill's cells and keeps the chart, the defined name and the protection hash", async () => {
    const input = path.join(dir, "grows.xlsx");
    const output = path.join(dir, "grows-out.xlsx");
    fs.writeFileSync(input, await spillBook(10)); // saved with a spill of 3; the Inst sheet now holds 10
    const r = spawnSync(process.execPath, [BIN, "recalc", input, "--out", output], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: expect.stringContaining("wrote") });
    expect(r.stderr).not.toMatch(/re-serialised/);
    const before = await parts(input);
    const after = await parts(output);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, text] of before)
      if (name !== "xl/worksheets/sheet3.xml") expect({ name, text: after.get(name) }).toEqual({ name, text });
    expect(after.get(CHART_PART)).toBe(SPILL_CHART);
    expect(after.get("xl/workbook.xml")).toContain(DEFINED_NAME);
    const calc = after.get("xl/worksheets/sheet3.xml")!;
    expect(calc).toContain(`</sheetData>${PROTECTION}`);
    expect(calc).toContain('<drawing r:id="rIdChart"/>');
    expect(calc).toContain(`<c r="${SPILL_ANCHOR}" cm="1"><f t="array" ref="A2:A11">`);
    expect(calc).toContain('<dimension ref="A1:C11"/>');
    // read back by our reader (and so exceljs): every institution's total, in order, and the name still works
    const book = await readXlsxBuffer(fs.readFileSync(output));
    const cached = book.sheets.find((s) => s.name === "Calc")!.cached;
    expect(cached.slice(1).map((row) => row[0])).toEqual([
      39500, 305000, 84000, 60000, 39500, 305000, 84000, 60000, 39500, 305000,
    ]);
    expect(cached[0][2]).toBe(6000); // =Uplift*2
    expect(book.names?.map((n) => n.name)).toEqual(["Uplift"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(output) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet("Calc")!.getCell("A11").value).toBe(305000);
  }, 120_000);
});

describe("recalc --out with structured references", () => {
  const run = async (name: string, table: boolean) => {
    const input = path.join(dir, `${name}.xlsx`);
    const output = path.join(dir, `${name}-out.xlsx`);
    fs.writeFileSync(input, await tableBook({ table }));
    const r = spawnSync(process.execPath, [BIN, "recalc", input, "--out", output, "--json"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 120_000,
    });
    return { ...r, sheet: (await parts(output)).get("xl/worksheets/sheet1.xml")! };
  };

  it("evaluates them from the table's definition (Table1[Amount] is 60) and leaves their text as written", async () => {
    const r = await run("table", true);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: expect.stringContaining("wrote") });
    expect(JSON.parse(r.stdout)).toEqual({
      "Data!D1": 60,
      "Data!B2": 20,
      "Data!D2": 80,
      "Data!B3": 40,
      "Data!D3": 60,
      "Data!B4": 60,
      "Data!D4": 12, // ROWS(Table1[#All]) 4 × COUNT of header and data 3
    });
    expect(r.sheet).toContain("<f>SUM(Table1[Amount])</f><v>60</v>");
    expect(r.sheet).toContain("<f>Table1[[#This Row],[Amount]]*2</f><v>40</v>");
    expect(r.sheet).toContain("<f>D1+B2</f><v>80</v>");
  }, 120_000);

  it("without the table's definition keeps Excel's cached values (60, not #VALUE!), counted as not recalculated", async () => {
    const r = await run("notable", false);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/cannot evaluate Data!D1: .*structured references.*Excel's cached value \(60\) is kept/);
    expect(r.stderr).toMatch(/5 cells could not be evaluated \(keeping Excel's cached values\)/);
    expect(JSON.parse(r.stdout)).toMatchObject({ "Data!D1": 60, "Data!B3": 40, "Data!D2": 80, "Data!D3": 60 });
    expect(r.sheet).toContain("<f>SUM(Table1[Amount])</f><v>60</v>");
    expect(r.sheet).toContain("<f>Table1[[#This Row],[Amount]]*2</f><v>40</v>");
    expect(r.sheet).not.toContain("#VALUE!");
  }, 120_000);
});

describe("recalc --out that cannot patch the file", () => {
  it("refuses naming the cell and writes nothing (no re-serialised copy without its parts)", async () => {
    const input = await WRITE_INPUTS.find((i) => i.name === "shared-formula-spills")!.make(dir, "small");
    const output = path.join(dir, "refused-out.xlsx");
    const r = spawnSync(process.execPath, [BIN, "recalc", input, "--out", output], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot write .*refused-out\.xlsx: S!A1: its formula is shared with other cells/);
    expect(fs.existsSync(output)).toBe(false);
  }, 120_000);
});
