// Argument generators, one per SEND function: mostly structured (a nearly valid rates table, institution table,
// amounts…, so calls get past argument checking into the engine), some with one argument swapped for chaos,
// some pure chaos (including too many arguments).
import fc from "fast-check";
import { PHASES, SETTINGS, type Cell } from "../../src/engine/types";
import { REGISTRY } from "../../src/functions/registry";
import type { HostValue } from "../../src/functions/wrapper";
import { chaosArg } from "./cells";
import { institutionTable } from "./institutions";
import { ratesTable } from "./ratesTable";
import { rng, type Rng } from "./rng";

/** One call's arguments (undefined = not given) and what the structured generator did, for reading a failure. */
export interface Case {
  args: (HostValue | undefined)[];
  note: string;
}

/** Corruptions per case: half of structured cases are valid as generated. */
const CORRUPTIONS = [0, 0, 0, 0, 0, 1, 1, 1, 2, 3];

function seeded(build: (r: Rng, corruptions: number) => Case): fc.Arbitrary<Case> {
  return fc
    .record({ seed: fc.integer(), k: fc.constantFrom(...CORRUPTIONS) })
    .map(({ seed, k }) => build(rng(seed), k));
}

/** Splits k corruptions between two structures. */
function split(r: Rng, k: number): [number, number] {
  let a = 0;
  for (let i = 0; i < k; i++) if (r.chance(0.5)) a++;
  return [a, k - a];
}

function optionArg(r: Rng, options: readonly string[]): Cell {
  const k = r.int(0, 19);
  if (k < 17 && options.length > 0) {
    const o = r.pick(options);
    return k < 12 ? o : k < 15 ? o.toUpperCase() : `  ${o} `;
  }
  if (k === 17) return r.pick([null, "", " ", 1, 2025, -0, true, false]);
  if (k === 14) return r.pick([null, "", " "]);
  if (k === 15) return r.pick(["Option Z", "Baselin", "Factor", "Description", "inherits"]);
  if (k === 16) return r.pick([1, 2025, -0]);
  if (k === 17) return r.pick([true, false]);
  return r.chaos(false);
}

const column = (xs: readonly Cell[]): Cell[][] => xs.map((x) => [x]);

/** rates, option, fields, values (ALLOCATE, BREAKDOWN). */
const oneInstitution = seeded((r, k) => {
  const [kr, kt] = split(r, k);
  const rates = ratesTable(r, kr);
  const table = institutionTable(r, kt, 3);
  const header = table.grid[0];
  const data = table.grid.length > 1 ? table.grid[r.int(1, table.grid.length - 1)] : [];
  // a sheet's values range is as wide as its header range (blank cells included), unless the user slipped
  const row = r.chance(0.9) ? header.map((_, i) => data[i] ?? null) : data;
  const asColumns = r.chance(0.15);
  const fields = asColumns ? column(header) : [header];
  const values = asColumns ? column(row) : [row];
  return {
    args: [rates.grid, optionArg(r, rates.options), fields, values],
    note: [...rates.corruptions, ...table.corruptions, asColumns ? "as columns" : ""].join("; "),
  };
});

/** rates, option, table (ALLOCATEALL). */
const manyInstitutions = seeded((r, k) => {
  const [kr, kt] = split(r, k);
  const rates = ratesTable(r, kr);
  const table = institutionTable(r, kt);
  return {
    args: [rates.grid, optionArg(r, rates.options), table.grid],
    note: [...rates.corruptions, ...table.corruptions].join("; "),
  };
});

const compareCase = seeded((r, k) => {
  const [kr, kt] = split(r, k);
  const rates = ratesTable(r, kr);
  const table = institutionTable(r, kt);
  return {
    args: [rates.grid, optionArg(r, rates.options), optionArg(r, rates.options), table.grid],
    note: [...rates.corruptions, ...table.corruptions].join("; "),
  };
});

