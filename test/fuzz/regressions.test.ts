// The bugs the fuzzing found, each pinned as one fixed case (so they stay fixed whatever the generators draw).
import { readNumber } from "../../src/engine/coerce";
import { isSendError, SendError } from "../../src/engine/errors";
import { suggestionsFor } from "../../src/engine/keys";
import * as nearestModule from "../../src/engine/nearest";
// nearest() counted (and still run) wherever the engine calls it: a search is the unit of "did you mean" work
jest.mock("../../src/engine/nearest", () => {
  const actual = jest.requireActual<typeof import("../../src/engine/nearest")>("../../src/engine/nearest");
  return { ...actual, nearest: jest.fn(actual.nearest) };
});
import { nearest } from "../../src/engine/nearest";
import type { Cell } from "../../src/engine/types";
import { invoke, resultSize } from "../../src/functions/wrapper";
import { shapeOf } from "../../src/functions/registry";
import { SHEET_ROWS } from "./big";

const errorOf = (x: unknown): SendError => {
  if (!isSendError(x)) throw new Error(`expected an error, got ${JSON.stringify(x)}`);
  return x;
};
const TOO_LARGE = /too large for a spreadsheet number/;

describe("numeric text beyond a double is text, not Infinity", () => {
  test("'1e999' is not a number (Excel's VALUE gives #VALUE! too)", () => {
    expect(readNumber("1e999")).toEqual({ kind: "text", text: "1e999" });
    expect(readNumber("-1e999").kind).toBe("text");
    expect(readNumber("9".repeat(400)).kind).toBe("text");
    expect(readNumber("1e308").kind).toBe("number");
  });

  test("SEND.DEFICIT with opening '1e999' is #VALUE! naming opening (it was a spill of Infinity)", () => {
    expect(invoke("DEFICIT", ["1e999", [[1]], [[2]]])).toEqual(
      new SendError("#VALUE!", "opening is not a number: '1e999'."),
    );
  });
});

describe("an amount beyond a double is #NUM! in its own cell, never Infinity", () => {
  const rates = [
    ["Factor", "A"],
    ["place.special", 1e308],
    ["topup.special.1", 5],
  ];
  const header = ["Phase", "Places", "EHCP 1"];

  test("SEND.PAYBACK of a saving of 5E-324 a year", () => {
    const e = errorOf(invoke("PAYBACK", [231270.03, 5e-324]));
    expect(e.kind).toBe("#NUM!");
    expect(e.message).toMatch(TOO_LARGE);
    expect(e.message).toMatch(/SEND\.PAYBACK/);
  });

  test("SEND.BREAKDOWN: place funding and Total are #NUM!, the other components are numbers", () => {
    const r = invoke("BREAKDOWN", [rates, "A", [header], [["Special", 20, 1]]]) as unknown[][];
    expect(errorOf(r[1][2]).kind).toBe("#NUM!");
    expect(errorOf(r[6][2]).message).toMatch(TOO_LARGE);
    expect(r[2][2]).toBe(5);
  });

  test("SEND.ALLOCATEALL: only the overflowing row is #NUM!", () => {
    const r = invoke("ALLOCATEALL", [rates, "A", [header, ["Special", 20, 1], ["Special", 0, 2]]]) as unknown[][];
    expect(errorOf(r[0][0]).kind).toBe("#NUM!");
    expect(r[1][0]).toBe(10);
  });

  test("SEND.ALLOCATE and SEND.TOPUP (the exact fast path) too", () => {
    expect(errorOf(invoke("ALLOCATE", [rates, "A", [header], [["Special", 20, 1]]])).message).toMatch(TOO_LARGE);
    expect(
      errorOf(
        invoke("TOPUP", [
          [
            ["Factor", "A"],
            ["topup.special.1", 1e308],
          ],
          "A",
          "special",
          1,
          12,
          10,
        ]),
      ).kind,
    ).toBe("#NUM!");
  });
});

describe("unknown keys with '$&' or '<…>' in them", () => {
  // String.replace read the typo's band as a replacement pattern: '$&' put '<band>' back, which expanded forever
  test("SEND.CHECK lists 'topup.speical.$&' with its suggestion (it was an internal error: stack overflow)", () => {
    expect(
      invoke("CHECK", [
        [
          ["Factor", "A"],
          ["topup.speical.$&", 1],
        ],
      ]),
    ).toEqual([
      ["Option", "Key", "Problem"],
      ["(all)", "topup.speical.$&", "rates: unknown key 'topup.speical.$&' in row 2. Did you mean 'topup.special.$&'?"],
    ]);
  });

  test("suggestions complete the typo's band literally", () => {
    expect(suggestionsFor("topup.speical.<ph>")).toContain("topup.special.<ph>");
    expect(suggestionsFor("band.$1x")).toContain("band.$1x");
  });
});

describe("whole-column references (1,048,576 rows)", () => {
  const column = (top: Cell[]): Cell[][] =>
    Array.from({ length: SHEET_ROWS }, (_, i) => [i < top.length ? top[i] : ""]);

  test("a whole column for a single-value argument is #VALUE! naming it (Math.max(...rows) overflowed the stack)", () => {
    expect(invoke("PAYBACK", [column([1, 2, 3]), 1, 2])).toEqual(
      new SendError("#VALUE!", "investment must be a single value, not a range of 1048576 × 1 cells."),
    );
  });

  test("a 300,000-row result: the size hosts reserve is its shape (it was 1 × 1)", () => {
    const table = [["Name", "Phase", "Places"], ...Array.from({ length: 300_000 }, (_, i) => [`S${i}`, "Special", 5])];
    const args = [
      [
        ["Factor", "A"],
        ["place.special", 100],
      ],
      "A",
      table,
    ];
    expect(resultSize("ALLOCATEALL", args)).toEqual({ rows: 300_000, cols: 1 });
    expect(shapeOf(invoke("ALLOCATEALL", args))).toEqual({ rows: 300_000, cols: 1 });
  });
});

