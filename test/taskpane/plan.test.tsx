/** @jest-environment jsdom */
// The Plan screen on the real headless workbook: the officer picks the two options, is asked before the Rates cells
// the plan rewrites change, and sees the starting numbers with their sources and the balances; the choices survive
// a visit to another screen; without a projection the screen says how to make one.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { HeadlessWorkbook } from "../../src/headless/workbook";
import { PreviewPort } from "../../src/taskpane/ports/PreviewPort";
import { buildPreviewModel } from "../../src/taskpane/preview/demoModel";
import { PLAN_SHEETS } from "../../src/model/planWorkbook";
import { expectAccessible, failOnConsoleError, noExplain, renderScreen } from "./helpers/setup";
import { RATES } from "../headless/functions/fixture";

async function preview(): Promise<PreviewPort> {
  const p = new PreviewPort(HeadlessWorkbook.create({}), noExplain);
  await buildPreviewModel(p, 6);
  return p;
}

const select = (label: string) => screen.getByLabelText(label) as HTMLSelectElement;

describe("Plan screen", () => {
  failOnConsoleError();

  it("builds the plan after asking, then shows the starting numbers with their sources and the balances", async () => {
    const p = await preview();
    const { container } = await renderScreen(p, "plan");
    expect(select("Option for the unmitigated plan").value).toBe("Unmitigated");
    expect(select("Option for the mitigated plan").value).toBe("Mitigated");
    expect(screen.getByText(/the High Needs allocations of a Blocks sheet the plan adds/)).toBeTruthy();
    await expectAccessible(container);

    fireEvent.click(screen.getByRole("button", { name: "Build the plan" }));
    // the unmitigated option's typed proj.* counts become formulas over the Starting numbers: asked first
    const dialog = await screen.findByRole("alertdialog", {}, { timeout: 15000 });
    expect(within(dialog).getAllByText(/Rates/).length).toBeGreaterThan(0);
    fireEvent.click(within(dialog).getByRole("button", { name: "Overwrite" }));
    const results = await screen.findByLabelText("Plan results", {}, { timeout: 15000 });
    expect(within(results).getByText(/with a new Blocks sheet for the starting allocations/)).toBeTruthy();
    const starting = within(results).getByRole("table", { name: "Starting numbers" });
    const rows = within(starting).getAllByRole("row");
    expect(rows).toHaveLength(8); // header and seven settings
    expect(rows[1].textContent).toMatch(/^mainstream\d[\d,]*£[\d,]+model: Institutions \(EHCP bands\)/);
    expect(rows[7].textContent).toMatch(/^isp.*proj\.isp\.count and proj\.isp\.cost \(the model has no EHCPs here\)$/);
    const balances = within(results).getByRole("table", { name: "Balances carried forward" });
    expect(within(balances).getAllByRole("row")[0].textContent).toBe("YearUnmitigatedMitigatedRisk-adjusted");
    expect(within(balances).getAllByRole("row")).toHaveLength(6);
    expect(await p.sheetNames()).toEqual(expect.arrayContaining(Object.values(PLAN_SHEETS)));
    await expectAccessible(container);
  }, 60000);

  it("keeps the chosen options across screens and warns that existing plan sheets are rewritten", async () => {
    const p = await preview();
    await renderScreen(p, "plan");
    fireEvent.change(select("Option for the mitigated plan"), { target: { value: "Unmitigated" } });
    fireEvent.click(screen.getByRole("tab", { name: "Rates" }));
    fireEvent.click(await screen.findByRole("tab", { name: "Plan" }));
    await waitFor(() => expect(select("Option for the mitigated plan").value).toBe("Unmitigated"));
    expect(screen.queryByText(/already has/)).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Build the plan" }));
    fireEvent.click(await screen.findByRole("button", { name: "Overwrite" }, { timeout: 15000 }));
    await screen.findByLabelText("Plan results", {}, { timeout: 15000 });
    const [[mitigated]] = await p.readValues(PLAN_SHEETS.summary, "B3");
    expect(mitigated).toBe("Unmitigated");
    await waitFor(() => expect(screen.getByText(/This workbook already has Cover, Financial summary/)).toBeTruthy());
  }, 60000);

  it("says there is nothing to plan when no option has a projection, and opens Projection", async () => {
    const rates = RATES.filter((r) => !String(r[0]).startsWith("proj."));
    const port = new PreviewPort(HeadlessWorkbook.create({ Rates: rates }), noExplain);
    await renderScreen(port, "plan");
    expect(screen.getByText(/No option of the rates table has a projection/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Open Projection" }));
    expect(await screen.findByRole("button", { name: "Write assumptions and projection" })).toBeTruthy();
  });
});
