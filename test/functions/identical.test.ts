// Excel and HyperFormula give identical results: the entry points of functions.ts (as Excel calls them) and the
// headless plugin (formulas in a HeadlessWorkbook) on the same inputs, for every function, values and errors alike.
import * as fns from "../../src/functions/functions";
import { ExcelErrorStandIn } from "../../src/functions/excel";
import { HeadlessWorkbook, type CellResult, type RawCell } from "../../src/headless";
import { colLetters } from "../../src/util/a1";
import { HEADER, INSTITUTIONS, RATES } from "../headless/functions/fixture";

type Arg = RawCell | RawCell[][];
type Plain = number | string | boolean | null | { error: string; message?: string };

/** How Excel passes a range: blank cells as "". */
const excelArg = (a: Arg): unknown => (Array.isArray(a) ? a.map((r) => r.map((c) => (c === null ? "" : c))) : a);

function plainExcel(v: unknown): Plain {
  if (v instanceof ExcelErrorStandIn) return v.message ? { error: v.code, message: v.message } : { error: v.code };
  return v === "" ? null : (v as Plain);
}

function viaExcel(fn: (...args: any[]) => unknown, args: Arg[]): Plain[][] {
  let out: unknown;
  try {
    out = fn(...args.map(excelArg));
  } catch (e) {
    out = e;
  }
  return Array.isArray(out) ? out.map((r: unknown[]) => r.map(plainExcel)) : [[plainExcel(out)]];
}

/** The same call as a formula: every range on its own sheet. Returns the spill's block plus one row and column beyond.
 * */
function viaHeadless(name: string, args: Arg[], rows: number, cols: number): CellResult[][] {
  const sheets: Record<string, RawCell[][]> = { Calc: [] };
  const text = args.map((a, k) => {
    if (Array.isArray(a)) {
      sheets[`Arg${k}`] = a;
      return `Arg${k}!A1:${colLetters(Math.max(...a.map((r) => r.length)))}${a.length}`;
    }
    if (a === null) return "";
    return typeof a === "string" ? `"${a.replace(/"/g, '""')}"` : String(a);
  });
  const wb = HeadlessWorkbook.create(sheets);
  wb.setCells("Calc", "A1", [[`=SEND.${name}(${text.join(",")})`]]);
  return wb.getValues("Calc", `A1:${colLetters(cols + 1)}${rows + 1}`);
}

function normaliseHf(v: CellResult, excel: Plain): Plain {
  if (
    v !== null &&
    typeof v === "object" &&
    excel !== null &&
    typeof excel === "object" &&
    excel.message === undefined
  ) {
    return { error: v.error }; // Excel carries no message for #NUM!
  }
  return v;
}

const FIELDS = [HEADER];
const row = (i: number) => [INSTITUTIONS[i]];
const TABLE_WITH_PROBLEMS: RawCell[][] = [
  ...INSTITUTIONS,
  [null],
  ["Bad", "Primary", "x"],
  ["AP", "AP", null, null, null, null, null, 2],
];

