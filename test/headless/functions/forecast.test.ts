// SEND.FORECAST(history, [horizon], [coverage]) in a HeadlessWorkbook: the spill, its errors, and the CLI giving
// the same numbers for the same LAs.
import { readFileSync } from "fs";
import { join } from "path";
import { HeadlessWorkbook, type CellResult } from "../../../src/headless";
import { historyTable } from "../../../src/data/ehcp";
import { forecastAreas } from "../../../src/cli/forecast";
import { errorOf } from "./fixture";

const DATA = join(__dirname, "../../../data/ehcp");
const CASELOAD = readFileSync(join(DATA, "ehcp-caseload-2010-2022.csv"), "utf8");
const NEW_PLANS = readFileSync(join(DATA, "ehcp-new-plans-2009-2021.csv"), "utf8");

function spill(code: string, args = ""): CellResult[][] {
  const table = historyTable(code)!;
  const wb = HeadlessWorkbook.create({
    History: table,
    Calc: [[`=SEND.FORECAST(History!A1:Q${table.length}${args})`]],
  });
  const rows: CellResult[][] = [];
  for (let r = 1; ; r++) {
    const row = wb.getValues("Calc", `A${r}:E${r}`)[0];
    if (row[0] === null) break;
    rows.push(row);
  }
  return rows;
}

describe("SEND.FORECAST in a workbook", () => {
  test("spills the header, then 16 breakdowns per year in the history's column order", () => {
    const rows = spill("E06000001");
    expect(rows[0]).toEqual(["Year", "Breakdown", "Low", "Central", "High"]);
    expect(rows).toHaveLength(1 + 3 * 16);
    expect(rows.slice(1, 17).map((r) => r[1])).toEqual(historyTable("E06000001")![0].slice(1));
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      ...Array(16).fill(2023),
      ...Array(16).fill(2024),
      ...Array(16).fill(2025),
    ]);
  });

  test.each(["E06000001", "E09000033", "E10000016", "E08000025", "E06000058", "E06000060"])(
    "%s: the CLI gives the function's numbers",
    (code) => {
      const fn = spill(code, ", 4, 0.9").slice(1);
      const cli = forecastAreas(CASELOAD, NEW_PLANS, { la: code, horizon: "4", coverage: "0.9" })[code];
      if (!("forecast" in cli)) throw new Error(cli.error);
      expect(cli.forecast.map((f) => [f.year, f.low, f.central, f.high])).toEqual(
        fn.map((r) => [r[0], r[2], r[3], r[4]]),
      );
      expect(cli.forecast.map((f) => f.breakdown)).toEqual(fn.map((r) => String(r[1]).toLowerCase()));
    },
  );

  test.each([
    [", 0", "#NUM!", "horizon is 0; it must be a whole number of years from 1 to 15."],
    [", 16", "#NUM!", "horizon is 16; it must be a whole number of years from 1 to 15."],
    [", 2.5", "#NUM!", "horizon is 2.5; it must be a whole number of years from 1 to 15."],
    [', "soon"', "#VALUE!", "horizon is not a number: 'soon'."],
    [", 3, 1", "#NUM!", "coverage is 1; it must be strictly between 0 and 1 (0.8 is an 80% interval)."],
    [", 3, 0", "#NUM!", "coverage is 0; it must be strictly between 0 and 1 (0.8 is an 80% interval)."],
    [", , 80%", "#NUM!", "coverage is 0.8"], // 80% reads as 0.8: allowed
  ])("FORECAST(history%s) is %s", (args, kind, message) => {
    const table = historyTable("E06000001")!;
    const wb = HeadlessWorkbook.create({
      History: table,
      Calc: [[`=SEND.FORECAST(History!A1:Q${table.length}${args})`]],
    });
    const v = wb.getValues("Calc", "A1")[0][0];
    if (message === "coverage is 0.8") {
      expect(v).toBe("Year");
      return;
    }
    expect(errorOf(v)).toEqual({ error: kind, message });
  });

  test("a missing history is #VALUE! naming it", () => {
    const wb = HeadlessWorkbook.create({ Calc: [["=SEND.FORECAST()"]] });
    expect(errorOf(wb.getValues("Calc", "A1")[0][0])).toEqual({ error: "#VALUE!", message: "history is required." });
  });
});
