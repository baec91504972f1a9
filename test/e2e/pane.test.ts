// End to end in a real browser: the built preview (webpack, served over HTTP on 127.0.0.1) in Debian's
// chromium, driven by playwright-core. One user journey from an empty workbook: New model (with the
// overwrite confirmation on a re-run), Options, Compare, Fit, Projection, Explain, Publish, Home. Each step
// checks what the pane and the grid show against figures worked out in Node (expected.ts), runs axe-core
// on the page and fails on any Content-Security-Policy violation; each screen is saved as a screenshot.
import * as fs from "fs";
import * as path from "path";
import type { Locator, Page } from "playwright-core";
import { formatMoney } from "../../src/taskpane/numbers";
import { presentTrace } from "../../src/taskpane/workbook/trace";
import type { CellValue, RawCell } from "../../src/taskpane/ports/WorkbookPort";
import { FLOW, expectedFlow, type Expected } from "./expected";
import { historyTable } from "../../src/data/ehcp";
import { parseCellOrThrow, parseRangeOrThrow } from "../../src/util/a1";
import { forecast } from "../../src/engine/forecast";
import {
  axeSerious,
  describeAxe,
  DIST,
  DOCS_SCREENSHOTS,
  ourCspViolations,
  ourErrors,
  screenshot,
  SCREENSHOTS,
  watch,
  type PageLog,
  openPreview,
  type Preview,
} from "./support";

const WAIT = 20_000;
const SCREENS = [
  "new-model",
  "new-model-confirm",
  "options",
  "rates",
  "compare",
  "fit",
  "projection",
  "plan",
  "demand",
  "explain",
  "publish",
  "home",
  "paper",
];

let preview: Preview | undefined;
let page: Page;
let log: PageLog;
let expected: Expected;
let stepsPassed = 0;

beforeAll(async () => {
  // the build runs in a child process while Node works out the expected figures
  [preview, expected] = await Promise.all([openPreview(DIST, WAIT), expectedFlow()]);
  ({ page, log } = preview);
}, 180_000);

afterAll(async () => {
  await preview?.close();
});

// ---- page helpers --------------------------------------------------------------------------------

const screenTab = (name: string) =>
  page.getByRole("navigation", { name: "Screens" }).getByRole("tab", { name, exact: true });
const sheetTab = (name: string) =>
  page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name, exact: true });
const grid = (sheet: string) => page.getByRole("grid", { name: `Sheet ${sheet}`, exact: true });
const pane = () => page.getByRole("main");
const button = (name: string) => pane().getByRole("button", { name, exact: true });

/** The grid's cell at an A1 address, as displayed. */
function cell(sheet: string, a1: string): Locator {
  const { row, col } = parseCellOrThrow(a1);
  return grid(sheet)
    .locator("tbody > tr")
    .nth(row - 1)
    .locator("td")
    .nth(col - 1);
}

/** A select's default is set by an effect after the first render: wait for it, then choose and check. */
async function choose(label: string, value: string): Promise<void> {
  const select = pane().getByLabel(label);
  await until(async () => (await select.inputValue()) !== "", true, `${label} filled in`);
  await select.selectOption(value);
  await until(() => select.inputValue(), value, label);
}

async function showSheet(sheet: string): Promise<void> {
  await sheetTab(sheet).click();
  await grid(sheet).waitFor();
}

async function column(sheet: string, col: string, from: number, to: number): Promise<string[]> {
  const out: string[] = [];
  for (let r = from; r <= to; r++) out.push(await cell(sheet, `${col}${r}`).innerText());
  return out;
}

const parseMoney = (s: string) => Number(s.replace(/[£,]/g, ""));
/** A money cell as the grid shows it ("#,##0.00": separators, no £). */
const gridMoney = (v: CellValue | undefined) => formatMoney(v).replace("£", "");
const sumMoney = (xs: string[]) => Math.round(xs.reduce((t, s) => t + parseMoney(s), 0) * 100) / 100;
const sheets = () => page.evaluate(() => window.sendPreview!.sheets()) as Promise<Record<string, RawCell[][]>>;

/** Polls until `read` gives `want` (the page renders asynchronously after each action). */
async function until<T>(read: () => Promise<T>, want: T, what: string, timeout = WAIT): Promise<void> {
  const end = Date.now() + timeout;
  let last: T = await read();
  while (JSON.stringify(last) !== JSON.stringify(want)) {
    if (Date.now() > end) throw new Error(`${what}: expected ${JSON.stringify(want)}, still ${JSON.stringify(last)}`);
    await page.waitForTimeout(50);
    last = await read();
  }
}

