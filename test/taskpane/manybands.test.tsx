/** @jest-environment jsdom */
// A model with 8 lettered bands (an officer's own banding, "EHCP Band A" to "EHCP Band H"): the Rates matrix shows
// each band by its own name, reflows to fit a narrow pane (settings across, or one setting at a time), lists a bad
// entry as a sentence under the matrix, and "Find a rate" matches words in any order.
import { fireEvent, screen, within } from "@testing-library/react";
import { LIBRARY } from "../../src/engine/library";
import { bandWords } from "../../src/model/rateWords";
import { planModel } from "../../src/model/model";
import { createModel } from "../../src/taskpane/actions/createModel";
import { discoverModel } from "../../src/taskpane/workbook/discover";
import { headerOf, searchKeys, topupMatrix } from "../../src/taskpane/workbook/matrix";
import { matrixLayout } from "../../src/taskpane/screens/Rates/Rates";
import { failOnConsoleError, previewPort, renderScreen } from "./helpers/setup";

const LETTERS = "ABCDEFGH".split("");
const NATIONAL = LIBRARY.find((o) => o.name.includes("2024-25"))!.name;

async function eightBands(settings = ["mainstream", "special"]) {
  const port = previewPort();
  const header = ["Name", "URN", "Phase", "Primary Pupils", ...LETTERS.map((l) => `EHCP Band ${l}`)];
  const plan = planModel({
    existing: [],
    national: NATIONAL,
    candidates: [{ name: "Option A", inherits: NATIONAL }],
    institutions: { header, rows: [["Oak Primary", 1, "Primary", 200, 1, 0, 0, 0, 0, 0, 0, 1]] },
    keys: settings.flatMap((s) =>
      LETTERS.map((l) => ({ key: `topup.${s}.band${l.toLowerCase()}`, description: "", unit: "£/pupil", section: "" })),
    ),
  });
  await createModel(port, plan, async () => true);
  return port;
}

describe("eight bands in a narrow pane", () => {
  failOnConsoleError();

  it("names bands by their own names and searches words in any order", async () => {
    expect(["banda", "Band b", "band3", "3", "High needs"].map(bandWords)).toEqual([
      "Band A",
      "Band B",
      "Band 3",
      "Band 3",
      "High needs",
    ]);
    const port = await eightBands();
    const model = await discoverModel(port);
    const m = topupMatrix(model.rates!, "Option A", { header: headerOf(model) });
    expect(m.rows.map((r) => r.label).slice(-8)).toEqual(LETTERS.map((l) => `Band ${l}`));
    expect(matrixLayout(m)).toBe("settings-across");
    expect(matrixLayout(topupMatrix(model.rates!, "Option A", { everySetting: true }))).toBe("one-setting");
    for (const q of ["band c top up special", "special band c top up", "top up special c band"])
      expect(searchKeys(q, model.rates!, 8, headerOf(model))[0]?.key).toBe("topup.special.bandc");
  });

  it("shows settings across and bands down, then one setting at a time, with problems as sentences below", async () => {
    const port = await eightBands();
    await renderScreen(port, "rates");
    const table = await screen.findByRole("table", { name: /^Top-up/ });
    const heads = within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(heads).toEqual(["Band", "Mainstream school", "Special school"]);
    const rows = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((r) => r.querySelector("td")?.textContent);
    expect(rows).toEqual(expect.arrayContaining(LETTERS.map((l) => `Band ${l}`)));
    expect(rows.some((r) => /band[a-h]$/.test(r ?? ""))).toBe(false);

    const c = screen.getByLabelText("Top-up, Band C, Special school (£/pupil/year), Option A");
    fireEvent.change(c, { target: { value: "lots" } });
    const problems = screen.getByRole("list", { name: /^Problems in Top-up/ });
    expect(problems.textContent).toMatch(/^Top-up, Band C, Special school: .+/);
    expect(c.getAttribute("aria-describedby")).toBe(problems.querySelector("[role=alert]")?.id);

    fireEvent.click(screen.getByLabelText("Show every setting"));
    const setting = await screen.findByLabelText("Setting");
    fireEvent.change(setting, { target: { value: "2" } });
    const one = screen.getByRole("table", { name: /^Top-up/ });
    expect(
      within(one)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Band", "Special school"]);
    expect(within(one).getAllByRole("textbox").length).toBe(8);
  });
});
