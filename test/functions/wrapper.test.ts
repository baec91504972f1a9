// The wrapper: the one place host values are coerced (both hosts), plus the rates / header caches.
import { D } from "../../src/engine/money";
import { Range, freezeGrid, gridMemo } from "../../src/functions/args";
import { cacheStats, clearCaches, fieldReaderOf, headerRowOf, parsedRatesOf } from "../../src/functions/memory";
import { REGISTRY, shapeOf, specOf } from "../../src/functions/registry";
import { ALLOCATE } from "../../src/functions/specs/allocation";
import { coerceArgs, invoke, resultSize, type HostValue } from "../../src/functions/wrapper";
import { SendError } from "../../src/engine/errors";
import { HEADER, INSTITUTIONS, RATES, BASELINE } from "../headless/functions/fixture";

const ONE_OPTION = RATES.map((r) => r.slice(0, 3));
const FIELDS = [HEADER];
const ALPHA = [INSTITUTIONS[1]];

function err(x: unknown): SendError {
  if (!(x instanceof SendError)) throw new Error(`expected a SendError, got ${JSON.stringify(x)}`);
  return x;
}

describe("blank arguments", () => {
  test.each([
    ["empty string", ""],
    ["null", null],
    ["undefined", undefined],
    ["spaces", "  "],
  ])("a blank option as %s means the only option", (_, blank) => {
    expect(invoke("ALLOCATE", [ONE_OPTION, blank as HostValue, FIELDS, ALPHA])).toBe(BASELINE.Alpha);
  });

  test('blank cells inside ranges may be null, undefined or ""', () => {
    const values = [ALPHA[0].map((c) => (c === null ? "" : c))];
    const sparse = [ALPHA[0].map((c) => (c === null ? undefined : c))] as HostValue;
    expect(invoke("ALLOCATE", [RATES, "Baseline", FIELDS, values])).toBe(BASELINE.Alpha);
    expect(invoke("ALLOCATE", [RATES, "Baseline", FIELDS, sparse])).toBe(BASELINE.Alpha);
    const ratesWithEmptyStrings = RATES.map((r) => r.map((c) => (c === null ? "" : c)));
    expect(invoke("ALLOCATE", [ratesWithEmptyStrings, "Baseline", FIELDS, ALPHA])).toBe(BASELINE.Alpha);
  });

  test("a missing or blank required argument is #VALUE! naming it", () => {
    expect(err(invoke("ALLOCATE", [RATES, "Baseline", FIELDS]))).toEqual(
      new SendError("#VALUE!", "values is required."),
    );
    expect(err(invoke("ALLOCATE", [null, "Baseline", FIELDS, ALPHA])).message).toBe("rates is required.");
    expect(err(invoke("PAYBACK", [100, ""])).message).toBe("annual_saving is required.");
    expect(err(invoke("TOPUP", [RATES, "Baseline", "special", [[null]]])).message).toBe("band is required.");
  });

  test("a missing optional argument takes its default", () => {
    expect(invoke("TOPUP", [RATES, "Baseline", "special", "Band 1", null, undefined])).toBe(5000);
  });

  test("more arguments than parameters is #VALUE!", () => {
    expect(err(invoke("PAYBACK", [1, 2, 3, 4])).message).toBe("SEND.PAYBACK takes at most 3 arguments; 4 were given.");
    expect(invoke("PAYBACK", [3, 2, 1, undefined])).toBe(3); // trailing undefined is not an argument
  });
});

