// The demand forecast engine: worked cases (test/cases/forecast.json), properties on random and on every
// published LA history, and the bundled history against the published files.
import fc from "fast-check";
import { forecast, forecastHistory, readHistory, type ForecastRow } from "../../src/engine/forecast";
import { PLACEMENTS, AGES } from "../../src/engine/forecast/breakdowns";
import {
  CAP_FLOOR,
  CAP_FROM,
  capGrowth,
  capInterval,
  intervalOf,
  sigmaFor,
  SHIPPED_CALIBRATION,
} from "../../src/engine/forecast/intervals";
import { largestRemainder, reconcile } from "../../src/engine/forecast/reconcile";
import { isSendError } from "../../src/engine/errors";
import { historyTable, listAuthorities } from "../../src/data/ehcp";
import { BASELINE, SHIPPED_METHOD } from "../../src/engine/forecast/method";
import { referenceAt } from "../../src/engine/forecast/national";
import type { Grid } from "../../src/engine/types";
import { expectCaseError } from "./expectCase";
import cases from "../cases/forecast.json";

interface ForecastCase {
  name: string;
  inputs: { history: (string | number | null)[][]; horizon?: number; coverage?: number };
  expected:
    { rows: [number, string, number][]; sums?: Record<string, string[]> } | { error: string; message_contains: string };
  source: string;
}

const ok = (r: ForecastRow[] | ReturnType<typeof forecast>): ForecastRow[] => {
  if (isSendError(r)) throw new Error(r.toString());
  return r as ForecastRow[];
};

describe("SEND.FORECAST worked examples (test/cases/forecast.json)", () => {
  test.each((cases as unknown as ForecastCase[]).map((c) => [c.name, c] as const))("%s", (_n, c) => {
    const r = forecast(c.inputs.history, { horizon: c.inputs.horizon, coverage: c.inputs.coverage });
    if ("error" in c.expected) {
      expectCaseError(r, c.expected);
      return;
    }
    const rows = ok(r);
    expect(rows.map((x) => [x.year, x.breakdown.header, x.central])).toEqual(c.expected.rows);
    for (const x of rows) expect(x.low <= x.central && x.central <= x.high).toBe(true);
  });

  test("there are worked examples of results and of every section-6 error", () => {
    const all = cases as unknown as ForecastCase[];
    expect(all.filter((c) => "rows" in c.expected).length).toBeGreaterThanOrEqual(8);
    expect(all.filter((c) => "error" in c.expected).length).toBeGreaterThanOrEqual(12);
  });
});

/** The properties every forecast must have. */
function checkProperties(rows: ForecastRow[], history: Grid) {
  const years = [...new Set(rows.map((r) => r.year))];
  for (const y of years) {
    const at = rows.filter((r) => r.year === y);
    const total = at.find((r) => r.breakdown.key === "total")!;
    for (const r of at) {
      expect(r.low).toBeGreaterThanOrEqual(0);
      expect(r.low).toBeLessThanOrEqual(r.central);
      expect(r.central).toBeLessThanOrEqual(r.high);
      expect(Number.isInteger(r.central)).toBe(true);
    }
    const header = history[0].map(String);
    const allPlacements = PLACEMENTS.every((p) => header.includes(p.header));
    const placements = at.filter((r) => r.breakdown.kind === "placement").reduce((s, r) => s + r.central, 0);
    const ages = at.filter((r) => r.breakdown.kind === "age").reduce((s, r) => s + r.central, 0);
    if (allPlacements) expect(placements).toBe(total.central);
    else expect(placements).toBeLessThanOrEqual(total.central);
    if (AGES.every((a) => header.includes(a.header))) expect(ages).toBe(total.central);
    else expect(ages).toBeLessThanOrEqual(total.central);
  }
}

describe("properties on every published LA history", () => {
  const las = listAuthorities({ england: true });

  test.each(las.map((a) => [a.code, a.name] as const))("%s %s", (code) => {
    const table = historyTable(code)!;
    const r = forecast(table, { horizon: 6 });
    if (table.length - 1 < 3) {
      expect(isSendError(r)).toBe(true);
      return;
    }
    const rows = ok(r);
    expect(rows).toHaveLength(6 * 16);
    checkProperties(rows, table);
    // deterministic: the same table, a second time, and a copy
    expect(
      ok(
        forecast(
          table.map((row) => [...row]),
          { horizon: 6 },
        ),
      ),
    ).toEqual(rows);
  });
});

