// 10,000-row ranges: structured (a real rates table padded with headings and blank rows, a 10,000-institution
// table, 10,000 amounts or years) and chaos (10,000 rows of anything), one generator per function.
import fc from "fast-check";
import type { Cell } from "../../src/engine/types";
import type { HostValue } from "../../src/functions/wrapper";
import type { Case } from "./cases";
import { BIG_ROWS } from "./config";
import { institutionTable } from "./institutions";
import { ratesTable } from "./ratesTable";
import { rng, type Rng } from "./rng";

function chaosRows(r: Rng, n: number, width: number): Cell[][] {
  return Array.from({ length: n }, () => Array.from({ length: r.int(0, width) }, () => r.chaos(false)));
}

/**
 * A big rates table, one of: a real table padded to 10,000 rows with headings and blank rows (a whole-column
 * reference); 10,000 distinct band keys (topup.*.b<i>, band.b<i>); 10,000 rows of typos or duplicates (every row a
 * problem, so messages and suggestions are computed 10,000 times).
 */
function bigRates(r: Rng): { grid: Cell[][]; options: string[]; how: string } {
  const base = ratesTable(r, 0, 1);
  const width = base.grid[0].length;
  const factor = base.grid[0].findIndex((h) => String(h).trim().toLowerCase() === "factor");
  const valueCol = base.grid[0].findIndex((h) => h === base.options[0]);
  const grid = base.grid.map((row) => [...row]);
  const how = r.pick(["padded", "bands", "typos", "duplicates"] as const);
  while (grid.length < BIG_ROWS) {
    const row: Cell[] = new Array(width).fill(null);
    const i = grid.length;
    if (how === "padded") {
      if (r.chance(0.1)) row[(factor + 1) % width] = `Section ${i}`;
    } else {
      row[factor] =
        how === "bands"
          ? r.chance(0.5)
            ? `topup.${r.pick(["special", "all", "mainstream"])}.b${i}`
            : `band.b${i}`
          : how === "typos"
            ? `plcae.speical${i}`
            : "place.special";
      row[valueCol] = r.int(0, 50000);
    }
    grid.push(row);
  }
  return { grid, options: base.options, how: `rates ${how}` };
}

/** A big institutions table: 10,000 plausible rows (some corrupted), or 10,000 rows of chaos under a real header. */
function bigTable(r: Rng): { grid: Cell[][]; how: string } {
  const t = institutionTable(r, 0, 20);
  const header = t.grid[0];
  if (r.chance(0.3)) return { grid: [header, ...chaosRows(r, BIG_ROWS, header.length + 1)], how: "table chaos" };
  const grid: Cell[][] = [header];
  while (grid.length <= BIG_ROWS) {
    const row = [...t.grid[1 + (grid.length % (t.grid.length - 1))]];
    if (r.chance(0.01)) row[r.int(0, row.length - 1)] = r.chaos(false);
    grid.push(row);
  }
  return { grid, how: "table of 10,000" };
}

const column = (xs: readonly Cell[]): Cell[][] => xs.map((x) => [x]);
const amounts = (r: Rng, chaos: boolean): Cell[] =>
  Array.from({ length: BIG_ROWS }, () => (chaos ? r.chaos(false) : r.chance(0.02) ? null : r.int(0, 5_000_000) / 100));