describe("ranges", () => {
  test("whole-column references: trailing blank rows and columns are trimmed", () => {
    const tall = [...RATES.map((r) => [...r, null, ""]), ...Array.from({ length: 5000 }, () => Array(7).fill(null))];
    expect(invoke("ALLOCATE", [tall, "Baseline", FIELDS, ALPHA])).toBe(BASELINE.Alpha);
    const spec = specOf("ALLOCATE")!;
    const args = coerceArgs(spec, [tall, "Baseline", FIELDS, ALPHA]);
    if (args instanceof SendError) throw new Error(args.message);
    expect([args.range("rates").rows, args.range("rates").cols]).toEqual([RATES.length, RATES[0].length]);
  });

  test("a range needing no trim is used as it is (no copy)", () => {
    const g = [
      [1, 2],
      [3, 4],
    ];
    expect(Range.trimmed(g).grid()).toBe(g);
    expect(
      Range.trimmed([
        [1, null],
        [null, null],
      ]).grid(),
    ).toEqual([[1]]);
  });

  test("a values row with blank trailing cells lines up with its header row (same group)", () => {
    const header = [[...HEADER, "Notes", "Extra"]];
    const values = [[...ALPHA[0], null, null]];
    expect(invoke("ALLOCATE", [RATES, "Baseline", header, values])).toBe(BASELINE.Alpha);
    // whole rows: both trimmed to the header's extent
    const wideHeader = [[...HEADER, ...Array(100).fill(null)]];
    const wideValues = [[...ALPHA[0], ...Array(100).fill("")]];
    expect(invoke("ALLOCATE", [RATES, "Baseline", wideHeader, wideValues])).toBe(BASELINE.Alpha);
  });

  test("fields and values may be columns", () => {
    const col = (row: readonly unknown[]) => row.map((c) => [c]) as HostValue;
    expect(invoke("ALLOCATE", [RATES, "Baseline", col(HEADER), col(ALPHA[0])])).toBe(BASELINE.Alpha);
  });

  test("a 2-D block for a one-row argument is #VALUE!", () => {
    expect(err(invoke("ALLOCATE", [RATES, "Baseline", INSTITUTIONS, ALPHA])).message).toBe(
      "fields must be one row or one column, not 5 rows × 11 columns.",
    );
  });

  test("a single value where a range is expected is a 1 × 1 range", () => {
    expect(invoke("FIT", [5, 10])).toEqual([[10]]);
    expect(invoke("DEFICIT", [0, 10, 4])).toEqual([[6, 6]]);
    expect(err(invoke("CHECK", ["Factor"])).message).toBe(
      "rates: the rates table has no option columns (only Factor, Description, Unit, Source, Notes).",
    );
  });

  test("income and spend whole columns are trimmed together, so a shorter spend column is padded with blanks", () => {
    const income = [[10], [20], [30], [null], [null]];
    const spend = [[1], [2], [null], [null], [null]];
    expect(invoke("DEFICIT", [0, income, spend])).toEqual([
      [9, 9],
      [18, 27],
      [30, 57],
    ]);
  });
});

describe("numbers and text", () => {
  test.each([
    ["1,200", 1200],
    ["£1,200.00", 1200],
    [" 1200 ", 1200],
    ["(1,200)", -1200],
    ["-£1,200", -1200],
  ])("investment %p is %p", (text, n) => {
    const r = invoke("PAYBACK", [text, 100]);
    if (n < 0) expect(err(r).message).toBe(`investment is ${n}; it must be 0 or more.`);
    else expect(r).toBe(n / 100);
  });

  test("percent text is a fraction", () => {
    expect(invoke("TOPUP", [RATES, "Baseline", "special", "Band 2", 12, "50%"])).toBe(4000);
  });

  test("text that is not a number is #VALUE! naming the argument", () => {
    expect(err(invoke("PAYBACK", ["a lot", 1]))).toEqual(
      new SendError("#VALUE!", "investment is not a number: 'a lot'."),
    );
    expect(err(invoke("PAYBACK", [true, 1])).message).toBe("investment is not a number: 'TRUE'.");
  });

  test("a 1 × 1 range is its cell; a bigger one where a single value is expected is #VALUE!", () => {
    expect(invoke("PAYBACK", [[[100]], [[50]]])).toBe(2);
    expect(err(invoke("PAYBACK", [[[1, 2]], 1])).message).toBe(
      "investment must be a single value, not a range of 1 × 2 cells.",
    );
  });

  test("a number where text is expected is its text (band 2 meets label '2')", () => {
    const rates = [
      ["Factor", "X"],
      ["topup.special.2", 700],
    ];
    expect(invoke("TOPUP", [rates, null, "special", 2])).toBe(700);
  });

  test("coerced numbers are exact decimals", () => {
    const args = coerceArgs(specOf("PAYBACK")!, ["0.1", 0.2]);
    if (args instanceof SendError) throw new Error(args.message);
    expect(args.number("investment")!.plus(args.number("annual_saving")!).eq(D("0.3"))).toBe(true);
  });
});

