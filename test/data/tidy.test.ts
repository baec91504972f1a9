// Reading tidy EHC plan files (the CLI's input): columns, New plans shifted to the following January, --origin,
// areas whose code changed, and problems named by file and line.
import { readTidyFiles, TidyProblem } from "../../src/data/ehcp/tidy";

const HEAD = "year,la_code,la_name,breakdown,count\n";
const caseload =
  HEAD +
  [
    '2019,E1,"Town, North",total,10',
    '2019,E1,"Town, North",special,4',
    '2019,E1,"Town, North",isp,6',
    '2020,E1,"Town, North",total,12',
    '2020,E1,"Town, North",special,5',
    '2020,E1,"Town, North",isp,7',
    '2021,E1,"Town, North",total,13',
    '2021,E1,"Town, North",special,5',
    "2018,E10000002,Buckinghamshire,total,100",
    "2019,E10000002,Buckinghamshire,total,110",
    "2020,E06000060,Buckinghamshire,total,120",
    "2021,E06000060,Buckinghamshire,total,130",
  ].join("\n");
const newPlans =
  HEAD +
  [
    '2018,E1,"Town, North",total,3',
    '2019,E1,"Town, North",total,4',
    '2019,E1,"Town, North",special,2',
    '2020,E1,"Town, North",total,5',
  ].join("\n");

test("columns in release order, New plans of year Y-1 in the row of January Y, a missing count blank", () => {
  const { columns, areas } = readTidyFiles(`\uFEFF${caseload}`, newPlans);
  expect(columns).toEqual(["Year", "Total", "Special", "ISP", "New plans"]);
  const town = areas.find((a) => a.code === "E1")!;
  expect(town.name).toBe("Town, North");
  expect(town.rows).toEqual([
    [2019, 10, 4, 6, 3],
    [2020, 12, 5, 7, 4],
    [2021, 13, 5, null, 5],
  ]);
});

test("--origin keeps the years up to it; an area whose code changed carries its earlier years", () => {
  const { columns, areas } = readTidyFiles(caseload, undefined, { origin: 2020 });
  expect(columns).toEqual(["Year", "Total", "Special", "ISP"]);
  expect(areas.find((a) => a.code === "E1")!.rows.map((r) => r[0])).toEqual([2019, 2020]);
  expect(areas.find((a) => a.code === "E06000060")!.rows.map((r) => r[0])).toEqual([2018, 2019, 2020]);
});

test.each([
  ["year,code,count\n2020,E1,5\n", "no column 'la_code', 'la_name', 'breakdown'"],
  [`${HEAD}2020,E1,X,specal,5\n`, "caseload file line 2: unknown breakdown 'specal'"],
  [`${HEAD}20x0,E1,X,total,5\n`, "caseload file line 2: year '20x0' is not a 4-digit year"],
  [`${HEAD}2020,E1,"X,total,5\n`, "caseload file: line 2: a quoted field is never closed"],
])("a bad file is a problem naming the file and line: %#", (text, message) => {
  expect(() => readTidyFiles(text)).toThrow(TidyProblem);
  expect(() => readTidyFiles(text)).toThrow(message);
});

test("a duplicated row or a bad count is its area's problem, naming the lines; the other areas are read", () => {
  const text = `${HEAD}2020,E1,X,total,5\n2020,E1,X,total,50\n2020,E2,Y,total,-5\n2020,E3,Z,total,7\n`;
  expect(readTidyFiles(text).areas.map((a) => [a.code, a.problem])).toEqual([
    ["E1", "caseload file lines 2 and 3 both give E1's total for 2020"],
    ["E2", "caseload file line 4: count '-5' is not a number of plans"],
    ["E3", undefined],
  ]);
});
