/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { expectAccessible, failOnConsoleError, modelPort, previewPort, renderScreen } from "./helpers/setup";
import { echoCalc, MemoryBook, type Calc } from "./helpers/memoryBook";
import { PreviewPort } from "../../src/taskpane/ports/PreviewPort";
import { keyRowIndex } from "../../src/model/rates";
import { planModel } from "../../src/model/model";
import { createModel } from "../../src/taskpane/actions/createModel";
import { NATIONAL } from "./helpers/setup";

const projectCalc: Calc = (f, at, book) => {
  const m = /^=SEND\.PROJECT\([^,]+,"(\w+)"\)$/.exec(f);
  if (!m) return echoCalc(f, at, book);
  const drift = m[1] === "Mitigated" ? -1 : -2;
  return [
    ["Year", "Income", "Spend", "In-year", "Cumulative"],
    ...[1, 2, 3].map((y) => [`${2024 + y}-${25 + y}`, 10, 10 - drift, drift, -4 + drift * y]),
  ];
};

async function grid(port: PreviewPort) {
  return port.readValues("Rates", (await port.usedRange("Rates"))!) as Promise<(string | number | null)[][]>;
}

describe("Projection screen", () => {
  failOnConsoleError();

  it("loads the current assumptions, writes changes into the rates table and a projection sheet with a chart", async () => {
    const { port } = await modelPort(projectCalc);
    const { container } = await renderScreen(port, "projection");
    expect(screen.getByLabelText("Years, Unmitigated")).toHaveProperty("value", "5");
    expect(screen.getByLabelText("Early intervention cost, Mitigated")).toHaveProperty("value", "£1,500,000");
    fireEvent.change(screen.getByLabelText("Years, Unmitigated"), { target: { value: "3" } });
    fireEvent.change(screen.getByLabelText("Cost inflation, Mitigated"), { target: { value: "1.5%" } });
    fireEvent.click(screen.getByRole("button", { name: "Write assumptions and projection" }));
    // proj.years had a value: changing it is an overwrite, so the pane asks
    const overwrite = await screen.findByRole("button", { name: "Overwrite" });
    const dialog = screen.getByRole("alertdialog", { hidden: true });
    const g = await grid(port);
    const yearsRow = keyRowIndex(g, "proj.years") + 1;
    expect(within(dialog).getByText(`Rates!H${yearsRow}`)).toBeTruthy();
    expect(within(dialog).queryByText(/Rates!I/)).toBeNull(); // the mitigated inflation cell was blank
    fireEvent.click(overwrite);
    const results = await screen.findByLabelText("Projection results");
    const after = await grid(port);
    expect(after[yearsRow - 1][7]).toBe(3);
    expect(after[keyRowIndex(after, "proj.inflation")][8]).toBe(0.015);
    expect(await port.readFormulas("Projection", "A1:G2")).toEqual([
      ["Unmitigated", null, null, null, null, null, "Mitigated"],
      [
        expect.stringMatching(/^=SEND\.PROJECT\(Rates!\$A\$1:\$Z\$\d+,"Unmitigated"\)$/),
        null,
        null,
        null,
        null,
        null,
        expect.stringContaining('"Mitigated"'),
      ],
    ]);
    expect(port.meta.charts).toEqual([
      {
        sheet: "Projection",
        type: "line",
        title: "Cumulative high needs balance",
        categories: "A3:A5",
        series: [
          { name: "Unmitigated", values: "E3:E5" },
          { name: "Mitigated", values: "K3:K5" },
        ],
        anchor: "A8:K25",
      },
    ]);
    expect(
      within(results)
        .getAllByRole("row")
        .map((r) => r.textContent),
    ).toEqual(["YearUnmitigatedMitigated", "2025-26-£6-£5", "2026-27-£8-£6", "2027-28-£10-£7"]);
    await expectAccessible(container);
  });

  it("adds the two plan options and their key rows when the rates table has neither", async () => {
    const book = new MemoryBook({}, projectCalc);
    const port = new PreviewPort(book, async () => {
      throw new Error("no");
    });
    await createModel(
      port,
      planModel({
        existing: [],
        national: NATIONAL,
        candidates: [{ name: "Option A", inherits: NATIONAL }],
        blankRows: 2,
      }),
      async () => false,
    );
    const before = await grid(port);
    await renderScreen(port, "projection");
    expect(screen.getByLabelText("Both plans inherit their rates from")).toHaveProperty("value", "Option A");
    fireEvent.change(screen.getByLabelText("Years, Unmitigated"), { target: { value: "3" } });
    fireEvent.change(screen.getByLabelText("Grant in year 1, Unmitigated"), { target: { value: "1000000" } });
    fireEvent.click(screen.getByRole("button", { name: "Write assumptions and projection" }));
    await screen.findByLabelText("Projection results");
    const after = await grid(port);
    expect(after[0].slice(4, 8)).toEqual([NATIONAL, "Option A", "Unmitigated", "Mitigated"]);
    const inh = keyRowIndex(after, "inherits");
    expect([after[inh][6], after[inh][7]]).toEqual(["Option A", "Unmitigated"]);
    expect(after[keyRowIndex(after, "proj.grant")][6]).toBe(1000000);
    expect(after.length).toBe(before.length); // projection rows were already in the table
  });

  it("groups the assumptions, shows shares and money as typed, and opens a group with a problem", async () => {
    const { port } = await modelPort(projectCalc);
    const { container } = await renderScreen(port, "projection");
    const groups = [...container.querySelectorAll("details")];
    expect(groups.map((d) => d.querySelector("summary")!.textContent)).toEqual([
      "Timing and balance",
      "Income",
      "Mainstream placements",
      "Resource base placements",
      "Special placements",
      "AP placements",
      "FE placements",
      "Early years placements",
      "ISP placements",
      "Costs and mitigation",
    ]);
    expect(groups.map((d) => d.open)).toEqual([true, false, false, false, false, false, false, false, false, false]);
    const growth = screen.getByLabelText("Grant growth, Unmitigated") as HTMLInputElement;
    expect(growth.value).toMatch(/^-?\d+(\.\d+)?%$/);
    fireEvent.change(growth, { target: { value: "3%" } });
    fireEvent.change(screen.getByLabelText("Grant in year 1, Unmitigated"), { target: { value: "£1.2m" } });
    expect(screen.queryByRole("list", { name: "Assumption problems" })).toBeNull();
    fireEvent.change(screen.getByLabelText("Other spend, Mitigated"), { target: { value: "lots" } });
    expect(groups[9].open).toBe(true);
    expect(groups[9].querySelector("summary")!.textContent).toBe("Costs and mitigation (check)");
    // the results come before the assumptions once there are some
    fireEvent.change(screen.getByLabelText("Other spend, Mitigated"), { target: { value: "" } });
    fireEvent.click(screen.getByRole("button", { name: "Write assumptions and projection" }));
    fireEvent.click(await screen.findByRole("button", { name: "Overwrite" }));
    const results = await screen.findByLabelText("Projection results");
    expect(results.compareDocumentPosition(groups[0]) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const g = await grid(port);
    expect(g[keyRowIndex(g, "proj.grant")][7]).toBe(1200000);
    expect(g[keyRowIndex(g, "proj.grant.growth")][7]).toBe(0.03);
    await expectAccessible(container);
  });

  it("shows problems with the assumptions and writes nothing", async () => {
    const { port } = await modelPort(projectCalc);
    await renderScreen(port, "projection");
    fireEvent.change(screen.getByLabelText("Years, Unmitigated"), { target: { value: "0" } });
    fireEvent.change(screen.getByLabelText("Grant growth, Mitigated"), { target: { value: "fast" } });
    const list = screen.getByRole("list", { name: "Assumption problems" });
    expect(list.textContent).toContain("Unmitigated, Years: proj.years must be at least 1 and at most 50");
    expect(list.textContent).toContain("Mitigated, Grant growth: 'fast' is not a number");
    expect(
      (screen.getByRole("button", { name: "Write assumptions and projection" }) as HTMLButtonElement).disabled,
    ).toBe(true);
    expect(screen.getByLabelText("Years, Unmitigated").getAttribute("aria-invalid")).toBe("true");
  });

  it("needs a rates table", async () => {
    await renderScreen(previewPort(), "projection");
    expect(screen.getByText(/no rates table yet/)).toBeTruthy();
  });
});
