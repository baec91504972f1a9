// Smoke test for `npm run bench` (no timings here): the bench modules load, the plain-number reference
// implements the same rules as the engine, the built-in-functions Allocations sheet of scenario 4
// computes the engine's totals.
import { HyperFormula } from "hyperformula";
import { syntheticRates, LOCAL_OPTION, BASE_OPTION } from "../../bench/data/rates";
import { syntheticInstitutions, INSTITUTION_HEADER } from "../../bench/data/institutions";
import { randomRates, rng } from "../../bench/data/randomCases";
import { refAllocateAll } from "../../bench/reference/allocate";
import { coreAllocateAll } from "../../bench/lib/core";
import { agreement } from "../../bench/lib/agree";
import { median } from "../../bench/lib/stats";
import { renderTable } from "../../bench/lib/report";
import { nativeSheets, NATIVE_SHEETS, colLetters } from "../../bench/native/allocations";

describe("bench modules", () => {
  it("load, and the scenario entry points are functions", async () => {
    const main = await import("../../bench/main");
    const inst = await import("../../bench/scenarios/institutions");
    const cell = await import("../../bench/scenarios/percell");
    const pupils = await import("../../bench/scenarios/pupils");
    const wb = await import("../../bench/scenarios/workbook");
    const demand = await import("../../bench/scenarios/forecast");
    const backtest = await import("../../bench/backtest");
    for (const f of [
      main.main,
      inst.institutionsScenario,
      inst.growthScenario,
      cell.perCellScenario,
      pupils.pupilsChild,
      wb.workbookScenario,
      demand.forecastScenario,
      backtest.main,
    ]) {
      expect(typeof f).toBe("function");
    }
  });

  it("generates the same data from the same seed, at every phase", () => {
    const a = syntheticInstitutions(400),
      b = syntheticInstitutions(400);
    expect(a).toEqual(b);
    const phases = new Set(a.slice(1).map((r) => r[2]));
    expect([...phases].sort()).toEqual([
      "AP",
      "Early Years",
      "FE",
      "ISP",
      "Primary",
      "Resource Base",
      "Secondary",
      "Special",
    ]);
    expect(syntheticInstitutions(50, 1)).not.toEqual(syntheticInstitutions(50, 2));
  });

  it("renders a table and takes medians", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const t = renderTable([
      { id: "1", scenario: "s", measure: "m", value: 2.5, unit: "×", target: "≤ 10", pass: true },
    ]);
    expect(t).toContain("PASS");
    expect(t).toContain("2.50×");
  });
});

describe("demand forecast backtest pieces", () => {
  it("the naive methods compute what their names say", async () => {
    const { naiveForecast } = await import("../../bench/forecast/naive");
    const y = [100, 110, 121, 133.1];
    expect(naiveForecast(y, 2, "flat")).toBe(133.1);
    expect(naiveForecast(y, 1, "last growth")).toBeCloseTo(146.41, 9);
    expect(naiveForecast(y, 1, "3-yr compound")).toBeCloseTo(146.41, 9);
    expect(naiveForecast(y, 1, "6-yr compound")).toBeCloseTo(146.41, 9); // a short history uses what it has
    expect(naiveForecast([10, 20, 30, 40], 2, "3-yr linear")).toBe(60);
    expect(naiveForecast([40, 30, 20, 10], 3, "3-yr linear")).toBe(0); // never below 0
    expect(naiveForecast([0, 5, 10], 1, "6-yr compound")).toBe(10); // no growth from 0
  });

  it("calibrated σ come from the errors and never shrink with the horizon", async () => {
    const { calibrate } = await import("../../bench/forecast/calibrate");
    const { TOTAL } = await import("../../src/engine/forecast/breakdowns");
    const outcomes = Array.from({ length: 300 }, (_, i) => ({
      la: `L${i}`,
      origin: 2016,
      h: (i % 3) + 1,
      key: "total",
      size: 500,
      actual: 1000,
      series: [],
      row: {
        year: 2016 + (i % 3) + 1,
        breakdown: TOTAL,
        low: 0,
        central: 1000 * (1 + ((i % 3) + 1) * 0.01 * ((i % 10) - 4.5)),
        high: 0,
      },
    }));
    const cal = calibrate(outcomes);
    const s = cal.sigma.total[2];
    expect(s[0]).toBeGreaterThan(0);
    expect(s[1]).toBeGreaterThanOrEqual(s[0]);
    expect(s[2]).toBeGreaterThanOrEqual(s[1]);
  });
});

describe("reference implementation (plain numbers) agrees with the engine", () => {
  it("on 400 synthetic institutions under the synthetic options", () => {
    const rates = syntheticRates();
    const table = syntheticInstitutions(400, 99);
    for (const option of [LOCAL_OPTION, BASE_OPTION]) {
      const a = agreement(coreAllocateAll(rates, option, table) as unknown[], refAllocateAll(rates, option, table));
      expect(a.differ).toBe(0); // within a penny per component (float ties)
      expect(a.exact).toBeGreaterThan(a.rows * 0.95);
    }
  });

  it("on 300 institutions under each of 5 random options", () => {
    const r = rng(42);
    for (let k = 0; k < 5; k++) {
      const rates = randomRates(r);
      const table = syntheticInstitutions(300, 1000 + k);
      const engine = coreAllocateAll(rates, LOCAL_OPTION, table) as unknown[];
      const unit = rates.find((row) => row[0] === "round.to")![3] as number;
      const a = agreement(engine, refAllocateAll(rates, LOCAL_OPTION, table), 6 * unit + 1e-6);
      expect({ k, differ: a.differ, first: a.firstDiffer }).toEqual({ k, differ: 0, first: undefined });
    }
  });
});

describe("scenario 4's built-in-functions Allocations sheet", () => {
  it.each(["resolved", "match", "xlookup"] as const)("computes the engine's totals (%s lookups)", (style) => {
    const rates = syntheticRates();
    const table = syntheticInstitutions(40, 7);
    const options = [LOCAL_OPTION, BASE_OPTION];
    const n = nativeSheets({
      ratesSheet: "Rates",
      ratesGrid: rates,
      institutionsSheet: "Institutions",
      header: INSTITUTION_HEADER,
      count: 40,
      options,
      style,
    });
    const hf = HyperFormula.buildFromSheets({ Rates: rates, Institutions: table, ...n.sheets } as never, {
      licenseKey: "gpl-v3",
      smartRounding: false,
    });
    const sheet = hf.getSheetId(NATIVE_SHEETS.allocations)!;
    options.forEach((o, k) => {
      const engine = coreAllocateAll(rates, o, table) as unknown[];
      const native = Array.from({ length: 40 }, (_, i) =>
        hf.getCellValue({ sheet, row: i + 1, col: n.totalCol(k) - 1 }),
      );
      const a = agreement(engine, native, 0.06);
      expect({ option: o, col: colLetters(n.totalCol(k)), differ: a.differ, first: a.firstDiffer }).toEqual({
        option: o,
        col: colLetters(n.totalCol(k)),
        differ: 0,
        first: undefined,
      });
    });
    hf.destroy();
  });
});