describe("properties on random histories (fast-check, seeded)", () => {
  const COLS = ["Total", "Mainstream", "Special", "ISP", "Other", "Age 5-10", "Age 11-15", "New plans"];
  const history = fc.record({
    start: fc.integer({ min: 2000, max: 2030 }),
    cols: fc.subarray(COLS, { minLength: 1 }),
    rows: fc.array(fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: COLS.length, maxLength: COLS.length }), {
      minLength: 3,
      maxLength: 14,
    }),
    horizon: fc.integer({ min: 1, max: 15 }),
    coverage: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
  });

  test("nothing negative; parts never exceed Total; Low ≤ Central ≤ High; deterministic", () => {
    fc.assert(
      fc.property(history, ({ start, cols, rows, horizon, coverage }) => {
        const grid: Grid = [
          ["Year", ...cols],
          ...rows.map((r, i) => [start + i, ...cols.map((c) => r[COLS.indexOf(c)])]),
        ];
        const r = forecast(grid, { horizon, coverage });
        if (cols.every((c) => c === "New plans")) {
          expect(isSendError(r)).toBe(true);
          return;
        }
        const out = ok(r);
        expect(out.filter((x) => x.breakdown.key === "total")).toHaveLength(horizon);
        checkProperties(out, grid);
        expect(ok(forecast(grid, { horizon, coverage }))).toEqual(out);
      }),
      { seed: 20260409, numRuns: 300 },
    );
  });
});

describe("intervals", () => {
  test("σ never shrinks with the horizon, for every breakdown and size", () => {
    for (const key of Object.keys(SHIPPED_CALIBRATION.sigma)) {
      for (const size of [0, 10, 50, 200, 800, 5000]) {
        for (let h = 1; h < 15; h++)
          expect(sigmaFor(SHIPPED_CALIBRATION, key, size, h + 1)).toBeGreaterThanOrEqual(
            sigmaFor(SHIPPED_CALIBRATION, key, size, h),
          );
      }
    }
  });

  test("the relative width of every published LA's intervals grows with the horizon", () => {
    for (const code of ["E06000001", "E09000033", "E10000016", "E08000025"]) {
      const h = readHistory(historyTable(code)!);
      if (isSendError(h)) throw new Error(h.message);
      const rows = forecastHistory(h, 10, 0.8);
      for (const key of ["total", "mainstream", "special", "isp"]) {
        const widths = rows
          .filter((r) => r.breakdown.key === key)
          .map((r) => Math.log((r.high + 1) / (Math.max(r.low, 0) + 1)));
        // whole-plan rounding
        for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeGreaterThanOrEqual(widths[i - 1] - 0.02);
      }
    }
  });

  test("a wider coverage gives a wider interval, around the central value", () => {
    const [lo80, hi80] = intervalOf(1000, 0.1, 0.8);
    const [lo95, hi95] = intervalOf(1000, 0.1, 0.95);
    expect(lo95).toBeLessThan(lo80);
    expect(hi95).toBeGreaterThan(hi80);
    expect(lo80).toBeLessThan(1000);
    expect(hi80).toBeGreaterThan(1000);
    expect(Math.log(1001 / (lo80 + 1))).toBeCloseTo(0.1 * 1.2815515655, 6); // z(0.9) × σ
  });
});

