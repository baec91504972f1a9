// SEND.TOPUP lifted over ranges (as Excel lifts its built-ins): one result per element, the shape of the ranges,
// single values and single rows / columns broadcast, each element exactly what the scalar call on its cells gives.
import fc from "fast-check";
import { SendError } from "../../src/engine/errors";
import type { Cell } from "../../src/engine/types";
import * as fns from "../../src/functions/functions";
import { ExcelErrorStandIn } from "../../src/functions/excel";
import { shapeOf } from "../../src/functions/registry";
import { invoke, resultSize, type HostValue } from "../../src/functions/wrapper";
import { RATES } from "../headless/functions/fixture";

const col = (xs: Cell[]): Cell[][] => xs.map((x) => [x]);

function err(x: unknown): SendError {
  if (!(x instanceof SendError)) throw new Error(`expected a SendError, got ${JSON.stringify(x)}`);
  return x;
}

describe("shapes", () => {
  test("a column of pupils gives a column of top-ups", () => {
    const out = invoke("TOPUP", [
      RATES,
      "Baseline",
      col(["special", "Special", "Primary", "mainstream"]),
      col(["Band 1", "band2", "Band 2", "BAND_1"]),
      col([12, 6, null, 3]),
      col([1, 0.5, null, 2]),
    ]);
    expect(out).toEqual([[5000], [2000], [3000], [1000]]); // 5000; 8000×0.5×6/12; 3000; 2000×2×3/12
  });

  test("a row of pupils gives a row", () => {
    expect(
      invoke("TOPUP", [RATES, "Baseline", [["special", "special", "rb"]], [["Band 1", "Band 2", "Band 1"]]]),
    ).toEqual([[5000, 8000, 2000]]);
  });

  test("single values go with every element: one setting, a column of bands; a column of months", () => {
    expect(invoke("TOPUP", [RATES, "Baseline", "special", col(["Band 1", "Band 2"])])).toEqual([[5000], [8000]]);
    expect(invoke("TOPUP", [RATES, "Baseline", "special", "Band 1", col([12, 6, 3, 0])])).toEqual([
      [5000],
      [2500],
      [1250],
      [0],
    ]);
    expect(invoke("TOPUP", [RATES, "Baseline", [["special"]], [["Band 2"]], null, col([1, 0.25])])).toEqual([
      [8000],
      [2000],
    ]);
  });

  test("a column of settings and a row of bands give every pair", () => {
    const out = invoke("TOPUP", [RATES, "Baseline", col(["special", "mainstream"]), [["Band 1", "Band 2"]]]);
    expect(out).toEqual([
      [5000, 8000],
      [2000, 3000],
    ]);
  });

  test("a 2-D block lifts cell by cell", () => {
    expect(
      invoke("TOPUP", [
        RATES,
        "Baseline",
        [
          ["special", "mainstream"],
          ["rb", "special"],
        ],
        "Band 1",
        [
          [12, 6],
          [3, 0],
        ],
      ]),
    ).toEqual([
      [5000, 1000],
      [500, 0],
    ]);
  });

  test("single values (or 1 × 1 ranges) give the scalar call's single value", () => {
    expect(invoke("TOPUP", [RATES, "Baseline", [["special"]], [["Band 1"]], [[6]], [[null]]])).toBe(2500);
    expect(invoke("TOPUP", [RATES, "Baseline", "special", "Band 1", 6])).toBe(2500);
  });

  test("trailing blank rows of all the lifted ranges are trimmed together; a blank inside a shorter column is its default", () => {
    const settings = col(["special", "special", null, null]);
    const months = col([6, null, null, null]);
    expect(invoke("TOPUP", [RATES, "Baseline", settings, col(["Band 1", "Band 2", null, null]), months])).toEqual([
      [2500],
      [8000],
    ]);
    // months blank below row 1, settings to row 3: every pupil keeps its row
    expect(
      invoke("TOPUP", [RATES, "Baseline", col(["special", "special", "rb"]), "Band 1", col([6, null, null])]),
    ).toEqual([[2500], [5000], [2000]]);
  });

  // what it costs is measured by `npm run bench` (whole-sheet scenarios), never timed here
  test("whole-column references spill only their data rows", () => {
    const tall = (xs: Cell[]) => Array.from({ length: 1_048_576 }, (_, i): Cell[] => [i < xs.length ? xs[i] : null]);
    expect(invoke("TOPUP", [RATES, "Baseline", tall(["special", "rb"]), tall(["Band 1", "Band 1"])])).toEqual([
      [5000],
      [2000],
    ]);
  });

  test("ranges of different lengths are the formula's #VALUE!, naming both", () => {
    expect(err(invoke("TOPUP", [RATES, "Baseline", col(["special", "rb", "ap"]), col(["Band 1", "Band 2"])]))).toEqual(
      new SendError("#VALUE!", "band has 2 values but setting has 3; they must be the same length."),
    );
    expect(err(invoke("TOPUP", [RATES, "Baseline", [["special", "rb"]], "Band 1", null, [[1, 1, 1]]])).message).toBe(
      "setting has 2 values but fte has 3; they must be the same length.",
    );
    expect(resultSize("TOPUP", [RATES, "Baseline", col(["special", "rb", "ap"]), col(["Band 1", "Band 2"])])).toEqual({
      rows: 1,
      cols: 1,
    });
  });

  test("a problem with the rates or the option is the formula's one error", () => {
    expect(err(invoke("TOPUP", [RATES, "Nope", col(["special", "rb"]), "Band 1"])).message).toMatch(
      /^option: unknown option 'Nope'/,
    );
    expect(resultSize("TOPUP", [RATES, "Nope", col(["special", "rb"]), "Band 1"])).toEqual({ rows: 1, cols: 1 });
  });

  test("the size is the result's shape", () => {
    const cases: HostValue[][] = [
      [RATES, "Baseline", col(["special", "rb"]), "Band 1"],
      [RATES, "Baseline", col(["special", "rb"]), [["Band 1", "Band 2", "Band 3"]]],
      [RATES, "Baseline", "special", "Band 1"],
      [RATES, "Baseline", "special", col(["Band 1", "Band 9"]), [[1, 2]]],
      [RATES, "Baseline", [[null, null]], "Band 1"],
    ];
    for (const args of cases) expect(resultSize("TOPUP", args)).toEqual(shapeOf(invoke("TOPUP", args)));
    expect(resultSize("TOPUP", cases[3])).toEqual({ rows: 2, cols: 2 });
  });
});

