// Golden workbooks: each test/golden/<name>.xlsx is read through the xlsx reader, recomputed by the
// headless host, and checked cell by cell against the hand-worked values in <name>.json. The demo's
// totals per option are pinned in demo-totals.json. Rebuild with `npx tsx scripts/make-golden.ts`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { computeDemo, demoXlsx } from "../../src/demo";
import { reportData } from "../../src/demo/report/data";
import { demoTotals, type DemoTotals } from "../../src/demo/totals";
import { formulaResults, loadHost, snapshot } from "../../src/headless/io/bridge";
import { checkGolden, expandExpected, mismatch, type Expected, type GoldenDef } from "../../src/headless/io/golden";
import { readXlsx, type CellResult, type RawCell, type XlsxBook } from "../../src/headless/xlsx";
import { parseCellOrThrow, parseRangeOrThrow } from "../../src/util/a1";

const DIR = path.join(__dirname, "../golden");
const NOT_DEFINITIONS = ["functions.json", "demo-totals.json"];
const defs = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".json") && !NOT_DEFINITIONS.includes(f))
  .sort();

/** A grid without trailing blank rows and columns, so "as written" and "as read" compare. */
function trim(rows: readonly (readonly RawCell[])[]): RawCell[][] {
  const out = rows.map((r) => [...r]);
  while (out.length && out[out.length - 1].every((v) => v === null)) out.pop();
  const width = Math.max(0, ...out.map((r) => r.reduce<number>((w, v, i) => (v === null ? w : i + 1), 0)));
  return out.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
}

function cachedOf(book: XlsxBook, key: string): CellResult | undefined {
  const bang = key.lastIndexOf("!");
  const sheet = book.sheets.find((s) => s.name === key.slice(0, bang));
  const { row, col } = parseCellOrThrow(key.slice(bang + 1));
  return sheet?.cached[row - 1]?.[col - 1] ?? null;
}

it("there are golden workbooks to check", () => {
  expect(defs.length).toBeGreaterThanOrEqual(3);
});

describe.each(defs)("golden %s", (file) => {
  const def = JSON.parse(fs.readFileSync(path.join(DIR, file), "utf8")) as GoldenDef;
  let book: XlsxBook;
  beforeAll(async () => {
    book = await readXlsx(path.join(DIR, file.replace(/\.json$/, ".xlsx")));
  });

  it("its .xlsx holds exactly the definition's sheets, inputs and formulas", () => {
    expect(book.sheets.map((s) => s.name)).toEqual(Object.keys(def.sheets));
    for (const s of book.sheets)
      expect({ sheet: s.name, cells: trim(s.cells) }).toEqual({ sheet: s.name, cells: trim(def.sheets[s.name]) });
  });

  it("recomputes every formula and spilled cell to the hand-worked value", () => {
    const computed = new Map(formulaResults(snapshot(loadHost(book))));
    expect(computed.size).toBeGreaterThan(0);
    expect(checkGolden(def, computed)).toEqual([]);
  });

  it("carries the expected values as the file's cached results (what Excel shows on open)", () => {
    const problems: string[] = [];
    for (const [key, want] of expandExpected(def.expected)) {
      // a file stores an error's code, not its message
      const code: Expected = want !== null && typeof want === "object" ? { error: want.error } : want;
      const why = mismatch(code, cachedOf(book, key));
      if (why) problems.push(`${key}: ${why}`);
    }
    expect(problems).toEqual([]);
  });
});

describe("golden checking itself", () => {
  it("reports a wrong value, a wrong error code, a message that misses a name, and an unexpected cell", () => {
    const def: GoldenDef = {
      title: "t",
      sheets: {},
      expected: { "S!A1": 1, "S!A2": { error: "#N/A" }, "S!A3": { error: "#N/A", messageIncludes: ["band3"] } },
    };
    const computed = new Map<string, CellResult>([
      ["S!A1", 2],
      ["S!A2", { error: "#VALUE!", message: "" }],
      ["S!A3", { error: "#N/A", message: "no rate band2" }],
      ["S!A4", 0],
    ]);
    expect(checkGolden(def, computed)).toEqual([
      "S!A1: expected 1, got 2",
      'S!A2: expected #N/A, got {"error":"#VALUE!","message":""}',
      'S!A3: message "no rate band2" does not mention band3',
      "S!A4: computed 0 but no value is expected",
    ]);
  });
});

describe("demo totals", () => {
  const golden = JSON.parse(fs.readFileSync(path.join(DIR, "demo-totals.json"), "utf8")) as DemoTotals;

  it("a freshly built demo, written to a temporary folder and read back, gives the pinned totals", async () => {
    const computed = computeDemo();
    expect(demoTotals(computed.data)).toEqual(golden);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "send-demo-golden-"));
    try {
      const file = path.join(dir, "demo.xlsx");
      fs.writeFileSync(file, await demoXlsx(computed));
      const book = await readXlsx(file);
      // the report numbers as Excel would show them on open: the file's cached values
      const values = (sheet: string, range: string): CellResult[][] => {
        const s = book.sheets.find((x) => x.name === sheet)!;
        const b = parseRangeOrThrow(range);
        return Array.from({ length: b.bottom - b.top + 1 }, (_, i) =>
          Array.from({ length: b.right - b.left + 1 }, (_, j) => s.cached[b.top - 1 + i]?.[b.left - 1 + j] ?? null),
        );
      };
      expect(demoTotals(reportData(values, computed.demo.layout))).toEqual(golden);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("has the options, phases and plans the demo promises", () => {
    expect(Object.keys(golden.options)).toEqual([
      "Baseline",
      "Higher banded top-ups",
      "Early intervention package",
      "Special place expansion",
    ]);
    expect(golden.institutions).toBe(557);
    expect(Object.keys(golden.projection)).toEqual(["Unmitigated", "Mitigated"]);
    // High Needs spend of a large county, below the demo's £99m grant in the Baseline (the deficit comes from growth);
    // the all-block total adds notional SEN, FE element 1 and early years as memo lines
    for (const o of Object.values(golden.options)) expect(o.total).toBeGreaterThan(80_000_000);
    expect(golden.options.Baseline.total).toBeLessThan(99_000_000);
    for (const m of Object.values(golden.memo)) expect(m["All blocks"]).toBeGreaterThan(100_000_000);
  });
});
