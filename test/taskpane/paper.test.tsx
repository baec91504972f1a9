/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { expectAccessible, failOnConsoleError, modelPort, previewPort, renderScreen } from "./helpers/setup";
import { allocateAll, echoCalc, type Calc } from "./helpers/memoryBook";
import { keyRowIndex } from "../../src/model/rates";
import { parseFitFormula } from "../../src/model/paperText";

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
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    try {
      fireEvent.click(screen.getByRole("button", { name: "Save the paper to print" }));
    } finally {
      click.mockRestore();
      Object.assign(URL, { createObjectURL: original.create, revokeObjectURL: original.revoke });
      window.print = original.print;
    }
    expect(print).not.toHaveBeenCalled();
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^Schools Forum paper \d+ \w+ \d{4}\.html$/);
    expect(saved[0].type).toBe("text/html");
    const html = await new Promise<string>((resolve) => {
      const reader = new FileReader(); // jsdom's Blob has no text()
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(saved[0]);
    });
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("@page { size: A4 portrait");
    expect(html).toContain("Option A fitted to £6,000");
    expect(html).toContain('aria-label="Options and totals"');
    expect(html).not.toMatch(/<script/i);
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