const topupCase = seeded((r, k) => {
  const rates = ratesTable(r, k);
  const setting = r.chance(0.85)
    ? r.pick<string>([...SETTINGS, ...PHASES])
    : r.pick<Cell>(["all", "Special School", "mainstrem", 5, "", null, "#N/A"]);
  const band = r.chance(0.8)
    ? r.pick<Cell>(["1", "2", "Band 3", "band3", "band_3", "SLD", "sld", 1, 2])
    : r.pick<Cell>([3, "Band 9", "", "band.1", 1.5, true]);
  const months = r.chance(0.4)
    ? undefined
    : r.chance(0.8)
      ? r.pick<Cell>([0, 6, 12, 1.5, "6", 11.999, 5e-324, null])
      : r.pick<Cell>([13, -1, "six", 1e308, -0.001]);
  const fte = r.chance(0.5)
    ? undefined
    : r.chance(0.8)
      ? r.pick<Cell>([1, 0.5, 0, 2, 0.333, "0.5", "50%", 5e-324, null])
      : r.pick<Cell>([-1, 1e308, 1.7976931348623157e308, "x"]);
  return {
    args: [rates.grid, optionArg(r, rates.options), setting, band, months, fte],
    note: rates.corruptions.join("; "),
  };
});

const bandCase = seeded((r, k) => {
  const rates = ratesTable(r, k);
  const score = r.chance(0.7)
    ? r.int(-5, 120)
    : r.pick<Cell>([20.5, "12", "1e2", 1e308, -1e308, 5e-324, -0, "", null, "high", "50%"]);
  return { args: [rates.grid, optionArg(r, rates.options), score], note: rates.corruptions.join("; ") };
});

const ratesOnly = (withOption: "always" | "sometimes") =>
  seeded((r, k) => {
    const rates = ratesTable(r, k);
    const option = withOption === "sometimes" && r.chance(0.5) ? undefined : optionArg(r, rates.options);
    return { args: [rates.grid, option], note: rates.corruptions.join("; ") };
  });

/** n amounts as a column, a row or a block. */
function shaped(r: Rng, xs: Cell[], shape: "column" | "row" | "block"): Cell[][] {
  if (shape === "row") return [xs];
  if (shape === "column") return column(xs);
  const out: Cell[][] = [];
  for (let i = 0; i < xs.length; i += 3) out.push(xs.slice(i, i + 3));
  return out;
}

const money = (r: Rng): number => (r.chance(0.5) ? r.int(0, 500000) : r.int(0, 50_000_000) / 100);
const round2 = (x: number) => Math.round(x * 100) / 100;

const fitCase = seeded((r, k) => {
  const n = r.int(1, 25);
  const shape = r.pick(["column", "column", "column", "row", "block"] as const);
  const amounts: Cell[] = Array.from({ length: n }, () => (r.chance(0.05) ? null : money(r)));
  const total = amounts.reduce<number>((s, a) => s + (typeof a === "number" ? a : 0), 0);
  const withBaseline = r.chance(0.5);
  const baseline: Cell[] = amounts.map((a) =>
    typeof a === "number" ? round2(a * (0.9 + r.next() / 5)) : r.chance(0.5) ? null : money(r),
  );
  const floor = r.chance(0.5) ? undefined : r.pick<Cell>([-0.005, -0.01, 0, -0.05, -1]);
  const cap = r.chance(0.5) ? undefined : r.pick<Cell>([0.05, 0.01, 0, 0.1, 1]);
  const base = withBaseline ? baseline.reduce<number>((s, a) => s + (typeof a === "number" ? a : 0), 0) : total;
  let budget: Cell = round2(base * r.pick([1, 1, 0.99, 1.01, 0.9, 1.1, 0.5, 2, 0]));
  const args: (HostValue | undefined)[] = [
    shaped(r, amounts, shape),
    budget,
    withBaseline ? shaped(r, baseline, shape) : undefined,
    floor,
    cap,
  ];
  const notes: string[] = [];
  for (let i = 0; i < k; i++) {
    switch (r.int(0, 6)) {
      case 0:
        budget = r.pick<Cell>(["abc", -5, 1e308, -1e308, 5e-324, null, "£1,000", "(100)"]);
        args[1] = budget;
        notes.push("odd budget");
        break;
      case 1:
        amounts[r.int(0, n - 1)] = r.chaos(false);
        args[0] = shaped(r, amounts, shape);
        notes.push("chaos amount");
        break;
      case 2:
        args[2] = shaped(r, baseline.slice(0, r.int(0, n)), shape);
        notes.push("baseline short");
        break;
      case 3:
        args[3] = r.pick<Cell>([0.1, -2, "abc", 1e308]);
        args[4] = r.pick<Cell>([-0.1, 0.05, -1e308, "x"]);
        notes.push("odd floor/cap");
        break;
      case 4:
        amounts[r.int(0, n - 1)] = r.pick([-500, 1e308, 5e-324, 1e21, 0.001]);
        args[0] = shaped(r, amounts, shape);
        notes.push("extreme amount");
        break;
      case 5:
        args[2] = shaped(
          r,
          baseline.map(() => r.pick<Cell>([0, null, -1, 1e308])),
          shape,
        );
        notes.push("odd baseline");
        break;
      default:
        args[0] = shaped(
          r,
          amounts.map(() => null),
          shape,
        );
        notes.push("blank amounts");
    }
  }
  return { args, note: `${shape} of ${n}; ${notes.join("; ")}` };
});

