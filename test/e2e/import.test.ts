// Import in a real browser: the built preview in Debian's chromium. An officer's CSV of 30 schools
// (test/import/fixtures/officer-schools.csv, officer-style headers) is uploaded on the Import screen;
// the proposed mapping, the report and the written model are checked, with axe-core and a screenshot.
// Builds into its own folder so it can run beside the main journey (test/e2e/pane.test.ts).
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import {
  ARTIFACTS,
  axeSerious,
  describeAxe,
  DOCS_SCREENSHOTS,
  ourCspViolations,
  ourErrors,
  screenshot,
  SCREENSHOTS,
  type PageLog,
  openPreview,
  type Preview,
} from "./support";

const WAIT = 20_000;
const DIST = path.join(ARTIFACTS, "e2e-import-dist");
const FIXTURE = path.join(__dirname, "../import/fixtures/officer-schools.csv");

let preview: Preview | undefined;
let page: Page;
let log: PageLog;

beforeAll(async () => {
  preview = await openPreview(DIST, WAIT);
  ({ page, log } = preview);
}, 240_000);

afterAll(async () => {
  await preview?.close();
});

const pane = () => page.getByRole("main");
const screenTab = (name: string) =>
  page.getByRole("navigation", { name: "Screens" }).getByRole("tab", { name, exact: true });

async function clean(name: string): Promise<void> {
  const csp = ourCspViolations(log, { officeJs: false });
  if (csp.length) throw new Error(`CSP violations:\n${JSON.stringify(csp, null, 2)}`);
  const errors = ourErrors(log, { officeJs: false });
  if (errors.length) throw new Error(`console errors:\n${errors.join("\n")}`);
  const axe = await axeSerious(page);
  if (axe.length)
    throw new Error(`axe-core: serious or critical violations on the ${name} screen:\n${describeAxe(axe)}`);
}

describe("Import in chromium", () => {
  it("proposes a mapping for officer-style headers and reports what the formula will not use", async () => {
    await screenTab("Import").click();
    await pane().getByLabel("School list (CSV or xlsx)").setInputFiles(FIXTURE);
    await pane().getByText("30 institutions to import.").waitFor();
    expect(
      await pane()
        .getByLabel(/^D: NOR \(Oct 2024\)/)
        .inputValue(),
    ).toBe("Pupils (by phase)");
    expect(
      await pane()
        .getByLabel(/^E: FSM Ever 6/)
        .inputValue(),
    ).toBe("FSM6");
    expect(
      await pane()
        .getByLabel(/^J: Band 3 EHCPs/)
        .inputValue(),
    ).toBe("EHCP Band 3");
    expect(
      await pane()
        .getByLabel(/^L: LAESTAB/)
        .inputValue(),
    ).toBe("keep");
    await pane()
      .getByText(/Kept unchanged in the Institutions table: L 'LAESTAB', M 'Notes'/)
      .waitFor();
    await pane()
      .getByText(/NOR \(Oct 2024\) at Special \(2\): D26, D27/)
      .waitFor();
    await clean("import");
    await screenshot(page, "import");
  });

  it("writes the model: Institutions as a table, Allocations, Checks naming the missing top-ups, the mapping sheet", async () => {
    await pane().getByRole("button", { name: "Import", exact: true }).click();
    await pane()
      .getByText(
        /^Imported 30 institutions into Institutions; Allocations for Option A; mapping saved on Import mapping\./,
      )
      .waitFor();
    expect(await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab").allInnerTexts()).toEqual([
      "Sheet1",
      "Rates",
      "Institutions",
      "Allocations",
      "Checks",
      "Import mapping",
    ]);
    await screenTab("Home").click();
    await pane()
      .getByText(/problems? on Checks/)
      .waitFor();
    await pane()
      .getByText(/EHCP Band \d has no top-up at the mainstream setting/)
      .first()
      .waitFor();
    await clean("home after import");
    await screenshot(page, "import-home");
  });

  it("UPDATE_SCREENSHOTS=1 copies the import screenshot to docs/screenshots/ for the README", () => {
    expect(fs.existsSync(path.join(SCREENSHOTS, "import.png"))).toBe(true);
    if (process.env.UPDATE_SCREENSHOTS !== "1") return;
    fs.mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    fs.copyFileSync(path.join(SCREENSHOTS, "import.png"), path.join(DOCS_SCREENSHOTS, "import.png"));
  });
});
