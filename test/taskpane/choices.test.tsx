/** @jest-environment jsdom */
// A re-run keeps every choice the officer made on the screen: Projection's "Pupils from" survives writing the
// projection, changing the opening balance, visiting another screen and reopening the pane; Fit keeps its budget.
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { HeadlessWorkbook } from "../../src/headless/workbook";
import { PreviewPort } from "../../src/taskpane/ports/PreviewPort";
import { historyTable } from "../../src/data/ehcp";
import { buildPreviewModel } from "../../src/taskpane/preview/demoModel";
import { writeDemand } from "../../src/taskpane/actions/demand";
import { failOnConsoleError, noExplain, renderScreen } from "./helpers/setup";

const FROM_DEMAND =
  /^=SEND\.PROJECT\(Rates!\$A\$1:\$[A-Z]+\$\d+,"Unmitigated",Demand!\$S\$7:\$W\$55,Demand!\$A\$7:\$[A-Z]+\$\d+\)$/;

async function withForecast(): Promise<PreviewPort> {
  const p = new PreviewPort(HeadlessWorkbook.create({}), noExplain);
  await buildPreviewModel(p, 6);
  await writeDemand(
    p,
    {
      title: "Demand: test",
      source: "REAL",
      history: historyTable("E10000013")!,
      horizon: 3,
      coverage: 0.8,
      overflow: false,
      capacity: [],
    },
    async () => false,
  );
  return p;
}

const pupilsFrom = () => screen.getByLabelText("Pupils from") as HTMLSelectElement;
const selectedText = () => pupilsFrom().selectedOptions[0]?.textContent;

async function writeProjection() {
  fireEvent.click(screen.getByRole("button", { name: "Write assumptions and projection" }));
  const ask = await screen.findByRole("button", { name: "Overwrite" }).catch(() => null);
  if (ask) fireEvent.click(ask);
  await screen.findByLabelText("Projection results", {}, { timeout: 15000 });
}

describe("choices survive a re-run", () => {
  failOnConsoleError();

  it("Projection keeps Pupils from when only the opening balance changes, across screens and a reopened pane", async () => {
    const p = await withForecast();
    const { unmount } = await renderScreen(p, "projection");
    const from = await screen.findByRole("option", { name: "Demand forecast on Demand" });
    fireEvent.change(pupilsFrom(), { target: { value: (from as HTMLOptionElement).value } });
    fireEvent.change(screen.getByLabelText("First financial year, Unmitigated"), { target: { value: "" } });
    fireEvent.change(screen.getByLabelText("Years, Unmitigated"), { target: { value: "" } });
    await writeProjection();
    expect((await p.readFormulas("Projection", "A2:A2"))[0][0]).toMatch(FROM_DEMAND);

    // change only the opening balance and run again: still from the forecast
    fireEvent.change(screen.getByLabelText("Opening balance, Unmitigated"), { target: { value: "-£2m" } });
    expect(selectedText()).toBe("Demand forecast on Demand");
    await writeProjection();
    const sheets = await p.sheetNames();
    const second = sheets[sheets.length - 1];
    expect(second).not.toBe("Projection");
    expect((await p.readFormulas(second, "A2:A2"))[0][0]).toMatch(FROM_DEMAND);

    // another screen and back: the choice is kept
    fireEvent.click(screen.getByRole("tab", { name: "Rates" }));
    fireEvent.click(await screen.findByRole("tab", { name: "Projection" }));
    await screen.findByRole("option", { name: "Demand forecast on Demand" });
    await waitFor(() => expect(selectedText()).toBe("Demand forecast on Demand"));
    unmount();

    // the pane reopened: the latest projection sheet says where its pupils came from
    await renderScreen(p, "projection");
    await screen.findByRole("option", { name: "Demand forecast on Demand" });
    await waitFor(() => expect(selectedText()).toBe("Demand forecast on Demand"));
  }, 60000);

  it("a forecast that is gone is said, not silently replaced by the typed counts", async () => {
    const p = await withForecast();
    await renderScreen(p, "projection");
    const from = await screen.findByRole("option", { name: "Demand forecast on Demand" });
    fireEvent.change(pupilsFrom(), { target: { value: (from as HTMLOptionElement).value } });
    await p.write({
      sheet: "Demand",
      kind: "formulas",
      blocks: [{ topLeft: "S7", rows: [[""]] }],
      confirmOverwrite: true,
    });
    fireEvent.click(screen.getByRole("tab", { name: "Rates" }));
    fireEvent.click(await screen.findByRole("tab", { name: "Projection" }));
    expect(
      await screen.findByText(/Pupils from: the demand forecast chosen \(Demand!S7\) is no longer in the workbook/),
    ).toBeTruthy();
    expect(
      (screen.getByRole("button", { name: "Write assumptions and projection" }) as HTMLButtonElement).disabled,
    ).toBe(true);
  }, 60000);

  it("Fit keeps the budget, floor and cap when the officer goes to another screen and back", async () => {
    const p = await withForecast();
    await renderScreen(p, "fit");
    fireEvent.change(await screen.findByLabelText(/^Budget/), { target: { value: "£5m" } });
    fireEvent.change(screen.getByLabelText(/^Cap/), { target: { value: "5%" } });
    fireEvent.click(screen.getByRole("tab", { name: "Rates" }));
    fireEvent.click(await screen.findByRole("tab", { name: "Fit to budget" }));
    expect(((await screen.findByLabelText(/^Budget/)) as HTMLInputElement).value).toBe("£5m");
    expect((screen.getByLabelText(/^Cap/) as HTMLInputElement).value).toBe("5%");
  }, 60000);
});
