// The bundled national history (src/data/ehcp/history.json) is exactly what the published files say.
import { readFileSync } from "fs";
import { join } from "path";
import { buildHistory } from "../../scripts/make-ehcp-history";
import { historyTable, listAuthorities, ENGLAND_CODE } from "../../src/data/ehcp";
import { parseCsv } from "../../src/util/csv";
import bundled from "../../src/data/ehcp/history.json";

const DATA = join(__dirname, "../../data/ehcp");
const csv = (f: string) => parseCsv(readFileSync(join(DATA, f), "utf8")).rows.slice(1);
const caseload = csv("ehcp-caseload-2010-2022.csv");
const newPlans = csv("ehcp-new-plans-2009-2021.csv");
const count = (rows: string[][], year: number, code: string, breakdown: string) =>
  rows.find((r) => Number(r[0]) === year && r[1] === code && r[3] === breakdown)?.[4];

test("history.json is what scripts/make-ehcp-history.ts makes from data/ehcp (run npm run make-ehcp-history)", () => {
  expect(bundled).toEqual(JSON.parse(JSON.stringify(buildHistory())));
});

test("the history table has the contract's header row", () => {
  expect(historyTable("E06000001")![0]).toEqual([
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
    "Age 0-4",
    "Age 5-10",
    "Age 11-15",
    "Age 16-19",
    "Age 20-25",
    "New plans",
  ]);
});

test.each(["E06000001", "E09000033", "E06000058", ENGLAND_CODE])(
  "%s: every cell equals the published count; New plans of year Y-1 sit in the row of January Y",
  (code) => {
    const table = historyTable(code)!;
    const keys = [
      "total",
      "mainstream",
      "rb",
      "special",
      "isp",
      "ap",
      "fe",
      "spi",
      "ey",
      "other",
      "age 0-4",
      "age 5-10",
      "age 11-15",
      "age 16-19",
      "age 20-25",
    ];
    for (const row of table.slice(1)) {
      const year = row[0] as number;
      keys.forEach((k, i) => {
        const published = count(caseload, year, code, k);
        expect(row[i + 1]).toBe(published === undefined ? null : Number(published));
      });
      const np = count(newPlans, year - 1, code, "total");
      expect(row[16]).toBe(np === undefined ? null : Number(np));
    }
  },
);

test("names with commas are read whole; a code or a name finds an LA", () => {
  expect(listAuthorities().find((a) => a.code === "E06000058")!.name).toBe("Bournemouth, Christchurch and Poole");
  expect(historyTable("bournemouth, christchurch and poole")).toEqual(historyTable("E06000058"));
  expect(historyTable("E06000058")!.map((r) => r[0])).toEqual(["Year", 2020, 2021, 2022]);
  expect(historyTable("Nowhere")).toBeUndefined();
});

test("an area whose code changed keeps its earlier years; England is listed only when asked", () => {
  const bucks = historyTable("Buckinghamshire")!;
  expect(bucks[1][0]).toBe(2010);
  expect(bucks[bucks.length - 1][0]).toBe(2022);
  expect(bucks[1][1]).toBe(Number(count(caseload, 2010, "E10000002", "total")));
  expect(listAuthorities().some((a) => a.code === "E10000002")).toBe(false);
  expect(listAuthorities().some((a) => a.code === ENGLAND_CODE)).toBe(false);
  expect(listAuthorities({ england: true })[0]).toEqual({ code: ENGLAND_CODE, name: "England" });
  expect(listAuthorities().length).toBeGreaterThanOrEqual(153);
});

test("each area appears once in the list: a former authority sharing a current one's name says so", () => {
  const names = listAuthorities({ england: true }).map((a) => a.name);
  expect(new Set(names).size).toBe(names.length);
  expect(listAuthorities().find((a) => a.code === "E10000009")!.name).toBe("Dorset (former, to 2019)");
  expect(listAuthorities().find((a) => a.code === "E06000059")!.name).toBe("Dorset");
});
