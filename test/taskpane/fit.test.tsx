/** @jest-environment jsdom */
import { fireEvent, screen } from "@testing-library/react";
import { expectAccessible, failOnConsoleError, modelPort, previewPort, renderScreen } from "./helpers/setup";
import { echoCalc, type Calc } from "./helpers/memoryBook";
import type { CellValue } from "../../src/taskpane/ports/WorkbookPort";
import { countBounds } from "../../src/taskpane/actions/fit";

function fitCalc(fit: CellValue[][]): Calc {
  return (f, at, book) => {
    if (f.startsWith("=SEND.ALLOCATE(")) return [[f.includes('"Local (sample)"') ? 1000 : 1100]];
    if (f.startsWith("=SEND.FIT(")) return fit;
    return echoCalc(f, at, book);
  };
}

async function fill(values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    const el = screen.getByLabelText(new RegExp(`^${label.replace(/[()]/g, "\\$&")}`));
    fireEvent.change(el, { target: { value } });
  }
}

describe("Fit to budget screen", () => {
  failOnConsoleError();

  it("writes SEND.FIT next to the allocations and counts protected and capped institutions", async () => {
    const { port } = await modelPort(fitCalc([[995], [1050], [1020], [995], [1050], [1010]]));
    const { container } = await renderScreen(port, "fit");
    await fill({ "Amounts to fit": "Option A", "Budget": "£6,120", "Baseline": "Local (sample)", "Floor": "-0.5", "Cap": "5" });
    fireEvent.click(screen.getByRole("button", { name: "Write SEND.FIT column" }));
    const results = await screen.findByLabelText("Fit results");
    expect(results.textContent).toContain("Fitted amounts written to Allocations!E2:E7.");
    expect(results.textContent).toContain("2 institutions were protected at the floor; 2 were capped.");
    expect(await port.readFormulas("Allocations", "E1:E2")).toEqual([["Fit Option A to 6,120"], ["=SEND.FIT(D2:D7,6120,C2:C7,-0.005,0.05)"]]);
    expect(port.meta.numberFormats).toContainEqual({ sheet: "Allocations", range: "E2:E7", format: "#,##0.00" });
    await expectAccessible(container);
  });

  it("shows the error when the budget cannot be met", async () => {
    const { port } = await modelPort(fitCalc([[{ error: "#NUM!", message: "the budget is below the sum of the floors" }]]));
    await renderScreen(port, "fit");
    await fill({ "Budget": "100", "Baseline": "Local (sample)", "Floor": "0" });
    fireEvent.click(screen.getByRole("button", { name: "Write SEND.FIT column" }));
    expect(await screen.findByText(/SEND.FIT returned #NUM!: the budget is below the sum of the floors/)).toBeTruthy();
  });

  it("puts a second fit in the next free column, overwriting nothing", async () => {
    const { port } = await modelPort(fitCalc([[1]]));
    await renderScreen(port, "fit");
    // a second fit goes in the next free column, so nothing is overwritten
    await fill({ "Budget": "100" });
    fireEvent.click(screen.getByRole("button", { name: "Write SEND.FIT column" }));
    await screen.findByText(/written to Allocations!E2:E7/);
    fireEvent.click(screen.getByRole("button", { name: "Write SEND.FIT column" }));
    await screen.findByText(/written to Allocations!F2:F7/);
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });

  it("validates the inputs", async () => {
    const { port } = await modelPort(fitCalc([[1]]));
    await renderScreen(port, "fit");
    const button = () => screen.getByRole("button", { name: "Write SEND.FIT column" }) as HTMLButtonElement;
    expect(button().disabled).toBe(true);
    await fill({ "Budget": "lots" });
    expect(screen.getByText("Budget: 'lots' is not a number.")).toBeTruthy();
    await fill({ "Budget": "100", "Cap": "5" });
    expect(screen.getByText("Choose a baseline for the floor and cap.")).toBeTruthy();
    expect(button().disabled).toBe(true);
  });

  it("needs allocations", async () => {
    await renderScreen(previewPort(), "fit");
    expect(screen.getByText(/no Allocations sheet yet/)).toBeTruthy();
  });
});

describe("countBounds", () => {
  it("counts results at the floor or the cap to the penny", () => {
    expect(countBounds([99.5, 105, 101, "x", null], [100, 100, 100, 100, 100], -0.005, 0.05)).toEqual({ protected: 1, capped: 1 });
    expect(countBounds([99.5], null, -0.005)).toEqual({ protected: 0, capped: 0 });
  });
});
