// Published inputs with their quirks: correct numbers or a clear per-cell error list (issue 6).
import fs from "node:fs";
import path from "node:path";
import { parseCsv } from "../../src/util/csv";
import { loadInstitutionData } from "../../src/import/institutionData";
import { optionFromGrid, readTable, allocateTotal, SendError } from "../engine/api";

const FE_CSV = path.join(__dirname, "../../../shared/data/fe-allocations-2019-20.csv");
const SPECIAL = new Set(["Academy Special", "Non-Maintained Special School", "Free School Special"]);

describe("parseCsv", () => {
  it("strips a BOM, honours quotes, doubled quotes, CRLF and embedded newlines", () => {
    const { rows, errors } = parseCsv('\uFEFFName,Note\r\n"Oak, Primary","said ""hi""\nthere"\r\nElm,\n');
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      ["Name", "Note"],
      ["Oak, Primary", 'said "hi"\nthere'],
      ["Elm", ""],
    ]);
  });

  it("reports an unterminated quote with its line", () => {
    expect(parseCsv('a,b\n"open,1\n').errors).toEqual([
      "line 2: a quoted field is never closed (every line after it would be one cell); close or remove that quote",
    ]);
  });
});

describe("loadInstitutionData", () => {
  it("reads thousands separators, £, brackets and blanks as numbers", () => {
    const t = loadInstitutionData([
      ["Name", "Phase", "Places", "EHCP Band 1", "Students"],
      ["A", "FE", "1,200", "£3", "(0)"],
      ["B", "FE", "", " 7 ", "12"],
    ]);
    expect(t.issues).toEqual([]);
    expect(t.grid.slice(1)).toEqual([
      ["A", "FE", 1200, 3, 0],
      ["B", "FE", null, 7, 12],
    ]);
  });

  it("skips a trailing totals row and says so", () => {
    const t = loadInstitutionData([
      ["Name", "Phase", "Places"],
      ["A", "Special", "10"],
      ["Total", "", "10"],
    ]);
    expect(t.grid).toHaveLength(2);
    expect(t.skipped).toEqual([{ row: 3, why: "totals row ('Total')" }]);
  });

  it("lists every bad cell with row, column and value, not just the first", () => {
    const t = loadInstitutionData([
      ["Name", "Phase", "Places", "FSM", "Notes"],
      ["A", "Special", "ten", "n/a", "fine text"],
      ["B", "Special", "5", "1", ""],
    ]);
    expect(t.issues.map((i) => [i.row, i.column, i.value])).toEqual([
      [2, "Places", "ten"],
      [2, "FSM", "n/a"],
    ]);
    expect(t.issues[0].message).toContain("'Places' is not a number: 'ten'");
  });

  it("reports row-level problems (unknown phase, negative count) at their source row", () => {
    const t = loadInstitutionData([["Name", "Phase", "Places"], [], ["A", "Specal", "1"], ["B", "AP", "-2"]]);
    expect(t.issues.map((i) => i.row)).toEqual([3, 4]);
    expect(t.issues[0].message).toContain("Did you mean 'Special'?");
    expect(t.issues[1].message).toContain("negative");
  });

  it("flags data under a blank header (a merged header cell) instead of dropping it", () => {
    const t = loadInstitutionData([
      ["Name", "Phase", "EHCP Band 1", ""],
      ["A", "Special", "3", "4"],
    ]);
    expect(t.issues).toHaveLength(1);
    expect(t.issues[0]).toMatchObject({ row: 2, column: "column 4", value: "4" });
  });

  it("loads the published 16-19 allocations CSV (2,836 rows) and reproduces High Needs Element 2", () => {
    const { rows, errors } = parseCsv(fs.readFileSync(FE_CSV, "utf8"));
    expect(errors).toEqual([]);
    const t = loadInstitutionData(rows, {
      rename: { "Institution Name": "Name", "High Needs Students (included in Total Students)": "Places" },
      derive: { Phase: (r) => (SPECIAL.has(r.Category) ? "Special" : "FE") },
    });
    expect(t.issues).toEqual([]);
    const table = readTable(t.grid);
    if (table instanceof SendError) throw new Error(table.message);
    expect(table).toHaveLength(2836);
    const option = optionFromGrid(
      [
        ["Factor", "Published"],
        ["place.fe", 6000],
        ["place.special", 10000],
      ],
      "",
    );
    if (option instanceof SendError) throw new Error(option.message);
    const e2Col = t.grid[0].indexOf("High Needs Element 2 Funding (£)");
    const mismatches = table
      .filter((r) => {
        const total = allocateTotal(option, r.institution as never);
        return (total as { toNumber(): number }).toNumber() !== t.grid[r.index][e2Col];
      })
      .map((r) => r.name);
    expect(mismatches).toEqual(["Esher Sixth Form College"]);
  });
});