describe("per-element errors", () => {
  const settings: Cell[] = ["special", null, "specail", "special", "special", "special", "ap", "special", "special"];
  const bands: Cell[] = ["Band 1", "Band 1", "Band 1", null, "Band 1", "Band 1", "Band 2", "Band 1", "Band 2"];
  const months: Cell[] = [6, 6, 6, 6, "six", 13, 12, -1, null];
  const fte: Cell[] = [1, 1, 1, 1, 1, 1, 1, 1, "x"];

  test("each bad element shows its own error, the scalar call's; good elements keep their values", () => {
    const out = invoke("TOPUP", [RATES, "Option B", col(settings), col(bands), col(months), col(fte)]) as unknown[][];
    expect(out).toHaveLength(settings.length);
    settings.forEach((_, i) =>
      expect(out[i][0]).toEqual(invoke("TOPUP", [RATES, "Option B", settings[i], bands[i], months[i], fte[i]])),
    );
    expect(out[0][0]).toBe(2750);
    expect(out.slice(1).map((r) => `${err(r[0]).kind} ${err(r[0]).message}`)).toEqual([
      "#VALUE! setting is required.",
      expect.stringMatching(/^#VALUE! setting: unknown value 'specail'/),
      "#VALUE! band is required.",
      "#VALUE! months is not a number: 'six'.",
      "#NUM! months is 13; it must be between 0 and 12.",
      "#N/A option 'Option B' has no rate 'topup.ap.band2' or 'topup.all.band2' (needed for SEND.TOPUP at setting 'ap', band 'Band 2').",
      "#NUM! months is -1; it must be between 0 and 12.",
      "#VALUE! fte is not a number: 'x'.",
    ]);
  });

  test("in Excel, a bad element is an error value in its cell; the others are numbers", () => {
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = undefined;
    const out = fns.topUp(
      RATES.map((r) => r.map((c) => (c === null ? "" : c))),
      "Baseline",
      col(["special", "nope"]),
      [["Band 1"]],
    );
    expect(out[0][0]).toBe(5000);
    expect(out[1][0]).toBeInstanceOf(ExcelErrorStandIn);
    expect((out[1][0] as ExcelErrorStandIn).code).toBe("#VALUE!");
  });
});

describe("equality with the scalar call on random cases", () => {
  const setting = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.constantFrom<Cell>(
        "special",
        "Special",
        "mainstream",
        "Primary",
        "Secondary",
        "rb",
        "Resource Base",
        "ap",
        "isp",
        "fe",
        "ey",
        "Early Years",
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom<Cell>("all", "mainstrem", 5, "", null, "  ", "#N/A", true) },
  );
  const band = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom<Cell>("1", "2", "Band 1", "band2", "BAND_1", "Band 3", 1, 2) },
    { weight: 1, arbitrary: fc.constantFrom<Cell>("", null, "Band 9", 1.5, false) },
  );
  const months = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom<Cell>(12, 6, 0, 1.5, 11.999, "6", "50%", null, "", 5e-324, -0) },
    { weight: 1, arbitrary: fc.constantFrom<Cell>(13, -1, "six", 1e308, -0.001, Infinity, NaN) },
    { weight: 2, arbitrary: fc.double({ min: 0, max: 12, noNaN: true }) },
  );
  const fte = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom<Cell>(1, 0.5, 0, 2, 0.3333, "0.5", "50%", null, "", 5e-324) },
    { weight: 1, arbitrary: fc.constantFrom<Cell>(-1, 1e308, 1.7976931348623157e308, "x", -Infinity) },
    { weight: 2, arbitrary: fc.double({ min: 0, max: 3, noNaN: true }) },
  );
  /** An argument: a single value, or a column / row / block of `rows` × `cols` (or a single row / column of it). */
  const arg = (cell: fc.Arbitrary<Cell>, rows: number, cols: number) =>
    fc.oneof(
      cell.map((c): HostValue => c),
      fc
        .array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })
        .map((g): HostValue => g),
      fc.array(cell, { minLength: cols, maxLength: cols }).map((r): HostValue => [r]),
      fc.array(cell, { minLength: rows, maxLength: rows }).map((c): HostValue => c.map((x) => [x])),
    );
  const call = fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }))
    .chain(([rows, cols]) =>
      fc.tuple(
        fc.constantFrom("Baseline", "Option B"),
        arg(setting, rows, cols),
        arg(band, rows, cols),
        arg(months, rows, cols),
        arg(fte, rows, cols),
      ),
    );

  const cellOf = (v: HostValue, r: number, c: number): Cell => {
    if (!Array.isArray(v)) return v as Cell;
    const g = v as Cell[][];
    return g[g.length === 1 ? 0 : r][g[0].length === 1 ? 0 : c];
  };

  test("every element equals SEND.TOPUP on its own cells (2,000 random calls)", () => {
    let lifted = 0;
    fc.assert(
      fc.property(call, ([option, s, b, m, f]) => {
        const out = invoke("TOPUP", [RATES, option, s, b, m, f]);
        if (!Array.isArray(out)) return; // every argument a single value (or trimmed to one): the scalar call itself
        lifted++;
        expect(resultSize("TOPUP", [RATES, option, s, b, m, f])).toEqual(shapeOf(out));
        out.forEach((row, r) =>
          row.forEach((got, c) => {
            const want = invoke("TOPUP", [
              RATES,
              option,
              cellOf(s, r, c),
              cellOf(b, r, c),
              cellOf(m, r, c),
              cellOf(f, r, c),
            ]);
            // an overflow names its cell inside a spill (wrapper.ts representable); everything else is identical
            const tooLarge = "the result of SEND.TOPUP is too large";
            if (want instanceof SendError && want.message.startsWith(tooLarge)) {
              expect(got).toEqual(
                new SendError(
                  want.kind,
                  want.message.replace(tooLarge, `SEND.TOPUP row ${r + 1}, column ${c + 1} is too large`),
                ),
              );
            } else {
              expect(got).toEqual(want);
            }
          }),
        );
      }),
      { numRuns: 2000, seed: 20261128 },
    );
    expect(lifted).toBeGreaterThan(1000);
  });
});
