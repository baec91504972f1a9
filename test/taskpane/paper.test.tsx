/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from "@testing-library/react";
import { LineChart } from "../../src/taskpane/components/LineChart";
import { expectAccessible, failOnConsoleError, modelPort, previewPort, renderScreen } from "./helpers/setup";
import { allocateAll, echoCalc, type Calc } from "./helpers/memoryBook";
import { keyRowIndex } from "../../src/model/rates";
import { parseFitFormula } from "../../src/model/paperText";
import { projectionBalances } from "../../src/model/paperBalances";
import { projectionSheet } from "../../src/model/projection";
import { BALANCE_LABELS, BALANCES_HEADING, PLAN_SHEETS } from "../../src/model/planWorkbook";

/** Clicks "Save the paper to print" and returns the HTML file it saves (never window.print: Office blocks it). */
async function savePaper(): Promise<{ name: string; type: string; html: string }> {
  const saved: Blob[] = [];
  const names: string[] = [];
  const print = jest.fn();
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL, print: window.print };
  URL.createObjectURL = (b: Blob) => {
    saved.push(b);
    return "blob:paper";
  };
  URL.revokeObjectURL = () => {};
  window.print = print;
  const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  try {
    fireEvent.click(screen.getByRole("button", { name: "Save the paper to print" }));
  } finally {
    click.mockRestore();
    // the download revokes its URL 10 s later, maybe during another test on a busy machine: jsdom has no
    // revokeObjectURL, so a no-op stays in its place
    Object.assign(URL, { createObjectURL: original.create, revokeObjectURL: original.revoke ?? (() => {}) });
    window.print = original.print;
  }
  expect(print).not.toHaveBeenCalled();
  expect(names).toHaveLength(1);
  const html = await new Promise<string>((resolve) => {
    const reader = new FileReader(); // jsdom's Blob has no text()
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(saved[0]);
  });
  return { name: names[0], type: saved[0].type, html };
}

/** SEND.PROJECT spills whose balances go deep into deficit (the Projection screen's layout, 3 years). */
const BALANCES: Record<string, number[]> = {
  Unmitigated: [-150_000_000, -162_500_000, -180_250_000],
  Mitigated: [-150_000_000, -155_000_000, -158_000_000],
};
const projectCalc: Calc = (f, at, book) => {
  const m = /^=SEND\.PROJECT\([^,]+,"(\w+)"\)$/.exec(f);
  if (!m) return calc(f, at, book);
  return [
    ["Year", "Income", "Spend", "In-year", "Cumulative"],
    ...BALANCES[m[1]].map((c, i) => [`${2025 + i}-${26 + i}`, 90_000_000, 100_000_000, -10_000_000, c]),
  ];
};

const calc: Calc = (f, at, book) => {
  const alloc = allocateAll(f, () => (f.includes('"Local (sample)"') ? 1000 : 1100));
  if (alloc) return alloc;
  if (f.startsWith("=SEND.FIT(")) return [[990], [1010], [1000], [1000], [1000], [1000]];
  return echoCalc(f, at, book);
};

