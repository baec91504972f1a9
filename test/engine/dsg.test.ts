// The DSG as a whole (engine/dsg.ts, SEND.PLAN's last rows): every block, the transfer, contributions, the
// DSG-wide balance and the deficit beyond the statutory override, against hand-computed figures.
import { dsgYears } from "../../src/engine/dsg";
import { optionFromGrid } from "../../src/engine/rates";
import { isSendError, type Grid } from "./api";

const GRID: Grid = [
  ["Factor", "Plan"],
  ["proj.start", 2026],
  ["proj.years", 3],
  ["proj.opening", -20000000],
  ["proj.grant", 50000000],
  ["proj.other", 56000000],
  ["dsg.opening", 500000],
  ["dsg.schools.income", 400000000],
  ["dsg.schools.growth", 0.01],
  ["dsg.transfer", 0.005],
  ["dsg.cssb.income", 3000000],
  ["dsg.cssb.spend", 3100000],
  ["dsg.ey.income", 40000000],
  ["dsg.safetyvalve.1", 4000000],
  ["dsg.dfe.2", 1000000],
  ["dsg.la.3", 2500000],
  ["dsg.override.end", 2027],
];

describe("the DSG as a whole", () => {
  const o = optionFromGrid(GRID, "Plan");
  if (isSendError(o)) throw new Error(o.message);
  const r = dsgYears(o);
  if (isSendError(r)) throw new Error(r.message);
  const { dsg } = r;
  const money = (f: (y: (typeof dsg)[number]) => { toNumber(): number }) => dsg.map((y) => f(y).toNumber());

  test("the transfer leaves the Schools block and arrives in High Needs; blocks without spend keys balance", () => {
    // Schools 400m, 404m, 408.04m; 0.5% = 2,000,000, 2,020,000, 2,040,200
    expect(money((y) => y.transfer)).toEqual([2000000, 2020000, 2040200]);
    expect(money((y) => y.blocks[0].spend)).toEqual([398000000, 401980000, 405999800]);
    expect(money((y) => y.highNeedsInYear)).toEqual([-4000000, -3980000, -3959800]); // HN -6m a year + transfer
    expect(money((y) => y.blocks[1].spend)).toEqual([3100000, 3100000, 3100000]); // CSSB overspends 100k a year
    expect(money((y) => y.blocks[2].spend)).toEqual([40000000, 40000000, 40000000]);
  });

  test("DSG in-year = every block's income less spend, the transfer netted, plus contributions", () => {
    // y1: HN -4,000,000 + CSSB -100,000 + Safety Valve 4,000,000 = -100,000
    // y2: -3,980,000 - 100,000 + DfE 1,000,000 = -3,080,000; y3: -3,959,800 - 100,000 + LA 2,500,000 = -1,559,800
    expect(money((y) => y.inYear)).toEqual([-100000, -3080000, -1559800]);
    // opening -20,000,000 (High Needs) + 500,000 (other blocks)
    expect(money((y) => y.cumulative)).toEqual([-19600000, -22680000, -24239800]);
  });

  test("the deficit beyond the statutory override counts only after dsg.override.end (2027-28)", () => {
    expect(money((y) => y.beyondOverride)).toEqual([0, 0, -24239800]);
  });
});