describe("errors", () => {
  test("an unexpected exception becomes #VALUE! for that formula, never a crash", () => {
    const run = ALLOCATE.run;
    (ALLOCATE as { run: typeof run }).run = () => {
      throw new TypeError("boom");
    };
    try {
      expect(err(invoke("ALLOCATE", [RATES, "Baseline", FIELDS, ALPHA]))).toEqual(
        new SendError("#VALUE!", "SEND.ALLOCATE failed unexpectedly (boom). Please report this with the workbook."),
      );
      expect(resultSize("ALLOCATE", [RATES, "Baseline", FIELDS, ALPHA])).toEqual({ rows: 1, cols: 1 });
    } finally {
      (ALLOCATE as { run: typeof run }).run = run;
    }
  });

  test("per-cell errors stay inside the grid", () => {
    const table = [HEADER, INSTITUTIONS[1], ["Bad", "Primary", "x"]];
    const out = invoke("ALLOCATEALL", [RATES, "Baseline", table]) as unknown[][];
    expect(out[0]).toEqual([BASELINE.Alpha]);
    expect(err(out[1][0]).message).toBe("table row 2 ('Bad'): 'Primary Pupils' is not a number: 'x'.");
  });
});

describe("sizes", () => {
  const cases: [string, HostValue[]][] = [
    ["BREAKDOWN", [RATES, "Baseline", FIELDS, ALPHA]],
    ["ALLOCATEALL", [RATES, "Baseline", INSTITUTIONS]],
    ["COMPARE", [RATES, "Baseline", "Option B", INSTITUTIONS]],
    ["FIT", [[[1], [2], [3]], 12]],
    ["DEFICIT", [0, [[1, 2, 3]], [[1, 1, 1]]]],
    ["PROJECT", [RATES, "Baseline"]],
    ["FACTORS", []],
    ["CHECK", [RATES]],
    [
      "CHECK",
      [
        [
          ["Factor", "A"],
          ["place.special", 1],
        ],
      ],
    ],
  ];
  test.each(cases)("size of %s is the shape of its result", (name, args) => {
    expect(resultSize(name, args)).toEqual(shapeOf(invoke(name, args)));
  });

  // ALLOCATEALL is sized without computing its Totals: each way the whole formula fails is one cell, as its result
  const allocateAll: HostValue[][] = [
    [RATES, "Nope", INSTITUTIONS],
    [RATES, "Baseline", INSTITUTIONS, "Nope"],
    [RATES, "Baseline", INSTITUTIONS, "High needs"],
    [RATES, "Baseline", [HEADER]],
    [RATES, "Baseline", [["Name", "Phase", "Bogus"], ...INSTITUTIONS.slice(1)]],
    [RATES, "Baseline", [HEADER, INSTITUTIONS[1], [], [null, " "]]],
    [RATES, "Baseline", [HEADER, ["Bad", "Primary", "x"], INSTITUTIONS[1]]],
    [[["Factor"]], "Baseline", INSTITUTIONS],
    [
      [
        ["Factor", "Baseline"],
        ["place.special", "ten"],
      ],
      "Baseline",
      INSTITUTIONS,
    ],
  ];
  test.each(allocateAll)("size of ALLOCATEALL(%#) is the shape of its result", (...args) => {
    expect(resultSize("ALLOCATEALL", args)).toEqual(shapeOf(invoke("ALLOCATEALL", args)));
  });

  test("known shapes: BREAKDOWN 7 × 3, COMPARE header + rows + Total, PROJECT years + 1, DEFICIT n × 2", () => {
    expect(resultSize("BREAKDOWN", cases[0][1])).toEqual({ rows: 7, cols: 3 });
    expect(resultSize("ALLOCATEALL", cases[1][1])).toEqual({ rows: 4, cols: 1 });
    expect(resultSize("COMPARE", cases[2][1])).toEqual({ rows: 6, cols: 5 });
    expect(resultSize("PROJECT", cases[5][1])).toEqual({ rows: 4, cols: 5 });
    expect(resultSize("DEFICIT", cases[4][1])).toEqual({ rows: 3, cols: 2 });
  });

  test("a failing formula is 1 × 1; a scalar function is 1 × 1", () => {
    expect(resultSize("BREAKDOWN", [RATES, "Nope", FIELDS, ALPHA])).toEqual({ rows: 1, cols: 1 });
    expect(resultSize("PROJECT", [RATES])).toEqual({ rows: 1, cols: 1 }); // blank option, two options
    expect(resultSize("ALLOCATE", [RATES, "Baseline", FIELDS, ALPHA])).toEqual({ rows: 1, cols: 1 });
  });

  test("every registry function is reachable by name, with or without the namespace", () => {
    for (const s of REGISTRY) {
      expect(specOf(s.name)).toBe(s);
      expect(specOf(`send.${s.name.toLowerCase()}`)).toBe(s);
    }
    expect(REGISTRY).toHaveLength(17);
  });
});

