/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { expectAccessible, failOnConsoleError, modelPort, previewPort, renderScreen } from "./helpers/setup";
import { allocateAll, echoCalc, type Calc } from "./helpers/memoryBook";
import type { CellValue } from "../../src/taskpane/ports/WorkbookPort";
import { countBounds } from "../../src/taskpane/actions/fit";

function fitCalc(fit: CellValue[][]): Calc {
  return (f, at, book) => {
    const alloc = allocateAll(f, () => (f.includes('"Local (sample)"') ? 1000 : 1100));
    if (alloc) return alloc;
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
    expect(await screen.findByText("£6,600.00")).toBeTruthy(); // the option's current total
    await fill({
      "Amounts to fit": "Option A",
      Budget: "£6,120",
      Baseline: "Local (sample)",
      Floor: "-0.5%",
      Cap: "5",
    });
    fireEvent.click(screen.getByRole("button", { name: "Write SEND.FIT column" }));
    const results = await screen.findByLabelText("Fit results");
    expect(results.textContent).toContain("Fitted amounts written to Allocations!E2:E7.");
    expect(results.textContent).toContain("2 institutions were protected at the floor; 2 were capped.");
    // 6 × 1,100 before; the two rows at neither bound went from 1,100 to 1,020 and 1,010
    expect(results.textContent).toContain("Fitted total£6,120.00");
    expect(results.textContent).toContain("Before fitting£6,600.00");
    expect(results.textContent).toContain(`Factor× ${(2030 / 2200).toFixed(4)}`);
    expect(await port.readFormulas("Allocations", "E1:E2")).toEqual([
      ["Fit Option A to £6,120"],
      ["=SEND.FIT(D2:D7,6120,C2:C7,-0.005,0.05)"],
    ]);
    expect(port.meta.numberFormats).toContainEqual({ sheet: "Allocations", range: "E2:E7", format: "#,##0.00" });
    await expectAccessible(container);
  });

  it("writes nothing when the budget cannot be met", async () => {
    const { port } = await modelPort(
      fitCalc([[{ error: "#NUM!", message: "the budget is below the sum of the floors" }]]),
    );
    await renderScreen(port, "fit");
    await fill({ Budget: "100", Baseline: "Local (sample)", Floor: "0" });
    fireEvent.click(screen.getByRole("button", { name: "Write SEND.FIT column" }));
    expect(
      await screen.findByText(
        /SEND.FIT returned #NUM!: the budget is below the sum of the floors. Nothing was written/,
      ),
    ).toBeTruthy();
    expect(await port.readFormulas("Allocations", "E1:E2")).toEqual([[null], [null]]);
  });

  it("accepts £5m and a re-run replaces its own column, asking before it changes", async () => {
    const { port } = await modelPort(fitCalc([[1]]));
    await renderScreen(port, "fit");
    await fill({ Budget: "£5m" });
    fireEvent.click(screen.getByRole("button", { name: "Write SEND.FIT column" }));
    await screen.findByText(/written to Allocations!E2:E7/);
    expect(await port.readFormulas("Allocations", "E2")).toEqual([["=SEND.FIT(D2:D7,5000000)"]]);
    // the same fit again changes nothing, so nothing is asked
    fireEvent.click(screen.getByRole("button", { name: "Write SEND.FIT column" }));
    await screen.findByText(/replaced the earlier fit in Allocations!E2:E7/);
    expect(screen.queryByRole("alertdialog")).toBeNull();
    // a new budget replaces the same column after the overwrite question
    await fill({ Budget: "5.2m" });
    fireEvent.click(screen.getByRole("button", { name: "Write SEND.FIT column" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(dialog.textContent).toContain("Allocations!E1");
    fireEvent.click(within(dialog).getByText("Overwrite"));
    await screen.findByText(/replaced the earlier fit in Allocations!E2:E7/);
    expect(await port.readFormulas("Allocations", "E1:F2")).toEqual([
      ["Fit Option A to £5,200,000", null],
      ["=SEND.FIT(D2:D7,5200000)", null],
    ]);
  });

  it("validates the inputs", async () => {
    const { port } = await modelPort(fitCalc([[1]]));
    await renderScreen(port, "fit");
    const button = () => screen.getByRole("button", { name: "Write SEND.FIT column" }) as HTMLButtonElement;
    expect(button().disabled).toBe(true);
    await fill({ Budget: "lots" });
    expect(screen.getByText("Budget: 'lots' is not a number (for example £5m, 5,000,000 or 5.2m).")).toBeTruthy();
    await fill({ Budget: "100", Cap: "5" });
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
    expect(countBounds([99.5, 105, 101, "x", null], [100, 100, 100, 100, 100], -0.005, 0.05)).toEqual({
      protected: 1,
      capped: 1,
    });
    expect(countBounds([99.5], null, -0.005)).toEqual({ protected: 0, capped: 0 });
  });
});
