// Reading the DfE release as downloaded (src/data/ehcp/release.ts): its setting columns mapped onto the
// breakdowns of the bundled history (equal on every year both hold), census years, the 2023 break, areas
// without placement figures, other layouts, and an area's own problems.
import fs from "node:fs";
import path from "node:path";
import { historyTable } from "../../src/data/ehcp";
import { readReleaseFiles, releaseKind } from "../../src/data/ehcp/release";
import { TidyProblem } from "../../src/data/ehcp/tidy";

const DIR = path.join(__dirname, "release");
const CASELOAD = fs.readFileSync(path.join(DIR, "caseload.csv"), "utf8");
const NEW_PLANS = fs.readFileSync(path.join(DIR, "newplans.csv"), "utf8");
const HEADER = CASELOAD.slice(0, CASELOAD.indexOf("\n"));

test("every cell read from the release equals the bundled history's (mapping of setting columns, census years)", () => {
  const { columns, areas, warnings } = readReleaseFiles(CASELOAD, NEW_PLANS);
  expect(columns).toEqual([
    "Year",
    "Total",
    "Mainstream",
    "RB",
    "Special",
    "ISP",
    "AP",
    "FE",
    "SPI",
    "EY",
    "Other",
    "New plans",
  ]);
  expect(warnings).toEqual([]); // 2019-2022: all on one side of the break
  expect(areas.map((a) => a.code)).toEqual([
    "E92000001",
    "E06000001",
    "E09000033",
    "E10000016",
    "E10000009",
    "E06000059",
    "E06000058",
  ]);
  let compared = 0;
  for (const area of areas) {
    const bundled = historyTable(area.code)!;
    for (const row of area.rows) {
      const b = bundled.find((r) => r[0] === row[0])!;
      columns.forEach((c, i) => {
        if (row[i] === null) return; // New plans of January 2019: the release's new plans start in calendar 2019
        expect([area.code, row[0], c, row[i]]).toEqual([area.code, row[0], c, b[bundled[0].indexOf(c)]]);
        compared++;
      });
    }
  }
  expect(compared).toBeGreaterThan(250);
  const kent = areas.find((a) => a.code === "E10000016")!;
  expect(kent).toMatchObject({ name: "Kent", oldCode: "886" });
  expect(kent.rows.map((r) => r[0])).toEqual([2019, 2020, 2021, 2022]);
  expect(kent.rows[3][11]).toBe(2910); // new plans made in calendar 2021 sit in January 2022's row
});

test("--origin keeps the census years up to it", () => {
  const { areas } = readReleaseFiles(CASELOAD, undefined, { origin: 2020 });
  expect(areas.find((a) => a.code === "E06000001")!.rows.map((r) => r[0])).toEqual([2019, 2020]);
});

/** A caseload row in the release's layout: the named columns set, every other setting 'x'. */
function row(period: string, code: string, name: string, cells: Record<string, string | number>): string {
  const cols = HEADER.split(",");
  const base: Record<string, string | number> = {
    time_period: period,
    time_identifier: "Academic year",
    geographic_level: "Local authority",
    country_code: "E92000001",
    country_name: "England",
    new_la_code: code,
    old_la_code: "999",
    la_name: name,
    breakdown_topic: "All EHC plans",
    breakdown: "All EHC plans",
  };
  return cols.map((c) => String(c in cells ? cells[c] : c in base ? base[c] : "x")).join(",");
}

const settled = (total: number, extra: Record<string, number> = {}) => ({
  ehcplans: total,
  mainstream_total: total / 2,
  mainstream_la_maintained: total / 2,
  special_la_maintained: total / 4,
  ...extra,
});

test("across the 2023 break: breakdowns fed by settings collected on one side only are named", () => {
  const text = [
    HEADER,
    row("202122", "E1", "Town", settled(100, { await_prov_2022: 3 })),
    row("202223", "E1", "Town", settled(120, { neet: 4, placement_unknown: 2 })),
    row("202324", "E1", "Town", settled(140, { neet: 5 })),
  ].join("\n");
  const { areas, warnings } = readReleaseFiles(text);
  expect(areas[0].rows.map((r) => r.slice(0, 5))).toEqual([
    [2022, 100, 50, 0, 25],
    [2023, 120, 60, 0, 30],
    [2024, 140, 70, 0, 35],
  ]);
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toBe(
    "'other' is not comparable across the 2023 break (individual-level collection): neet (from 2023 only), placement_unknown (from 2023 only), await_prov_2022 (to 2022 only)",
  );
});

test("an area whose year has a total but no placement figures is forecast on Total alone, and said so", () => {
  const text = [
    HEADER,
    row("202223", "E2", "Hackney", settled(100)),
    row("202324", "E2", "Hackney", { ehcplans: 120 }),
    row("202324", "E1", "Town", settled(40)),
  ].join("\n");
  const { areas, warnings } = readReleaseFiles(text);
  expect(areas[0]).toMatchObject({
    columns: ["Year", "Total"],
    rows: [
      [2023, 100],
      [2024, 120],
    ],
  });
  expect(areas[1].columns).toBeUndefined();
  expect(warnings).toContain("no placement figures, so only Total is forecast, for: Hackney (2024)");
});

test("an area whose placements were not recorded for more than 5% of plans is named", () => {
  const text = [
    HEADER,
    row("202324", "E1", "Town", settled(100, { placement_unknown: 4 })),
    row("202425", "E1", "Town", settled(100, { placement_unknown: 30 })),
    row("202425", "E2", "City", settled(100, { placement_unknown: 5 })),
  ].join("\n");
  expect(readReleaseFiles(text).warnings).toEqual([
    "placement not recorded for more than 5% of plans (counted in 'other', so the placement groups are understated) for: Town (2025)",
  ]);
});

test("a duplicated row or a count that is no number of plans is that area's problem; the others are read", () => {
  const text = [
    HEADER,
    row("202223", "E1", "Town", settled(100)),
    row("202223", "E1", "Town", settled(1000)),
    row("202223", "E2", "City", settled(-4)),
    row("202223", "E3", "Village", settled(8)),
  ].join("\n");
  const { areas } = readReleaseFiles(text);
  expect(areas.map((a) => [a.code, a.problem])).toEqual([
    ["E1", "caseload.csv lines 2 and 3 both give E1's plans for 2023"],
    ["E2", "caseload.csv line 4: ehcplans '-4' is not a number of plans"],
    ["E3", undefined],
  ]);
});

test("a file of another layout is one line naming the columns expected", () => {
  expect(releaseKind(HEADER)).toBe("caseload");
  expect(releaseKind("year,la_code,la_name,breakdown,count")).toBeUndefined();
  const other = "time_period,geographic_level,la_name,count\n202122,National,England,5\n";
  expect(() => readReleaseFiles(other)).toThrow(TidyProblem);
  expect(() => readReleaseFiles(other)).toThrow(
    "caseload.csv is not the DfE release's caseload.csv: no column 'new_la_code', 'breakdown_topic', 'ehcplans' (expected time_period,geographic_level,new_la_code,la_name,breakdown_topic,ehcplans,mainstream_total,special_la_maintained,…)",
  );
  expect(() => readReleaseFiles(`${HEADER}\n${row("2022", "E1", "T", settled(4))}`)).toThrow(
    "caseload.csv line 2: time_period '2022' is not an academic year (202425)",
  );
});