describe("caches", () => {
  beforeEach(() => clearCaches());

  test("many calls sharing one rates range and header row parse them once", () => {
    for (let i = 0; i < 200; i++) {
      const copy = RATES.map((r) => [...r]); // hosts hand every call a fresh array
      const values = [[`School ${i}`, "Special", null, null, null, null, null, i + 1, null, null, null]];
      expect(invoke("ALLOCATE", [copy, "Baseline", [[...HEADER]], values])).toBe((i + 1) * 10000);
    }
    expect(cacheStats).toMatchObject({ ratesParsed: 1, ratesHits: 199, readersBuilt: 1, readerHits: 199 });
  });

  test("a changed rate is a new table; an unchanged one is found again", () => {
    const values = [["x", "Special", null, null, null, null, null, 1, null, null, null]];
    const changed = RATES.map((r) => [...r]);
    changed[10][2] = 12000; // place.special, Baseline
    expect(invoke("ALLOCATE", [RATES, "Baseline", FIELDS, values])).toBe(10000);
    expect(invoke("ALLOCATE", [changed, "Baseline", FIELDS, values])).toBe(12000);
    expect(invoke("ALLOCATE", [RATES, "Baseline", FIELDS, values])).toBe(10000);
    expect(invoke("ALLOCATE", [changed, "Baseline", FIELDS, values])).toBe(12000);
    expect(cacheStats.ratesParsed).toBe(2);
  });

  test("blank spelt differently is the same content", () => {
    parsedRatesOf(Range.trimmed(RATES));
    parsedRatesOf(Range.trimmed(RATES.map((r) => r.map((c) => (c === null ? "" : c)))));
    expect(cacheStats.ratesParsed).toBe(1);
  });

  test("header readers are cached by header content, and errors are cached too", () => {
    expect(fieldReaderOf(["Name", "EHCP"])).toBeInstanceOf(SendError);
    expect(fieldReaderOf(["Name", "EHCP"])).toBeInstanceOf(SendError);
    expect(cacheStats).toMatchObject({ readersBuilt: 1, readerHits: 1 });
  });

  test("the rates cache is bounded", () => {
    for (let i = 0; i < 100; i++)
      parsedRatesOf(
        Range.trimmed([
          ["Factor", `Option ${i}`],
          ["place.special", i],
        ]),
      );
    parsedRatesOf(
      Range.trimmed([
        ["Factor", "Option 0"],
        ["place.special", 0],
      ]),
    );
    expect(cacheStats.ratesParsed).toBe(101); // evicted long ago
    parsedRatesOf(
      Range.trimmed([
        ["Factor", "Option 99"],
        ["place.special", 99],
      ]),
    );
    expect(cacheStats.ratesParsed).toBe(101); // still there
  });
});

