// One projection: SEND.PLAN's lines are SEND.PROJECT's own amounts. A property sweep over every proj.* key of the
// catalogue (alone and all together, with and without a forecast): whenever a key moves PROJECT's Spend, PLAN's
// lines move by the same amount, the Rounding line stays within half a penny per line, and every count is a whole
// number of children.
import fc from "fast-check";
import { KEY_CATALOGUE } from "../../src/engine/keys";
import { plan, SPEND_LINES, type PlanYear } from "../../src/engine/plan";
import { GROUPS, project, projectYears } from "../../src/engine/project";
import { optionFromGrid } from "../../src/engine/rates";
import { D, sum, type Dec } from "../../src/engine/money";
import { isSendError, SETTINGS, type Cell, type Grid } from "./api";

const SEED = 20250417;
const HALF_PENNY_PER_LINE = new D("0.005").times(SPEND_LINES.length);
const YEARS = 4;

/** Every proj.* key of the catalogue, placeholders expanded (<s> every setting, <y> each projection year). */
const PROJ_KEYS: string[] = KEY_CATALOGUE.filter((k) => k.key.startsWith("proj.")).flatMap((k) =>
  k.key.includes("<s>")
    ? SETTINGS.map((s) => k.key.replace("<s>", s))
    : k.key.includes("<y>")
      ? Array.from({ length: YEARS }, (_, y) => k.key.replace("<y>", String(y + 1)))
      : [k.key],
);
/** Keys fixed by the sweep's frame (the years shown), or that need a forecast to be read at all. */
const FRAME = new Set(["proj.start", "proj.years"]);
const FORECAST_ONLY = new Set(["proj.newplans.cut", "proj.elsewhere.cost", "proj.census.weight"]);

/** A value in the key's own range, with pennies and fractional pupils so rounding is exercised. */
function valueOf(key: string): fc.Arbitrary<number> {
  if (key === "proj.census.weight") return fc.integer({ min: 0, max: 100 }).map((x) => x / 100);
  if (/growth|inflation|reduction|cut/.test(key)) return fc.integer({ min: 0, max: 150 }).map((x) => x / 1000);
  if (key.endsWith(".count")) return fc.integer({ min: 0, max: 60000 }).map((x) => x / 100);
  if (key.startsWith("proj.places.") && key !== "proj.places.cost") return fc.integer({ min: 0, max: 40 });
  if (key === "proj.shift") return fc.integer({ min: 0, max: 300 }).map((x) => x / 10);
  if (key === "proj.opening") return fc.integer({ min: -5e9, max: 5e8 }).map((x) => x / 100);
  return fc.integer({ min: 0, max: 9e7 }).map((x) => x / 100);
}

const FORECAST: Grid = [
  ["Year", "Breakdown", "Low", "Central", "High"],
  ...[2024, 2025, 2026, 2027, 2028].flatMap((y, i) => [
    [y, "Total", 0, 1000 + 90 * i, 0],
    [y, "Mainstream", 0, 400.4 + 31.3 * i, 0],
    [y, "Special", 0, 300.6 + 20.7 * i, 0],
    [y, "ISP", 0, 120.5 + 15 * i, 0],
    [y, "SPI", 0, 30 + 3 * i, 0],
    [y, "Other", 0, 149 + 20 * i, 0],
    [y, "New plans", 0, 150 + 10 * i, 0],
  ]),
];

/** The same forecast a year later, and the history it was made from: the census before its first year (January
 * 2024) is an actual one, read from the history so that 2024-25 is interpolated (proj.census.weight). */
const LATER: Grid = FORECAST.map((r, i) => (i === 0 ? r : [(r[0] as number) + 1, ...r.slice(1)]));
const HISTORY: Grid = [
  ["Year", "Total", "Mainstream", "Special", "ISP", "SPI", "Other", "New plans"],
  [2022, 880, 350, 270, 100, 25, 135, 140],
  [2023, 930, 370, 285, 110, 27, 138, 145],
  [2024, 975, 390, 295, 115, 28, 147, 148],
];
const WITH_HISTORY = { forecast: LATER, history: HISTORY };

function grid(values: Record<string, number>): Grid {
  const rows: Cell[][] = [
    ["Factor", "X"],
    ["proj.start", 2024],
    ["proj.years", YEARS],
  ];
  for (const [k, v] of Object.entries(values)) rows.push([k, v]);
  return rows;
}

type Demand = Grid | { forecast: Grid; history: Grid } | null;

function run(values: Record<string, number>, demand: Demand): { spend: Dec[]; plan: PlanYear[] } {
  const o = optionFromGrid(grid(values), "X");
  if (isSendError(o)) throw new Error(o.message);
  const { forecast, history } = demand && "forecast" in demand ? demand : { forecast: demand, history: null };
  const p = project(o, forecast, history);
  const q = plan(o, forecast, history);
  if (isSendError(p)) throw new Error(p.message);
  if (isSendError(q)) throw new Error(q.message);
  return { spend: p.map((r) => r.spend), plan: q };
}

/** The plan's lines tie out to PROJECT's Spend: same totals, Rounding ≤ ½p a line, whole children. */
function expectTiesOut(r: { spend: Dec[]; plan: PlanYear[] }): void {
  r.plan.forEach((y, i) => {
    expect(y.spend.eq(r.spend[i])).toBe(true);
    expect(sum(y.lines).plus(y.rounding).eq(y.spend)).toBe(true);
    expect(y.rounding.abs().lte(HALF_PENNY_PER_LINE)).toBe(true);
    for (const c of y.counts) expect(c.isInteger()).toBe(true);
  });
}