describe("a table of 10,000 typos", () => {
  const typos = [["Factor", "A"], ...Array.from({ length: 10_000 }, (_, i) => [`plcae.special${i}`, 5])];
  // the work is counted, not timed (speed belongs to `npm run bench`): every "did you mean" is one search of the
  // catalogue, so the count of searches is what the bug multiplied
  const searches = (f: () => void): number => {
    const spy = nearestModule.nearest as jest.MockedFunction<typeof nearestModule.nearest>;
    spy.mockClear();
    f();
    return spy.mock.calls.length;
  };

  // every unknown key built its "did you mean" up front: 10,000 searches of the catalogue (100 s under jest)
  test("SEND.BAND reads only the first problem's suggestion", () => {
    let r: unknown;
    expect(
      searches(() => {
        r = invoke("BAND", [typos, "A", 5]);
      }),
    ).toBeLessThanOrEqual(1);
    expect(r).toEqual(
      new SendError("#VALUE!", "rates: unknown key 'plcae.special0' in row 2. Did you mean 'place.special'?"),
    );
  });

  test("SEND.CHECK lists all 10,000 with their suggestions, one search each", () => {
    let r: unknown[][] = [];
    expect(
      searches(() => {
        r = invoke("CHECK", [typos]) as unknown[][];
      }),
    ).toBeLessThanOrEqual(10_000);
    expect(r).toHaveLength(10_001);
    expect(r[1][2]).toBe("rates: unknown key 'plcae.special0' in row 2. Did you mean 'place.special'?");
    expect(r[10_000][2]).toBe("rates: unknown key 'plcae.special9999' in row 10001."); // too far to suggest
  });

  test("nearest gives what a full search gives", () => {
    expect(nearest("plcae.special", ["place.special", "place.ap"])).toBe("place.special");
    expect(nearest("ab", ["abc", "abd"])).toBe("abc"); // the first of the closest
    expect(nearest("zzzzzzzz", ["place.special"])).toBeUndefined();
  });
});

describe("found by the 1,000,000-case run (2026-12-05, seed 20261205)", () => {
  const rates = [
    ["Factor", "A"],
    ["place.special", 10000],
    ["topup.special.1", 5000],
  ];

  test("a hole in a sparse values array is a blank cell, not a crash", () => {
    const values = [["Special"], [2], , [1]] as unknown as Cell[][];
    const r = invoke("BREAKDOWN", [rates, "A", [["Phase"], ["Places"], ["Pupils"], ["EHCP 1"]], values]);
    expect(isSendError(r) ? r.message : "a breakdown").toBe("a breakdown");
  });

  test("block 'constructor' is an unknown block, not Object.prototype's constructor", () => {
    const r = errorOf(
      invoke("ALLOCATEALL", [
        rates,
        "A",
        [
          ["Phase", "Places"],
          ["Special", 2],
        ],
        "constructor",
      ]),
    );
    expect(r.message).toMatch(/^block: unknown value 'constructor'/);
  });

  test("a history count of 1E+308 is #NUM! naming the cell, not a forecast of NaN", () => {
    const history = [
      ["Year", "Special"],
      [2020, 100],
      [2021, 1e308],
      [2022, 120],
      [2023, 130],
    ];
    const r = errorOf(invoke("FORECAST", [history, 3]));
    expect(r.kind).toBe("#NUM!");
    expect(r.message).toMatch(/history row 3: 'Special' is 1e\+308; a count of plans must be at most 10,000,000/);
  });
});

test("SEND.FORECAST with a coverage of 5E-324 spills no negative zero (found by the re-run, same seed)", () => {
  const history = [
    ["Year", "Total", "Special"],
    [2010, 18160, 10532],
    [2011, 5224, 14627],
    [2012, 8037, 19313],
    [2013, 8, 9379],
    [2014, 15627, null],
    [2015, 11630, 5],
  ];
  const r = invoke("FORECAST", [history, 15, 5e-324]);
  if (!Array.isArray(r)) throw new Error(`expected a spill, got ${JSON.stringify(r)}`);
  expect(r.flat().some((v) => Object.is(v, -0))).toBe(false);
});

describe("found by the integration run of 0.3.0 (hosts fuzz, seed 1724008529)", () => {
  test("SEND.FORECAST with a count of 1E-300 before a real one: the interval cap is not infinite × 0 (NaN)", () => {
    const history: Cell[][] = [
      ["Year", "ISP", "Age 0-4", "Age 11-15", "Age 16-19", "Age 20-25", "New plans"],
      [1999, 14478, 11521, 224, 12648, 11927, 16237],
      [2000, 19565, 3955, 2954, 3070, 12466, 2419],
      [2001, 19506, 1e-300, 5097, 8287, 3145, 13250],
      [2002, 3284, 14800, 10853, 19725, 12311, 19266],
      [2003, 19000, 914, 678, 3146, 1210, 2028],
      [2004, 5970, 8154, 17303, 13075, 4405, 87],
    ];
    const out = invoke("FORECAST", [history, null, "90%"]) as Cell[][];
    expect(Array.isArray(out)).toBe(true);
    for (const row of out.slice(1))
      for (const v of row.slice(2)) expect(typeof v === "number" && Number.isFinite(v)).toBe(true);
  });
});
