/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { expectAccessible, failOnConsoleError, previewPort, renderScreen } from "./helpers/setup";
import { MemoryBook } from "./helpers/memoryBook";
import { PreviewPort } from "../../src/taskpane/ports/PreviewPort";

describe("New model screen", () => {
  failOnConsoleError();

  it("creates rates, institutions (as a table), allocations and checks with sample data", async () => {
    const port = previewPort();
    const { container } = await renderScreen(port, "new");
    fireEvent.change(screen.getByLabelText("Sample institutions"), { target: { value: "5" } });
    fireEvent.click(screen.getByRole("button", { name: "Create model" }));
    await screen.findByText(/Created Rates, Institutions, Allocations, Checks/);
    expect(await port.sheetNames()).toEqual(["Rates", "Institutions", "Allocations", "Checks"]);
    expect(port.meta.tables).toEqual([
      { sheet: "Institutions", range: expect.stringMatching(/^A1:[A-Z]+6$/), name: "Institutions" },
    ]);
    const alloc = await port.readFormulas("Allocations", "A1:D2");
    expect(alloc[0]).toEqual(["Name", "Phase", "Local (sample)", "Option A"]);
    expect(alloc[1][3]).toMatch(
      /^=SEND\.ALLOCATEALL\(Rates!\$A\$1:\$Z\$\d+,"Option A",Institutions!\$A\$1:\$[A-Z]+\$6\)$/,
    );
    expect(screen.getByRole("progressbar")).toBeTruthy();
    expect(port.meta.numberFormats).toEqual([{ sheet: "Allocations", range: "C2:D6", format: "#,##0.00" }]);
    await expectAccessible(container);
  });

  it("gives new sheets unused names and leaves existing sheets untouched", async () => {
    const book = new MemoryBook({ Rates: [["my own notes"]] });
    const port = new PreviewPort(book, async () => {
      throw new Error("no");
    });
    await renderScreen(port, "new");
    fireEvent.click(screen.getByLabelText(/Include synthetic sample data/)); // preview defaults to sample: switch it off
    fireEvent.change(screen.getByLabelText("Blank institution rows"), { target: { value: "3" } });
    fireEvent.click(screen.getByRole("button", { name: "Create model" }));
    await screen.findByText(/Created Rates \(2\)/);
    expect(book.getValues("Rates", "A1:B2")).toEqual([
      ["my own notes", null],
      [null, null],
    ]);
    const f = await port.readFormulas("Allocations", "C2");
    expect(String(f[0][0])).toContain("'Rates (2)'!$A$1:$Z$");
    expect(await port.usedRange("Institutions")).toMatch(/^A1:[A-Z]+1$/); // header; 3 blank rows
  });

  it("validates the inputs before writing anything", async () => {
    const port = previewPort();
    await renderScreen(port, "new");
    fireEvent.change(screen.getByLabelText("Candidate option name"), { target: { value: " " } });
    expect(screen.getByText("Give the candidate option a name.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Create model" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText("Candidate option name"), { target: { value: "unmitigated" } });
    expect(screen.getByText(/already used by the model/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Candidate option name"), { target: { value: "B" } });
    fireEvent.change(screen.getByLabelText("Sample institutions"), { target: { value: "0" } });
    expect(screen.getByText("Enter a whole number from 1 to 2000.")).toBeTruthy();
    expect(await port.sheetNames()).toEqual([]);
  });

  it("shows a failure from the workbook in full", async () => {
    const port = previewPort();
    port.addSheet = async () => {
      throw new Error("The workbook is protected.");
    };
    await renderScreen(port, "new");
    fireEvent.click(screen.getByRole("button", { name: "Create model" }));
    await waitFor(() => expect(screen.getByText("The workbook is protected.")).toBeTruthy());
  });
});
