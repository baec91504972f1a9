// Properties of the demand readers: SEND.SUFFICIENCY and SEND.PROJECT with a forecast, against their definitions
// and against the typed projection they extend.
import { invoke } from "../../src/functions/wrapper";
import { isSendError } from "../../src/engine/errors";
import type { Cell } from "../../src/engine/types";

type Grid = Cell[][];
const PLACEMENTS = ["Mainstream", "Special", "ISP", "AP", "FE"];

/** A forecast spill: Total, the placement groups and New plans for each year, from a seeded generator. */
function forecastGrid(seed: number, years = 4, first = 2023): Grid {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const rows: Grid = [["Year", "Breakdown", "Low", "Central", "High"]];
  for (let y = first; y < first + years; y++) {
    const counts = PLACEMENTS.map(() => Math.round(next() * 400 * 100) / 100);
    const total = counts.reduce((a, b) => a + b, 0);
    rows.push([y, "Total", total * 0.9, total, total * 1.1]);
    PLACEMENTS.forEach((p, k) => rows.push([y, p, counts[k] * 0.9, counts[k], counts[k] * 1.1]));
    const made = Math.round(next() * total * 0.2);
    rows.push([y, "New plans", made, made, made]);
  }
  return rows;
}

/** The history a forecast was made from, flat at its first year: three Januaries before it, each the same. */
function flatHistory(f: Grid): Grid {
  const first = f[1][0] as number;
  const names = f.filter((r) => r[0] === first).map((r) => r[1] as string);
  return [["Year", ...names], ...[3, 2, 1].map((k) => [first - k, ...names.map((b) => central(f, first, b))])];
}

const grid = (x: unknown): Grid => {
  if (isSendError(x) || !Array.isArray(x)) throw new Error(`expected a spill, got ${String(x)}`);
  return x as Grid;
};
const central = (f: Grid, year: number, b: string) => f.find((r) => r[0] === year && r[1] === b)![3] as number;

describe("SEND.PROJECT with a forecast", () => {
  const costs: Grid = [
    ["proj.mainstream.cost", 5000],
    ["proj.special.cost", 21000],
    ["proj.isp.cost", 55000],
    ["proj.ap.cost", 18000],
    ["proj.fe.cost", 9000],
    ["proj.grant", 40000000],
    ["proj.opening", -3000000],
    ["proj.inflation", 0.03],
    ["proj.inflation.isp", 0.07],
    ["proj.other", 250000],
    ["proj.ei.cost", 100000],
    ["proj.shift", 4],
    ["proj.places.2", 10],
    ["proj.places.cost", 3000],
  ];

  test.each([1, 2, 3, 4, 5])("a forecast flat at the typed counts gives the typed projection (seed %i)", (seed) => {
    const f = forecastGrid(seed)
      .filter((r, i) => i === 0 || r[0] === 2023)
      .flatMap((r) => (r[0] === 2023 ? [0, 1, 2].map((k) => [2023 + k, ...r.slice(1)]) : [r]));
    const counts = PLACEMENTS.map(
      (p) => [`proj.${p === "Mainstream" ? "mainstream" : p.toLowerCase()}.count`, central(f, 2023, p)] as Cell[],
    );
    const typed = grid(invoke("PROJECT", [[["Factor", "P"], ...costs, ...counts, ["proj.years", 3]], "P"]));
    // interpolating between equal censuses changes nothing, at the default proj.census.weight and at 1
    const fromDemand = grid(invoke("PROJECT", [[["Factor", "P"], ...costs], "P", f, flatHistory(f)]));
    expect(fromDemand.map((r) => r.slice(1))).toEqual(typed.map((r) => r.slice(1)));
    const convention = grid(invoke("PROJECT", [[["Factor", "P"], ...costs, ["proj.census.weight", 1]], "P", f]));
    expect(convention).toEqual(fromDemand);
    expect(fromDemand.slice(1).map((r) => r[0])).toEqual(["2022-23", "2023-24", "2024-25"]);
  });

  test.each([11, 12, 13])("cutting new plans never adds spend, and cutting none changes nothing (seed %i)", (seed) => {
    const f = forecastGrid(seed);
    const h = flatHistory(f);
    const spend = (cut: number) =>
      grid(invoke("PROJECT", [[["Factor", "P"], ...costs, ["proj.newplans.cut", cut]], "P", f, h]))
        .slice(1)
        .map((r) => r[2] as number);
    const none = grid(invoke("PROJECT", [[["Factor", "P"], ...costs], "P", f, h]))
      .slice(1)
      .map((r) => r[2] as number);
    expect(spend(0)).toEqual(none);
    let previous = none;
    for (const cut of [0.1, 0.3, 0.6, 1]) {
      const now = spend(cut);
      now.forEach((v, i) => expect(v).toBeLessThanOrEqual(previous[i]));
      expect(now[0]).toBeLessThan(none[0]);
      previous = now;
    }
  });
});

describe("SEND.SUFFICIENCY", () => {
  test.each([21, 22, 23, 24])("overflow moves demand from Special to ISP and keeps their sum (seed %i)", (seed) => {
    const f = forecastGrid(seed);
    const capacity: Grid = [
      ["Breakdown", "Year", "Places"],
      ["Special", 2023, 150],
      ["Special", 2025, 220],
      ["ISP", 2024, 90],
    ];
    const plain = grid(invoke("SUFFICIENCY", [f, capacity]));
    const over = grid(invoke("SUFFICIENCY", [f, capacity, true]));
    for (const year of [2023, 2024, 2025, 2026]) {
      const row = (g: Grid, b: string) => g.find((r) => r[0] === year && r[1] === b)!;
      // without overflow Demand is the Central forecast and Gap = Places - Demand
      expect(row(plain, "Special")[2]).toBe(central(f, year, "Special"));
      expect(row(plain, "Special")[4]).toBeCloseTo(
        (row(plain, "Special")[3] as number) - central(f, year, "Special"),
        9,
      );
      const sum = (row(over, "Special")[2] as number) + (row(over, "ISP")[2] as number);
      expect(sum).toBeCloseTo(central(f, year, "Special") + central(f, year, "ISP"), 9);
      expect(row(over, "Special")[4] as number).toBeGreaterThanOrEqual(0);
      expect(row(over, "Special")[2] as number).toBeLessThanOrEqual(central(f, year, "Special"));
    }
  });
});
