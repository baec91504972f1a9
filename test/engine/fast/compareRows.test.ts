// COMPARE falls back to decimals per row, not per table: a table with one row too large for the exact integer
// path still gives every cell identical to compare() + toNumber, and its other rows stay on the fast path.
import {
  compare,
  compareTable,
  exactRowTotal,
  fieldReader,
  isSendError,
  parseRates,
  readTable,
  resolveOption,
  SendError,
  toNumber,
  D,
  type Dec,
  type Grid,
  type Option,
  buildLayout,
  fastOption,
} from "../api";
import { rng } from "./random";
import { BASE, CAND, randomRates, randomTable } from "./cases";

// -0 and 0 print alike: neither path cleans a negative zero (the wrapper shows every -0 as 0)
const show = (x: unknown): string => (x instanceof SendError ? `${x.kind} ${x.message}` : String(x));
const num = (d: Dec): number => toNumber(d);

function options(rates: Grid): Option[] {
  const t = parseRates(rates);
  if (isSendError(t)) throw new Error(t.toString());
  return [BASE, CAND].map((name) => resolveOption(t, name)).filter((o): o is Option => !isSendError(o));
}

test("one huge row takes the decimal path alone; every cell identical to compare()", () => {
  const r = rng(4242);
  const diffs: string[] = [];
  const paths = { fast: 0, fallback: 0 };
  let tables = 0;
  let hugeRows = 0;
  for (let t = 0; t < 80; t++) {
    const opts = options(randomRates(r));
    if (opts.length < 2) continue;
    const [base, cand] = opts;
    const grid = randomTable(r, 30).map((row) => row.slice());
    // scale every number of one row so its money passes 2^53 at the table's scale
    const k = 1 + Math.floor(r.next() * (grid.length - 1));
    grid[k] = grid[k].map((c) => (typeof c === "number" && c > 0 && Number.isInteger(c) ? c * 1e13 : c));
    const fast = compareTable(fastOption(base), fastOption(cand), grid);
    const rows = readTable(grid, "table");
    if (isSendError(rows) || isSendError(fast)) {
      expect(show(fast)).toBe(show(rows));
      continue;
    }
    tables++;
    const reader = fieldReader(grid[0], "table");
    if (isSendError(reader)) throw new Error(reader.toString());
    // exactRowTotal is NaN exactly where the exact path hands a row to the decimal one
    const compiled = fastOption(base).compiled,
      layout = buildLayout(reader);
    for (const row of grid.slice(1)) paths[Number.isNaN(exactRowTotal(compiled, layout, row)) ? "fallback" : "fast"]++;
    const slow = compare(base, cand, rows);
    const cells = (x: { name: string; a: unknown; b: unknown; difference: unknown; change: unknown }, dec: boolean) =>
      [x.name, x.a, x.b, x.difference, x.change]
        .map((v) => (dec && v instanceof D ? show(num(v)) : show(v)))
        .join(" | ");
    hugeRows += fast.rows.filter((row) => typeof row.a === "number" && Math.abs(row.a) > 2 ** 53 / 100).length;
    fast.rows.forEach((row, i) => {
      if (cells(row, false) !== cells(slow.rows[i], true))
        diffs.push(`${cells(row, false)}  vs  ${cells(slow.rows[i], true)}`);
    });
    if (cells(fast.total, false) !== cells(slow.total, true))
      diffs.push(`Total ${cells(fast.total, false)} vs ${cells(slow.total, true)}`);
  }
  expect(diffs.slice(0, 10)).toEqual([]);
  expect(tables).toBeGreaterThan(10);
  expect(hugeRows).toBeGreaterThan(5); // rows that cannot be exact integers at pence: the decimal branch ran
  expect(paths.fast).toBeGreaterThan(paths.fallback); // the other rows stayed fast
});