/** After every screen: no CSP violation or console error of ours, no serious/critical axe issue, a screenshot. */
async function finishStep(name: string): Promise<void> {
  const csp = ourCspViolations(log, { officeJs: false });
  if (csp.length) throw new Error(`CSP violations on the preview:\n${JSON.stringify(csp, null, 2)}`);
  const errors = ourErrors(log, { officeJs: false });
  if (errors.length) throw new Error(`console errors on the preview:\n${errors.join("\n")}`);
  const axe = await axeSerious(page);
  if (axe.length)
    throw new Error(`axe-core: serious or critical violations on the ${name} screen:\n${describeAxe(axe)}`);
  await screenshot(page, name);
  stepsPassed++;
}

/** Print media: the paper visible, the tabs and the grid hidden (by CSS selectors: hidden elements have no role). */
async function expectPrintsOnlyThePaper(shot?: string): Promise<void> {
  await page.emulateMedia({ media: "print" });
  try {
    const visibility = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((n) => getComputedStyle(n).visibility);
    expect(await visibility(".send-paper article")).toBe("visible");
    expect(await visibility('nav[aria-label="Screens"]')).toBe("hidden");
    expect(await visibility('[aria-label="Sheets"]')).toBe("hidden");
    if (shot) await screenshot(page, shot);
  } finally {
    await page.emulateMedia({ media: "screen" });
  }
}

// ---- the journey ---------------------------------------------------------------------------------

