/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { expectAccessible, failOnConsoleError, modelPort, previewPort, renderScreen } from "./helpers/setup";
import { echoCalc, type Calc } from "./helpers/memoryBook";
import { keyRowIndex } from "../../src/model/rates";

const checkCalc =
  (rows: (string | null)[][]): Calc =>
  (f, at, book) =>
    f.startsWith("=SEND.CHECK(") ? rows : echoCalc(f, at, book);

async function ratesGrid(port: Awaited<ReturnType<typeof modelPort>>["port"]) {
  const used = (await port.usedRange("Rates"))!;
  return port.readValues("Rates", used) as Promise<(string | number | null)[][]>;
}

describe("Options screen", () => {
  failOnConsoleError();

  it("asks for a model when there is no rates table", async () => {
    await renderScreen(previewPort(), "options");
    expect(screen.getByText(/no rates table yet/)).toBeTruthy();
  });

  it("lists options with their parents and shows an option's differences", async () => {
    const { port } = await modelPort();
    await port.write({
      sheet: "Rates",
      kind: "values",
      blocks: [{ topLeft: "G" + (keyRowIndex(await ratesGrid(port), "topup.mainstream.band3") + 1), rows: [[5000]] }],
    });
    const { container } = await renderScreen(port, "options");
    const table = screen.getByRole("table", { name: "Options in the rates table" });
    expect(within(table).getByText("Option A").closest("tr")!.textContent).toContain("Local (sample)");
    expect(screen.getByLabelText("Option to work on")).toHaveProperty("value", "Option A");
    const diffs = screen.getByRole("table", { name: "Differences of Option A" });
    expect(within(diffs).getByText("topup.mainstream.band3").closest("tr")!.textContent).toBe(
      "topup.mainstream.band35,0004,500 from Local (sample)",
    );
    await expectAccessible(container);
  });

  it("validates a rate against its unit before writing", async () => {
    const { port } = await modelPort();
    await renderScreen(port, "options");
    fireEvent.change(screen.getByLabelText("Key"), { target: { value: "notional.be" } });
    fireEvent.change(screen.getByLabelText(/^Value/), { target: { value: "150%" } });
    expect(screen.getByText(/notional.be must be at least 0 and at most 1/)).toBeTruthy();
    expect((screen.getByRole("button", { name: "Save rate" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText("Key"), { target: { value: "topup.mainstrem.band1" } });
    expect(screen.getByText(/is not a rates key/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Key"), { target: { value: "be.primary" } });
    fireEvent.change(screen.getByLabelText(/^Value/), { target: { value: "5%" } });
    expect(screen.getByText("be.primary is in £/pupil, not a percentage.")).toBeTruthy();
  });

  it("writes a new rate into an empty cell without asking", async () => {
    const { port } = await modelPort();
    await renderScreen(port, "options");
    fireEvent.change(screen.getByLabelText("Option to work on"), { target: { value: "Option A" } });
    fireEvent.change(screen.getByLabelText("Key"), { target: { value: "ei.sensupport" } });
    fireEvent.change(screen.getByLabelText(/^Value/), { target: { value: "£1,250" } });
    fireEvent.click(screen.getByRole("button", { name: "Save rate" }));
    await screen.findByText(/Saved ei.sensupport for Option A/);
    const grid = await ratesGrid(port);
    const row = keyRowIndex(grid, "ei.sensupport");
    expect(grid[row][0]).toBe("ei.sensupport");
    expect(grid[row][6]).toBe(1250);
    expect(grid[row][4]).toBeNull();
  });

  it("asks before overwriting a rate, and keeps it when the user says no", async () => {
    const { port } = await modelPort();
    await renderScreen(port, "options");
    fireEvent.change(screen.getByLabelText("Option to work on"), { target: { value: "Local (sample)" } });
    fireEvent.change(screen.getByLabelText("Key"), { target: { value: "topup.special.band1" } });
    fireEvent.change(screen.getByLabelText(/^Value/), { target: { value: "12000" } });
    fireEvent.click(screen.getByRole("button", { name: "Save rate" }));
    const keep = await screen.findByRole("button", { name: "Keep existing cells" });
    const row = keyRowIndex(await ratesGrid(port), "topup.special.band1") + 1;
    expect(within(screen.getByRole("alertdialog", { hidden: true })).getByText(`Rates!F${row}`)).toBeTruthy();
    fireEvent.click(keep);
    await screen.findByText(/Nothing was written: 1 existing cell kept/);
    expect((await port.readValues("Rates", `F${row}`))[0][0]).toBe(11088);

    fireEvent.click(screen.getByRole("button", { name: "Save rate" }));
    fireEvent.click(await screen.findByRole("button", { name: "Overwrite" }));
    await screen.findByText(/Saved topup.special.band1/);
    expect((await port.readValues("Rates", `F${row}`))[0][0]).toBe(12000);
  });

  it("adds an option that inherits from another", async () => {
    const { port } = await modelPort();
    await renderScreen(port, "options");
    fireEvent.change(screen.getByLabelText("New option name"), { target: { value: "=Option B" } });
    fireEvent.change(screen.getByLabelText("Inherits from"), { target: { value: "Option A" } });
    fireEvent.click(screen.getByRole("button", { name: "Add option" }));
    await screen.findByText(/Added option =Option B inheriting from Option A/);
    const grid = await ratesGrid(port);
    expect(grid[0][9]).toBe("=Option B"); // a name is text, never a formula
    expect(grid[keyRowIndex(grid, "inherits")][9]).toBe("Option A");
    await waitFor(() =>
      expect(
        within(screen.getByRole("table", { name: "Options in the rates table" })).getByText("=Option B"),
      ).toBeTruthy(),
    );
  });

  it("adds the new option's Allocations column, so Fit, Compare and Publish offer it", async () => {
    const { port } = await modelPort();
    await renderScreen(port, "options");
    fireEvent.change(screen.getByLabelText("New option name"), { target: { value: "Option B" } });
    fireEvent.change(screen.getByLabelText("Inherits from"), { target: { value: "Option A" } });
    fireEvent.click(screen.getByRole("button", { name: "Add option" }));
    await screen.findByText(/Added option Option B inheriting from Option A/);
    const f = await port.readFormulas("Allocations", "E1:E3");
    expect(f[0][0]).toBe("Option B");
    expect(f[1][0]).toMatch(
      /^=SEND\.ALLOCATEALL\(Rates!\$A\$1:\$[A-Z]+\$\d+,"Option B",Institutions!\$A\$1:\$[A-Z]+\$7\)$/,
    );
    // one formula for the column: the rows below are its spill
    expect(f[2][0]).toBeNull();
    expect(port.meta.numberFormats).toContainEqual({ sheet: "Allocations", range: "E2:E7", format: "#,##0.00" });
    const { discoverModel } = await import("../../src/taskpane/workbook/discover");
    expect((await discoverModel(port)).allocations!.columns.map((c) => c.option)).toEqual([
      "Local (sample)",
      "Option A",
      "Option B",
    ]);
    fireEvent.click(screen.getByRole("tab", { name: "Fit to budget" }));
    await waitFor(() =>
      expect([...(screen.getByLabelText("Amounts to fit") as HTMLSelectElement).options].map((o) => o.value)).toContain(
        "Option B",
      ),
    );
    fireEvent.click(screen.getByRole("tab", { name: "Compare" }));
    await waitFor(() =>
      expect([...(screen.getByLabelText("Option B (to)") as HTMLSelectElement).options].map((o) => o.value)).toContain(
        "Option B",
      ),
    );
    const { publishForReview } = await import("../../src/taskpane/actions/publish");
    const published = await publishForReview(port, await discoverModel(port), ["Allocations"], async () => true);
    const summary = (await port.readValues(published.summary, "A1:A12")).map((r) => r[0]);
    expect(summary).toEqual(expect.arrayContaining(["Local (sample)", "Option A", "Option B"]));
  });

  it("runs SEND.CHECK and selects the offending cell when a problem is clicked", async () => {
    const { port } = await modelPort(
      checkCalc([
        ["Option", "Key", "Problem"],
        ["Option A", "topup.special.band1", "#NUM! must be at least 0"],
      ]),
    );
    const { container } = await renderScreen(port, "options");
    fireEvent.click(screen.getByRole("button", { name: "Run SEND.CHECK" }));
    const link = await screen.findByRole("button", { name: "Option A · topup.special.band1" });
    const row = keyRowIndex(await ratesGrid(port), "topup.special.band1") + 1;
    expect(link.closest("li")!.textContent).toContain(`#NUM! must be at least 0 (Rates!G${row})`);
    fireEvent.click(link);
    await waitFor(() => expect(port.currentSelection()).toEqual({ sheet: "Rates", address: `G${row}` }));
    await expectAccessible(container);
  });

  it("reports a clean check", async () => {
    const { port } = await modelPort(checkCalc([["OK"]]));
    await renderScreen(port, "options");
    fireEvent.click(screen.getByRole("button", { name: "Run SEND.CHECK" }));
    await screen.findByText(/No problems found \(Checks says OK\)/);
  });
});

describe("addOption", () => {
  it("a formula-like option name gets its Allocations column under its own text", async () => {
    const { discoverModel } = await import("../../src/taskpane/workbook/discover");
    const { addOption } = await import("../../src/taskpane/actions/options");
    const { port } = await modelPort();
    const m = await discoverModel(port);
    await addOption(port, m.rates!, "-5% plan", "Option A", async () => true, m);
    expect((await discoverModel(port)).allocations!.columns.map((c) => c.option)).toEqual([
      "Local (sample)",
      "Option A",
      "-5% plan",
    ]);
  });
});
