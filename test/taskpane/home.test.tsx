/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { expectAccessible, failOnConsoleError, modelPort, previewPort, renderScreen } from "./helpers/setup";
import type { WorkbookPort } from "../../src/taskpane/ports/WorkbookPort";
import { echoCalc, type Calc } from "./helpers/memoryBook";

describe("Home screen", () => {
  failOnConsoleError();
  it("says when the workbook has no model yet and offers to create one", async () => {
    const { container } = await renderScreen(previewPort(), "home");
    expect(screen.getByText(/Preview: an in-browser workbook/)).toBeTruthy();
    expect(screen.getByText(/no funding model yet/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "New model" }));
    expect(await screen.findByRole("heading", { name: "New model" })).toBeTruthy();
    await expectAccessible(container);
  });

  it("lists the rates table, its options, the institutions and the allocations", async () => {
    const { port } = await modelPort();
    const { container } = await renderScreen(port, "home");
    const list = await screen.findByLabelText("What is in this workbook");
    expect(list.textContent).toContain(
      "Rates: 5 options (National 2024-25, Local (sample), Option A, Unmitigated, Mitigated)",
    );
    expect(list.textContent).toContain("Institutions: 6 rows");
    expect(list.textContent).toContain("Allocations: Local (sample), Option A");
    expect(list.textContent).toContain("Checks");
    await expectAccessible(container);
  });

  it("shows what the Checks sheet's SEND.CHECK says, institution-table problems included", async () => {
    const calc: Calc = (f, at, book) =>
      f.startsWith("=SEND.CHECK(")
        ? [
            ["Option", "Key", "Problem"],
            ["(table)", "NOR", "table: header 'NOR' is not an institution field, so the formula ignores its column."],
            ["Option A", "topup.special.band3", "EHCP Band 3 has no top-up at the special setting (table row 3)."],
          ]
        : echoCalc(f, at, book);
    const { port } = await modelPort(calc);
    expect(String((await port.readFormulas("Checks", "A1"))[0][0])).toMatch(
      /^=SEND\.CHECK\(Rates!\$A\$1:\$Z\$\d+,"",Institutions!\$A\$1:\$[A-Z]+\$7\)$/,
    );
    const { container } = await renderScreen(port, "home");
    expect(await screen.findByText("2 problems on Checks (1 in the institutions table)")).toBeTruthy();
    expect(screen.getByText(/\(table\), NOR: table: header 'NOR' is not an institution field/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "See every problem in Options" }));
    expect(await screen.findByRole("button", { name: "Run SEND.CHECK" })).toBeTruthy();
    await expectAccessible(container);
  });

  it("shows why the workbook could not be read", async () => {
    const broken = {
      ...previewPort(),
      kind: "excel",
      sheetNames: async () => {
        throw new Error("Excel is busy");
      },
      tableNames: async () => [],
    } as unknown as WorkbookPort;
    await renderScreen(broken, "home");
    await waitFor(() => expect(screen.getByText(/Could not read the workbook: Excel is busy/)).toBeTruthy());
    expect(screen.getByText("Connected to Excel")).toBeTruthy();
  });
});
