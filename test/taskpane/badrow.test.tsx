/** @jest-environment jsdom */
// One bad row is one bad row, on the real headless engine: an "n/a" typed in one institution's count makes that
// row an error; Compare names it (row, name, cause), totals the others and says how to fix it; Fit says the row,
// not the budget, is what stops it.
import { fireEvent, screen } from "@testing-library/react";
import { HeadlessWorkbook } from "../../src/headless/workbook";
import { PreviewPort } from "../../src/taskpane/ports/PreviewPort";
import { buildPreviewModel } from "../../src/taskpane/preview/demoModel";
import { colLetters } from "../../src/util/a1";
import { failOnConsoleError, noExplain, renderScreen } from "./helpers/setup";

async function modelWithBadRow(): Promise<{ port: PreviewPort; name: string }> {
  const port = new PreviewPort(HeadlessWorkbook.create({}), noExplain);
  await buildPreviewModel(port, 6);
  const [header] = await port.readValues("Institutions", "A1:AZ1");
  const col = header.findIndex((h) => typeof h === "string" && /^EHCP /.test(h)) + 1;
  expect(col).toBeGreaterThan(0);
  const w = await port.write({
    sheet: "Institutions",
    kind: "values",
    blocks: [{ topLeft: `${colLetters(col)}4`, rows: [["n/a"]] }],
    confirmOverwrite: true,
  });
  expect(w.ok).toBe(true);
  const [[name]] = await port.readValues("Institutions", "A4");
  return { port, name: String(name) };
}

describe("one bad row", () => {
  failOnConsoleError();

  it("Compare leaves it out of the totals it shows, names its row and cause, and says how to fix it", async () => {
    const { port, name } = await modelWithBadRow();
    await renderScreen(port, "compare");
    fireEvent.click(screen.getByRole("button", { name: "Write comparison sheet" }));
    const results = await screen.findByLabelText("Comparison results", {}, { timeout: 20000 });
    const text = results.textContent ?? "";
    expect(text).toMatch(new RegExp(`1 row in error, left out: row 4 '${name}', .*not a number`));
    expect(text).toContain("The totals below are of the other 5 institutions");
    expect(text).toContain("correct the institution's cell on row 4 of Institutions");
    // the totals shown are numbers, not #VALUE!
    expect(results.querySelector("dl")?.textContent).toMatch(/^Total .+£[\d,]+\.\d\dTotal .+£[\d,]+\.\d\dDifference/);
  }, 60000);

  it("Fit names the bad row as the cause, not the budget", async () => {
    const { port, name } = await modelWithBadRow();
    await renderScreen(port, "fit");
    const warn = await screen.findByText(/row in error, left out/, {}, { timeout: 20000 });
    expect(warn.textContent).toMatch(new RegExp(`1 row in error, left out: row 4 '${name}', .*not a number`));
    expect(screen.getByText(/Current total of .* \(the 5 rows that compute\)/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Budget/), { target: { value: "£5m" } });
    fireEvent.click(screen.getByRole("button", { name: "Write SEND.FIT column" }));
    const why = await screen.findByText(
      /could not be fitted because of its rows in error, not the budget/,
      {},
      {
        timeout: 20000,
      },
    );
    expect(why.textContent).toContain(`row 4 '${name}'`);
    expect(why.textContent).toContain("Correct row 4 on Institutions");
    expect(screen.queryByText(/The budget cannot be met/)).toBeNull();
  }, 60000);
});
