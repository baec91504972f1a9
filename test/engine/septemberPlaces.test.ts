// Places from September (issue 17, item 6): a row's places change with the academic year and are converted into
// the financial year, 5/12 + 7/12 at schools, 4/12 + 8/12 at FE colleges. The amounts are worked cases
// (test/cases/allocate/september.json, allocateall.json); this file checks what the cases cannot: the trace that
// ALLOCATE, BREAKDOWN and Explain show, that the fast path hands such rows to the decimal path and gives the same
// totals, and what SEND.CHECK says of a September count its phase never reads.
import { allocate } from "../../src/engine/allocate";
import { isSendError } from "../../src/engine/errors";
import { fieldReader, readInstitution } from "../../src/engine/fields";
import { exactRowTotal } from "../../src/engine/fast/allocate";
import { buildLayout } from "../../src/engine/fast/layout";
import { compileOption } from "../../src/engine/fast/option";
import { explainFormula } from "../../src/functions/explain";
import { invoke, type HostValue } from "../../src/functions/wrapper";
import { HeadlessWorkbook } from "../../src/headless";
import { splitRef } from "../../src/util/a1";
import type { Cell } from "../../src/engine/types";
import type { Option } from "../../src/engine/rates";
import { option as optionOrError } from "./pipeline";
import fc from "fast-check";
import { D } from "../../src/engine/money";

function option(rates: Cell[][], name: string): Option {
  const o = optionOrError(rates, name);
  if (isSendError(o)) throw new Error(o.message);
  return o;
}

const RATES: (string | number)[][] = [
  ["Factor", "A"],
  ["place.special", 10000],
  ["place.fe", 6000],
  ["place.rb.occupied", 6000],
  ["place.rb.unoccupied", 10000],
];
const FIELDS = ["Name", "Phase", "Places", "Places from September", "Occupied"];
const ROW: (string | number | null)[] = ["Oak", "Special", 40, 52, null];

function traceOf(values: Cell[]) {
  const inst = readInstitution(FIELDS, values);
  if (isSendError(inst)) throw new Error(inst.message);
  const a = allocate(option(RATES, "A"), inst, { trace: true });
  if (isSendError(a)) throw new Error(a.message);
  return a.trace;
}

describe("the trace shows the split", () => {
  test("a special school: 5/12 × April-August + 7/12 × September-March, then the place rate", () => {
    const t = traceOf(["Oak", "Special", 40, 52, null]);
    expect(t.map((l) => l.label)).toContain(
      "Places 5/12 × 40 (April-August) + 7/12 × 52 (September-March) = 47 in the financial year",
    );
    expect(t.find((l) => l.key === "place.special")).toMatchObject({ count: "47", amount: "470000" });
  });

  test("an FE college: 4/12 × April-July + 8/12 × August-March", () => {
    const t = traceOf(["Ash", "FE", 30, 42, null]);
    expect(t.map((l) => l.label)).toContain(
      "Places 4/12 × 30 (April-July) + 8/12 × 42 (August-March, college year) = 38 in the financial year",
    );
  });

  test("a count that does not divide evenly is shown as twelfths, and the amount is exact", () => {
    const t = traceOf(["Elm", "Special", 40, 41, null]);
    expect(t.some((l) => l.label.endsWith("= 487/12 (40.5833…) in the financial year"))).toBe(true);
    expect(t.find((l) => l.component === "Place funding" && l.label.startsWith("Place funding:"))!.amount).toBe(
      "405833.33",
    );
  });

  test("a resource base: the year's places, then occupied and unoccupied", () => {
    const labels = traceOf(["Birch", "Resource Base", 8, 14, 9]).map((l) => l.label);
    expect(labels).toContain(
      "Places 5/12 × 8 (April-August) + 7/12 × 14 (September-March) = 11.5 places in the financial year; " +
        "Unoccupied places (Places − Occupied) = 2.5",
    );
  });

  test("BREAKDOWN and Explain carry the same line", async () => {
    const grid = invoke("BREAKDOWN", [RATES, "A", [FIELDS], [ROW]] as HostValue[]);
    expect((grid as Cell[][])[1]).toEqual(["Place funding", "High needs", 470000]);
    const wb = HeadlessWorkbook.create({ Rates: RATES, Inst: [FIELDS, ROW] });
    const read = async (ref: string) => {
      const { sheet, range } = splitRef(ref);
      return wb.getValues(sheet!, range) as Cell[][];
    };
    const x = await explainFormula(`=SEND.BREAKDOWN(Rates!A1:B5,"A",Inst!A1:E1,Inst!A2:E2)`, read, "Inst");
    expect(x.lines.some((l) => l.label.startsWith("Places 5/12 × 40 (April-August) + 7/12 × 52"))).toBe(true);
  });
});

