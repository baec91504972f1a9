/** @jest-environment jsdom */
// The Demand screen on the real headless workbook (HyperFormula with the SEND functions): national or pasted
// history, a new Demand sheet with live SEND.FORECAST and SEND.SUFFICIENCY, a fan chart, and the link to Projection.
import { fireEvent, screen, within, waitFor } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HeadlessWorkbook } from "../../src/headless/workbook";
import { PreviewPort } from "../../src/taskpane/ports/PreviewPort";
import { historyTable } from "../../src/data/ehcp";
import { expectAccessible, failOnConsoleError, noExplain, renderScreen } from "./helpers/setup";
import { buildPreviewModel } from "../../src/taskpane/preview/demoModel";
import { writeDemand } from "../../src/taskpane/actions/demand";
import { callArgs, findForecasts, lastProjectionForecast } from "../../src/taskpane/actions/demandLink";

const port = (init: Record<string, (string | number | null)[][]> = {}) =>
  new PreviewPort(HeadlessWorkbook.create(init), noExplain);

describe("Demand screen", () => {
  failOnConsoleError();

  it("writes a Demand sheet from a local authority's published history, with live formulas and a fan chart", async () => {
    const p = port();
    const { container } = await renderScreen(p, "demand");
    fireEvent.change(screen.getByLabelText("Local authority"), { target: { value: "E10000013" } });
    expect(screen.getByText(/13 years \(2010 to 2022\), 16 columns/)).toBeTruthy();
    const special = historyTable("E10000013")!.at(-1)![4];
    expect(screen.getByLabelText("Special places")).toHaveProperty("value", String(special));
    fireEvent.change(screen.getByLabelText("ISP places (optional)"), { target: { value: "150" } });
    fireEvent.click(screen.getByLabelText("Special demand above the places goes to ISP"));
    fireEvent.click(screen.getByRole("button", { name: "Write Demand sheet" }));
    const results = await screen.findByLabelText("Demand results", {}, { timeout: 10000 });

    expect(await p.sheetNames()).toContain("Demand");
    const top = await p.readValues("Demand", "A1:B3");
    expect(top[0][0]).toBe("Demand: Gloucestershire (E10000013)");
    expect(String(top[1][0])).toMatch(/^REAL published history/);
    expect(top[2]).toEqual(["Horizon (years)", 3]);
    const history = await p.readValues("Demand", "A7:Q20");
    expect(history).toEqual(historyTable("E10000013"));
    const formulas = await p.readFormulas("Demand", "S7:S7");
    expect(formulas[0][0]).toBe("=SEND.FORECAST($A$7:$Q$20,$B$3,$D$3)");
    const capacity = await p.readValues("Demand", "G23:I25");
    expect(capacity).toEqual([
      ["Breakdown", "Year", "Places"],
      ["Special", 2023, special],
      ["ISP", 2023, 150],
    ]);
    expect((await p.readFormulas("Demand", "K23:K23"))[0][0]).toMatch(
      /^=SEND\.SUFFICIENCY\(\$S\$8?7:\$W\$\d+,\$G\$23:\$I\$31,\$F\$3\)$/,
    );
    expect(p.meta.charts).toEqual([
      expect.objectContaining({
        sheet: "Demand",
        type: "line",
        categories: "A24:A39",
        series: ["Actual", "Low", "Central", "High"].map((name, j) => ({
          name,
          values: `${"BCDE"[j]}24:${"BCDE"[j]}39`,
        })),
      }),
    ]);
    // the pane shows what the live formulas give: the Total forecast and one sufficiency row per year and breakdown
    const totals = within(results).getByRole("table", { name: "Total plans forecast" });
    expect(
      within(totals)
        .getAllByRole("row")
        .map((r) => r.textContent?.slice(0, 4)),
    ).toEqual(["Year", "2023", "2024", "2025"]);
    const suff = within(results).getByRole("table", { name: "Sufficiency" });
    expect(within(suff).getAllByRole("row")).toHaveLength(1 + 3 * 2);
    await expectAccessible(container);

    fireEvent.click(within(results).getByRole("button", { name: "Next: a projection from this forecast" }));
    expect(await screen.findByRole("heading", { name: "Projection" })).toBeTruthy();
  }, 30000);

  it("takes a pasted history, names a misspelt column with the nearest breakdown, and writes nothing until fixed", async () => {
    const p = port({ Demand: [["my notes"]] });
    await renderScreen(p, "demand");
    fireEvent.click(screen.getByLabelText("Paste your own history"));
    const text = (h: string) =>
      [h, "2019\t100\t60\t30", "2020\t110\t64\t34", "2021\t121\t69\t38", "2022\t130\t72\t42"].join("\n");
    fireEvent.change(screen.getByLabelText(/Your history/), {
      target: { value: text("Year\tTotal\tMainstrem\tSpecial") },
    });
    const problems = screen.getByRole("list", { name: "Demand problems" });
    expect(problems.textContent).toMatch(/Column 'Mainstrem' is not a breakdown; did you mean 'Mainstream'\?/);
    expect(screen.getByRole("button", { name: "Write Demand sheet" })).toHaveProperty("disabled", true);
    fireEvent.change(screen.getByLabelText(/Your history/), {
      target: { value: text("Year\tTotal\tMainstream\tSpecial") },
    });
    expect(screen.getByLabelText("Special places")).toHaveProperty("value", "42");
    fireEvent.click(screen.getByRole("button", { name: "Write Demand sheet" }));
    await screen.findByLabelText("Demand results", {}, { timeout: 10000 });
    // a new sheet: the user's own Demand sheet is untouched
    expect(await p.sheetNames()).toEqual(["Demand", "Demand (2)"]);
    expect(await p.readValues("Demand", "A1:A1")).toEqual([["my notes"]]);
    const top = await p.readValues("Demand (2)", "A1:A2");
    expect(top).toEqual([["Demand: your own history"], [expect.stringMatching(/^Your own history/)]]);
    expect(await p.readValues("Demand (2)", "A7:D11")).toEqual([
      ["Year", "Total", "Mainstream", "Special"],
      [2019, 100, 60, 30],
      [2020, 110, 64, 34],
      [2021, 121, 69, 38],
      [2022, 130, 72, 42],
    ]);
  }, 30000);

  it("reads a DfE release file as downloaded, lists its areas, and says which forecast years are already published", async () => {
    const p = port();
    await renderScreen(p, "demand");
    expect(screen.getByText(/Forecast years 2023 to 2025 are already published/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText("A DfE release file (caseload.csv, as downloaded)"));
    const csv = readFileSync(join(__dirname, "../data/release/caseload.csv"), "utf8");
    fireEvent.change(screen.getByLabelText(/Release file/), {
      target: { files: [new File([csv], "caseload.csv", { type: "text/csv" })] },
    });
    const select = await screen.findByLabelText("Local authority (release)");
    expect((select as HTMLSelectElement).value).toBe("E10000016");
    expect(
      within(select)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toContain("Hartlepool");
    // the release's years (2019-2022) after the bundled ones before them
    expect(screen.getByText(/13 years \(2010 to 2022\), 10 columns\./)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Write Demand sheet" }));
    await screen.findByLabelText("Demand results", {}, { timeout: 10000 });
    const top = await p.readValues("Demand", "A1:A2");
    expect(top).toEqual([
      ["Demand: Kent (E10000016)"],
      [expect.stringMatching(/^REAL published history: DfE release file caseload.csv/)],
    ]);
    // another layout: one line naming the columns expected
    fireEvent.change(screen.getByLabelText(/Release file/), {
      target: { files: [new File(["year,la_code,count\n"], "other.csv", { type: "text/csv" })] },
    });
    expect(await screen.findByText(/other.csv is not the DfE release's caseload.csv: no column/)).toBeTruthy();
  }, 30000);

  it("links on to Projection: SEND.PROJECT takes its pupils from the Demand sheet's forecast", async () => {
    const p = port();
    await buildPreviewModel(p, 6);
    const history = historyTable("E10000013")!;
    await writeDemand(
      p,
      { title: "Demand: test", source: "REAL", history, horizon: 3, coverage: 0.8, overflow: false, capacity: [] },
      async () => false,
    );
    expect(await findForecasts(p)).toEqual([
      {
        sheet: "Demand",
        anchor: "S7",
        ref: "Demand!$S$7:$W$55",
        years: [2023, 2024, 2025],
        history: "Demand!$A$7:$Q$20",
      },
    ]);
    await renderScreen(p, "projection");
    const from = await screen.findByRole("option", { name: "Demand forecast on Demand" });
    fireEvent.change(screen.getByLabelText("Pupils from"), { target: { value: (from as HTMLOptionElement).value } });
    expect(screen.getByText(/The forecast's placements, 2023 to 2025/)).toBeTruthy();
    // the sample plans start in 2025-26 for 5 years: let the forecast's years decide
    fireEvent.change(screen.getByLabelText("First financial year, Unmitigated"), { target: { value: "" } });
    fireEvent.change(screen.getByLabelText("Years, Unmitigated"), { target: { value: "" } });
    fireEvent.click(screen.getByRole("button", { name: "Write assumptions and projection" }));
    fireEvent.click(await screen.findByRole("button", { name: "Overwrite" }));
    const results = await screen.findByLabelText("Projection results", {}, { timeout: 10000 });
    expect((await p.readFormulas("Projection", "A2:A2"))[0][0]).toMatch(
      /^=SEND\.PROJECT\(Rates!\$A\$1:\$[A-Z]+\$\d+,"Unmitigated",Demand!\$S\$7:\$W\$55,Demand!\$A\$7:\$Q\$20\)$/,
    );
    const years = within(results)
      .getAllByRole("row")
      .slice(1)
      .map((r) => r.textContent?.slice(0, 7));
    expect(years).toEqual(["2022-23", "2023-24", "2024-25"]);
  }, 30000);

  it("reads a formula's arguments: the history a forecast read, the forecast a projection reads", async () => {
    expect(callArgs(`=SEND.PROJECT(Rates!$A$1:$H$90,"a, (b)",'My sheet'!$S$7:$W$55,INDEX(A1:B2,1,1))`)).toEqual([
      "Rates!$A$1:$H$90",
      `"a, (b)"`,
      "'My sheet'!$S$7:$W$55",
      "INDEX(A1:B2,1,1)",
    ]);
    const p = port();
    await p.addSheet("Typed");
    await p.write({
      sheet: "Typed",
      kind: "formulas",
      blocks: [
        {
          topLeft: "A1",
          rows: [
            ["Year", "Total", "Special"],
            [2020, 10, 4],
            [2021, 11, 5],
            [2022, 12, 6],
            ["=SEND.FORECAST(A1:C4)", null, null],
          ],
        },
      ],
    });
    const [typed] = await findForecasts(p);
    expect(typed.history).toBe("Typed!A1:C4");
    await p.addSheet("Projection");
    await p.write({
      sheet: "Projection",
      kind: "formulas",
      blocks: [{ topLeft: "A1", rows: [[`=SEND.PROJECT(Rates!$A$1:$B$9,"P",Typed!$A$5:$E$14,Typed!A1:C4)`]] }],
    });
    expect(await lastProjectionForecast(p, ["Projection"])).toBe("Typed!A5");
  });

  it("a longer horizon typed on the sheet reaches SEND.SUFFICIENCY (its range covers the longest horizon)", async () => {
    const p = port();
    const history = historyTable("E10000013")!;
    const r = await writeDemand(
      p,
      {
        title: "t",
        source: "s",
        history,
        horizon: 2,
        coverage: 0.8,
        overflow: false,
        capacity: [{ breakdown: "Special", year: 2023, places: 1300 }],
      },
      async () => false,
    );
    expect(r.sufficiency.slice(1).map((x) => x[0])).toEqual([2023, 2024]);
    await p.write({
      sheet: "Demand",
      kind: "values",
      blocks: [{ topLeft: "B3", rows: [[5]] }],
      confirmOverwrite: true,
    });
    const after = await p.readValues("Demand", "K23:K29");
    expect(after.map((x) => x[0])).toEqual(["Year", 2023, 2024, 2025, 2026, 2027, null]);
  }, 30000);

  it("checks the inputs: horizon, interval, places", async () => {
    await renderScreen(port(), "demand");
    fireEvent.change(screen.getByLabelText("Horizon (years)"), { target: { value: "20" } });
    fireEvent.change(screen.getByLabelText("Interval (%)"), { target: { value: "abc" } });
    const problems = screen.getByRole("list", { name: "Demand problems" });
    expect(problems.textContent).toMatch(/Horizon must be at most 15/);
    expect(problems.textContent).toMatch(/Coverage: 'abc' is not a number/);
    expect(screen.getByRole("button", { name: "Write Demand sheet" })).toHaveProperty("disabled", true);
    await waitFor(() => expect(screen.getByRole("heading", { name: "Demand" })).toBeTruthy());
  });
});
