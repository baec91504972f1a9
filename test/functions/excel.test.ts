// The Excel host: error mapping to CustomFunctions.Error (whole formula thrown, per cell inside spills), blanks as "",
// and what Excel hands over (null for omitted optionals, "" for blank cells, error values inside ranges).
import * as fns from "../../src/functions/functions";
import { ExcelErrorStandIn, excelError, toExcel } from "../../src/functions/excel";
import { fromExcel, fromExcelCell } from "../../src/functions/excelArgs";
import { SendError } from "../../src/engine/errors";
import { BASELINE, HEADER, INSTITUTIONS, OPTION_B, RATES } from "../headless/functions/fixture";

class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  invalidNumber: "#NUM!",
  divisionByZero: "#DIV/0!",
  invalidReference: "#REF!",
};

/** Excel's shapes: blank cells as "". */
const excelGrid = (g: readonly (readonly unknown[])[]) => g.map((r) => r.map((c) => (c === null ? "" : c)));
const RATES_X = excelGrid(RATES);
const TABLE_X = excelGrid(INSTITUTIONS);
const FIELDS_X = excelGrid([HEADER]);
const row = (i: number) => excelGrid([INSTITUTIONS[i]]);

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

describe("with the CustomFunctions global (inside Excel)", () => {
  beforeEach(() => {
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = { Error: FakeError, ErrorCode };
  });
  afterEach(() => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  });

  test("values come back as plain numbers and text", () => {
    expect(fns.allocate(RATES_X, "Option B", FIELDS_X, row(1))).toBe(OPTION_B.Alpha);
    expect(fns.band(RATES_X, "Baseline", 12)).toBe("2");
    expect(fns.payback(100000, 30000, null)).toBe(3.33);
  });

  test("a whole-formula #VALUE! is thrown as CustomFunctions.Error(invalidValue, message)", () => {
    const e = thrown(() => fns.allocate(RATES_X, "Option C", FIELDS_X, row(1)));
    expect(e).toBeInstanceOf(FakeError);
    expect(e).toEqual(
      new FakeError(
        "#VALUE!",
        "option: unknown option 'Option C'. Options: 'Baseline', 'Option B'. Did you mean 'Option B'?",
      ),
    );
  });

  test("#N/A keeps its message; #NUM! goes without one (Excel shows no custom message for #NUM!)", () => {
    const na = thrown(() => fns.band(RATES_X, "Baseline", -1));
    expect(na).toEqual(
      new FakeError("#N/A", "score -1 is below the lowest band of option 'Baseline' (band '1' starts at 0)."),
    );
    const num = thrown(() => fns.payback(100, 50, 60)) as FakeError;
    expect(num).toBeInstanceOf(FakeError);
    expect(num.code).toBe("#NUM!");
    expect(num.message).toBeUndefined();
  });

  test('per-cell errors inside a spill are CustomFunctions.Error values in their cells; blanks are ""', () => {
    const table = [
      ...TABLE_X,
      ["", "", "", "", "", "", "", "", "", "", ""],
      excelGrid([["Bad", "Primary", "x", null, null, null, null, null, null, null, null]])[0],
    ];
    const out = fns.allocateAll(RATES_X, "Baseline", table);
    expect(out.slice(0, 4)).toEqual([[BASELINE.Alpha], [BASELINE.Beta], [BASELINE.Gamma], [BASELINE.Delta]]);
    expect(out[4]).toEqual([""]);
    expect(out[5][0]).toEqual(new FakeError("#VALUE!", "table row 6 ('Bad'): 'Primary Pupils' is not a number: 'x'."));
  });

  test("BREAKDOWN's blank block is \"\"; CHECK's OK is a 1 × 1 matrix", () => {
    expect(fns.breakdown(RATES_X, "Baseline", FIELDS_X, row(2))[6]).toEqual(["Total", "", BASELINE.Beta]);
    expect(
      fns.check([
        ["Factor", "A"],
        ["place.special", 1],
      ]),
    ).toEqual([["OK"]]);
  });

  test("a matrix function's whole-formula error is thrown, not spilled", () => {
    expect(thrown(() => fns.project(RATES_X, ""))).toEqual(
      new FakeError("#VALUE!", "option: name an option; the table has 2: 'Baseline', 'Option B'."),
    );
  });

  test("omitted optional arguments arrive as null", () => {
    expect(fns.topUp(RATES_X, "Baseline", [["special"]], [["Band 1"]], null as never, null as never)).toEqual([[5000]]);
    expect(fns.fit([[1], [1], [1]], 100, null as never, null, null)).toEqual([[33.34], [33.33], [33.33]]);
  });

  test("an error value inside a range reaches the functions as its text", () => {
    const values: unknown[][] = row(1);
    values[0][2] = { code: "divisionByZero" }; // how Excel passes an error cell in a range
    expect(thrown(() => fns.allocate(RATES_X, "Baseline", FIELDS_X, values))).toEqual(
      new FakeError("#VALUE!", "values: 'Primary Pupils' is not a number: '#DIV/0!'."),
    );
  });

  test("excelError maps the three kinds to their ErrorCode", () => {
    expect(excelError(new SendError("#VALUE!", "m"))).toEqual(new FakeError("#VALUE!", "m"));
    expect(excelError(new SendError("#N/A", "m"))).toEqual(new FakeError("#N/A", "m"));
    expect(excelError(new SendError("#NUM!", "m"))).toEqual(new FakeError("#NUM!"));
  });
});