describe("intervals a series' own history justifies (issue 18)", () => {
  test("every published series of 100+ plans: High / Central and Central / Low at horizon 3 within (1 + g)³", () => {
    let capped = 0;
    for (const a of listAuthorities({ england: true })) {
      const table = historyTable(a.code)!;
      const h = readHistory(table);
      if (isSendError(h)) continue;
      const rows = forecastHistory(h, 3, 0.8);
      for (const c of h.columns) {
        const g = capGrowth(c.values);
        if (c.values[c.values.length - 1] < CAP_FROM) expect(g).toBeUndefined();
        if (g === undefined) continue;
        const r = rows.find((x) => x.year === h.years[h.years.length - 1] + 3 && x.breakdown === c.breakdown)!;
        const f = (1 + g) ** 3;
        expect(r.high).toBeLessThanOrEqual(Math.ceil(r.central * f));
        expect(r.low).toBeGreaterThanOrEqual(Math.floor(r.central / f));
        capped++;
      }
    }
    expect(capped).toBeGreaterThan(1500);
  });

  test("the cap: the largest yearly change of the last 3 transitions, at least 20%; none below 100 plans", () => {
    expect(capGrowth([100, 110, 121, 133])).toBe(CAP_FLOOR);
    expect(capGrowth([90, 100, 150, 160, 170])).toBeCloseTo(0.5, 12);
    expect(capGrowth([10, 100, 110, 121, 133])).toBe(CAP_FLOOR); // the tenfold year is older than the last 3
    expect(capGrowth([50, 100, 160, 200])).toBeCloseTo(1, 12); // doubled from 50 to 100
    expect(capGrowth([400, 200, 190, 180])).toBeCloseTo(0.5, 12);
    expect(capGrowth([0, 0, 120, 130])).toBeUndefined(); // grew from nothing within the window
    expect(capGrowth([50, 60, 70, 99])).toBeUndefined();
    const [lo, hi] = capInterval([10, 1000], 200, 0.2, 3);
    expect(lo).toBeCloseTo(200 / 1.728, 9);
    expect(hi).toBeCloseTo(200 * 1.728, 9);
    expect(capInterval([150, 260], 200, 0.2, 3)).toEqual([150, 260]);
  });

  test("Kent's Age 20-25 in 2025 (was 316 to 25,676 around 2,852): a range its history of 20-40% growth supports", () => {
    const rows = ok(forecast(historyTable("E10000016")!));
    const r = rows.find((x) => x.year === 2025 && x.breakdown.key === "age 20-25")!;
    expect(r.central).toBeGreaterThan(2000);
    expect(r.high / r.central).toBeLessThan(2.6);
    expect(r.central / Math.max(1, r.low)).toBeLessThan(2.6);
  });
});

describe("methods", () => {
  const line = readHistory([
    ["Year", "Total"],
    [2019, 100],
    [2020, 110],
    [2021, 120],
  ]);
  test("the 0.2 method (BASELINE) stays as it was: the damped trend alone, 127, 132, 135", () => {
    if (isSendError(line)) throw new Error(line.message);
    const rows = forecastHistory(line, 3, 0.8, SHIPPED_CALIBRATION, BASELINE, referenceAt(2021, BASELINE));
    expect(rows.map((r) => r.central)).toEqual([127, 132, 135]);
  });

  test("the shipped method is the backtest's choice, and pools toward England's growth to the history's last year", () => {
    expect(SHIPPED_METHOD).toMatchObject({ name: "0.3", phi: 0.7, total: 0.5, parts: 0.5, years: 1, partYears: 1 });
    // a history ending after the bundled years pools toward England's growth to January 2022 (its vintage)
    expect(referenceAt(2025, SHIPPED_METHOD).total).toBeCloseTo(473255 / 430697 - 1, 12);
    expect(referenceAt(2021, SHIPPED_METHOD).total).toBeCloseTo(430697 / 390109 - 1, 12);
    // a history before England's first years: no reference, the area's own model alone
    expect(referenceAt(2005, SHIPPED_METHOD)).toEqual({});
  });
});

describe("reconciling and whole plans", () => {
  test("largest remainder sums exactly and gives the extra units to the largest remainders", () => {
    expect(largestRemainder([1.5, 1.5, 1], 4)).toEqual([2, 1, 1]);
    expect(largestRemainder([0.2, 0.3, 0.5], 10)).toEqual([2, 3, 5]);
    expect(largestRemainder([0, 0], 3)).toEqual([2, 1]);
  });

  test("reconcile moves the volatile part more and never below 0", () => {
    const r = reconcile([50, 50], [1, 3], 120);
    expect(r[0] + r[1]).toBeCloseTo(120, 9);
    expect(r[1] - 50).toBeCloseTo(3 * (r[0] - 50), 9);
    const down = reconcile([5, 100], [10, 1], 50);
    expect(down[0]).toBe(0);
    expect(down[0] + down[1]).toBeCloseTo(50, 9);
  });
});