function build(name: string, r: Rng): Case {
  const option = (opts: string[]) => r.pick(opts);
  switch (name) {
    case "ALLOCATE":
    case "BREAKDOWN": {
      if (r.chance(0.5)) {
        // 10,000 columns of headers and values (most unknown: URNs, notes, results)
        const t = institutionTable(r, 0, 1);
        const extra = Array.from({ length: BIG_ROWS }, (_, i) => `Col ${i}`);
        const rates = ratesTable(r, 0, 1);
        const values = [...(t.grid[1] ?? []), ...extra.map(() => r.chaos(false))];
        return {
          args: [rates.grid, option(rates.options), [[...t.grid[0], ...extra]], [values]],
          note: "10,000 columns",
        };
      }
      const rates = bigRates(r);
      const t = institutionTable(r, 0, 1);
      return { args: [rates.grid, option(rates.options), [t.grid[0]], [t.grid[1] ?? []]], note: rates.how };
    }
    case "ALLOCATEALL":
    case "COMPARE": {
      const rates = r.chance(0.7) ? ratesTable(r, 0, 1) : bigRates(r);
      const t = bigTable(r);
      const args: HostValue[] =
        name === "COMPARE"
          ? [rates.grid, option(rates.options), option(rates.options), t.grid]
          : [rates.grid, option(rates.options), t.grid];
      return { args, note: t.how };
    }
    case "TOPUP":
    case "BAND":
    case "PROJECT":
    case "PLAN":
    case "CHECK": {
      const rates = bigRates(r);
      const rest: HostValue[] =
        name === "TOPUP"
          ? ["special", r.pick(["1", "b5000", "band3"]), 6, 0.5]
          : name === "BAND"
            ? [r.int(0, 20000)]
            : [];
      return { args: [rates.grid, option(rates.options), ...rest], note: rates.how };
    }
    case "FIT": {
      const chaos = r.chance(0.3);
      const a = amounts(r, chaos);
      const total = a.reduce<number>((s, x) => s + (typeof x === "number" ? x : 0), 0);
      const baseline = r.chance(0.5)
        ? column(a.map((x) => (typeof x === "number" ? Math.round(x * 95) / 100 : null)))
        : undefined;
      return {
        args: [
          column(a),
          Math.round(total * 101) / 100,
          baseline,
          baseline ? -0.01 : undefined,
          baseline ? 0.05 : undefined,
        ],
        note: chaos ? "chaos amounts" : "10,000 amounts",
      };
    }
    case "DEFICIT": {
      const chaos = r.chance(0.3);
      return {
        args: [
          -1e6,
          column(amounts(r, chaos)),
          column(amounts(r, false)),
          r.chance(0.5) ? column(amounts(r, false)) : undefined,
        ],
        note: "10,000 years",
      };
    }
    case "PAYBACK":
      return { args: [column(amounts(r, false)), 100, undefined], note: "a 10,000-row range for a number" };
    case "FORECAST": {
      // 9,000 consecutive years (every 4-digit year), or 10,000 rows of chaos under a real header
      const header: Cell[] = [
        "Year",
        "Total",
        "Special",
        "ISP",
        "Age 0-4",
        "Age 5-10",
        "Age 11-15",
        "Age 16-19",
        "Age 20-25",
        "New plans",
      ];
      if (r.chance(0.3))
        return { args: [[header, ...chaosRows(r, BIG_ROWS, header.length)], 3], note: "history chaos" };
      const rows = Array.from({ length: 9000 }, (_, i): Cell[] => [
        1000 + i,
        ...header.slice(1).map(() => r.int(0, 5000)),
      ]);
      return { args: [[header, ...rows], 15, 0.9], note: "9,000 years" };
    }
    case "SUFFICIENCY": {
      // a 10,000-row forecast spill, or 10,000 rows of chaos as the capacity table
      const forecast: Cell[][] = [
        ["Year", "Breakdown", "Low", "Central", "High"],
        ...Array.from({ length: BIG_ROWS }, (_, i): Cell[] => [
          2023 + Math.floor(i / 2),
          i % 2 ? "Special" : "Total",
          0,
          r.int(0, 5000),
          6000,
        ]),
      ];
      if (r.chance(0.5)) return { args: [forecast, chaosRows(r, BIG_ROWS, 3), true], note: "capacity chaos" };
      return {
        args: [
          forecast,
          [
            ["Breakdown", "Year", "Places"],
            ["Special", 2023, 900],
          ],
          false,
        ],
        note: "5,000 forecast years",
      };
    }
    case "REGISTER":
      return { args: [chaosRows(r, BIG_ROWS, 10), 2025, 5, 30000], note: "a 10,000-row placements table" };
    case "APPRAISE":
      return {
        args: [10, 50000, 10000, 17000, 64000, column(amounts(r, r.chance(0.5))), undefined, undefined, 60],
        note: "a 10,000-row ramp",
      };
    case "FACTORS":
      return { args: [chaosRows(r, BIG_ROWS, 3)], note: "a 10,000-row argument to a function that takes none" };
    default:
      throw new Error(`no big case for ${name}`);
  }
}

export function bigCasesFor(name: string): fc.Arbitrary<Case> {
  return fc.integer().map((seed) => build(name, rng(seed)));
}

/** Excel's whole-column reference (A:E) hands over every row of the sheet: 1,048,576, nearly all blank. */
export const SHEET_ROWS = 1_048_576;

/** The same arguments as whole-column references: every range padded with blank rows ("") to the sheet's end. */
export function wholeColumns(args: readonly (HostValue | undefined)[]): (HostValue | undefined)[] {
  return args.map((a) => {
    if (!Array.isArray(a)) return a;
    const grid = a as Cell[][];
    const blank: Cell[] = new Array(Math.max(1, ...grid.slice(0, 1).map((r) => r.length))).fill("");
    const out: Cell[][] = grid.slice();
    while (out.length < SHEET_ROWS) out.push(blank); // one shared row: Excel's blanks cost nothing here
    return out;
  });
}
