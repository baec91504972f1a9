/** @jest-environment jsdom */
// Re-importing updated data into a model the officer has worked on: "Replace institutions only" keeps every rate
// and option; a whole rewrite names in words what it would change, options first, and changes nothing if declined.
import fs from "node:fs";
import path from "node:path";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { colLetters, parseRangeOrThrow } from "../../src/util/a1";
import type { PreviewPort } from "../../src/taskpane/ports/PreviewPort";
import { failOnConsoleError, previewPort, renderScreen, uploadCsv } from "./helpers/setup";

const CSV = fs.readFileSync(path.join(__dirname, "../import/fixtures/officer-schools.csv"), "utf8");
/** the same list a month later: the last school gone */
const FEWER = CSV.trimEnd().split("\n").slice(0, -1).join("\n") + "\n";

/** The officer's work on the model: a second option with a rate typed in it. */
async function addOptionB(port: PreviewPort): Promise<string> {
  const used = parseRangeOrThrow((await port.usedRange("Rates"))!);
  const col = colLetters(used.right + 1);
  const w = await port.write({
    sheet: "Rates",
    kind: "values",
    blocks: [
      { topLeft: `${col}1`, rows: [["Option B"]] },
      { topLeft: `${col}3`, rows: [[1234]] },
    ],
  });
  expect(w.ok).toBe(true);
  return col;
}

async function importFresh() {
  uploadCsv(CSV);
  await screen.findByText("30 institutions to import.");
  fireEvent.click(screen.getByRole("button", { name: "Import" }));
  await screen.findByText(/Imported 30 institutions/);
}

describe("re-import into a worked-on model", () => {
  failOnConsoleError();

  it("Replace institutions only is the default and keeps Rates and every option", async () => {
    const port = previewPort();
    const { unmount } = await renderScreen(port, "import");
    await importFresh();
    unmount();
    const col = await addOptionB(port);
    const ratesBefore = await port.readFormulas("Rates", (await port.usedRange("Rates"))!);

    await renderScreen(port, "import");
    uploadCsv(FEWER);
    await screen.findByText("29 institutions to import.");
    const only = screen.getByRole("radio", { name: /^Replace institutions only/ }) as HTMLInputElement;
    expect(only.checked).toBe(true);
    expect(screen.queryByLabelText("Candidate option name")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Import" }));

    // one row fewer: the old last row is cleared, said in words
    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    const changes = within(dialog).getByRole("list", { name: "What would change", hidden: true });
    expect(changes.textContent).toMatch(/Institutions: \d+ cells on 1 row, in 'Name' \(1\)/);
    // the last row's Name and Phase go, and each option's spilling formula reads the shorter table
    expect(changes.textContent).toMatch(
      /Allocations: 3 cells on 2 rows, in 'Name' \(1\), 'Phase' \(1\) and 'Option A' \(1\)/,
    );
    expect(changes.textContent).not.toMatch(/Rates/);
    expect(within(dialog).queryByRole("list", { name: "Options affected", hidden: true })).toBeNull();
    fireEvent.click(within(dialog).getByRole("button", { name: "Overwrite", hidden: true }));

    await screen.findByText(/Imported 29 institutions into Institutions.*Rates and its options were kept as they were/);
    expect(await port.readFormulas("Rates", (await port.usedRange("Rates"))!)).toEqual(ratesBefore);
    expect(await port.readValues("Rates", `${col}1:${col}3`)).toEqual([["Option B"], [null], [1234]]);
    expect(await port.usedRange("Institutions")).toMatch(/:[A-Z]+30$/);
    expect(await port.usedRange("Allocations")).toMatch(/:[A-Z]+30$/);
  });

  it("a whole rewrite names the option it would delete and, declined, changes nothing", async () => {
    const port = previewPort();
    const { unmount } = await renderScreen(port, "import");
    await importFresh();
    unmount();
    const col = await addOptionB(port);
    const sheets = await port.sheetNames();
    const before = await Promise.all(sheets.map(async (s) => port.readFormulas(s, (await port.usedRange(s))!)));

    await renderScreen(port, "import");
    uploadCsv(FEWER);
    await screen.findByText("29 institutions to import.");
    fireEvent.click(screen.getByRole("radio", { name: /^Rewrite its sheets/ }));
    fireEvent.change(screen.getByLabelText("Candidate option name"), { target: { value: "Option C" } });
    fireEvent.click(screen.getByRole("button", { name: "Import" }));

    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    const options = await within(dialog).findByRole("list", { name: "Options affected", hidden: true });
    expect(options.textContent).toContain("Option 'Option B' on Rates would be deleted or renamed (2 cells");
    expect(options.textContent).toContain("Option 'Option A' on Rates would be deleted or renamed");
    expect(within(dialog).getByRole("list", { name: "What would change", hidden: true }).textContent).toMatch(
      new RegExp(`Rates: \\d+ cells on \\d+ rows, in .*'Option B' \\(2\\)`),
    );
    fireEvent.click(within(dialog).getByRole("button", { name: "Keep existing cells", hidden: true }));
    await screen.findByText(/Nothing was written/);
    await waitFor(async () => expect(await port.sheetNames()).toEqual(sheets));
    const after = await Promise.all(sheets.map(async (s) => port.readFormulas(s, (await port.usedRange(s))!)));
    expect(after).toEqual(before);
    expect(await port.readValues("Rates", `${col}1`)).toEqual([["Option B"]]);
  });
});
