// The pane at 350 px with real data, in Debian's chromium on the built preview: an officer's list with 8 lettered
// bands (EHCP Band A to H) and a long option name. Every screen is checked by measuring, not only by axe: no
// element reaches past the pane's right edge, nothing scrolls sideways or clips its text (scrollWidth against
// clientWidth), and the Rates matrix names each band by its own name. Builds into its own folder.
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import {
  ARTIFACTS,
  axeSerious,
  describeAxe,
  ourCspViolations,
  ourErrors,
  screenshot,
  type PageLog,
  openPreview,
  type Preview,
} from "./support";

const WAIT = 20_000;
const DIST = path.join(ARTIFACTS, "e2e-narrow-dist");
const CSV = path.join(ARTIFACTS, "eight-bands.csv");
const LETTERS = "ABCDEFGH".split("");
const LONG = "Option for the Schools Forum consultation 2025-26 (banded top-ups, revised)";

let preview: Preview | undefined;
let page: Page;
let log: PageLog;

/** 12 schools, 8 lettered bands, the way a council that bands A to H exports them. */
function writeCsv(): void {
  const header = ["URN", "School name", "Phase", "Number on roll", ...LETTERS.map((l) => `EHCP Band ${l}`)];
  const phases = ["Primary", "Secondary", "Special"];
  const rows = Array.from({ length: 12 }, (_, i) => [
    String(100001 + i),
    `${["Oak", "Ash", "Elm", "Birch"][i % 4]} ${phases[i % 3]} School ${i + 1}`,
    phases[i % 3],
    String(150 + 37 * i),
    ...LETTERS.map((_, b) => String((i + b) % 4)),
  ]);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(CSV, [header, ...rows].map((r) => r.join(",")).join("\n") + "\n");
}

beforeAll(async () => {
  writeCsv();
  preview = await openPreview(DIST, WAIT);
  ({ page, log } = preview);
}, 240_000);

afterAll(async () => {
  await preview?.close();
});

const pane = () => page.getByRole("main");
const screenTab = (name: string) =>
  page.getByRole("navigation", { name: "Screens" }).getByRole("tab", { name, exact: true });
const button = (name: string) => pane().getByRole("button", { name, exact: true });

interface Misfit {
  what: string;
  text: string;
  problem: string;
}

/**
 * Every visible element of the pane, measured: its right edge past the pane's (horizontal overflow), or content
 * wider than its box (scrollWidth > clientWidth: a sideways scroll bar or clipped text). Fluent's hidden focus
 * sentinels and zero-size elements are skipped; a form control scrolls what is typed in it by design, so only its
 * edges are checked.
 */