const CASES: [string, (...args: any[]) => unknown, Arg[]][] = [
  ["ALLOCATE", fns.allocate, [RATES, "Baseline", FIELDS, row(1)]],
  ["ALLOCATE", fns.allocate, [RATES, "Option B", FIELDS, row(1)]],
  ["ALLOCATE", fns.allocate, [RATES, "Option C", FIELDS, row(2)]],
  ["ALLOCATE", fns.allocate, [RATES, "Option B", FIELDS, [["AP", "AP", null, null, null, null, null, 2]]]],
  ["BREAKDOWN", fns.breakdown, [RATES, "Option B", FIELDS, row(3)]],
  ["BREAKDOWN", fns.breakdown, [RATES, "Baseline", FIELDS, [["Neg", "Primary", -1]]]],
  ["ALLOCATEALL", fns.allocateAll, [RATES, "Option B", TABLE_WITH_PROBLEMS]],
  ["TOPUP", fns.topUp, [RATES, "Option B", "Special", "band 1", 7, 0.3333]],
  ["TOPUP", fns.topUp, [RATES, "Baseline", "mainstream", "Band 2", null, null]],
  ["TOPUP", fns.topUp, [RATES, "Baseline", "specail", "Band 2", null, null]],
  [
    "TOPUP",
    fns.topUp,
    [
      RATES,
      "Baseline",
      [["special"], ["specail"], ["Primary"]],
      [["Band 1"], ["Band 1"], ["Band 2"]],
      [[6], [12], ["six"]],
      null,
    ],
  ],
  ["TOPUP", fns.topUp, [RATES, "Option B", [["special"], ["mainstream"]], [["Band 1", "Band 2"]], null, null]],
  ["BAND", fns.band, [RATES, "Option B", 15]],
  ["BAND", fns.band, [RATES, "Baseline", -3]],
  ["COMPARE", fns.compare, [RATES, "Baseline", "Option B", INSTITUTIONS]],
  ["COMPARE", fns.compare, [RATES, "Baseline", "Option B", TABLE_WITH_PROBLEMS]],
  ["FIT", fns.fit, [[[80], [100], [100], [200]], 403.5, [[100], [100], [100], [100]], -0.005, 0.02]],
  ["FIT", fns.fit, [[[1, 1, 1]], 100, null, null, null]],
  ["FIT", fns.fit, [[[80], [100]], 150, [[100], [100]], 0, 0.1]],
  ["DEFICIT", fns.deficit, [-1000000, [[50000000], [52000000]], [[51000000], [53500000]], [[0], [250000]]]],
  ["DEFICIT", fns.deficit, [0, [[1], [2], [3]], [[1], [2]], null]],
  ["PROJECT", fns.project, [RATES, "Option B"]],
  ["PAYBACK", fns.payback, [100000, 30000, 10000]],
  ["PAYBACK", fns.payback, [100, 50, 60]],
  [
    "FORECAST",
    fns.forecast,
    [
      [
        ["Year", "Total", "Special", "ISP", "New plans"],
        [2019, 100, 60, 40, 10],
        [2020, 110, 64, 46, 12],
        [2021, 121, 68, 53, 15],
      ],
      2,
      0.9,
    ],
  ],
  [
    "FORECAST",
    fns.forecast,
    [
      [
        ["Year", "Total", "Specal"],
        [2019, 1, 1],
        [2020, 1, 1],
        [2021, 1, 1],
      ],
      null,
      null,
    ],
  ],
  ["FACTORS", fns.factors, []],
  ["CHECK", fns.check, [RATES, null]],
  [
    "CHECK",
    fns.check,
    [
      [
        ["Factor", "A", "B"],
        ["inherits", "B", "A"],
        ["place.specail", 1, 2],
      ],
      null,
    ],
  ],
  [
    "CHECK",
    fns.check,
    [
      [
        ["Factor", "A"],
        ["place.special", 1],
      ],
      null,
    ],
  ],
];

test("every function has at least one case", () => {
  expect(new Set(CASES.map((c) => c[0])).size).toBe(13);
});

test.each(CASES.map(([name, fn, args], i) => [`${name} #${i + 1}`, name, fn, args] as const))(
  "%s",
  (_, name, fn, args) => {
    const excel = viaExcel(fn, args as Arg[]);
    const rows = excel.length;
    const cols = Math.max(...excel.map((r) => r.length));
    const hf = viaHeadless(name, args as Arg[], rows, cols);
    const block = hf.slice(0, rows).map((r, i) => r.slice(0, cols).map((v, j) => normaliseHf(v, excel[i][j])));
    expect(block).toEqual(excel);
    // nothing spilled beyond the result
    expect(hf[rows].every((v) => v === null)).toBe(true);
    expect(hf.every((r) => r[cols] === null)).toBe(true);
  },
);
