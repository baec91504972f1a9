// Whole allocations: the fast entry points against the decimal.js path (readTable / FieldReader.read +
// allocateTotal / compare + Decimal#toNumber), to the exact number and the exact error message, over
// 20,000+ random rows of every phase, and checks that both the fast path and the fallback are exercised.
import {
  allocateRowTotal,
  allocateTotal,
  allocateTotals,
  compare,
  compareTable,
  exactRowTotal,
  exactTopupAmount,
  fieldReader,
  isSendError,
  parseRates,
  readTable,
  resolveOption,
  SendError,
  SETTINGS,
  topupAmount,
  toNumber,
  buildLayout,
  fastOption,
  D,
  type Cell,
  type Dec,
  type Grid,
  type FieldReader,
  type Option,
} from "../api";
import { rng } from "./random";
import { BASE, CAND, randomRates, randomTable } from "./cases";

// -0 and 0 print alike: neither path cleans a negative zero (the wrapper shows every -0 as 0)
const show = (x: unknown): string => (x instanceof SendError ? `${x.kind} ${x.message}` : String(x));
const num = (d: Dec): number => toNumber(d);

function options(rates: Grid): Option[] {
  const t = parseRates(rates);
  if (isSendError(t)) throw new Error(t.toString());
  return [BASE, CAND].map((name) => {
    const o = resolveOption(t, name);
    if (isSendError(o)) throw new Error(o.toString());
    return o;
  });
}

/** SEND.ALLOCATEALL the decimal way. */
function slowTotals(o: Option, grid: Grid): (number | SendError | null)[] | SendError {
  const rows = readTable(grid, "table");
  if (isSendError(rows)) return rows;
  return rows.map((r) => {
    if (r.institution === null || isSendError(r.institution)) return r.institution;
    const t = allocateTotal(o, r.institution);
    return isSendError(t) ? t : num(t);
  });
}