async function misfits(): Promise<Misfit[]> {
  return page.evaluate(() => {
    const paneEl = document.querySelector('[aria-label="Task pane"]')!;
    // the pane's inner right edge (inside its 1 px border)
    const paneRight = paneEl.getBoundingClientRect().left + paneEl.clientLeft + paneEl.clientWidth;
    const out: { what: string; text: string; problem: string }[] = [];
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.getAttribute("aria-label") ? `[${el.getAttribute("aria-label")}]` : ""}`;
    for (const el of document.querySelectorAll('[aria-label="Task pane"] *')) {
      if (el.closest("[data-tabster-dummy]") || el.closest("svg")) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === "hidden" || cs.display === "none") continue;
      const text = ((el as HTMLElement).innerText ?? "").slice(0, 80);
      if (r.right > paneRight + 0.5)
        out.push({ what: describe(el), text, problem: `right edge ${r.right.toFixed(1)} > pane ${paneRight}` });
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && !/^(SELECT|INPUT|TEXTAREA)$/.test(el.tagName))
        out.push({
          what: describe(el),
          text,
          problem: `scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`,
        });
    }
    return out;
  });
}

/** Waits for `done`, saying yes if the pane asks before overwriting on the way. */
async function overwriteIfAsked(done: ReturnType<Page["getByRole"]>): Promise<void> {
  const ask = page.getByRole("alertdialog");
  await Promise.race([ask.waitFor(), done.waitFor()]);
  if (await ask.isVisible()) await ask.getByRole("button", { name: "Overwrite" }).click();
  await done.waitFor();
}

async function fits(name: string): Promise<void> {
  const bad = await misfits();
  await screenshot(page, `narrow-${name}`);
  if (bad.length)
    throw new Error(
      `the ${name} screen does not fit 350 px:\n${bad
        .slice(0, 15)
        .map((b) => `  ${b.what} '${b.text}': ${b.problem}`)
        .join("\n")}`,
    );
  const csp = ourCspViolations(log, { officeJs: false });
  if (csp.length) throw new Error(`CSP violations:\n${JSON.stringify(csp, null, 2)}`);
  const errors = ourErrors(log, { officeJs: false });
  if (errors.length) throw new Error(`console errors:\n${errors.join("\n")}`);
  const axe = await axeSerious(page);
  if (axe.length) throw new Error(`axe-core on the ${name} screen:\n${describeAxe(axe)}`);
}

describe("a 350 px pane with 8 bands and a long option name", () => {
  it("Import: the officer's 8-band list becomes the model, with the long option name", async () => {
    expect(await page.locator('[aria-label="Task pane"]').evaluate((n) => n.clientWidth)).toBe(350);
    await screenTab("Import").click();
    await pane().getByLabel("School list (CSV or xlsx)").setInputFiles(CSV);
    await pane().getByText("12 institutions to import.").waitFor();
    await pane().getByLabel("Candidate option name").fill(LONG);
    await fits("import");
    await button("Import").click();
    await pane()
      .getByText(/^Imported 12 institutions into Institutions/)
      .waitFor();
    await fits("import-done");
  });

  it("Rates: bands by their own names, reflowed, a bad entry as a sentence, search in any order", async () => {
    await screenTab("Rates").click();
    const table = pane().getByRole("table", { name: /^Top-up/ });
    await table.waitFor();
    const firsts = await table.locator("tbody tr td:first-child").allInnerTexts();
    for (const l of LETTERS) expect(firsts).toContain(`Band ${l}`);
    expect(firsts.join(" ")).not.toMatch(/band[a-h]\b/);
    const input = pane().getByLabel(`Top-up, Band C, Special school (£/pupil/year), ${LONG}`, { exact: true });
    await input.fill("lots");
    const problem = pane().getByRole("list", { name: /^Problems in Top-up/ });
    await problem.waitFor();
    // a sentence on a few lines, not one word per line
    const lines = await problem.evaluate((n) => {
      const li = n.querySelector("li")!;
      return Math.round(li.getBoundingClientRect().height / parseFloat(getComputedStyle(li).lineHeight));
    });
    const words = (await problem.innerText()).split(/\s+/).length;
    expect(lines).toBeLessThan(words / 3);
    await fits("rates-problem");
    await input.fill("");
    await input.press("Escape");
    await pane().getByLabel("Find a rate").fill("band c top up special");
    await pane()
      .getByRole("list", { name: "Matching rates" })
      .getByText("topup.special.bandc", { exact: false })
      .first()
      .waitFor();
    await pane().getByLabel("Show every setting").check();
    // one setting at a time: the fallback top-up for every band, so the allocations (and Explain) have amounts
    await pane().getByLabel("Setting", { exact: true }).selectOption({ label: "Any setting (fallback)" });
    for (const [i, l] of LETTERS.entries()) {
      const c = pane().getByLabel(`Top-up, Band ${l}, Any setting (fallback) (£/pupil/year), ${LONG}`, {
        exact: true,
      });
      await c.fill(`£${(i + 1) * 1000 + 0.25}`);
      await c.press("Enter");
      await pane().getByText(`Saved Top-up, Band ${l}, Any setting (fallback) for ${LONG}`, { exact: false }).waitFor();
    }
    await fits("rates");
  });

  it("every other screen fits, with its results shown", async () => {
    await screenTab("Compare").click();
    await button("Write comparison sheet").click();
    await pane().getByLabel("Comparison results").waitFor();
    await fits("compare");

    await screenTab("Fit to budget").click();
    await pane()
      .getByText(/Current total of/)
      .waitFor();
    await pane().getByLabel("Budget (£)").fill("£5m");
    await fits("fit");

    await screenTab("Explain").click();
    await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name: "Allocations", exact: true }).click();
    await page
      .getByRole("grid", { name: "Sheet Allocations", exact: true })
      .locator("tbody > tr")
      .nth(2)
      .locator("td")
      .nth(2)
      .click();
    await button("Explain selected cell").click();
    await pane().getByLabel("Explanation").waitFor();
    // every amount with its pennies, none cut
    const amounts = await pane()
      .getByRole("table", { name: "Trace" })
      .locator("tbody tr td:last-child")
      .allInnerTexts();
    expect(amounts.filter(Boolean).length).toBeGreaterThan(0);
    for (const a of amounts.filter(Boolean)) expect(a).toMatch(/^-?£[\d,]+\.\d\d$/);
    await fits("explain");

    for (const [tab, ready] of [
      ["Home", /./],
      ["New model", /Candidate option name/],
      ["Options", /./],
      ["Demand", /./],
      ["Projection", /Pupils from/],
      ["Plan", /Deficit management plan|No option of the rates table has a projection/],
      ["Publish", /./],
      ["Forum paper", /./],
    ] as const) {
      await screenTab(tab).click();
      await pane().getByText(ready).first().waitFor();
      await page.waitForTimeout(300);
      await fits(tab.toLowerCase().replace(/\s+/g, "-"));
    }

    // the plan with its results (starting numbers with their sources, balances): the imported model has no
    // projection, so its assumptions first, a deficit in the hundreds of millions among them
    await screenTab("Projection").click();
    await pane().getByLabel("First financial year, Unmitigated").fill("2025");
    await pane().getByLabel("Years, Unmitigated").fill("5");
    await pane().getByLabel("Opening balance, Unmitigated").fill("-£150m");
    await button("Write assumptions and projection").click();
    await overwriteIfAsked(pane().getByLabel("Projection results"));
    await screenTab("Plan").click();
    await button("Build the plan").click();
    await overwriteIfAsked(pane().getByLabel("Plan results"));
    await pane().getByRole("table", { name: "Balances carried forward" }).waitFor();
    await fits("plan-results");

    // Publish's totals by DSG block, from the Blocks sheet the plan added
    await screenTab("Publish").click();
    await button("Publish values-only copy").click();
    await overwriteIfAsked(pane().getByRole("table", { name: "Totals by DSG block" }));
    await fits("publish-results");
  });
});