describe("Schools Forum paper screen", () => {
  failOnConsoleError();

  it("needs a rates table", async () => {
    await renderScreen(previewPort(), "paper");
    expect(screen.getByText(/no rates table yet/)).toBeTruthy();
  });

  it("says what each option changes in words, the totals, the fitting and the projection's assumptions", async () => {
    const { port } = await modelPort(calc);
    const grid = (await port.readValues("Rates", (await port.usedRange("Rates"))!)) as (string | number | null)[][];
    await port.write({
      sheet: "Rates",
      kind: "values",
      blocks: [{ topLeft: `G${keyRowIndex(grid, "topup.special.band3") + 1}`, rows: [[18500]] }],
    });
    await port.write({
      sheet: "Allocations",
      kind: "formulas",
      blocks: [{ topLeft: "E1", rows: [["Fit Option A to £6,000"], ["=SEND.FIT(D2:D7,6000,C2:C7,-0.01,0.02)"]] }],
    });
    const { container } = await renderScreen(port, "paper");
    const paper = await screen.findByRole("article", { name: "Paper" });
    expect(within(paper).getByRole("table", { name: "Options and totals" }).textContent).toContain(
      "Option ALocal (sample)£6,600",
    );
    const changes = within(paper).getByRole("list", { name: "Changes in Option A" });
    expect(changes.textContent).toBe(
      "Top-up, Band 3, Special school: £18,500 a pupil a year (Local (sample): £17,220 a pupil a year)",
    );
    expect(paper.textContent).toContain(
      "Option A fitted to £6,000, no institution losing more than 1.0%, gains capped at 2.0% against Local (sample): before fitting £6,600, after £6,000.",
    );
    expect(paper.textContent).toContain("How the fitting works: SEND.FIT multiplies every amount by one factor");
    const assumptions = within(paper).getByRole("table", { name: "Projection assumptions" });
    expect(
      within(assumptions)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Assumption", "Unmitigated", "Mitigated"]);
    expect(assumptions.textContent).toMatch(/Years\d+ years\d+ years/);
    expect(
      within(paper).getByRole("img", {
        name: /^Total allocated by option\. Local \(sample\): £6,000\.00; Option A: £6,600\.00/,
      }),
    ).toBeTruthy();
    await expectAccessible(container);

    // Saved as an HTML file to print from a browser; never window.print() inside the pane (Office blocks it).
    const { name, type, html } = await savePaper();
    expect(name).toMatch(/^Schools Forum paper \d+ \w+ \d{4}\.html$/);
    expect(type).toBe("text/html");
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("@page { size: A4 portrait");
    expect(html).toContain('Option A fitted to <span class="money" style="white-space: nowrap;">£6,000</span>');
    expect(html).toContain('aria-label="Options and totals"');
    expect(html).not.toMatch(/<script/i);
  });

  it("says there are no projected balances without a Projection sheet, and how to make one", async () => {
    const { port } = await modelPort(calc);
    await renderScreen(port, "paper");
    const paper = await screen.findByRole("article", { name: "Paper" });
    expect(paper.textContent).toContain(
      "This workbook has no Projection sheet, so the paper shows no projected balances.",
    );
    expect(paper.textContent).toContain("open Projection in this pane");
    expect(within(paper).queryByRole("table", { name: "Projected balances" })).toBeNull();
    // the saved copy keeps the sentence but not the pane's button
    const { html } = await savePaper();
    expect(html).toContain("This workbook has no Projection sheet");
    expect(html).not.toContain("Open Projection");
    fireEvent.click(within(paper).getByRole("button", { name: "Open Projection" }));
    expect(await screen.findByRole("button", { name: "Write assumptions and projection" })).toBeTruthy();
  });

  it("shows the projected balances by year with a chart, and a deficit's minus sign never wraps", async () => {
    const { port } = await modelPort(projectCalc);
    const layout = projectionSheet({ ratesRef: "Rates!$A$1:$Z$300", options: ["Unmitigated", "Mitigated"], years: 3 });
    await port.addSheet("Projection");
    await port.write({ sheet: "Projection", kind: "formulas", blocks: [{ topLeft: "A1", rows: layout.rows }] });
    const { container } = await renderScreen(port, "paper");
    const paper = await screen.findByRole("article", { name: "Paper" });
    const table = within(paper).getByRole("table", { name: "Projected balances" });
    expect(
      within(table)
        .getAllByRole("row")
        .map((r) => r.textContent),
    ).toEqual([
      "YearUnmitigatedMitigated",
      "2025-26-£150,000,000-£150,000,000",
      "2026-27-£162,500,000-£155,000,000",
      "2027-28-£180,250,000-£158,000,000",
    ]);
    const deficits = within(table).getAllByText(/^-£\d/);
    expect(deficits).toHaveLength(6);
    for (const d of deficits) expect(d.style.whiteSpace).toBe("nowrap");
    expect(
      within(paper).getByRole("img", {
        name:
          "Projected cumulative high needs balance. Unmitigated: 2025-26 -£150,000,000, 2026-27 -£162,500,000, " +
          "2027-28 -£180,250,000; Mitigated: 2025-26 -£150,000,000, 2026-27 -£155,000,000, 2027-28 -£158,000,000",
      }),
    ).toBeTruthy();
    expect(paper.textContent).toContain("read from SEND.PROJECT on sheet Projection");
    expect(paper.textContent).toContain("No risk-adjusted line");
    // money in running text keeps its sign on the same line too
    const total = within(within(paper).getByRole("table", { name: "Options and totals" })).getByText("£6,600");
    expect(total.style.whiteSpace).toBe("nowrap");
    await expectAccessible(container);

    const { html } = await savePaper();
    expect(html).toContain('<span class="money" style="white-space: nowrap;">-£180,250,000</span>');
    expect(html).toContain(".money { white-space: nowrap; }");
    expect(html).toContain('aria-label="Projected balances"');
    // the way to a risk-adjusted line: the Plan screen, not part of the saved paper
    expect(html).not.toContain("Open Plan");
    fireEvent.click(within(paper).getByRole("button", { name: "Open Plan" }));
    expect(await screen.findByRole("button", { name: "Build the plan" })).toBeTruthy();
  });
});

describe("Schools Forum paper over a deficit management plan workbook", () => {
  failOnConsoleError();

  it("shows the plan's DSG balances with its risk-adjusted line instead of saying there is none", async () => {
    const { port } = await modelPort(calc);
    await port.addSheet(PLAN_SHEETS.summary);
    await port.write({
      sheet: PLAN_SHEETS.summary,
      kind: "values",
      blocks: [
        {
          topLeft: "A1",
          rows: [
            [BALANCES_HEADING, "2025-26", "2026-27"],
            [BALANCE_LABELS.cfU, -150_000_000, -170_000_000],
            [BALANCE_LABELS.cfM, -150_000_000, -160_000_000],
            [BALANCE_LABELS.cfR, -150_000_000, -164_000_000],
          ],
        },
      ],
    });
    const { container } = await renderScreen(port, "paper");
    const paper = await screen.findByRole("article", { name: "Paper" });
    expect(within(paper).getByRole("heading", { name: "Projected DSG balance" })).toBeTruthy();
    expect(
      within(within(paper).getByRole("table", { name: "Projected balances" }))
        .getAllByRole("row")
        .map((r) => r.textContent),
    ).toEqual([
      "YearUnmitigatedMitigatedRisk-adjusted",
      "2025-26-£150,000,000-£150,000,000-£150,000,000",
      "2026-27-£170,000,000-£160,000,000-£164,000,000",
    ]);
    expect(
      within(paper).getByRole("img", { name: /Risk-adjusted: 2025-26 -£150,000,000, 2026-27 -£164,000,000$/ }),
    ).toBeTruthy();
    expect(paper.textContent).toContain("read from sheet Financial summary of the deficit management plan");
    expect(paper.textContent).not.toContain("No risk-adjusted line");
    await expectAccessible(container);
  });
});

describe("projectionBalances", () => {
  const formulas = [
    ["Unmitigated", null, null, null, null, null, "Mitigated"],
    ['=SEND.PROJECT(R,"Unmitigated")', null, null, null, null, null, '=SEND.PROJECT(R,"Mitigated")'],
  ];
  const values = [
    ["Unmitigated", null, null, null, null, null, ""],
    ["Year", "Income", "Spend", "In-year", "Cumulative", null, "Year", "Income", "Spend", "In-year", "Cumulative"],
    ["2025-26", 1, 2, -1, -5, null, "2025-26", 1, 1, 0, -4],
    ["2026-27", 1, 2, -1, { error: "#VALUE!" }, null, "", null, null, null, null],
    [null, null, null, null, null, null, null],
  ];
  it("reads each SEND.PROJECT block's cumulative balance down to its first blank year", () => {
    expect(projectionBalances("P", values, formulas)).toEqual({
      sheet: "P",
      source: "projection",
      years: ["2025-26", "2026-27"],
      lines: [
        { name: "Unmitigated", values: [-5, null] },
        { name: "Plan 2", values: [-4] },
      ],
    });
  });
  it("is null when no block has a year", () => {
    expect(projectionBalances("P", values.slice(0, 2), formulas)).toBeNull();
    expect(projectionBalances("P", values, [[], ["=SEND.ALLOCATE(x)"]])).toBeNull();
  });
});

describe("parseFitFormula", () => {
  it("reads the budget, baseline, floor and cap the pane wrote", () => {
    expect(parseFitFormula("=SEND.FIT(D2:D7,5000000)")).toEqual({
      amounts: "D2:D7",
      budget: 5000000,
      baseline: null,
      floor: null,
      cap: null,
    });
    expect(parseFitFormula("=SEND.FIT(D2:D7,6000,C2:C7,,0.05)")).toEqual({
      amounts: "D2:D7",
      budget: 6000,
      baseline: "C2:C7",
      floor: null,
      cap: 0.05,
    });
    expect(parseFitFormula("=SEND.ALLOCATE(x)")).toBeNull();
  });
});

describe("LineChart", () => {
  it("names every value, and labels every other year past six so the labels never overlap", () => {
    const years = Array.from({ length: 8 }, (_, i) => `${2025 + i}-${26 + i}`);
    render(
      <LineChart
        title="T"
        valueTitle="£"
        categories={years}
        series={[{ name: "A", values: years.map((_, i) => (i === 3 ? null : -i * 1e6)) }]}
      />,
    );
    const img = screen.getByRole("img");
    expect(img.getAttribute("aria-label")).toBe(
      "T. A: 2025-26 £0, 2026-27 -£1,000,000, 2027-28 -£2,000,000, 2028-29 no figure, 2029-30 -£4,000,000, " +
        "2030-31 -£5,000,000, 2031-32 -£6,000,000, 2032-33 -£7,000,000",
    );
    const labels = [...img.querySelectorAll("text")].map((t) => t.textContent).filter((t) => /^\d{4}-\d{2}$/.test(t!));
    expect(labels).toEqual(["2025-26", "2027-28", "2029-30", "2031-32"]);
    expect(img.querySelectorAll("circle")).toHaveLength(8); // 7 points (one has no figure) and the legend's marker
  });
});
