/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { expectAccessible, failOnConsoleError, modelPort, noExplain, previewPort, renderScreen } from "./helpers/setup";
import { HeadlessWorkbook } from "../../src/headless/workbook";
import { PreviewPort } from "../../src/taskpane/ports/PreviewPort";
import { buildPreviewModel } from "../../src/taskpane/preview/demoModel";
import { discoverModel } from "../../src/taskpane/workbook/discover";
import { writePlan } from "../../src/taskpane/actions/plan";
import { ALL_BLOCKS_HEADER, BLOCKS_HEADING } from "../../src/model/publish";
import { formatMoney } from "../../src/taskpane/numbers";

const yes = async () => true;
import { allocateAll, echoCalc, type Calc } from "./helpers/memoryBook";

const calc: Calc = (f, at, book) => {
  // Option A's second institution (D3) fails
  const alloc = allocateAll(f, (k) => (f.includes('"Option A"') && k === 2 ? { error: "#N/A", message: "x" } : 1000.1));
  if (alloc) return alloc;
  if (f.startsWith("=SEND.CHECK(")) return [["OK"]];
  return echoCalc(f, at, book);
};

describe("Publish screen", () => {
  failOnConsoleError();

  it("copies the model sheets as values only, keeps formula-like text as text, and adds a summary", async () => {
    const { port, book } = await modelPort(calc, undefined, 3);
    const input = {
      sheet: "Institutions",
      kind: "values" as const,
      blocks: [
        { topLeft: "A2", rows: [['=HYPERLINK("http://x")']] },
        { topLeft: "A3", rows: [["+44 1234"]] },
      ],
    };
    expect(await port.write(input)).toEqual({
      ok: false,
      reason: "WouldOverwrite",
      addresses: ["Institutions!A2", "Institutions!A3"],
    });
    expect(await port.write({ ...input, confirmOverwrite: true })).toEqual({
      ok: true,
      touched: ["Institutions!A2", "Institutions!A3"],
    });
    const { container } = await renderScreen(port, "publish");
    expect(screen.getByRole("checkbox", { name: "Checks" })).toHaveProperty("checked", false);
    expect(screen.getByRole("checkbox", { name: "Allocations" })).toHaveProperty("checked", true);
    fireEvent.click(screen.getByRole("button", { name: "Publish values-only copy" }));
    await screen.findByText(/Published Review Rates, Review Institutions, Review Allocations and Review summary/);
    expect(await port.sheetNames()).toEqual([
      "Rates",
      "Institutions",
      "Allocations",
      "Checks",
      "Review Rates",
      "Review Institutions",
      "Review Allocations",
      "Review summary",
    ]);
    // no formulas anywhere in the copies
    for (const s of ["Review Rates", "Review Institutions", "Review Allocations", "Review summary"]) {
      const f = await port.readFormulas(s, (await port.usedRange(s))!);
      expect(f.flat().filter((c) => typeof c === "string" && c.startsWith("="))).toEqual([]);
    }
    expect(await port.readValues("Review Institutions", "A2:A3")).toEqual([['=HYPERLINK("http://x")'], ["+44 1234"]]);
    expect(book.raw("Review Institutions", "A2")).toBe('\'=HYPERLINK("http://x")');
    expect(await port.readValues("Review Allocations", "A2:D3")).toEqual([
      ['=HYPERLINK("http://x")', "Primary", 1000.1, 1000.1],
      ["+44 1234", "Primary", 1000.1, "#N/A"],
    ]);
    const summary = await port.readValues("Review summary", "A1:C12");
    expect(summary).toContainEqual(["Institutions", 3, null]);
    expect(summary).toContainEqual(["Local (sample)", 3000.3, 0]);
    expect(summary).toContainEqual(["Option A", null, 1]);
    await expectAccessible(container);
  });

  it("shows the totals by DSG block, High Needs first, and labels the one total across blocks", async () => {
    // the real headless workbook, with the Blocks sheet the Plan action adds
    const port = new PreviewPort(HeadlessWorkbook.create({}), noExplain);
    await buildPreviewModel(port, 4);
    await writePlan(port, await discoverModel(port), { unmitigated: "Unmitigated", mitigated: "Mitigated" }, yes);
    const { container } = await renderScreen(port, "publish");
    expect(screen.getByRole("checkbox", { name: "Blocks" })).toHaveProperty("checked", true);
    fireEvent.click(screen.getByRole("button", { name: "Publish values-only copy" }));
    const totals = await screen.findByLabelText("Published totals", {}, { timeout: 15000 });
    const byBlock = within(totals).getByRole("table", { name: "Totals by DSG block" });
    // one row per option and block, High Needs first, as the summary sheet's block table reads across
    const shownRows = within(byBlock)
      .getAllByRole("row")
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole("cell")
          .map((c) => c.textContent),
      );
    expect(shownRows.filter((r) => r[0] === "Unmitigated").map((r) => r[1])).toEqual([
      "High needs",
      "Memo: Schools",
      "Memo: 16-19",
      "Memo: Early years",
    ]);
    expect(within(totals).getByRole("table", { name: "Total allocated, all blocks together" })).toBeTruthy();
    expect(within(totals).getByText(ALL_BLOCKS_HEADER)).toBeTruthy();
    // the screen says what the summary sheet says: the block totals are the Blocks sheet's own columns, summed
    const summary = await port.readValues("Review summary", (await port.usedRange("Review summary"))!);
    const at = summary.findIndex((r) => r[0] === BLOCKS_HEADING);
    expect(summary[at + 1]).toEqual(["Option", "High needs", "Memo: Schools", "Memo: 16-19", "Memo: Early years"]);
    const blocks = await port.readValues("Blocks", "A1:Z5");
    const hn = blocks[0].indexOf("Unmitigated: High needs");
    const hnTotal = blocks.slice(1).reduce((t, r) => t + Math.round((r[hn] as number) * 100), 0) / 100;
    const row = summary.find((r) => r[0] === "Unmitigated" && r !== summary[at + 1])!;
    expect(row[1]).toBe(hnTotal);
    expect(shownRows.find((r) => r[0] === "Unmitigated" && r[1] === "High needs")![2]).toBe(formatMoney(hnTotal));
    await expectAccessible(container);
  }, 60000);

  it("publishes nothing without a choice", async () => {
    const { port } = await modelPort(calc, undefined, 2);
    await renderScreen(port, "publish");
    for (const name of ["Rates", "Institutions", "Allocations"])
      fireEvent.click(screen.getByRole("checkbox", { name }));
    expect((screen.getByRole("button", { name: "Publish values-only copy" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("says when there is nothing to publish", async () => {
    await renderScreen(previewPort(), "publish");
    expect(screen.getByText(/no sheets to publish yet/)).toBeTruthy();
  });
});

describe("Publish as a separate file", () => {
  failOnConsoleError();

  it("builds a values-only xlsx of the chosen sheets with formats and totals, and leaves the workbook unchanged", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const { port } = await modelPort(calc, undefined, 3);
    const before = await port.sheetNames();
    const { container } = await renderScreen(port, "publish");
    fireEvent.click(screen.getByRole("button", { name: "Publish as a separate file" }));
    await screen.findByText(
      /Downloaded SEND model published \d{4}-\d\d-\d\d\.xlsx: Published summary, Rates, Institutions, Allocations/,
    );
    expect(await port.sheetNames()).toEqual(before);
    expect(port.downloads).toHaveLength(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(port.downloads[0].base64, "base64") as unknown as ArrayBuffer);
    let formulas = 0;
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.type === ExcelJS.ValueType.Formula) formulas++;
        }),
      ),
    );
    expect(formulas).toBe(0);
    const alloc = wb.getWorksheet("Allocations")!;
    expect(alloc.getCell("C2").value).toBe(1000.1);
    expect(alloc.getCell("D3").value).toEqual({ error: "#N/A" });
    expect(alloc.getCell("C2").numFmt).toBe("#,##0.00");
    expect(alloc.getCell("A5").value).toBe("Total");
    expect(alloc.getCell("C5").value).toBe(3000.3);
    expect(alloc.getCell("D5").value).toBe("1 cell with errors");
    expect(alloc.getCell("C5").numFmt).toBe("£#,##0.00");
    await expectAccessible(container);
  });
});
