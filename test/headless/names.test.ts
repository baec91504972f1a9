// Excel semantics the file asks for: defined names, array arithmetic, structured references refused by name.
import JSZip from "jszip";
import { readXlsxBuffer } from "../../src/headless/xlsx";
import { formulaResults, loadHostIsolated, markFailed, snapshot } from "../../src/headless/io/bridge";
import { fml, num, packageOf, row } from "../hostile/build";

async function bookWithNames(names: string, sheetData: string) {
  const zip: JSZip = packageOf([{ name: "Data", xml: sheetData }]);
  const wbXml = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", wbXml.replace("</sheets>", `</sheets><definedNames>${names}</definedNames>`));
  return readXlsxBuffer(await zip.generateAsync({ type: "nodebuffer" }));
}

function results(book: Awaited<ReturnType<typeof readXlsxBuffer>>) {
  const { wb, failed, rewritten } = loadHostIsolated(book);
  const snaps = snapshot(wb);
  markFailed(snaps, failed, rewritten);
  return Object.fromEntries(formulaResults(snaps));
}

describe("headless Excel semantics", () => {
  it("evaluates workbook and sheet-scoped defined names, range and constant", async () => {
    const book = await bookWithNames(
      '<definedName name="Amounts">Data!$A$1:$A$3</definedName><definedName name="Rate" localSheetId="0">0.5</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">Data!$A$1:$B$3</definedName>',
      row(1, num("A1", 10) + fml("B1", "=SUM(Amounts)*Rate")) + row(2, num("A2", 20)) + row(3, num("A3", 30)),
    );
    expect(results(book)["Data!B1"]).toBe(30);
  });

  it("multiplies ranges element-wise, as Excel 365 does (140, not 10)", async () => {
    const book = await bookWithNames(
      "",
      row(1, num("A1", 1) + num("B1", 10) + fml("C1", "=SUM(A1:A3*B1:B3)")) +
        row(2, num("A2", 2) + num("B2", 20)) +
        row(3, num("A3", 3) + num("B3", 30)),
    );
    expect(results(book)["Data!C1"]).toBe(140);
  });

  it("gives a structured reference an error naming the feature, never a number", async () => {
    const book = await bookWithNames("", row(1, num("A1", 1) + fml("B1", "=SUM(Table1[Amount])") + fml("C1", "=A1+1")));
    const got = results(book);
    expect(got["Data!B1"]).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(
        /^Data!B1: the headless engine does not evaluate structured references \(Table1\[Amount\]\)/,
      ),
    });
    expect(got["Data!C1"]).toBe(2);
  });

  it("keeps Excel's cached value of a structured reference (not recalculated), and its dependents use it", async () => {
    const book = await bookWithNames(
      "",
      row(
        1,
        '<c r="A1"><f>SUM(Table1[Amount])</f><v>60</v></c><c r="B1" t="str"><f>Table1[[#This Row],[Name]]</f><v>=x</v></c>' +
          fml("C1", "=A1*2") +
          fml("D1", "=B1"),
      ),
    );
    const { wb, failed, rewritten } = loadHostIsolated(book);
    expect(failed.map((f) => [f.a1, f.kept])).toEqual([
      ["A1", 60],
      ["B1", "=x"],
    ]);
    expect(failed[0].message).toMatch(/^Data!A1: .*structured references.*; Excel's cached value \(60\) is kept$/);
    const snaps = snapshot(wb);
    markFailed(snaps, failed, rewritten);
    const got = Object.fromEntries(formulaResults(snaps));
    expect(got).toEqual({ "Data!A1": 60, "Data!B1": "=x", "Data!C1": 120, "Data!D1": "=x" });
    expect(snaps[0].cells[0][0]).toBe("=SUM(Table1[Amount])"); // the formula as read
  });
});
