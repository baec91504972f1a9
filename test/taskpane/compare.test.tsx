/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { expectAccessible, failOnConsoleError, modelPort, renderScreen } from "./helpers/setup";
import { echoCalc, type Calc } from "./helpers/memoryBook";
import type { CellValue } from "../../src/taskpane/ports/WorkbookPort";
import { summarise } from "../../src/taskpane/actions/compare";

const spill: CellValue[][] = [
  ["Name", "Local (sample)", "Option A", "Difference", "Change"],
  ["School 1", 1000, 1100, 100, 0.1],
  ["School 2", 2000, 1500, -500, -0.25],
  ["School 3", 500, 500, 0, 0],
  ["School 4", 0, 300, 300, null],
  [
    "School 5",
    { error: "#N/A", message: "topup.special.band9 is missing" },
    { error: "#N/A" },
    { error: "#N/A" },
    { error: "#N/A" },
  ],
  ["School 6", 4000, 4040, 40, 0.01],
  ["Total", { error: "#N/A" }, { error: "#N/A" }, { error: "#N/A" }, { error: "#N/A" }],
];
const compareCalc: Calc = (f, at, book) => (f.startsWith("=SEND.COMPARE(") ? spill : echoCalc(f, at, book));

describe("Compare screen", () => {
  failOnConsoleError();

  it("writes a comparison sheet with formats and a chart and summarises it", async () => {
    const { port } = await modelPort(compareCalc);
    const { container } = await renderScreen(port, "compare");
    // defaults: the first and last options with allocations (the national seed has no local rates)
    expect(screen.getByLabelText("Option A (from)")).toHaveProperty("value", "Local (sample)");
    expect(screen.getByLabelText("Option B (to)")).toHaveProperty("value", "Option A");
    fireEvent.click(screen.getByRole("button", { name: "Write comparison sheet" }));
    const results = await screen.findByLabelText("Comparison results");
    const sheet = "Local (sample) vs Option A"; // 31 characters at most, both options named
    expect(results.textContent).toContain(`Sheet ${sheet} written`);
    expect(await port.readFormulas(sheet, "A1")).toEqual([
      [
        expect.stringMatching(
          /^=SEND\.COMPARE\(Rates!\$A\$1:\$Z\$\d+,"Local \(sample\)","Option A",Institutions!\$A\$1:\$[A-Z]+\$7,"High needs"\)$/,
        ),
      ],
    ]);
    expect(port.meta.numberFormats.filter((n) => n.sheet === sheet)).toEqual([
      { sheet, range: "B2:D8", format: "#,##0.00" },
      { sheet, range: "E2:E7", format: "0.0%" },
    ]);
    expect(port.meta.formats).toEqual([
      {
        sheet,
        range: "D2:E7",
        rules: [
          { operator: "lessThan", value: 0, fontColor: "#9C0006", fillColor: "#FFC7CE" },
          { operator: "greaterThan", value: 0, fontColor: "#006100", fillColor: "#C6EFCE" },
        ],
      },
    ]);
    expect(port.meta.charts).toEqual([
      {
        sheet,
        type: "barClustered",
        title: "Change per institution: Option A minus Local (sample)",
        categories: "A2:A7",
        series: [{ name: "Difference", values: "D2:D7" }],
        anchor: "G2:N22",
      },
    ]);
    expect(results.textContent).toContain("3 institutions gain, 1 lose, 1 unchanged.");
    expect(port.currentSelection()).toEqual({ sheet, address: "A1" }); // the new sheet is shown
    // one bad row is one bad row: named with its row and cause, left out of the totals the pane shows
    expect(results.textContent).toContain(
      "1 row in error, left out: row 6 'School 5', topup.special.band9 is missing. The totals below are of the other 5 institutions.",
    );
    expect(results.textContent).toContain("correct the institution's cell on row 6 of Institutions");
    const totals = results.querySelector("dl");
    expect(totals?.textContent).toBe("Total Local (sample)£7,500.00Total Option A£7,440.00Difference-£60.00 (-0.8%)");
    const grid = within(results).getByRole("grid", { name: "Largest changes" });
    const rows = within(grid)
      .getAllByRole("row")
      .slice(1)
      .map((r) => r.textContent);
    // two columns fit the pane: each institution over its two amounts, then the change in £ and %
    expect(rows).toEqual([
      "School 2£2,000.00 → £1,500.00-£500.00-25.0%",
      "School 4£0.00 → £300.00£300.00",
      "School 1£1,000.00 → £1,100.00£100.0010.0%",
      "School 6£4,000.00 → £4,040.00£40.001.0%",
      "School 3£500.00 → £500.00£0.000.0%",
    ]);
    expect(
      within(grid)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Institution: Local (sample) → Option A", "Change"]);
    // the chart has a value axis with £ ticks and a title, and names every bar for a screen reader
    const chart = within(results).getByRole("img", {
      name: /^Largest changes per institution, Option A minus Local \(sample\)\. School 2: -£500\.00; School 4: £300\.00/,
    });
    const ticks = [...chart.querySelectorAll("text")].map((t) => t.textContent);
    expect(ticks).toEqual(expect.arrayContaining(["-£400", "£0", "£200", "Change (£ a year)", "School 2"]));
    await expectAccessible(container);
  });

  it("refuses to compare an option with itself", async () => {
    const { port } = await modelPort(compareCalc);
    await renderScreen(port, "compare");
    fireEvent.change(screen.getByLabelText("Option B (to)"), { target: { value: "National 2024-25" } });
    fireEvent.change(screen.getByLabelText("Option A (from)"), { target: { value: "National 2024-25" } });
    expect(screen.getByText("Pick two different options.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Write comparison sheet" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("needs a model", async () => {
    const { port, book } = await modelPort(compareCalc);
    book.removeSheet("Institutions");
    await renderScreen(port, "compare");
    expect(screen.getByText(/no institutions table yet/)).toBeTruthy();
  });
});

describe("summarise", () => {
  it("counts gainers and losers and reads the Total row", () => {
    const ok = summarise([spill[0], spill[1], spill[2], ["Total", 3000, 2600, -400, -0.1333]], "A", "B", 1);
    expect(ok).toMatchObject({ gaining: 1, losing: 1, unchanged: 0, errors: [] });
    expect(ok.total).toEqual({ row: 4, name: "Total", a: 3000, b: 2600, difference: -400, change: -0.1333 });
    expect(ok.leftOut).toEqual([]);
    expect(ok.computed).toEqual({ rows: 2, a: 3000, b: 2600, difference: -400 });
    expect(ok.largest.map((r) => r.name)).toEqual(["School 2"]);
  });

  it("leaves a row in error out of the computed totals and names it with its row and cause", () => {
    const s = summarise(spill, "A", "B");
    expect(s.leftOut).toEqual([{ row: 6, name: "School 5", error: "#N/A", reason: "topup.special.band9 is missing" }]);
    expect(s.computed).toEqual({ rows: 5, a: 7500, b: 7440, difference: -60 });
  });
});
