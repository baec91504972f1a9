// The SYNTHETIC demo: deterministic, sized like a large county, realistic magnitudes, clearly labelled,
// every formula computing; the report is self-contained and its numbers come from the workbook.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_SIZES, ISP_PLACEMENTS, demoInstitutions, ehcpCount } from "../../src/demo/authority";
import { computeDemo, type ComputedDemo } from "../../src/demo";
import { ALLOCATION_OPTIONS, BASELINE, CANDIDATES, DEMAND_PLANS, NATIONAL, PLANS } from "../../src/demo/rates";
import { DEMAND_HORIZON, DEMAND_LA } from "../../src/demo/demand";
import { historyTable } from "../../src/data/ehcp";
import { buildDemoWorkbook, SHEETS, type DemoSheet } from "../../src/demo/workbook";
import { invoke, type HostValue } from "../../src/functions/wrapper";
import type { Cell } from "../../src/engine/types";
import { readXlsx } from "../../src/headless/xlsx";
import JSZip from "jszip";
import type { RawCell } from "../../src/model";

const ROOT = path.join(__dirname, "../..");
const sheet = (sheets: DemoSheet[], name: string) => sheets.find((s) => s.name === name)!.cells;

/** key -> value of one option column of the Rates sheet. */
function optionColumn(rates: RawCell[][], option: string): Map<string, RawCell> {
  const col = rates[0].indexOf(option);
  expect(col).toBeGreaterThan(0);
  return new Map(
    rates
      .slice(1)
      .filter((r) => typeof r[0] === "string")
      .map((r) => [r[0] as string, r[col] ?? null]),
  );
}