const deficitCase = seeded((r, k) => {
  const n = r.int(1, 15);
  const row = r.chance(0.2);
  const vec = (xs: Cell[]) => (row ? [xs] : column(xs));
  const income = Array.from({ length: n }, (): Cell => (r.chance(0.05) ? null : money(r)));
  const spend = Array.from({ length: n }, () => (r.chance(0.05) ? null : money(r)));
  const adjustments = r.chance(0.6)
    ? undefined
    : Array.from({ length: n }, () => (r.chance(0.3) ? null : r.int(-1e5, 1e5)));
  const opening = r.pick<Cell>([0, -1e6, 1e6, null, "£1,000", "(500)", -123.45]);
  const args: (HostValue | undefined)[] = [
    opening,
    vec(income),
    vec(spend),
    adjustments ? vec(adjustments) : undefined,
  ];
  const notes: string[] = [];
  for (let i = 0; i < k; i++) {
    switch (r.int(0, 4)) {
      case 0:
        args[2] = vec(spend.slice(0, r.int(0, n)));
        notes.push("spend short");
        break;
      case 1:
        income[r.int(0, n - 1)] = r.chaos(false);
        args[1] = vec(income);
        notes.push("chaos income");
        break;
      case 2:
        args[0] = r.pick<Cell>(["abc", 1e308, -1e308, 5e-324, "1e999"]);
        notes.push("odd opening");
        break;
      case 3:
        args[3] = [
          [1, 2],
          [3, 4],
        ];
        notes.push("2-D adjustments");
        break;
      default:
        spend[r.int(0, n - 1)] = r.pick([1e308, -1e308, 1.7976931348623157e308]);
        args[2] = vec(spend);
        notes.push("extreme spend");
    }
  }
  return { args, note: `${n} years; ${notes.join("; ")}` };
});

const paybackCase = seeded((r, k) => {
  const pick = () =>
    r.chance(0.7) ? money(r) : r.pick<Cell>([0, -100, 1e308, -1e308, 5e-324, "£10,000", "12.5%", "abc", null, true]);
  const args: (HostValue | undefined)[] = [pick(), pick(), r.chance(0.5) ? undefined : pick()];
  if (k > 2) args[r.int(0, 2)] = r.chaos(false);
  return { args, note: "" };
});

const FORECAST_HEADERS = [
  "Total",
  "Mainstream",
  "RB",
  "Special",
  "ISP",
  "AP",
  "FE",
  "SPI",
  "EY",
  "Other",
  "Age 0-4",
  "Age 5-10",
  "Age 11-15",
  "Age 16-19",
  "Age 20-25",
  "New plans",
];
/** Other spellings a sheet may use for some of them. */
const FORECAST_SPELLINGS: Record<string, string> = {
  RB: "Resourced provision",
  "Age 5-10": "age_5-10",
  Total: " total ",
  ISP: "independent special",
};