describe("without the CustomFunctions global (node, tests)", () => {
  test("errors are ExcelErrorStandIn values with the same code and message", () => {
    const e = thrown(() => fns.payback("x", 1));
    expect(e).toBeInstanceOf(ExcelErrorStandIn);
    expect(e).toMatchObject({ code: "#VALUE!", message: "investment is not a number: 'x'." });
  });

  test("toExcel pads ragged grids and gives scalar results of matrix functions as 1 × 1", () => {
    expect(toExcel([[1, 2], [3]], true)).toEqual([
      [1, 2],
      [3, ""],
    ]);
    expect(toExcel("OK", true)).toEqual([["OK"]]);
    expect(toExcel(null, false)).toBe("");
  });
});

describe("the argument adapter (src/functions/excelArgs.ts)", () => {
  test('blanks: null and "" are blank; 0 stays 0 (it cannot be told from a real 0)', () => {
    expect(fromExcel([[null, "", 0, undefined]])).toEqual([[null, null, 0, null]]);
    expect(fromExcel(undefined)).toBeUndefined();
  });

  test("data types are read as their basic value; an error-valued one as its error", () => {
    expect(fromExcelCell({ type: "Double", basicValue: 3 })).toBe(3);
    expect(fromExcelCell({ type: "FormattedNumber", basicValue: 0.05, numberFormat: "0%" })).toBe(0.05);
    expect(fromExcelCell({ type: "String", basicValue: "Primary" })).toBe("Primary");
    expect(fromExcelCell({ type: "Boolean", basicValue: false })).toBe(false);
    expect(fromExcelCell({ type: "Empty", basicValue: "" })).toBeNull();
    expect(fromExcelCell({ type: "Entity", text: "Alpha School", basicType: "Error", basicValue: "#VALUE!" })).toBe(
      "#VALUE!",
    );
    expect(fromExcelCell({ type: "Error", errorType: "Div0", basicValue: "#DIV/0!" })).toBe("#DIV/0!");
    expect(fromExcelCell({ type: "Error", basicValue: "#N/A" })).toBe("#N/A");
  });

  test("error values are their text; an unknown object is #VALUE!, never [object Object]", () => {
    expect(fromExcelCell({ code: "notAvailable" })).toBe("#N/A");
    expect(fromExcelCell({ code: "#REF!" })).toBe("#REF!");
    expect(fromExcelCell({ errorCode: "invalidNumber" })).toBe("#NUM!");
    expect(fromExcelCell({ some: "thing" })).toBe("#VALUE!");
    expect(fromExcelCell({ type: "Double", basicValue: { nested: 1 } })).toBe("#VALUE!");
  });

  test("one error cell in an institutions table fails only its row", () => {
    const table: unknown[][] = TABLE_X.map((r) => [...r]);
    table[2][2] = { type: "Error", errorType: "Div0", basicValue: "#DIV/0!" };
    const out = fns.allocateAll(RATES_X, "Baseline", table) as unknown[][];
    expect(out[0]).toEqual([BASELINE.Alpha]);
    expect(out[1][0]).toBeInstanceOf(ExcelErrorStandIn);
    expect((out[1][0] as Error).message).toBe("table row 2 ('Beta'): 'Primary Pupils' is not a number: '#DIV/0!'.");
    expect(out[2]).toEqual([BASELINE.Gamma]);
  });
});