describe("the synthetic authority", () => {
  const built = buildDemoWorkbook();
  const records = built.records;

  it("is the same on every run, and depends on its seed", () => {
    const again = buildDemoWorkbook();
    expect(again.sheets).toEqual(built.sheets);
    expect(again.records).toEqual(records);
    expect(demoInstitutions(7)).not.toEqual(records);
  });

  it("is sized like a large English county", () => {
    const count = (phase: string) => records.filter((r) => r.Phase === phase).length;
    for (const [phase, n] of Object.entries(DEMO_SIZES)) expect({ phase, n: count(phase) }).toEqual({ phase, n });
    const isp = records.filter((r) => r.Phase === "ISP");
    expect(isp.length).toBeGreaterThanOrEqual(30); // grouped by provider
    expect(isp.reduce((s, r) => s + ehcpCount(r), 0)).toBe(ISP_PLACEMENTS);
    const ehcps = records.reduce((s, r) => s + ehcpCount(r), 0);
    expect(ehcps).toBeGreaterThan(4500);
    expect(ehcps).toBeLessThan(6000);
    const header = sheet(built.sheets, SHEETS.institutions)[0];
    expect(header.filter((h) => typeof h === "string" && h.startsWith("EHCP ")).length).toBeGreaterThanOrEqual(5);
  });

  it("says SYNTHETIC everywhere a reader looks", () => {
    expect(records.every((r) => String(r.Name).startsWith("SYNTHETIC "))).toBe(true);
    const about = sheet(built.sheets, SHEETS.about).flat().join(" ");
    expect(about).toMatch(/SYNTHETIC DATA/);
    expect(about).toMatch(/npm run --silent send-model -- recalc/);
    expect(about).toMatch(/add-in/);
    for (const name of Object.values(SHEETS)) expect(about.includes(name) || name === SHEETS.about).toBe(true);
    const rates = sheet(built.sheets, SHEETS.rates);
    const source = rates[0].indexOf("Source");
    const local = optionColumn(rates, BASELINE);
    for (const r of rates.slice(1)) {
      if (typeof r[0] !== "string" || local.get(r[0]) === null || r[0] === "inherits") continue;
      // the one non-synthetic local cell: the 16-19 rate converted from the library's academic-year rates to FY 2025-26
      if (r[0] === "fe.rate") expect(local.get("fe.rate")).toBe("=5/12*4843+7/12*5105");
      else expect(String(r[source])).toMatch(/SYNTHETIC/);
    }
  });

  it("has a national baseline from the library, a local baseline and candidates that inherit it, and two plans", () => {
    const rates = sheet(built.sheets, SHEETS.rates);
    expect(rates[0]).toEqual([
      "Factor",
      "Description",
      "Unit",
      "Source",
      NATIONAL,
      BASELINE,
      ...CANDIDATES,
      ...PLANS,
      ...DEMAND_PLANS,
    ]);
    expect(optionColumn(rates, BASELINE).get("inherits")).toBe(NATIONAL);
    for (const c of CANDIDATES) expect(optionColumn(rates, c).get("inherits")).toBe(BASELINE);
    expect(optionColumn(rates, "Unmitigated").get("proj.grant")).toBeGreaterThan(50_000_000);
    expect(optionColumn(rates, "Mitigated").get("proj.ei.reduction")).toBeGreaterThan(0);
    expect(
      [...optionColumn(rates, "Early intervention package").keys()].filter((k) => k.startsWith("ei.")).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it("uses the magnitudes of the domain brief", () => {
    const rates = sheet(built.sheets, SHEETS.rates);
    const national = optionColumn(rates, NATIONAL);
    const local = optionColumn(rates, BASELINE);
    expect([national.get("place.special"), national.get("place.fe"), national.get("ey.daf")]).toEqual([
      10000, 6000, 938,
    ]);
    const band = (setting: string) =>
      [...local].filter(([k, v]) => k.startsWith(`topup.${setting}.`) && v !== null).map(([, v]) => v as number);
    expect(Math.min(...band("special"))).toBeGreaterThanOrEqual(11000);
    expect(Math.max(...band("special"))).toBeLessThanOrEqual(17600);
    expect(Math.min(...band("mainstream"))).toBe(1600);
    expect(band("mainstream")).toContain(4500);
    expect(Math.min(...band("isp"))).toBeGreaterThanOrEqual(50000);
    expect(Math.max(...band("isp"))).toBeLessThanOrEqual(70000);
    expect(local.get("ey.senif.band1")).toBeGreaterThan(0);
  });

  it("lays out live SEND formulas: one spilled ALLOCATEALL per option, BREAKDOWN, COMPARE, FIT, PROJECT", () => {
    const alloc = sheet(built.sheets, SHEETS.allocations);
    expect(alloc[0].slice(0, 2 + ALLOCATION_OPTIONS.length)).toEqual(["Name", "Phase", ...ALLOCATION_OPTIONS]);
    expect(alloc.length).toBe(records.length + 1);
    ALLOCATION_OPTIONS.forEach((o, j) =>
      expect(alloc[1][2 + j]).toMatch(new RegExp(`^=SEND\\.ALLOCATEALL\\([^,]+,"${o}",[^,]+\\)$`)),
    );
    // the rows below are the spill: no formula of their own in the option columns
    expect(alloc.slice(2).every((r) => r.slice(2, 2 + ALLOCATION_OPTIONS.length).every((c) => c === null))).toBe(true);
    const formulas = built.sheets
      .flatMap((s) => s.cells.flat())
      .filter((v): v is string => typeof v === "string" && v.startsWith("="));
    for (const fn of ["BREAKDOWN", "COMPARE", "FIT", "PROJECT"])
      expect(formulas.some((f) => f.includes(`SEND.${fn}(`))).toBe(true);
    // the demand projection reads the forecast and the history it was made from (the census before its first year)
    const demandProjection = sheet(built.sheets, SHEETS.demandProjection)[2][0];
    expect(demandProjection).toMatch(
      /^=SEND\.PROJECT\([^,]+,"Demand unmitigated",Demand!\$S\$7:\$W\$\d+,Demand!\$A\$7:\$[A-Z]+\$\d+\)$/,
    );
  });
});

describe("the recalculated demo", () => {
  let c: ComputedDemo;
  beforeAll(() => {
    c = computeDemo();
  });

  it("computes every formula without an error", () => {
    const cells = c.workbook.allFormulaCells();
    expect(cells.length).toBeGreaterThan(5000);
    const errors = cells
      .filter((f) => f.value !== null && typeof f.value === "object")
      .map((f) => `${f.sheet}!${f.a1}`);
    expect(errors).toEqual([]);
    expect(c.data.problems).toEqual([]);
  });

  it("totals agree across sheets: Summary = Compare Total rows; FIT hits its budget exactly", () => {
    const [base, ...cands] = c.data.totals as number[];
    c.data.comparisons.forEach((cmp, k) => {
      expect(cmp.total.a).toBeCloseTo(base, 2);
      expect(cmp.total.b).toBeCloseTo(cands[k], 2);
      expect(cmp.gainers + cmp.losers + cmp.unchanged + cmp.errors).toBe(c.demo.records.length);
    });
    expect(c.data.fit.fitted).toBeCloseTo(c.data.fit.budget!, 2);
    expect(c.data.comparisons.some((x) => x.losers > 0)).toBe(true);
  });

  it("projects six years for both plans, the mitigated plan ending with the smaller deficit", () => {
    expect(c.data.projection.map((p) => p.rows.length)).toEqual([6, 6]);
    const final = c.data.projection.map((p) => p.rows[5].cumulative as number);
    expect(final[0]).toBeLessThan(0);
    expect(final[1]).toBeGreaterThan(final[0]);
  });

  it("forecasts a REAL authority's published history, labelled as such, and checks places against it", () => {
    const demand = c.workbook.getValues(SHEETS.demand, "A1:W60");
    expect(demand[0][0]).toBe(`Demand: ${DEMAND_LA.name} (${DEMAND_LA.code})`);
    expect(String(demand[1][0])).toMatch(/^REAL published history of Gloucestershire: DfE/);
    expect(String(demand[1][0])).toMatch(/SYNTHETIC/); // the capacity is not real
    const history = historyTable(DEMAND_LA.code)!;
    expect(demand.slice(6, 6 + history.length).map((r) => r.slice(0, history[0].length))).toEqual(history);
    // the live forecast spill beside it: every breakdown each year, Low <= Central <= High
    const spill = demand
      .slice(6)
      .map((r) => r.slice(18, 23))
      .filter((r) => r[0] !== null);
    expect(spill[0]).toEqual(["Year", "Breakdown", "Low", "Central", "High"]);
    expect(spill.length).toBe(1 + DEMAND_HORIZON * (history[0].length - 1));
    for (const [, , lo, mid, hi] of spill.slice(1))
      expect((lo as number) <= (mid as number) && (mid as number) <= (hi as number)).toBe(true);
    // sufficiency: Special and ISP each forecast year; with overflow the Special gap is never negative
    const suff = c.workbook.getValues(SHEETS.demand, "K23:O29");
    expect(suff[0]).toEqual(["Year", "Breakdown", "Demand", "Places", "Gap"]);
    expect(suff.slice(1).map((r) => r[1])).toEqual(["Special", "ISP", "Special", "ISP", "Special", "ISP"]);
    for (const r of suff.slice(1)) if (r[1] === "Special") expect(r[4] as number).toBeGreaterThanOrEqual(0);
  });

  it("projects from the demand forecast: labelled, three financial years, the mitigated plan ending better", () => {
    const p = c.workbook.getValues(SHEETS.demandProjection, "A1:K6");
    expect(String(p[0][0])).toMatch(/REAL published EHC plan history/);
    expect(String(p[0][0])).toMatch(/SYNTHETIC/);
    expect(p[1][0]).toBe(DEMAND_PLANS[0]);
    expect(p[1][6]).toBe(DEMAND_PLANS[1]);
    expect(p.slice(3).map((r) => r[0])).toEqual(["2022-23", "2023-24", "2024-25"]);
    // each financial year interpolated between the censuses around it (January 2022 from the history): 2022-23 spends
    // less than at the January convention (proj.census.weight 1) on a growing caseload
    const formula = String(c.workbook.getFormulas(SHEETS.demandProjection, "A3:A3")[0][0]);
    const [rates, , forecast, history] = formula.slice("=SEND.PROJECT(".length, -1).split(",");
    const read = (ref: string) => {
      const [sheetName, range] = ref.replace(/\$/g, "").split("!");
      return c.workbook.getValues(sheetName, range) as Cell[][];
    };
    const ratesGrid = read(rates);
    const convention = [
      ...ratesGrid,
      ratesGrid[0].map((h, j) => (j === 0 ? "proj.census.weight" : h === null ? null : 1)),
    ];
    const spend = (r: Cell[][], ...demand: Cell[][][]) =>
      (invoke("PROJECT", [r, DEMAND_PLANS[0], ...demand]) as HostValue[][]).slice(1).map((row) => row[2]);
    expect(spend(ratesGrid, read(forecast), read(history))).toEqual(p.slice(3).map((r) => r[2]));
    const atJanuary = spend(convention, read(forecast));
    p.slice(3).forEach((r, i) => expect(r[2] as number).toBeLessThan(atJanuary[i] as number));
    expect(p[5][10] as number).toBeGreaterThan(p[5][4] as number);
    expect(p[5][4] as number).toBeLessThan(0);
  });
});

describe("the demo's register and appraisal", () => {
  it("has a SYNTHETIC register whose DSG share is the education part only, and an appraisal that pays back", () => {
    const c = computeDemo();
    const reg = c.workbook.getValues(SHEETS.register, "A1:J40");
    expect(String(reg[0][0])).toMatch(/SYNTHETIC/);
    const names = reg
      .slice(2)
      .map((r) => r[0])
      .filter((v) => typeof v === "string" && v.startsWith("SYNTHETIC provider"));
    expect(names.length).toBe(24);
    const header = reg.findIndex((r) => r[0] === "Year");
    const years = reg.slice(header + 1, header + 7);
    expect(years.map((r) => r[0])).toEqual(["2025-26", "2026-27", "2027-28", "2028-29", "2029-30", "2030-31"]);
    for (const [, , inC, outC, cost, dsg, care, health] of years as number[][]) {
      expect(dsg).toBeLessThan(cost);
      expect(dsg + care + health).toBeCloseTo(cost, 1);
      expect(inC + outC).toBeGreaterThan(0);
    }
    const app = c.workbook.getValues(SHEETS.appraisal, "A1:G40");
    const npv = app.find((r) => r[0] === "NPV")!;
    const payback = app.find((r) => r[0] === "Discounted payback (years)")!;
    expect(npv[1]).toBeGreaterThan(0);
    expect(payback[1]).toBeGreaterThan(1);
  });
});

describe("send-model demo output", () => {
  let dir: string;
  let html: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "send-demo-"));
    const r = spawnSync(process.execPath, [path.join(ROOT, "bin/send-model.js"), "-q", "demo", "--out", dir], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    html = fs.readFileSync(path.join(dir, "send-model-demo-report.html"), "utf8");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("the report is one self-contained file: inline SVG charts, no scripts, no external URLs", () => {
    expect(html.match(/<svg[\s>]/g)?.length).toBe(3);
    expect(html).toMatch(/class="marks"/); // drawn by Vega, not by hand
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).toMatch(/SYNTHETIC DATA/);
  });

  it("is a Schools Forum paper: what each option changes in words, the projection's assumptions, how the fitting works", () => {
    expect(html).toContain("<h2>What each option changes</h2>");
    expect(html).toContain("Early intervention package <small>(starts from Baseline)</small>");
    expect(html).toContain("<li>Early intervention per SEN Support pupil (no EHCP): £300 a pupil (");
    expect(html).toContain("<li>Place funding, Resourced provision place, unoccupied: £10,000 a place a year (");
    expect(html).toMatch(
      /<li>Top-up, Band 1, Mainstream school: £[\d,]+ a pupil a year \(Baseline: £[\d,]+ a pupil a year\)<\/li>/,
    );
    expect(html).toContain("<h3>Assumptions behind the projection</h3>");
    expect(html).toMatch(/<td>Grant growth<\/td><td class="n">4% a year<\/td>/);
    expect(html).toContain('<td>Opening balance</td><td class="n">-£32,000,000</td>');
    expect(html).toContain(
      "How the fitting works: SEND.FIT multiplies every amount by one factor so that the total meets the budget.",
    );
  });

  it("prints on A4 portrait, with charts that scale and legends inside them", () => {
    expect(html).toContain("@page{size:A4 portrait");
    expect(html).toContain("figure svg{max-width:100%;height:auto");
    // every chart scales from its own box (viewBox), legends included, so nothing is cut off
    for (const svg of html.match(/<svg[^>]*>/g)!) expect(svg).toMatch(/viewBox="0 0 [\d.]+ [\d.]+"/);
    expect(html.match(/role-legend"/g)?.length).toBe(3);
  });

  it("draws the Winners and losers bars with a real height, one band per candidate", () => {
    const svg = html.slice(html.indexOf("<h2>Winners and losers</h2>")).match(/<svg.*?<\/svg>/s)![0];
    const marks = /class="mark-rect role-mark marks"[^>]*>(.*?)<\/g>/s.exec(svg)![1]; // the bars, not axes or legend
    const bars = [...marks.matchAll(/d="M[\d.]+,([\d.]+)h[\d.]+v([\d.]+)/g)].map((m) => [+m[1], +m[2]]);
    expect(bars.length).toBe(3 * CANDIDATES.length); // gain, no change, loss for each candidate
    for (const [, height] of bars) expect(height).toBeGreaterThan(15);
    expect(new Set(bars.map(([y]) => y)).size).toBe(CANDIDATES.length); // not all drawn on one line
  });

  it("the report's numbers are the workbook's", async () => {
    const book = await readXlsx(path.join(dir, "send-model-demo.xlsx"));
    expect(book.sheets.map((s) => s.name)).toEqual(Object.values(SHEETS));
    const summary = book.sheets.find((s) => s.name === SHEETS.summary)!;
    const total = summary.cached.find((r) => r[0] === "High Needs total")!;
    const allBlocks = summary.cached.find((r) => String(r[0]).startsWith("All blocks"))!;
    const gbp = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });
    for (let j = 1; j <= ALLOCATION_OPTIONS.length; j++) {
      expect(html).toContain(gbp.format(total[j] as number));
      expect(html).toContain(gbp.format(allBlocks[j] as number));
    }
    expect(html).toMatch(/Memo: Schools block/);
    expect(html).toMatch(/reconcile to the all-block total/);
    const proj = book.sheets.find((s) => s.name === SHEETS.projection)!;
    expect(html).toContain(gbp.format(proj.cached[7][4] as number)); // final Unmitigated cumulative
  });

  it("has the native charts its About sheet names: the fan chart on Demand and the balance chart on Projection", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, "send-model-demo.xlsx")));
    const charts = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))
        .sort()
        .map((f) => zip.file(f)!.async("string")),
    );
    expect(charts).toHaveLength(2);
    const about = buildDemoWorkbook()
      .sheets.find((s) => s.name === SHEETS.about)!
      .cells.flat()
      .join(" ");
    expect(about).toMatch(/fan chart/);
    expect(about).toMatch(/balance chart/);
    const fan = charts.find((c) => c.includes("EHC plans: actual and forecast"))!;
    expect(fan.match(/<c:ser>/g)).toHaveLength(4); // actual, low, central, high
    expect(fan).toMatch(/<c:f>Demand!\$D\$\d+:\$D\$\d+<\/c:f>/);
    const balance = charts.find((c) => c.includes("Cumulative DSG high-needs balance"))!;
    expect(balance).toContain("<c:v>Unmitigated</c:v>");
    expect(balance).toContain("<c:v>Mitigated</c:v>");
    expect(balance).toMatch(/<c:f>Projection!\$E\$3:\$E\$8<\/c:f>/);
    const book = await readXlsx(path.join(dir, "send-model-demo.xlsx")); // still opens, cells intact
    expect(book.sheets.map((s) => s.name)).toEqual(Object.values(SHEETS));
  });

  it("formats each number by its unit: payback in years, discount factors as ratios, years and places as counts", async () => {
    const book = await readXlsx(path.join(dir, "send-model-demo.xlsx"));
    const sheet = book.sheets.find((s) => s.name === SHEETS.appraisal)!;
    const ws = book.source.getWorksheet(SHEETS.appraisal)!;
    const rowOf = (label: string) => sheet.cached.findIndex((r) => r[0] === label) + 1;
    const payback = rowOf("Discounted payback (years)");
    expect(ws.getCell(`B${payback}`).numFmt).toBe('0.00 "years"');
    expect(ws.getCell(`B${rowOf("NPV")}`).numFmt).toMatch(/^£/);
    const head = rowOf("Year");
    expect(sheet.cached[head - 1][4]).toBe("Discount factor");
    expect(ws.getCell(`E${head + 2}`).numFmt).toBe("0.0000");
    expect(ws.getCell(`A${head + 2}`).numFmt).toBe("#,##0");
    expect(ws.getCell(`B${head + 3}`).numFmt).toBe("#,##0");
  });
});