/** A demand history (Year and some breakdowns, consecutive years), horizon and coverage; corruptions break it. */
const forecastCase = seeded((r, k) => {
  const headers = [
    "Year",
    ...FORECAST_HEADERS.filter(() => r.chance(0.4)).map((h) => (r.chance(0.2) ? (FORECAST_SPELLINGS[h] ?? h) : h)),
  ];
  const n = r.int(2, 14);
  const start = r.pick([2010, 2015, 1999, 2008, 9990]);
  const grid: Cell[][] = [
    headers,
    ...Array.from({ length: n }, (_, i) => [
      start + i,
      ...headers.slice(1).map((): Cell => (r.chance(0.05) ? null : r.int(0, 20000))),
    ]),
  ];
  if (r.chance(0.2)) grid.splice(1, grid.length - 1, ...grid.slice(1).reverse()); // newest first is allowed
  const args: (HostValue | undefined)[] = [
    grid,
    r.chance(0.5) ? undefined : r.pick<Cell>([1, 3, 15, "5"]),
    r.chance(0.6) ? undefined : r.pick<Cell>([0.8, 0.5, 0.95, "90%"]),
  ];
  const notes: string[] = [`${n} years, ${headers.length - 1} columns`];
  for (let i = 0; i < k; i++) {
    switch (r.int(0, 5)) {
      case 0:
        grid[0][r.int(0, headers.length - 1)] = r.pick<Cell>(["Specal", "URN", null, "Year", "ISP"]);
        notes.push("bad header");
        break;
      case 1:
        if (grid.length > 2) grid[r.int(1, grid.length - 1)][0] = r.pick<Cell>([2011, "2020/21", null, 123, 2000.5]);
        notes.push("bad year");
        break;
      case 2:
        grid[r.int(1, grid.length - 1)][r.int(0, headers.length - 1)] = r.chaos(false);
        notes.push("chaos cell");
        break;
      case 3:
        args[1] = r.pick<Cell>([0, 16, -1, 2.5, "soon", 1e308]);
        notes.push("bad horizon");
        break;
      case 4:
        args[2] = r.pick<Cell>([0, 1, -0.5, 80, "most"]);
        notes.push("bad coverage");
        break;
      default:
        grid[r.int(1, grid.length - 1)][r.int(1, Math.max(1, headers.length - 1))] = r.pick<Cell>([-3, 1e308, 1e-300]);
        notes.push("odd count");
    }
  }
  return { args, note: notes.join("; ") };
});

const appraiseCase = seeded((r, k) => {
  const pick = () => (r.chance(0.95) ? money(r) : r.pick<Cell>([0, -100, 1e308, 5e-324, "£10,000", "abc", null, true]));
  const ramp = r.chance(0.5)
    ? undefined
    : column(Array.from({ length: r.int(1, 4) }, (): Cell => r.pick<Cell>([0, 0.25, 0.5, 1, 1.5, null, "x"])));
  const args: (HostValue | undefined)[] = [
    r.int(0, 60),
    pick(),
    pick(),
    pick(),
    pick(),
    ramp,
    r.chance(0.6) ? undefined : r.pick<Cell>([1, 2, 3, 0, 11, 1.5]),
    r.chance(0.6) ? undefined : r.pick<Cell>([0.035, 0, -0.5, 2, "3.5%"]),
    r.chance(0.6) ? undefined : r.pick<Cell>([1, 10, 30, 60, 61, 0]),
  ];
  if (k > 2) args[r.int(0, 8)] = r.chaos(false);
  return { args, note: "" };
});

const registerCase = seeded((r, k) => {
  const header: Cell[] = [
    "Provider",
    "Location",
    "Fee",
    "Uplift",
    "Education",
    "Care",
    "Health",
    "Start",
    "End",
    "Review",
  ];
  const rows: Cell[][] = [header];
  for (let i = 0, n = r.int(1, 8); i < n; i++) {
    const edu = r.pick<number>([1, 0.8, 0.5]);
    const bad = r.chance(0.05); // now and then one nearly-valid row
    rows.push([
      `P${i}`,
      bad ? "Abroad" : r.pick<Cell>(["In county", "Out of county", "out"]),
      money(r),
      r.pick<Cell>([0, 0.02, null]),
      edu,
      edu === 1 ? 0 : 1 - edu,
      0,
      bad ? null : r.pick<Cell>(["2024-09-01", 45000, "2026-01-31"]),
      r.pick<Cell>([null, "2027-07-31", 46000]),
      r.pick<Cell>([null, "2025-12-01"]),
    ]);
  }
  const args: (HostValue | undefined)[] = [
    rows,
    r.pick<Cell>([2025, 2024, 1800, "2025"]),
    r.chance(0.5) ? undefined : r.int(1, 8),
    r.chance(0.5) ? undefined : money(r),
  ];
  if (k > 2) args[r.int(0, 3)] = r.chaos(false);
  return { args, note: "" };
});

const DEMAND_GROUPS = ["Total", "Mainstream", "Special", "ISP", "New plans"];

/** A forecast spill (Year | Breakdown | Low | Central | High), a capacity table and the overflow flag; corruptions
 * break them. */
