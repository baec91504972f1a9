// A sample of the same generated cases through the real entry points: Excel's custom functions (functions.ts with
// a fake CustomFunctions global) and formulas in a HyperFormula workbook. Each must show what the wrapper's
// result shows: the same values, blanks, error kinds and messages in the same cells.
import fc from "fast-check";
import { shapeOf } from "../../src/functions/registry";
import { casesFor, hostSafe, NAMES, type Case } from "./cases";
import { EXCEL_RUNS, HEADLESS_RUNS, SEED, seedFor, TEST_TIMEOUT_MS } from "./config";
import { excelShaped, fakeCustomFunctions, hostCallable, viaExcel, viaHeadless } from "./hosts";
import { checkCall, sameShown, shown } from "./oracle";
import { invoke } from "../../src/functions/wrapper";
import { HeadlessWorkbook } from "../../src/headless";

const counts = new Map<string, { excel: number; headless: number }>();
const count = (name: string) => counts.get(name) ?? (counts.set(name, { excel: 0, headless: 0 }), counts.get(name)!);

/** Cases a spreadsheet can hold (no NaN, no undefined cells) and hosts can call (no extra arguments). */
const hostCases = (name: string) =>
  casesFor(name)
    .map(hostSafe)
    .filter((c: Case) => hostCallable(name, c.args));

afterAll(() => {
  const parts = [...counts.entries()].map(([n, c]) => `${n} ${c.excel}/${c.headless}`);
  console.log(`fuzz hosts (seed ${SEED}): cases via Excel/HyperFormula: ${parts.join("; ")}`);
});

describe.each(NAMES)("SEND.%s in the hosts", (name) => {
  test(
    `${EXCEL_RUNS} cases through functions.ts show what the wrapper gives`,
    () => {
      const uninstall = fakeCustomFunctions();
      try {
        fc.assert(
          fc.property(hostCases(name), (c) => {
            checkCall(name, c.args);
            const want = shown(invoke(name, excelShaped(name, c.args)), "excel");
            const got = viaExcel(name, c.args);
            count(name).excel++;
            if (!sameShown(got, want))
              throw new Error(`Excel shows ${JSON.stringify(got)}, the wrapper ${JSON.stringify(want)}`);
          }),
          { seed: seedFor(name, "excel"), numRuns: EXCEL_RUNS },
        );
      } finally {
        uninstall();
      }
    },
    TEST_TIMEOUT_MS,
  );

  test(
    `${HEADLESS_RUNS} cases as formulas in HyperFormula show what the wrapper gives`,
    () => {
      fc.assert(
        fc.property(hostCases(name), (c) => {
          checkCall(name, c.args);
          // the sheet means what Excel hands over: a typed range is a range
          const result = invoke(name, excelShaped(name, c.args));
          const want = shown(result);
          const got = viaHeadless(name, c.args, shapeOf(result));
          count(name).headless++;
          if (!sameShown(got, want))
            throw new Error(`HyperFormula shows ${JSON.stringify(got)}, the wrapper ${JSON.stringify(want)}`);
        }),
        { seed: seedFor(name, "headless"), numRuns: HEADLESS_RUNS },
      );
    },
    TEST_TIMEOUT_MS,
  );
});

describe("one-cell references to range parameters (src/headless/plugin.ts)", () => {
  // HyperFormula hands a one-cell reference over as its value, so a blank one-cell range argument is "not given"
  // there, while Excel passes a blank 1 × 1 range. DEFICIT's help says blank cells are 0, so Excel shows -5.
  test("Excel: a blank one-cell income is 0", () => {
    expect(shown(invoke("DEFICIT", excelShaped("DEFICIT", [0, null, [[5]]])))).toEqual([[-5, -5]]);
  });

  // plugin.ts hands a one-cell reference to a range parameter over as a 1 × 1 range, as Excel does
  test("HyperFormula: a blank one-cell income is 0, as in Excel", () => {
    const wb = HeadlessWorkbook.create({ S: [[null, 5]], Calc: [] });
    wb.setCells("Calc", "A1", [["=SEND.DEFICIT(0,S!A1,S!B1)"]]);
    expect(wb.getValues("Calc", "A1:B1")).toEqual([[-5, -5]]);
  });

  test("HyperFormula: a blank A1:A1 and a blank A1 as rates give Excel's error, the wrapper's for [[blank]]", () => {
    const excel = shown(invoke("ALLOCATE", [[[""]], "A", [["Phase"]], [["Special"]]]));
    const wb = HeadlessWorkbook.create({ S: [[null]], F: [["Phase"]], V: [["Special"]], Calc: [] });
    wb.setCells("Calc", "A1", [['=SEND.ALLOCATE(S!A1:A1,"A",F!A1,V!A1)'], ['=SEND.ALLOCATE(S!A1,"A",F!A1,V!A1)']]);
    const [[a], [b]] = wb.getValues("Calc", "A1:A2");
    expect(a).toEqual(excel[0][0]);
    expect(b).toEqual(excel[0][0]);
    expect(JSON.stringify(a)).toContain("header row");
  });

  test("HyperFormula: an error in a one-cell range argument is read as its text, as in Excel", () => {
    const wb = HeadlessWorkbook.create({ S: [[null, 5]], Calc: [] });
    wb.setCells("S", "A1", [["=1/0"]]);
    wb.setCells("Calc", "A1", [["=SEND.DEFICIT(0,S!A1,S!B1)"]]);
    const excel = shown(invoke("DEFICIT", [0, [["#DIV/0!"]], [[5]]]));
    expect(wb.getValues("Calc", "A1")).toEqual(excel);
  });
});
