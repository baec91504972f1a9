// SEND.PROJECT (contract section 5): the yearly deficit projection, against hand-computed figures.
import {
  isSendError,
  optionFromGrid,
  project,
  projectionYears,
  type Grid,
  type Option,
  type ProjectionRow,
} from "./api";

const opt = (g: Grid, name: string | null = null): Option => {
  const o = optionFromGrid(g, name);
  if (isSendError(o)) throw new Error(o.message);
  return o;
};
const rows = (g: Grid, name: string | null = null): (string | number)[][] => {
  const p = project(opt(g, name));
  if (isSendError(p)) throw new Error(p.message);
  return p.map((r: ProjectionRow) => [r.year, ...[r.income, r.spend, r.inYear, r.cumulative].map((x) => x.toNumber())]);
};

describe("SEND.PROJECT", () => {
  // Every setting, growth slowed by early intervention for mainstream/rb/special/isp only, ISP → special shift,
  // inflation.
  const PLAN: Grid = [
    ["Factor", "Plan"],
    ["proj.start", 2024],
    ["proj.years", 4],
    ["proj.opening", -2000000],
    ["proj.grant", 12000000],
    ["proj.grant.growth", "3%"],
    ["proj.grant.extra.3", 250000],
    ["proj.grant.extra.9", 1e9],
    ["proj.mainstream.count", 200],
    ["proj.mainstream.growth", 0.1],
    ["proj.mainstream.cost", 5000],
    ["proj.rb.count", 20],
    ["proj.rb.growth", 0.05],
    ["proj.rb.cost", 12000],
    ["proj.special.count", 100],
    ["proj.special.growth", 0.08],
    ["proj.special.cost", 25000],
    ["proj.ap.count", 30],
    ["proj.ap.growth", 0.1],
    ["proj.ap.cost", 20000],
    ["proj.fe.count", 40],
    ["proj.fe.growth", 0.02],
    ["proj.fe.cost", 8000],
    ["proj.ey.count", 10],
    ["proj.ey.cost", 3000],
    ["proj.isp.count", 25],
    ["proj.isp.growth", 0.04],
    ["proj.isp.cost", 60000],
    ["proj.ei.reduction", 0.25],
    ["proj.shift", 3],
    ["proj.inflation", 0.02],
    ["proj.other", 500000],
    ["proj.ei.cost", 100000],
  ];

  test("year 1: counts and costs as given", () => {
    // 200×5,000 + 20×12,000 + 100×25,000 + 30×20,000 + 40×8,000 + 10×3,000 + 25×60,000 + 500,000 + 100,000
    // = 1,000,000 + 240,000 + 2,500,000 + 600,000 + 320,000 + 30,000 + 1,500,000 + 600,000 = 6,790,000
    expect(rows(PLAN)[0]).toEqual(["2024-25", 12000000, 6790000, 5210000, 3210000]);
  });

  test("year 2: growth × (1 − ei.reduction) for mainstream, rb, special, isp; shift 3; inflation 2%; whole children", () => {
    // growth' = 7.5%, 3.75%, 6%, 3% (ap, fe, ey unchanged): mainstream 215, rb 20.75 → 21, special 106 + 3 = 109,
    // ap 33, fe 40.8 → 41, ey 10, isp 25.75 → 26 − 3 = 23 (children rounded half up before the shift)
    // (1,075,000 + 252,000 + 2,725,000 + 660,000 + 328,000 + 30,000 + 1,380,000 + 600,000) × 1.02 = 7,050,000 × 1.02 =
    // 7,191,000
    // income 12,000,000 × 1.03 = 12,360,000
    expect(rows(PLAN)[1]).toEqual(["2025-26", 12360000, 7191000, 5169000, 8379000]);
  });

  test("years 3 and 4: compounding, the one-off extra income, rounding to the penny", () => {
    // y3: mainstream 231.125 → 231, rb 21.528125 → 22, special 112.36 → 112 + 6, ap 36.3 → 36, fe 41.616 → 42, ey 10,
    //     isp 26.5225 → 27 − 6 = 21: 7,315,000 × 1.0404 = 7,610,526; income 12,730,800 + 250,000
    // y4: mainstream 248, rb 22, special 119 + 9, ap 40, fe 42, ey 10, isp 27 − 9: 7,550,000 × 1.061208 =
    //     8,012,120.40; income 13,112,724
    // (proj.grant.extra.9 is outside the 4 years and is never read)
    expect(rows(PLAN).slice(2)).toEqual([
      ["2026-27", 12980800, 7610526, 5370274, 13749274],
      ["2027-28", 13112724, 8012120.4, 5100603.6, 18849877.6],
    ]);
  });

  test("absent keys are 0; 5 years by default, labelled 1..5", () => {
    expect(
      rows([
        ["Factor", "Empty"],
        ["place.ap", 1],
      ]),
    ).toEqual([1, 2, 3, 4, 5].map((y) => [y, 0, 0, 0, 0]));
  });

  test("year labels: 2021 -> 2021-22, and across the century 2099-00", () => {
    expect(
      rows([
        ["Factor", "A"],
        ["proj.start", 2021],
        ["proj.years", 2],
      ]).map((r) => r[0]),
    ).toEqual(["2021-22", "2022-23"]);
    expect(
      rows([
        ["Factor", "A"],
        ["proj.start", 2099],
        ["proj.years", 2],
      ]).map((r) => r[0]),
    ).toEqual(["2099-00", "2100-01"]);
  });

  test("the shift never takes ISP below zero", () => {
    // ISP 2, shift 5: y2 moves min(5, 2) = 2 → ISP 0, special 2 (costs 1,000 vs 10,000)
    expect(
      rows([
        ["Factor", "A"],
        ["proj.years", 3],
        ["proj.isp.count", 2],
        ["proj.isp.cost", 10000],
        ["proj.special.cost", 1000],
        ["proj.shift", 5],
      ]).map((r) => r[2]),
    ).toEqual([20000, 2000, 2000]);
  });

  test("round.to 1 rounds Income and Spend to whole pounds", () => {
    // spend 333.335 × 1 → 333; income 1,000.5 → 1,001 (half-up)
    expect(
      rows([
        ["Factor", "A"],
        ["round.to", 1],
        ["proj.years", 1],
        ["proj.grant", 1000.5],
        ["proj.other", 333.335],
      ]),
    ).toEqual([[1, 1001, 333, 668, 668]]);
  });

  test("mitigated and unmitigated plans are two options of one table", () => {
    const g: Grid = [
      ["Factor", "Unmitigated", "Mitigated"],
      ["inherits", null, "Unmitigated"],
      ["proj.years", 3, null],
      ["proj.special.count", 100, null],
      ["proj.special.growth", 0.2, null],
      ["proj.special.cost", 10000, null],
      ["proj.ei.reduction", null, 0.5],
      ["proj.ei.cost", null, 50000],
    ];
    expect(rows(g, "Unmitigated").map((r) => r[2])).toEqual([1000000, 1200000, 1440000]);
    expect(rows(g, "Mitigated").map((r) => r[2])).toEqual([1050000, 1150000, 1260000]); // 100, 110, 121 pupils + 50,000
  });

  test("projectionYears and its errors", () => {
    expect(
      projectionYears(
        opt([
          ["Factor", "A"],
          ["proj.years", 7],
        ]),
      ),
    ).toBe(7);
    expect(
      projectionYears(
        opt([
          ["Factor", "A"],
          ["place.ap", 7],
        ]),
      ),
    ).toBe(5);
    const frac = project(
      opt([
        ["Factor", "A"],
        ["proj.years", 2.5],
      ]),
    );
    expect(isSendError(frac) && `${frac.kind} ${frac.message}`).toBe(
      "#NUM! rate 'proj.years' of option 'A' is 2.5; it must be a whole number.",
    );
    const start = project(
      opt([
        ["Factor", "A"],
        ["proj.start", 2021.5],
      ]),
    );
    expect(isSendError(start) && start.kind).toBe("#NUM!");
    expect(
      isSendError(
        optionFromGrid(
          [
            ["Factor", "A"],
            ["proj.years", 51],
          ],
          "A",
        ),
      ),
    ).toBe(true);
    expect(
      isSendError(
        optionFromGrid(
          [
            ["Factor", "A"],
            ["proj.ei.reduction", 1.5],
          ],
          "A",
        ),
      ),
    ).toBe(true);
  });
});
