/** @jest-environment jsdom */
import fs from "node:fs";
import path from "node:path";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { expectAccessible, failOnConsoleError, previewPort, renderScreen, uploadCsv } from "./helpers/setup";

const CSV = fs.readFileSync(path.join(__dirname, "../import/fixtures/officer-schools.csv"), "utf8");

describe("Import screen", () => {
  failOnConsoleError();

  it("proposes a mapping, reports what it will not use, imports 30 schools as a table and remembers the mapping", async () => {
    const port = previewPort();
    const { container } = await renderScreen(port, "import");
    uploadCsv(CSV);
    await screen.findByText("30 institutions to import.");
    expect((screen.getByLabelText(/^D: NOR \(Oct 2024\)/) as HTMLSelectElement).value).toBe("Pupils (by phase)");
    expect((screen.getByLabelText(/^J: Band 3 EHCPs/) as HTMLSelectElement).value).toBe("EHCP Band 3");
    expect(screen.getByText(/Kept unchanged in the Institutions table: L 'LAESTAB', M 'Notes'/)).toBeTruthy();
    expect(screen.getByText(/NOR \(Oct 2024\) at Special \(2\): D26, D27/)).toBeTruthy();
    await expectAccessible(container);

    fireEvent.click(screen.getByRole("button", { name: "Import" }));
    await screen.findByText(
      /Imported 30 institutions into Institutions; Allocations for Option A; mapping saved on Import mapping/,
    );
    expect(await port.sheetNames()).toEqual(["Rates", "Institutions", "Allocations", "Checks", "Import mapping"]);
    expect(port.meta.tables).toEqual([
      { sheet: "Institutions", range: expect.stringMatching(/^A1:[A-Z]+31$/), name: "Institutions" },
    ]);
    const alloc = await port.readFormulas("Allocations", "A1:C2");
    expect(alloc[0]).toEqual(["Name", "Phase", "Option A"]);
    expect(String(alloc[1][2])).toMatch(
      /^=SEND\.ALLOCATEALL\(Rates!\$A\$1:\$Z\$\d+,"Option A",Institutions!\$A\$1:\$[A-Z]+\$31\)$/,
    );
    const mapping = await port.readValues("Import mapping", "A1:B3");
    expect(mapping).toEqual([
      ["Header in the file", "Imported as"],
      ["URN", "URN"],
      ["Establishment name", "Name"],
    ]);
  });

  it("lets the officer change a column, refuses two columns for one field, and proposes the saved choice next time", async () => {
    const port = previewPort();
    await renderScreen(port, "import");
    uploadCsv(CSV);
    await screen.findByText("30 institutions to import.");
    fireEvent.change(screen.getByLabelText(/^K: Number of places/), { target: { value: "FSM" } });
    await screen.findByText(/column F \('FSM'\) and column K \('Number of places'\) both fit it/);
    expect((screen.getByRole("button", { name: "Import" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(/^K: Number of places/), { target: { value: "keep" } });
    await screen.findByText("30 institutions to import.");
    fireEvent.click(screen.getByRole("button", { name: "Import" }));
    await screen.findByText(/Imported 30 institutions/);
    // a re-import proposes what was chosen
    uploadCsv(CSV);
    await waitFor(() => expect(screen.getByLabelText(/^K: Number of places/)).toBeTruthy());
    await waitFor(() =>
      expect((screen.getByLabelText(/^K: Number of places/) as HTMLSelectElement).value).toBe("keep"),
    );
    expect(screen.getAllByText("as in the last import").length).toBeGreaterThan(5);
  });

  it("names bad cells by address and keeps text that looks like a formula as text", async () => {
    const port = previewPort();
    await renderScreen(port, "import");
    uploadCsv('Name,Phase,FSM,Notes\nAsh,Primary,twelve,=HYPERLINK("x")\nBeech,Middle deemed primary,4,+44 1234\n');
    await screen.findByText("2 institutions to import.");
    expect(screen.getByText("C2: 'twelve' is not a number (FSM -> FSM)")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Import" }));
    await screen.findByText(/Imported 2 institutions/);
    const header = (await port.readValues("Institutions", "A1:AF1"))[0];
    const notes = header.indexOf("Notes");
    const phase = header.indexOf("Phase");
    const rows = await port.readValues("Institutions", "A2:AF3");
    expect(rows.map((r) => r[notes])).toEqual(['=HYPERLINK("x")', "+44 1234"]);
    expect(rows[1][phase]).toBe("Primary");
  });

  it("says why a file cannot be read", async () => {
    const port = previewPort();
    await renderScreen(port, "import");
    uploadCsv("not really", "old.xls");
    await screen.findByText(/old\.xls: old\.xls is not an xlsx workbook/);
  });
});
