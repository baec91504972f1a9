/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { expectAccessible, failOnConsoleError, modelPort, previewPort, renderScreen } from "./helpers/setup";
import { keyRowIndex } from "../../src/model/rates";
import { discoverModel } from "../../src/taskpane/workbook/discover";
import { ehcpBands, keyInWords, searchKeys, topupMatrix } from "../../src/taskpane/workbook/matrix";

async function ratesGrid(port: Awaited<ReturnType<typeof modelPort>>["port"]) {
  const used = (await port.usedRange("Rates"))!;
  return port.readValues("Rates", used) as Promise<(string | number | null)[][]>;
}

const cell = (label: string) =>
  screen.getByLabelText(new RegExp(`^${label.replace(/[()/]/g, "\\$&")}`)) as HTMLInputElement;

describe("the rates matrix", () => {
  it("lays out top-up by band and setting in words, keys underneath, with what each cell inherits", async () => {
    const { port } = await modelPort();
    const rates = (await discoverModel(port)).rates!;
    expect(ehcpBands(rates)).toEqual(["band1", "band2", "band3"]);
    const m = topupMatrix(rates, "Option A");
    expect(m.rows.map((r) => r.label)).toEqual(["Band 1", "Band 2", "Band 3"]);
    expect(m.columns).toEqual([
      "Mainstream school",
      "Resourced provision / unit",
      "Special school",
      "Alternative provision",
      "Further education",
      "Early years",
      "Independent special",
    ]);
    const special3 = m.rows[2].cells[2];
    expect(special3).toMatchObject({
      key: "topup.special.band3",
      label: "Top-up, Band 3, Special school",
      unit: "£/pupil/year",
      own: null,
      effective: { value: 17220, from: "Local (sample)" },
    });
    expect(keyInWords("place.rb.unoccupied")).toBe("Place funding, Resourced provision place, unoccupied");
  });

  it("finds keys from words", async () => {
    const { port } = await modelPort();
    const rates = (await discoverModel(port)).rates!;
    expect(
      searchKeys("band 3 top up", rates)
        .slice(0, 8)
        .every((s) => /^topup\.[a-z]+\.band3$/.test(s.key)),
    ).toBe(true);
    expect(searchKeys("special band 3 topup", rates)[0]).toMatchObject({
      key: "topup.special.band3",
      words: "Top-up, Band 3, Special school",
      inTable: true,
    });
    expect(searchKeys("special place", rates)[0].key).toBe("place.special");
    expect(searchKeys("early years inclusion band 2", rates)[0].key).toBe("ey.senif.band2");
    expect(searchKeys("grant growth", rates)[0].key).toBe("proj.grant.growth");
    expect(searchKeys("zebra", rates)).toEqual([]);
  });
});

describe("Rates screen", () => {
  failOnConsoleError();

  it("asks for a model when there is no rates table", async () => {
    await renderScreen(previewPort(), "rates");
    expect(screen.getByText(/no rates table yet/)).toBeTruthy();
  });

  it("a cell edit writes that key's cell in the option's column, without asking when it was empty", async () => {
    const { port } = await modelPort();
    const { container } = await renderScreen(port, "rates");
    expect((screen.getByLabelText("Option to edit") as HTMLSelectElement).value).toBe("Option A");
    const input = cell("Top-up, Band 3, Special school (£/pupil/year), Option A");
    expect(input.value).toBe("");
    expect(input.placeholder).toBe("£17,220.00 from Local (sample)");
    fireEvent.change(input, { target: { value: "£18,500" } });
    fireEvent.keyDown(input, { key: "Enter" });
    await screen.findByText(/Saved Top-up, Band 3, Special school for Option A/);
    const grid = await ratesGrid(port);
    const row = keyRowIndex(grid, "topup.special.band3");
    expect(grid[0][6]).toBe("Option A");
    expect(grid[row][6]).toBe(18500);
    expect(grid[row][5]).toBe(17220);
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(cell("Top-up, Band 3, Special school (£/pupil/year), Option A").value).toBe("18500");
    await expectAccessible(container);
  });

  it("asks before overwriting a rate and keeps it when declined", async () => {
    const { port } = await modelPort();
    await renderScreen(port, "rates");
    fireEvent.change(screen.getByLabelText("Option to edit"), { target: { value: "Local (sample)" } });
    const input = cell("Top-up, Band 1, Mainstream school (£/pupil/year), Local (sample)");
    expect(input.value).toBe("1600");
    fireEvent.change(input, { target: { value: "1700" } });
    fireEvent.blur(input);
    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    const row = keyRowIndex(await ratesGrid(port), "topup.mainstream.band1") + 1;
    expect(within(dialog).getByText(`Rates!F${row}`)).toBeTruthy();
    fireEvent.click(within(dialog).getByText("Keep existing cells"));
    await screen.findByText(/Nothing was written: 1 existing cell kept/);
    expect((await port.readValues("Rates", `F${row}`))[0][0]).toBe(1600);
  });

  it("checks the unit before writing anything", async () => {
    const { port } = await modelPort();
    await renderScreen(port, "rates");
    const input = cell("Funded weeks a year (weeks), Option A");
    fireEvent.change(input, { target: { value: "60" } });
    expect(screen.getByRole("alert").textContent).toBe(
      "Funded weeks a year: ey.weeks must be at least 0 and at most 52 (weeks); you entered 60.",
    );
    fireEvent.keyDown(input, { key: "Enter" });
    const grid = await ratesGrid(port);
    expect(grid[keyRowIndex(grid, "ey.weeks")][6]).toBeNull();
  });

  it("adds the key row a from-scratch table lacks", async () => {
    const { port } = await modelPort();
    await renderScreen(port, "rates");
    fireEvent.click(screen.getByLabelText("Show every setting"));
    const input = cell("Top-up, Band 2, Any setting (fallback) (£/pupil/year), Option A");
    fireEvent.change(input, { target: { value: "2,500" } });
    fireEvent.keyDown(input, { key: "Enter" });
    await screen.findByText(/Saved Top-up, Band 2, Any setting/);
    const grid = await ratesGrid(port);
    const row = keyRowIndex(grid, "topup.all.band2");
    expect(row).toBeGreaterThan(0);
    expect(grid[row][6]).toBe(2500);
  });

  it("search in words picks a key and saves it", async () => {
    const { port } = await modelPort();
    await renderScreen(port, "rates");
    fireEvent.change(screen.getByLabelText(/^Find a rate/), { target: { value: "special place" } });
    const list = screen.getByRole("list", { name: "Matching rates" });
    fireEvent.click(within(list).getByRole("button", { name: "Place funding, Special school place" }));
    expect(screen.getByText("Now £10,000.00 (inherited from National 2024-25)", { exact: false })).toBeTruthy();
    fireEvent.change(screen.getByLabelText("New value for Option A"), { target: { value: "£11k" } });
    fireEvent.click(screen.getByRole("button", { name: "Save rate" }));
    await screen.findByText(/Saved Place funding, Special school place for Option A/);
    const grid = await ratesGrid(port);
    expect(grid[keyRowIndex(grid, "place.special")][6]).toBe(11000);
  });
});