describe("fast allocations ≡ the decimal path", () => {
  test("ALLOCATEALL and ALLOCATE: 24,000 random rows, identical numbers and errors; both paths exercised", () => {
    const r = rng(2024);
    const fastStats = { fast: 0, fallback: 0 };
    let rows = 0,
      errors = 0,
      rowChecks = 0;
    const diffs: string[] = [];
    for (let t = 0; t < 240; t++) {
      const [base, cand] = options(randomRates(r));
      const grid = randomTable(r, 100);
      const opt = r.chance(0.5) ? base : cand;
      const fo = fastOption(opt);
      const fast = allocateTotals(fo, grid);
      const slow = slowTotals(opt, grid);
      if (isSendError(fast) || isSendError(slow)) {
        if (show(fast) !== show(slow)) diffs.push(`table ${t}: ${show(fast)} vs ${show(slow)}`);
        continue;
      }
      expect(fast.length).toBe(slow.length);
      for (let i = 0; i < slow.length; i++) {
        rows++;
        if (isSendError(slow[i])) errors++;
        if (show(fast[i]) !== show(slow[i]))
          diffs.push(`table ${t} row ${i + 1}: fast ${show(fast[i])} vs decimal ${show(slow[i])}`);
      }
      // SEND.ALLOCATE, one row at a time through a cached header reader
      const reader = fieldReader(grid[0], "fields");
      if (isSendError(reader)) continue;
      const layout = buildLayout(reader);
      for (let i = 1; i < grid.length; i += 3) {
        rowChecks++;
        const want = reader.read(grid[i], "values");
        const w = isSendError(want) ? want : allocateTotal(opt, want);
        const got = allocateRowTotal(fo, layout, grid[i]);
        if (exactRowTotal(fo.compiled, layout, grid[i]) === exactRowTotal(fo.compiled, layout, grid[i]))
          fastStats.fast++;
        else fastStats.fallback++;
        if (show(got) !== show(isSendError(w) ? w : num(w)))
          diffs.push(`ALLOCATE table ${t} row ${i}: ${show(got)} vs ${show(w)}`);
      }
    }
    expect(diffs.slice(0, 10)).toEqual([]);
    expect(rows).toBeGreaterThanOrEqual(24_000);
    expect(rowChecks).toBeGreaterThan(7_000);
    expect(errors).toBeGreaterThan(300); // the error rows really are compared
    const total = fastStats.fast + fastStats.fallback;
    // most rows go fast, and the fallback really runs (huge values, long decimals, errors, missing rates)
    expect(fastStats.fast / total).toBeGreaterThan(0.6);
    expect(fastStats.fallback).toBeGreaterThan(1_000);
    console.log(
      `fast path: ${fastStats.fast} rows, fallback: ${fastStats.fallback} rows (${((100 * fastStats.fallback) / total).toFixed(1)}%), ` +
        `error rows: ${errors} of ${rows}`,
    );
  });

  test("synthetic national-style rows all take the fast path", () => {
    const r = rng(7);
    const [base] = options(randomRates(r));
    const grid: Grid = [
      ["Name", "Phase", "Primary Pupils", "FSM", "EHCP 1", "Places", "Months"],
      ...Array.from({ length: 500 }, (_, i): Cell[] => [
        `S${i}`,
        r.pick(["Primary", "Special", "AP"]),
        r.int(0, 600),
        r.int(0, 100),
        r.int(0, 9),
        r.int(0, 100),
        r.pick([null, 6, 8.5]),
      ]),
    ];
    // rates chosen plainly so nothing can be missing or too long
    const rates: Grid = [
      ["Factor", "A"],
      ["be.primary", 3562.5],
      ["fsm.primary", 490],
      ["notional.be", 0.05],
      ["notional.fsm", 0.5],
      ["topup.all.1", 4000.25],
      ["place.special", 10000],
      ["place.ap", 10000],
      ["ei.perpupil", 12],
    ];
    const [a] = [resolveOption(parseRates(rates) as never, "A") as Option];
    const fast = allocateTotals(fastOption(a), grid);
    const layout = buildLayout(fieldReader(grid[0], "table") as FieldReader);
    const compiled = fastOption(a).compiled;
    expect(grid.slice(1).filter((row) => Number.isNaN(exactRowTotal(compiled, layout, row)))).toEqual([]);
    expect((fast as number[]).map(show)).toEqual((slowTotals(a, grid) as number[]).map(show));
    void base;
  });

  test("table-wide problems are the decimal path's errors", () => {
    const [base] = options(randomRates(rng(1)));
    for (const g of [
      [],
      [["Phase"]],
      [
        ["Phase", "phase"],
        ["Primary", "Primary"],
      ],
      [
        ["Phase", "EHCP"],
        ["Special", 1],
      ],
    ] as Grid[]) {
      expect(show(allocateTotals(fastOption(base), g))).toBe(show(slowTotals(base, g)));
      expect(show(compareTable(fastOption(base), fastOption(base), g))).toBe(show(readTable(g, "table")));
    }
  });

  test("COMPARE: 150 random tables, every cell identical to compare() + toNumber", () => {
    const r = rng(77);
    const diffs: string[] = [];
    for (let t = 0; t < 150; t++) {
      const [base, cand] = options(randomRates(r));
      const grid = randomTable(r, 40);
      const clean = r.chance(0.5)
        ? grid.filter(
            (row, i) =>
              i === 0 ||
              !row.some((c) => c === -1 || c === "n/a" || c === true || c === 13 || c === -0.5 || c === "Nursery"),
          )
        : grid;
      const fast = compareTable(fastOption(base), fastOption(cand), clean);
      const rows = readTable(clean, "table");
      if (isSendError(rows) || isSendError(fast)) {
        expect(show(fast)).toBe(show(rows));
        continue;
      }
      const slow = compare(base, cand, rows);
      const cells = (x: { name: string; a: unknown; b: unknown; difference: unknown; change: unknown }, dec: boolean) =>
        [x.name, x.a, x.b, x.difference, x.change]
          .map((v) => (dec && v instanceof D ? show(num(v)) : show(v)))
          .join(" | ");
      expect(fast.header).toEqual(slow.header);
      expect(fast.rows.length).toBe(slow.rows.length);
      fast.rows.forEach((row, i) => {
        if (cells(row, false) !== cells(slow.rows[i], true))
          diffs.push(`${cells(row, false)}  vs  ${cells(slow.rows[i], true)}`);
      });
      if (cells(fast.total, false) !== cells(slow.total, true))
        diffs.push(`Total ${cells(fast.total, false)} vs ${cells(slow.total, true)}`);
    }
    expect(diffs.slice(0, 10)).toEqual([]);
  });

  test("TOPUP: 30,000 random calls identical to the decimal rule (numbers, Decimals, blanks, bad arguments)", () => {
    const r = rng(99);
    const fastStats = { fast: 0, fallback: 0 };
    const diffs: string[] = [];
    const both = (os: Option[]) => os.map((o) => [fastOption(o), fastOption(o, false)] as const);
    let opts = both(options(randomRates(r)));
    for (let i = 0; i < 30_000; i++) {
      if (i % 500 === 0) opts = both(options(randomRates(r)));
      const [o, decimal] = r.pick(opts);
      const setting = r.pick(SETTINGS);
      const band = r.pick(["1", "Band 1", "band2", "Band 3", "band-3", "x", "7"]);
      const pickArg = (xs: (number | null)[]) => {
        const x = r.pick(xs);
        return x !== null && r.chance(0.5) ? new D(x) : x;
      };
      const months = pickArg([null, 12, 6, 8.5, 0.125, 1 / 3, 0, 7, 13, -1, 11.99]);
      const fte = pickArg([null, 1, 0.5, 0.3333, 0.6, 2, 0, -1, 1e15, 0.1 + 0.2]);
      const got = topupAmount(o, setting, band, months, fte);
      if (Number.isNaN(exactTopupAmount(o.compiled, setting, band, months, fte))) fastStats.fallback++;
      else fastStats.fast++;
      const want = topupAmount(decimal, setting, band, months, fte);
      if (show(got) !== show(want)) diffs.push(`${setting} ${band} ${months} ${fte}: ${show(got)} vs ${show(want)}`);
    }
    expect(diffs.slice(0, 10)).toEqual([]);
    expect(fastStats.fast).toBeGreaterThan(10_000);
    expect(fastStats.fallback).toBeGreaterThan(3_000);
  });
});