describe("the task pane in chromium, on the built preview", () => {
  it("starts from an empty workbook", async () => {
    await pane().getByText("This workbook has no funding model yet", { exact: false }).waitFor();
    expect(await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab").allInnerTexts()).toEqual(["Sheet1"]);
  });

  it("New model: creates the model, then on a re-run asks before overwriting and keeps everything when declined", async () => {
    await screenTab("New model").click();
    expect(await pane().getByLabel("Candidate option name").inputValue()).toBe(FLOW.firstCandidate);
    expect(await pane().getByLabel("Sample institutions").inputValue()).toBe(String(FLOW.institutions));
    await button("Create model").click();
    await pane().getByText("Created Rates, Institutions, Allocations, Checks.").waitFor();
    expect(await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab").allInnerTexts()).toEqual([
      "Sheet1",
      "Rates",
      "Institutions",
      "Allocations",
      "Checks",
    ]);

    await showSheet("Allocations");
    expect(await column("Allocations", "A", 1, 2)).toEqual(["Name", "Synthetic Primary 01"]);
    expect(await cell("Allocations", "D1").innerText()).toBe(FLOW.firstCandidate);
    expect(await cell("Allocations", "D2").innerText()).toBe(gridMoney(expected.created.d2));
    expect(sumMoney(await column("Allocations", "D", 2, FLOW.institutions + 1))).toBe(
      Math.round(expected.created.total * 100) / 100,
    );

    // re-run over the model's own sheets with another candidate name: a confirmation listing the cells
    await pane().getByLabel("Candidate option name").fill(FLOW.candidate);
    expect(
      await pane()
        .getByRole("radio", { name: /^Rewrite its sheets \(Rates, Institutions, Allocations, Checks\)/ })
        .isChecked(),
    ).toBe(true);
    const before = await sheets();
    await button("Create model").click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    // the overwrite said in words: the option first, then what changes on each sheet (addresses only as detail)
    const lines = await dialog.getByRole("listitem").allInnerTexts();
    expect(lines).toEqual(
      expect.arrayContaining([
        `Option '${FLOW.firstCandidate}' on Rates would be deleted or renamed (1 cell of its column change).`,
        expect.stringMatching(/^Rates: 1 cell on 1 row/),
        expect.stringMatching(/^Allocations: \d+ cells on \d+ rows/),
      ]),
    );
    expect(await dialog.getByRole("heading").innerText()).toMatch(/^Overwrite \d+ existing cells\?$/);
    await screenshot(page, "new-model-confirm");
    await dialog.getByRole("button", { name: "Keep existing cells" }).click();
    await pane()
      .getByText(/^Nothing was written: \d+ existing cells kept\.$/)
      .waitFor();
    expect(await sheets()).toEqual(before);
    expect(await cell("Allocations", "D1").innerText()).toBe(FLOW.firstCandidate);

    // and again, confirmed: the model is rewritten in place (no "Rates (2)")
    await button("Create model").click();
    await dialog.getByRole("button", { name: "Overwrite" }).click();
    await pane().getByText("Rewrote Rates, Institutions, Allocations, Checks.").waitFor();
    await until(() => cell("Allocations", "D1").innerText(), FLOW.candidate, "Allocations!D1 after the rewrite");
    expect(await cell("Allocations", "D2").innerText()).toBe(gridMoney(expected.created.d2));
    expect(await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab").allInnerTexts()).toEqual([
      "Sheet1",
      "Rates",
      "Institutions",
      "Allocations",
      "Checks",
    ]);
    await finishStep("new-model");
  });

  it("Options: changes a rate, adds an option that inherits from the candidate and gives it its own rate", async () => {
    await screenTab("Options").click();
    await until(() => pane().getByLabel("Option to work on").inputValue(), FLOW.candidate, "the candidate selected");
    await pane().getByLabel("Key").fill(FLOW.rate.key);
    await pane()
      .getByLabel(/^Value/)
      .fill(FLOW.rate.candidate);
    await button("Save rate").click();
    await pane().getByText(`Saved ${FLOW.rate.key} for ${FLOW.candidate}`, { exact: false }).waitFor();

    await pane().getByLabel("New option name").fill(FLOW.scenario);
    await choose("Inherits from", FLOW.candidate);
    await button("Add option").click();
    await pane()
      .getByText(`Added option ${FLOW.scenario} inheriting from ${FLOW.candidate}`, { exact: false })
      .waitFor();
    const options = pane().getByRole("table", { name: "Options in the rates table" });
    await options.getByRole("row", { name: `${FLOW.scenario} ${FLOW.candidate}` }).waitFor();

    await until(() => pane().getByLabel("Option to work on").inputValue(), FLOW.scenario, "the new option selected");
    await pane()
      .getByLabel(/^Value/)
      .fill(FLOW.rate.scenario);
    await button("Save rate").click();
    await pane().getByText(`Saved ${FLOW.rate.key} for ${FLOW.scenario}`, { exact: false }).waitFor();
    const diffs = pane().getByRole("table", { name: `Differences of ${FLOW.scenario}` });
    await diffs.getByRole("row", { name: `${FLOW.rate.key} 4,100 5,200 from ${FLOW.candidate}` }).waitFor();

    // the grid: the new option's header is the text "-5% plan", not a formula
    await showSheet("Rates");
    const header = await grid("Rates").locator("tbody > tr").first().locator("td").allInnerTexts();
    expect(header).toContain(FLOW.scenario);
    const rates = (await sheets()).Rates;
    expect(rates[0]).toContain(`'${FLOW.scenario}`);
    await finishStep("options");
  });

  it("Rates: a cell of the matrix, in words, typed as an officer would, writes the scenario's rate", async () => {
    await screenTab("Rates").click();
    await choose("Option to edit", FLOW.scenario);
    const input = pane().getByLabel(`${FLOW.matrix.label}, ${FLOW.scenario}`, { exact: true });
    expect(await input.getAttribute("placeholder")).toMatch(/^£[\d,]+\.00 from /);
    await input.fill(FLOW.matrix.input);
    await input.press("Enter");
    await pane()
      .getByText(`Saved Place funding, Special school place for ${FLOW.scenario}`, { exact: false })
      .waitFor();
    await until(() => input.inputValue(), "10500", "the saved value shown in the matrix");
    // the search turns words into keys
    await pane().getByLabel("Find a rate").fill("band 3 top up special");
    await pane()
      .getByRole("list", { name: "Matching rates" })
      .getByRole("button", { name: "Top-up, Band 3, Special school" })
      .waitFor();
    const rates = (await sheets()).Rates;
    const row = rates.find((r) => r[0] === FLOW.matrix.key)!;
    expect(row).toContain(10500);
    await finishStep("rates");
  });

  it("Compare: writes the comparison sheet; totals, gainers and losers match the engine", async () => {
    await screenTab("Compare").click();
    await choose("Option A (from)", FLOW.candidate);
    await choose("Option B (to)", FLOW.scenario);
    await button("Write comparison sheet").click();
    const results = pane().getByLabel("Comparison results");
    await results.waitFor();
    const e = expected.engine;
    const dl = await results.locator("dl").innerText();
    expect(
      dl
        .split("\n")
        .map((s) => s.trim())
        .filter(Boolean),
    ).toEqual([
      `Total ${FLOW.candidate}`,
      formatMoney(e.totalA),
      `Total ${FLOW.scenario}`,
      formatMoney(e.totalB),
      "Difference",
      `${formatMoney(e.difference)} (${((e.difference / e.totalA) * 100).toFixed(1)}%)`,
    ]);
    await results.getByText(`${e.gaining} institutions gain, ${e.losing} lose, ${e.unchanged} unchanged.`).waitFor();
    expect(e.losing).toBeGreaterThan(0);

    // the grid follows to the comparison sheet; its Total row shows the same figures
    const sheet = expected.comparison.sheet;
    await grid(sheet).waitFor();
    const total = FLOW.institutions + 2;
    expect(await column(sheet, "A", total, total)).toEqual(["Total"]);
    expect([
      await cell(sheet, `B${total}`).innerText(),
      await cell(sheet, `C${total}`).innerText(),
      await cell(sheet, `D${total}`).innerText(),
    ]).toEqual([gridMoney(e.totalA), gridMoney(e.totalB), gridMoney(e.difference)]);
    await page
      .getByText(`Change per institution: ${FLOW.scenario} minus ${FLOW.candidate}`, { exact: false })
      .first()
      .waitFor();
    await finishStep("compare");
  });

  it("Fit: writes a SEND.FIT column that meets the budget, some institutions protected at the floor", async () => {
    await screenTab("Fit to budget").click();
    // the newest option (the scenario, with its own Allocations column) comes first; fit the candidate
    await until(
      () => pane().getByLabel("Amounts to fit").inputValue(),
      FLOW.scenario,
      "the newest option's amounts selected",
    );
    await choose("Amounts to fit", FLOW.candidate);
    await pane()
      .getByText(`Current total of ${FLOW.candidate}: ${formatMoney(expected.fit.before)}`)
      .waitFor();
    await pane().getByLabel("Budget (£)").fill(String(expected.budget));
    await choose("Baseline (last year's amounts)", FLOW.local);
    await pane().getByLabel("Floor (% change from baseline)").fill(FLOW.fit.floor);
    await pane().getByLabel("Cap (% change from baseline)").fill(FLOW.fit.cap);
    await button("Write SEND.FIT column").click();
    const results = pane().getByLabel("Fit results");
    await results.waitFor();
    expect(expected.fit.error).toBeNull();
    expect(expected.fit.protected).toBeGreaterThan(0);
    await results.getByText(`Fitted amounts written to Allocations!${expected.fit.range}.`).waitFor();
    await results
      .getByText(
        `${expected.fit.protected} institutions were protected at the floor; ${expected.fit.capped} were capped.`,
      )
      .waitFor();
    // the fitted total, the total before and the factor, in £
    const dl = (await results.locator("dl").innerText())
      .split("\n")
      .map((x) => x.trim())
      .filter(Boolean);
    expect(dl).toEqual([
      "Fitted total",
      formatMoney(expected.fit.fittedTotal),
      "Before fitting",
      formatMoney(expected.fit.before),
      "Factor",
      `× ${expected.fit.factor!.toFixed(4)}`,
    ]);

    await showSheet("Allocations");
    const col = expected.fit.range[0];
    expect(await cell("Allocations", `${col}1`).innerText()).toBe(
      `Fit ${FLOW.candidate} to ${formatMoney(expected.budget, { whole: Number.isInteger(expected.budget) })}`,
    );
    const fitted = await column("Allocations", col, 2, FLOW.institutions + 1);
    expect(fitted).toEqual(expected.fit.fitted.map((v) => gridMoney(v)));
    expect(sumMoney(fitted)).toBe(expected.budget);
    await finishStep("fit");
  });

  it("Projection: writes the plans' assumptions and a SEND.PROJECT sheet; the balances match", async () => {
    await screenTab("Projection").click();
    // grouped, collapsible assumptions; the first group is open
    await pane().getByRole("table", { name: "Timing and balance assumptions" }).waitFor();
    await pane().getByText("Costs and mitigation", { exact: true }).click();
    await pane().getByRole("table", { name: "Costs and mitigation assumptions" }).waitFor();
    await button("Write assumptions and projection").click();
    const results = pane().getByLabel("Projection results");
    await results.waitFor();
    const p = expected.projection;
    const rows = await results.getByRole("table", { name: "Cumulative balance" }).locator("tbody tr").allInnerTexts();
    expect(rows.map((r) => r.split("\t").map((s) => s.trim()))).toEqual(
      p.years.map((y, i) => [String(y), ...p.series.map((s) => formatMoney(s.cumulative[i], { whole: true }))]),
    );

    await grid(p.sheet).waitFor();
    const cumulative = await column(p.sheet, "E", 3, 2 + p.years.length);
    expect(cumulative).toEqual(p.series[0].cumulative.map((v) => gridMoney(v)));
    await page.getByRole("img", { name: /^Cumulative high needs balance\./ }).waitFor();
    await finishStep("projection");
  });

  it("Plan: after asking, writes the deficit management plan's tabs as live formulas; its balances read back", async () => {
    await screenTab("Plan").click();
    await choose("Option for the unmitigated plan", "Unmitigated");
    await choose("Option for the mitigated plan", "Mitigated");
    await button("Build the plan").click();
    // the unmitigated option's typed proj.* counts and costs on Rates become formulas over Starting numbers: asked
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    expect((await dialog.getByRole("listitem").allInnerTexts()).join("\n")).toMatch(/^Rates: \d+ cells? on \d+ rows?/m);
    await dialog.getByRole("button", { name: "Overwrite" }).click();
    const results = pane().getByLabel("Plan results");
    await results.waitFor();

    const book = await sheets();
    const planTabs = ["Cover", "Financial summary", "CYP summary", "Mitigations", "Narrative", "Starting numbers"];
    for (const s of [...planTabs, "Blocks"]) expect(Object.keys(book)).toContain(s);
    // live formulas, not values: SEND.PLAN over the model's rates, the Starting numbers over its institutions
    expect(book["Financial summary"][4][0]).toMatch(/^=SEND\.PLAN\(Rates!\$A\$1:\$[A-Z]+\$\d+,\$B\$2\)$/);
    expect(book["Starting numbers"][1][2]).toMatch(/^=SUMIF\('?Institutions'?!/);
    expect(book["Blocks"][1][2]).toMatch(/^=SEND\.ALLOCATEALL\(/);
    const rates = book["Rates"];
    const col = rates[0].indexOf("Unmitigated");
    const countRow = rates.find((r) => r[0] === "proj.mainstream.count")!;
    expect(countRow[col]).toMatch(/^=IF\('Starting numbers'!\$C\$2>0,/);

    // the starting numbers say where they come from; the balances are the Financial summary's own figures
    const starting = await results.getByRole("table", { name: "Starting numbers" }).locator("tbody tr").allInnerTexts();
    expect(starting).toHaveLength(7);
    expect(starting[0]).toMatch(/^mainstream\t\d[\d,]*\t£[\d,]+\tmodel: Institutions \(EHCP bands\)/);
    const balances = await results
      .getByRole("table", { name: "Balances carried forward" })
      .locator("tbody tr")
      .allInnerTexts();
    expect(balances).toHaveLength(expected.projection.years.length);
    await showSheet("Financial summary");
    await grid("Financial summary").getByText("Balance carried forward, mitigated and risk-adjusted").waitFor();
    await finishStep("plan");
  });

  it("Demand: forecasts a local authority's published history on a new sheet, with a fan chart and sufficiency", async () => {
    await screenTab("Demand").click();
    await choose("Local authority", "E10000013");
    await pane().getByText("13 years (2010 to 2022), 16 columns.").waitFor();
    await button("Write Demand sheet").click();
    const results = pane().getByLabel("Demand results");
    await results.waitFor();
    // the pane's Total rows are the engine's forecast of the same history, rounded to whole plans
    const engine = forecast(historyTable("E10000013")!, { horizon: 3, coverage: 0.8 });
    if (!Array.isArray(engine)) throw new Error(String(engine));
    const whole = (v: number) => Math.round(v).toLocaleString("en-GB");
    const totals = engine
      .filter((r) => r.breakdown.key === "total")
      .map((r) => [String(r.year), whole(r.low), whole(r.central), whole(r.high)]);
    const rows = await results.getByRole("table", { name: "Total plans forecast" }).locator("tbody tr").allInnerTexts();
    expect(rows.map((r) => r.split("\t").map((x) => x.trim()))).toEqual(totals);
    expect(await results.getByRole("table", { name: "Sufficiency" }).locator("tbody tr").count()).toBe(3);

    await grid("Demand").waitFor();
    expect(await cell("Demand", "A1").innerText()).toBe("Demand: Gloucestershire (E10000013)");
    expect(await cell("Demand", "S7").innerText()).toBe("Year");
    await page.getByRole("img", { name: /^Total EHC plans: actual and forecast \(80% interval\)\./ }).waitFor();
    // usable at 350 px (Excel's narrowest task pane): nothing on the screen needs a horizontal scroll
    const overflow = await page.getByLabel("Task pane").evaluate((el: HTMLElement) => {
      const before = el.style.width;
      el.style.width = "350px";
      const main = el.querySelector("main")!;
      const wide = [...main.querySelectorAll("*")]
        .filter((x) => x.getBoundingClientRect().right > el.getBoundingClientRect().right + 1)
        .map((x) => x.tagName);
      const result = { scroll: main.scrollWidth > main.clientWidth, wide: wide.slice(0, 5) };
      el.style.width = before;
      return result;
    });
    expect(overflow).toEqual({ scroll: false, wide: [] });
    await finishStep("demand");
  });

  it("Explain: traces an Allocations cell selected in the grid (keys and the options they came from)", async () => {
    await showSheet("Allocations");
    await cell("Allocations", FLOW.explainCell).click();
    await page
      .getByLabel("Formula bar")
      .getByText(/^Allocations!D2: =SEND\.ALLOCATEALL\(/)
      .waitFor();
    await screenTab("Explain").click();
    await button("Explain selected cell").click();
    const explanation = pane().getByLabel("Explanation");
    await explanation.waitFor();
    await explanation.getByText("Allocations!D2").waitFor();
    // each row: component / step, key / from option, rate / count, amount (two lines in a cell)
    const rows = explanation.getByRole("table", { name: "Trace" }).locator("tbody tr");
    const shown: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const cells = await rows.nth(i).locator("td").allInnerTexts();
      shown.push(
        cells.flatMap((c) =>
          c
            .split("\n")
            .map((x) => x.replace(/^(from |× )/, "").trim())
            .filter(Boolean),
        ),
      );
    }
    // £ amounts, shares inside the lines they multiply, £0 steps folded away
    const want = presentTrace(expected.explain.lines).shown.map((l) =>
      [l.component, l.label, l.key, l.from, l.rate, l.count, l.amount].filter((x): x is string => Boolean(x)),
    );
    expect(shown).toEqual(want);
    expect(shown.flat().filter((x) => /^-?£/.test(x)).length).toBeGreaterThan(0);
    // the candidate's own rate, and rates it inherits from the local and the national option
    const from = (key: string) => expected.explain.lines.find((l) => l.key === key)?.from;
    expect(from(FLOW.rate.key)).toBe(FLOW.candidate);
    expect(shown).toContainEqual(
      expect.arrayContaining([FLOW.rate.key, FLOW.candidate, formatMoney(Number(FLOW.rate.candidate))]),
    );
    expect(shown.some((r) => r.includes(FLOW.local))).toBe(true);
    expect(shown.some((r) => r.includes(FLOW.national))).toBe(true);
    await finishStep("explain");
  });

  it("Publish: values-only review sheets with no formulas, formula-like text kept as text", async () => {
    await screenTab("Publish").click();
    await button("Publish values-only copy").click();
    await pane()
      .getByText(/^Published Review Rates, .* and Review summary\.$/)
      .waitFor();
    const book = await sheets();
    const reviews = Object.keys(book).filter((s) => s.startsWith("Review "));
    expect(reviews).toEqual(
      expect.arrayContaining([
        "Review Rates",
        "Review Institutions",
        "Review Allocations",
        "Review Projection",
        "Review summary",
      ]),
    );
    for (const s of reviews) {
      const formulas = book[s].flat().filter((c) => typeof c === "string" && c.startsWith("="));
      expect({ sheet: s, formulas }).toEqual({ sheet: s, formulas: [] });
      expect(book[s].flat().some((c) => c !== null)).toBe(true);
    }
    // "-5% plan" is stored as text (the apostrophe prefix), shown as the plain text
    expect(book["Review Rates"][0]).toContain(`'${FLOW.scenario}`);
    // the fitted amounts were copied as their values
    const fitCol = parseRangeOrThrow(expected.fit.range).left - 1;
    expect(book["Review Allocations"].slice(1, FLOW.institutions + 1).map((r) => r[fitCol])).toEqual(
      expected.fit.fitted,
    );

    await grid("Review summary").waitFor();
    await grid("Review summary").getByText("SEND funding model: published for review").waitFor();
    await showSheet("Review Rates");
    expect(await grid("Review Rates").locator("tbody > tr").first().locator("td").allInnerTexts()).toContain(
      FLOW.scenario,
    );
    await showSheet("Review summary");
    await finishStep("publish");
  });

  it("Home: summarises the workbook", async () => {
    await screenTab("Home").click();
    const summary = pane().getByLabel("What is in this workbook");
    await summary.waitFor();
    const text = await summary.innerText();
    expect(text).toContain(
      `Rates: 6 options (${FLOW.national}, ${FLOW.local}, ${FLOW.candidate}, Unmitigated, Mitigated, ${FLOW.scenario})`,
    );
    expect(text).toContain(`Institutions: ${FLOW.institutions} rows`);
    expect(text).toContain(expected.comparison.sheet);
    await finishStep("home");
  });

  it("Forum paper: what each option changes in words, the fitting and the assumptions; prints only the paper", async () => {
    await screenTab("Forum paper").click();
    const paper = pane().getByRole("article", { name: "Paper" });
    await paper.waitFor();
    await paper
      .getByRole("list", { name: `Changes in ${FLOW.scenario}` })
      .getByText("Place funding, Special school place: £10,500", { exact: false })
      .waitFor();
    await paper
      .getByText("How the fitting works: SEND.FIT multiplies every amount by one factor", { exact: false })
      .waitFor();
    await paper.getByRole("table", { name: "Projection assumptions" }).waitFor();
    await paper.getByRole("img", { name: /^Total allocated by option\./ }).waitFor();
    await until(() => button("Save the paper to print").isEnabled(), true, "Print enabled");
    await finishStep("paper");
    // printed, only the paper shows: the tabs and the grid are hidden
    await expectPrintsOnlyThePaper();
  });

  it("taskpane.html and help.html load with no CSP violation of ours (office.js telemetry blocked on purpose)", async () => {
    const other = await page.context().newPage();
    const otherLog = await watch(other);
    await other.goto(`${preview!.url}/taskpane.html`);
    await other.getByText("This task pane runs inside Excel.", { exact: false }).waitFor();
    // office.js tries its telemetry frame 3 s after loading: wait for it, so the allow-list is exercised
    const seen = () => otherLog.csp.map((v) => v.directive).sort();
    await until(
      async () => seen().filter((d) => d === "frame-src" || d === "style-src-attr"),
      ["frame-src", "style-src-attr"],
      "office.js telemetry frame blocked",
    );
    await other.goto(`${preview!.url}/help.html`);
    await other.getByRole("heading", { name: "SEND functions", exact: true }).first().waitFor();
    await other.close();
    expect(ourCspViolations(otherLog, { officeJs: true })).toEqual([]);
    expect(ourErrors(otherLog, { officeJs: true })).toEqual([]);
    // the preview itself never loads office.js
    expect(log.failedRequests).toEqual([]);
  });

  it("took a screenshot of every screen; UPDATE_SCREENSHOTS=1 copies them to docs/screenshots/ for the README", () => {
    expect(stepsPassed).toBe(SCREENS.length - 1); // new-model-confirm is taken inside the New model step
    for (const name of SCREENS) expect(fs.statSync(path.join(SCREENSHOTS, `${name}.png`)).size).toBeGreaterThan(10_000);
    // Only on request, so a test run never dirties the working tree.
    if (process.env.UPDATE_SCREENSHOTS !== "1") return;
    fs.mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    for (const name of SCREENS)
      fs.copyFileSync(path.join(SCREENSHOTS, `${name}.png`), path.join(DOCS_SCREENSHOTS, `${name}.png`));
  });
});

// ---- an officer's own school list ----------------------------------------------------------------

describe("an officer's own 30 schools from a CSV with their own headers, at a 350 px pane", () => {
  const CSV = path.join(__dirname, "..", "import", "fixtures", "officer-schools.csv");
  const SCENARIO = "Higher top-ups";
  const TOPUP = "Top-up, Band 3, Mainstream school (£/pupil/year)";

  it("Import: proposes the mapping from the officer's headers, names what it keeps, imports 30 schools", async () => {
    await page.goto(`${preview!.url}/preview.html?workbook=empty`);
    await grid("Sheet1").waitFor();
    await screenTab("Import").click();
    await pane().locator("#import-file").setInputFiles(CSV);
    await until(
      () =>
        pane()
          .getByLabel(/^D: NOR \(Oct 2024\)/)
          .inputValue(),
      "Pupils (by phase)",
      "NOR mapped to pupils",
    );
    expect(
      await pane()
        .getByLabel(/^J: Band 3 EHCPs/)
        .inputValue(),
    ).toBe("EHCP Band 3");
    await pane()
      .getByText(/Kept unchanged in the Institutions table: L 'LAESTAB', M 'Notes'/)
      .waitFor();
    await finishStep("csv-import");
    await button("Import").click();
    await pane()
      .getByText(/^Imported 30 institutions into Institutions/)
      .waitFor();
    expect((await sheets()).Institutions.length).toBe(31);
  });

  it("Rates and Options: a top-up typed into the matrix, a new option with its own Allocations column", async () => {
    await screenTab("Rates").click();
    await choose("Option to edit", "Option A");
    // a from-scratch table has top-up rows to fill: the fallback for any setting, then mainstream band 3
    await pane().getByLabel("Show every setting").check();
    for (const [band, amount] of [
      ["1", "£2,000"],
      ["2", "£4,000"],
      ["3", "£5,500"],
    ]) {
      const all = pane().getByLabel(`Top-up, Band ${band}, Any setting (fallback) (£/pupil/year), Option A`, {
        exact: true,
      });
      await all.fill(amount);
      await all.press("Enter");
      await pane()
        .getByText(`Saved Top-up, Band ${band}, Any setting (fallback) for Option A`, { exact: false })
        .waitFor();
    }
    const a = pane().getByLabel(`${TOPUP}, Option A`, { exact: true });
    await a.fill("£6,000");
    await a.press("Enter");
    await pane().getByText("Saved Top-up, Band 3, Mainstream school for Option A", { exact: false }).waitFor();
    await finishStep("csv-rates");

    await screenTab("Options").click();
    await pane().getByLabel("New option name").fill(SCENARIO);
    await choose("Inherits from", "Option A");
    await button("Add option").click();
    await pane().getByText(`Added option ${SCENARIO} inheriting from Option A`, { exact: false }).waitFor();
    expect((await sheets()).Allocations[0]).toContain(SCENARIO);

    await screenTab("Rates").click();
    await choose("Option to edit", SCENARIO);
    const b = pane().getByLabel(`${TOPUP}, ${SCENARIO}`, { exact: true });
    expect(await b.getAttribute("placeholder")).toBe("£6,000.00 from Option A");
    await b.fill("7.5k");
    await b.press("Enter");
    await pane().getByText(`Saved Top-up, Band 3, Mainstream school for ${SCENARIO}`, { exact: false }).waitFor();
  });

  it("Compare and Fit: the new option against Option A, then fitted to a budget typed as '£…m'", async () => {
    await screenTab("Compare").click();
    await choose("Option A (from)", "Option A");
    await choose("Option B (to)", SCENARIO);
    await button("Write comparison sheet").click();
    const results = pane().getByLabel("Comparison results");
    await results.waitFor();
    await results.getByRole("img", { name: /^Largest changes per institution/ }).waitFor();
    const totals = await results.locator("dl").innerText();
    expect(totals).toMatch(/Difference\s+£[\d,]+\.\d\d/);
    await finishStep("csv-compare");

    await screenTab("Fit to budget").click();
    await choose("Amounts to fit", SCENARIO);
    const current = pane().getByText(`Current total of ${SCENARIO}:`, { exact: false });
    await current.waitFor();
    const total = Number((await current.innerText()).replace(/^.*£/, "").replace(/,/g, ""));
    expect(total).toBeGreaterThan(0);
    const millions = Math.floor((total * 0.98) / 1000) / 1000;
    await pane().getByLabel("Budget (£)").fill(`£${millions}m`);
    await button("Write SEND.FIT column").click();
    const fit = pane().getByLabel("Fit results");
    await fit.waitFor();
    const dl = (await fit.locator("dl").innerText())
      .split("\n")
      .map((x) => x.trim())
      .filter(Boolean);
    expect(dl.slice(0, 2)).toEqual(["Fitted total", formatMoney(Math.round(millions * 1e6))]);
    expect(dl[5]).toMatch(/^× 0\.9\d{3}$/);
    await finishStep("csv-fit");
  });

  it("Publish and the Forum paper: every option published; the paper says what the new option changes", async () => {
    await screenTab("Publish").click();
    await button("Publish values-only copy").click();
    await pane()
      .getByText(/^Published .* and Review summary\.$/)
      .waitFor();
    const summary = (await sheets())["Review summary"].map((r) => r[0]);
    expect(summary).toEqual(expect.arrayContaining(["Option A", SCENARIO]));

    await screenTab("Forum paper").click();
    const paper = pane().getByRole("article", { name: "Paper" });
    await paper.waitFor();
    await paper
      .getByRole("list", { name: `Changes in ${SCENARIO}` })
      .getByText("Top-up, Band 3, Mainstream school: £7,500 a pupil a year (Option A: £6,000 a pupil a year)")
      .waitFor();
    await paper.getByText(`${SCENARIO} fitted to`, { exact: false }).waitFor();
    await until(() => button("Save the paper to print").isEnabled(), true, "Print enabled");
    await finishStep("csv-paper");
    await expectPrintsOnlyThePaper("csv-paper-print");
    if (process.env.UPDATE_SCREENSHOTS === "1") {
      for (const name of ["csv-import", "csv-rates", "csv-compare", "csv-fit", "csv-paper"])
        fs.copyFileSync(path.join(SCREENSHOTS, `${name}.png`), path.join(DOCS_SCREENSHOTS, `${name}.png`));
    }
  });
});