describe("one row with Places from September is the two part-year rows it replaces", () => {
  test("within a penny (the two rows round separately), for any counts and rates: 5 + 7 months, FE 4 + 8", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 5_000_000 }).map((p) => p / 100),
        fc.constantFrom("Special", "AP", "FE"),
        (before, after, rate, phase) => {
          const rates: Cell[][] = [
            ["Factor", "A"],
            ["place.special", rate],
            ["place.ap", rate],
            ["place.fe", rate],
          ];
          const m = phase === "FE" ? 4 : 5;
          const f = ["Phase", "Places", "Places from September", "Months"];
          const row = (p: number, s: number | null, months: number) =>
            invoke("ALLOCATE", [rates, "A", [f], [[phase, p, s, months]]] as HostValue[]) as number;
          const one = new D(row(before, after, 12));
          const two = new D(row(before, null, m)).plus(row(after, null, 12 - m));
          expect(one.minus(two).abs().lte("0.01")).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("the fast path", () => {
  const reader = fieldReader(FIELDS, "fields");
  if (isSendError(reader)) throw new Error(reader.message);
  const opt = option(RATES, "A");

  test("hands a row with a September count to the decimal path, and keeps the others", () => {
    const compiled = compileOption(opt);
    const layout = buildLayout(reader);
    expect(Number.isNaN(exactRowTotal(compiled, layout, ["Oak", "Special", 40, 52, null]))).toBe(true);
    expect(exactRowTotal(compiled, layout, ["Oak", "Special", 40, null, null])).toBe(400000);
    expect(exactRowTotal(compiled, layout, ["Oak", "Special", 40, "", null])).toBe(400000);
  });

  test("ALLOCATEALL and COMPARE give the decimal path's totals for every September row", () => {
    const rows: Cell[][] = [];
    for (const phase of ["Special", "FE", "Resource Base", "AP"])
      for (let before = 0; before <= 13; before += 3)
        for (let after = 0; after <= 13; after += 2)
          rows.push([`${phase} ${before}/${after}`, phase, before, after, null]);
    const rates: Cell[][] = [...RATES, ["place.ap", 10000]];
    const fast = invoke("ALLOCATEALL", [rates, "A", [FIELDS, ...rows]] as HostValue[]) as Cell[][];
    const each = rows.map((r) => invoke("ALLOCATE", [rates, "A", [FIELDS], [r]] as HostValue[]));
    expect(fast.map((r) => r[0])).toEqual(each);
    const cmp = invoke("COMPARE", [rates, "A", "A", [FIELDS, ...rows]] as HostValue[]) as Cell[][];
    expect(cmp.slice(1, -1).map((r) => r[1])).toEqual(each);
  });
});

describe("SEND.CHECK", () => {
  test("a September count at a phase without place funding is reported as unused", () => {
    const out = invoke("CHECK", [RATES, "A", [FIELDS, ["Oak", "Primary", null, 8, null]]] as HostValue[]) as Cell[][];
    expect(out.some((r) => String(r[2]).includes("Places from September"))).toBe(true);
  });
});
