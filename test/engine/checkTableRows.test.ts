// SEND.CHECK with an institution table finds the rates each row lacks by allocating the row (through the exact
// fast path, whose errors are the decimal path's): the same problems, row for row, as allocate() on each row.
import { allocate } from "../../src/engine/allocate";
import { check } from "../../src/engine/check";
import { SendError } from "../../src/engine/errors";
import { readTable } from "../../src/engine/fields";
import { libraryRatesGrid } from "../../src/engine/library";
import { readRatesTable, resolveOption } from "../../src/engine/rates";
import type { Grid } from "../../src/engine/types";
import { planModel } from "../../src/model/model";

/** A national option's rates without the keys `drop` matches, and a sample table of every phase. */
function fixture(drop: RegExp): { rates: Grid; option: string; table: Grid } {
  const grid = libraryRatesGrid(["National 2024-25"]);
  const rates = grid.filter((row, r) => r === 0 || !drop.test(String(row[0])));
  const plan = planModel({
    existing: [],
    national: "National 2024-25",
    candidates: [{ name: "A", inherits: "National 2024-25" }],
    sample: { count: 300 },
  });
  const table = plan.sheets.find((s) => s.role === "institutions")!.rows as Grid;
  return { rates, option: "National 2024-25", table };
}

/** "key → rows" of every non-top-up rate allocate() reports missing, row by row. */
function byAllocate(rates: Grid, option: string, table: Grid): Map<string, number[]> {
  const t = readRatesTable(rates);
  if (t instanceof SendError) throw new Error(t.message);
  const o = resolveOption(t, option);
  if (o instanceof SendError) throw new Error(o.message);
  const rows = readTable(table);
  if (rows instanceof SendError) throw new Error(rows.message);
  const out = new Map<string, number[]>();
  rows.forEach((row, i) => {
    if (row.institution === null || row.institution instanceof SendError) return;
    const a = allocate(o, row.institution);
    const key = a instanceof SendError ? /has no rate '([^']+)'/.exec(a.message)?.[1] : undefined;
    if (key && !key.startsWith("topup.")) out.set(key, [...(out.get(key) ?? []), i + 1]);
  });
  return out;
}

/** How a problem lists its rows: "row 2", "rows 2, 5 and 9", "rows 1, 2, … and 4 more" (eight at most). */
const rowList = (rows: number[]) =>
  rows.length === 1
    ? `row ${rows[0]}`
    : rows.length > 8
      ? `rows ${rows.slice(0, 8).join(", ")} and ${rows.length - 8} more`
      : `rows ${rows.slice(0, -1).join(", ")} and ${rows[rows.length - 1]}`;

describe("SEND.CHECK: rates the table's rows need", () => {
  test.each([/^place\./, /^(ei|notional)\./, /^(place\.(ap|special)|ei\.)/])(
    "without keys %s: the keys and rows allocate() reports",
    (drop) => {
      const { rates, option, table } = fixture(drop);
      const expected = byAllocate(rates, option, table);
      expect(expected.size).toBeGreaterThan(0); // the fixture does lack rates its rows need
      const problems = check(rates, option, "rates", "option", table);
      if (problems instanceof SendError) throw new Error(problems.message);
      const needs = problems.filter((p) => / needs rate '/.test(p.problem));
      expect(new Map(needs.map((p) => [p.key, p.problem]))).toEqual(
        new Map([...expected].map(([key, rows]) => [key, expect.stringContaining(`(table ${rowList(rows)}).`)])),
      );
    },
  );
});