/** Changing the option moved PROJECT's Spend by exactly what it moved PLAN's lines (to the Rounding bound). */
function expectSameMove(a: { spend: Dec[]; plan: PlanYear[] }, b: { spend: Dec[]; plan: PlanYear[] }): void {
  a.plan.forEach((_, i) => {
    const dSpend = b.spend[i].minus(a.spend[i]);
    const dLines = sum(b.plan[i].lines).minus(sum(a.plan[i].lines));
    expect(dSpend.minus(dLines).abs().lte(HALF_PENNY_PER_LINE.times(2))).toBe(true);
  });
}

describe("SEND.PLAN ties out to SEND.PROJECT (one projection)", () => {
  const typedKeys = PROJ_KEYS.filter((k) => !FRAME.has(k) && !FORECAST_ONLY.has(k));
  const forecastKeys = PROJ_KEYS.filter((k) => !FRAME.has(k));

  test("the sweep covers every proj.* key of the catalogue, including the levers", () => {
    for (const k of [
      "proj.places.1",
      "proj.places.cost",
      "proj.inflation.isp",
      "proj.inflation.topup",
      "proj.newplans.cost",
      "proj.newplans.cut",
      "proj.shift",
      "proj.ei.reduction",
    ])
      expect(forecastKeys).toContain(k);
  });

  test.each([
    ["typed counts", typedKeys, null],
    ["a forecast", forecastKeys, FORECAST],
    ["a forecast and its history", forecastKeys, WITH_HISTORY],
  ] as const)("with %s: each key alone changes PROJECT's Spend and PLAN's lines identically", (_, keys, forecast) => {
    const base = run({}, forecast);
    fc.assert(
      fc.property(
        fc.constantFrom(...keys).chain((k) => valueOf(k).map((v) => [k, v] as const)),
        ([k, v]) => {
          const r = run({ [k]: v }, forecast);
          expectTiesOut(r);
          expectSameMove(base, r);
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
  });

  test.each([
    ["typed counts", typedKeys, null],
    ["a forecast", forecastKeys, FORECAST],
    ["a forecast and its history", forecastKeys, WITH_HISTORY],
  ] as const)("with %s: all keys together, then one changed, still tie out", (_, keys, forecast) => {
    const all = fc.record(Object.fromEntries(keys.map((k) => [k, valueOf(k)])));
    fc.assert(
      fc.property(
        all,
        fc.constantFrom(...keys).chain((k) => valueOf(k).map((v) => [k, v] as const)),
        (values, [k, v]) => {
          const a = run(values, forecast);
          const b = run({ ...values, [k]: v }, forecast);
          expectTiesOut(a);
          expectTiesOut(b);
          expectSameMove(a, b);
        },
      ),
      { seed: SEED, numRuns: 80 },
    );
  });

  test("ISP counts fall as new special places open, children are conserved, the ISP line falls with them", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: YEARS }), (places, year) => {
        const values = {
          "proj.isp.count": 120.4,
          "proj.isp.growth": 0.07,
          "proj.isp.cost": 61000,
          "proj.special.count": 300,
          "proj.special.cost": 24500,
          "proj.inflation.isp": 0.06,
          "proj.inflation.topup": 0.02,
        };
        const a = run(values, null).plan;
        const b = run({ ...values, [`proj.places.${year}`]: places }, null).plan;
        const isp = GROUPS.indexOf("isp");
        const special = GROUPS.indexOf("special");
        a.forEach((y, i) => {
          const moved = i + 1 >= year ? Math.min(places, y.counts[isp].toNumber()) : 0;
          expect(b[i].counts[isp].toNumber()).toBe(y.counts[isp].toNumber() - moved);
          expect(b[i].counts[special].toNumber()).toBe(y.counts[special].toNumber() + moved);
          expect(sum(b[i].counts).eq(sum(y.counts))).toBe(true);
        });
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  test("the history's census interpolates the first year: PROJECT and PLAN read it alike", () => {
    const values = { "proj.mainstream.cost": 1000, "proj.census.weight": 0.75 };
    const r = run(values, WITH_HISTORY);
    expectTiesOut(r);
    // 2024-25: mainstream 0.75 × 400.4 (January 2025) + 0.25 × 390 (January 2024, the history) = 397.8 -> 398
    expect(r.plan[0].counts[GROUPS.indexOf("mainstream")].toNumber()).toBe(398);
    expect(r.spend[0].toNumber()).toBe(398000);
    const convention = run({ ...values, "proj.census.weight": 1 }, WITH_HISTORY);
    expect(convention.plan[0].counts[GROUPS.indexOf("mainstream")].toNumber()).toBe(400);
  });

  test("fractional growth is rounded half up to whole children and the costs use those counts", () => {
    // 10 pupils growing 5%: 10, 10.5 -> 11, 11.025 -> 11, 11.57625 -> 12; at £1,000 each, no inflation
    const o = optionFromGrid(grid({ "proj.fe.count": 10, "proj.fe.growth": 0.05, "proj.fe.cost": 1000 }), "X");
    if (isSendError(o)) throw new Error(o.message);
    const years = projectYears(o);
    if (isSendError(years)) throw new Error(years.message);
    expect(years.map((y) => y.counts.get("fe")!.toNumber())).toEqual([10, 11, 11, 12]);
    expect(years.map((y) => y.spend.toNumber())).toEqual([10000, 11000, 11000, 12000]);
  });
});