describe("identity caches (frozen host arrays, as HyperFormula's range memo hands them)", () => {
  beforeEach(() => clearCaches());
  const values = (places: number) => [["x", "Special", null, null, null, null, null, places, null, null, null]];

  test("a frozen grid is parsed once and then found by identity, without comparing cells", () => {
    const rates = freezeGrid(RATES.map((r) => [...r]));
    const fields = freezeGrid([[...HEADER]]);
    for (let i = 1; i <= 50; i++)
      expect(invoke("ALLOCATE", [rates, "Baseline", fields, freezeGrid(values(i))])).toBe(i * 10000);
    expect(cacheStats).toMatchObject({ ratesParsed: 1, readersBuilt: 1 });
    expect(cacheStats.identityHits).toBe(2 * 49);
    expect(gridMemo(rates)?.extent).toEqual([RATES.length, RATES[0].length]);
  });

  test("a frozen grid cannot change, so its identity is its content", () => {
    const rates = freezeGrid(RATES.map((r) => [...r]));
    expect(() => {
      (rates[10] as unknown[])[2] = 1;
    }).toThrow(TypeError);
    expect(() => {
      (rates as unknown[][]).push([]);
    }).toThrow(TypeError);
    expect(Object.keys(rates)).toEqual(RATES.map((_, i) => String(i))); // the memo is hidden
  });

  test("an array that is not frozen is keyed by content: mutated in place, it is never stale", () => {
    const rates = RATES.map((r) => [...r]);
    expect(invoke("ALLOCATE", [rates, "Baseline", FIELDS, values(1)])).toBe(10000);
    rates[10][2] = 12000; // place.special, Baseline, edited in place
    expect(invoke("ALLOCATE", [rates, "Baseline", FIELDS, values(1)])).toBe(12000);
    const fields = [[...HEADER]];
    expect(invoke("ALLOCATE", [rates, "Baseline", fields, values(2)])).toBe(24000);
    fields[0][7] = "Notes"; // the Places header renamed in place: the column is no longer read
    expect(invoke("ALLOCATE", [rates, "Baseline", fields, values(2)])).toBe(0);
    expect(cacheStats.identityHits).toBe(0);
  });

  test("a frozen object that freezeGrid did not make is not cached by identity", () => {
    const rates = Object.freeze(RATES.map((r) => Object.freeze([...r])));
    invoke("ALLOCATE", [rates, "Baseline", FIELDS, values(1)]);
    invoke("ALLOCATE", [rates, "Baseline", FIELDS, values(1)]);
    expect(cacheStats.identityHits).toBe(0);
  });

  test("an identity entry holds for its own argument name and extent only", () => {
    const fields = freezeGrid([[...HEADER, null, null]]);
    const short = Range.trimmed(fields);
    const wide = new Range(fields, 1, HEADER.length + 2); // as a values row with trailing cells widens its group
    const a = headerRowOf(short, "fields");
    const b = headerRowOf(wide, "fields");
    const c = headerRowOf(short, "other");
    expect(a).not.toBe(b);
    expect(c).not.toBe(a);
    expect(headerRowOf(short, "fields")).toBe(headerRowOf(short, "fields"));
    expect((b as { cells: readonly unknown[] }).cells).toHaveLength(HEADER.length + 2);
    // ALLOCATE with a values row one cell wider than the header: the same answer as with plain arrays
    const wider = [[...values(3)[0], null, 7]];
    expect(invoke("ALLOCATE", [RATES, "Baseline", fields, freezeGrid(wider.map((r) => [...r]))])).toEqual(
      invoke("ALLOCATE", [RATES, "Baseline", [[...HEADER, null, null]], wider]),
    );
  });

  test("clearCaches forgets identity entries too", () => {
    const rates = freezeGrid(RATES.map((r) => [...r]));
    invoke("ALLOCATE", [rates, "Baseline", FIELDS, values(1)]);
    clearCaches();
    invoke("ALLOCATE", [rates, "Baseline", FIELDS, values(1)]);
    expect(cacheStats).toMatchObject({ ratesParsed: 1, identityHits: 0 });
  });

  test("every function gives the same on frozen and plain arrays", () => {
    const f = <T extends unknown[][]>(g: T) => freezeGrid(g.map((r) => [...r]) as never) as unknown as T;
    const cases: [string, HostValue[]][] = [
      ["ALLOCATE", [RATES, "Option B", FIELDS, ALPHA]],
      ["BREAKDOWN", [RATES, "Baseline", FIELDS, ALPHA]],
      ["ALLOCATEALL", [RATES, "Baseline", INSTITUTIONS]],
      ["COMPARE", [RATES, "Baseline", "Option B", INSTITUTIONS]],
      ["TOPUP", [RATES, "Baseline", [["special"], ["rb"]], "Band 1"]],
      ["BAND", [RATES, "Baseline", 15]],
      ["FIT", [[[1], [2], [3]], 12]],
      ["DEFICIT", [0, [[1, 2, 3]], [[1, 1, 1]]]],
      ["PROJECT", [RATES, "Baseline"]],
      ["CHECK", [RATES]],
    ];
    for (const [name, args] of cases) {
      const plain = invoke(name, args);
      const frozen = invoke(name, args.map((a) => (Array.isArray(a) ? f(a as unknown[][]) : a)) as HostValue[]);
      expect(frozen).toEqual(plain);
      expect(frozen).not.toBeInstanceOf(SendError);
    }
  });
});