const sufficiencyCase = seeded((r, k) => {
  const years = Array.from({ length: r.int(1, 5) }, (_, i) => 2023 + i);
  const groups = DEMAND_GROUPS.filter((g) => g === "Total" || r.chance(0.7));
  const forecast: Cell[][] = [["Year", "Breakdown", "Low", "Central", "High"]];
  for (const y of years)
    for (const g of groups) {
      const c = r.int(0, 3000);
      forecast.push([y, g, Math.max(0, c - r.int(0, 200)), c, c + r.int(0, 200)]);
    }
  const capacity: Cell[][] = [["Breakdown", "Year", "Places"]];
  for (const g of groups.filter((x) => x === "Special" || x === "ISP" || r.chance(0.2)))
    capacity.push([g, r.pick(years), r.int(0, 3000)]);
  const args: (HostValue | undefined)[] = [
    forecast,
    capacity,
    r.chance(0.5) ? undefined : r.pick<Cell>([true, false, 1, 0, "TRUE"]),
  ];
  const notes: string[] = [`${years.length} years, ${groups.length} groups, ${capacity.length - 1} capacity rows`];
  for (let i = 0; i < k; i++) {
    switch (r.int(0, 4)) {
      case 0:
        forecast[0][r.int(0, 4)] = r.pick<Cell>(["Yaer", "Centre", null, "Low"]);
        notes.push("bad forecast header");
        break;
      case 1:
        if (capacity.length > 1)
          capacity[r.int(1, capacity.length - 1)][0] = r.pick<Cell>(["Specal", "URN", null, "Total"]);
        notes.push("bad breakdown");
        break;
      case 2:
        if (capacity.length > 1) capacity[r.int(1, capacity.length - 1)][r.int(1, 2)] = r.chaos(false);
        notes.push("chaos capacity cell");
        break;
      case 3:
        forecast[r.int(1, forecast.length - 1)][r.int(0, 4)] = r.chaos(false);
        notes.push("chaos forecast cell");
        break;
      default:
        args[2] = r.pick<Cell>(["maybe", 2, -1]);
        notes.push("bad overflow");
    }
  }
  return { args, note: notes.join("; ") };
});

const STRUCTURED: Record<string, fc.Arbitrary<Case>> = {
  ALLOCATE: oneInstitution,
  BREAKDOWN: oneInstitution,
  ALLOCATEALL: manyInstitutions,
  COMPARE: compareCase,
  TOPUP: topupCase,
  BAND: bandCase,
  PROJECT: ratesOnly("always"),
  PLAN: ratesOnly("always"),
  CHECK: ratesOnly("sometimes"),
  FIT: fitCase,
  DEFICIT: deficitCase,
  PAYBACK: paybackCase,
  FORECAST: forecastCase,
  SUFFICIENCY: sufficiencyCase,
  APPRAISE: appraiseCase,
  REGISTER: registerCase,
  FACTORS: fc.constant({ args: [], note: "" }),
};

/** The generator of SEND.<name>'s cases: structured, one argument swapped for chaos, or all chaos. */
export function casesFor(name: string): fc.Arbitrary<Case> {
  const structured = STRUCTURED[name];
  if (!structured) throw new Error(`no case generator for ${name}`);
  const spec = REGISTRY.find((s) => s.name === name)!;
  const n = spec.parameters.length;
  const swapped = fc.tuple(structured, fc.nat(), chaosArg()).map(([c, i, v]): Case => {
    const args = [...c.args];
    if (n === 0) return { args: [v], note: "an argument to a function that takes none" };
    const at = i % n;
    while (args.length <= at) args.push(undefined);
    args[at] = v;
    return { args, note: `${c.note}; argument ${at + 1} swapped for chaos` };
  });
  const chaos = fc.array(chaosArg(), { maxLength: n + 1 }).map((args): Case => ({ args, note: "all chaos" }));
  return fc.oneof(
    { weight: 14, arbitrary: structured },
    { weight: 4, arbitrary: swapped },
    { weight: 2, arbitrary: chaos },
  );
}

/** The function names with a generator (every registry entry). */
export const NAMES: readonly string[] = REGISTRY.map((s) => s.name);

/**
 * The same case as a spreadsheet could hold it: every range a rectangle of at least one cell (short rows padded
 * with blanks), undefined cells blank, and non-finite numbers as their text (the wrapper reads NaN exactly as the
 * text "NaN": not a number, not blank).
 */
export function hostSafe(c: Case): Case {
  const cell = (x: Cell): Cell =>
    x === undefined ? null : typeof x === "number" && !Number.isFinite(x) ? String(x) : x;
  const args = c.args.map((a) => {
    if (a === undefined || !Array.isArray(a)) return a === undefined ? undefined : cell(a as Cell);
    const grid = a as Cell[][];
    const rows = Math.max(1, grid.length);
    const cols = Math.max(1, ...grid.map((r) => r.length));
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, k) => cell(grid[r]?.[k] ?? null)));
  });
  return { args, note: c.note };
}
