// A council's 40-school export as officers send it: "FSM %", "Total EHCPs" beside band columns, "RP places"
// and "Special places", a repeated URN, a blank roll, phases outside the catalogue, a totals row; and the
// same list as an xlsx with a merged title row. Each is named with its row and what will happen.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { applyMapping, findHeaderRow } from "../../src/import/apply";
import { EHCP_TOTAL_CHECK, KEEP, mappingErrors, proposeMapping, withSaved, targetList } from "../../src/import/mapping";
import { readSource } from "../../src/import/source";
import { UNBANDED_EHCP } from "../../src/import/synonyms";
import { DEFAULT_BANDS } from "../../src/model/institutions";
import type { Cell } from "../../src/engine/types";

const FIXTURE = path.join(__dirname, "fixtures", "council-40-schools.csv");
const ANSWER = { "RP places": "keep", "Special places": "Places" };

async function csvRows(): Promise<Cell[][]> {
  return (await readSource("council-40-schools.csv", fs.readFileSync(FIXTURE))).sheets[0].rows;
}

function answered(rows: Cell[][]) {
  const header = rows[findHeaderRow(rows)].map(String);
  const proposed = proposeMapping(header);
  const { choices } = withSaved(
    proposed,
    ANSWER,
    targetList(
      DEFAULT_BANDS,
      proposed.map((c) => c.target),
    ),
  );
  return { proposed, result: applyMapping(rows, choices, DEFAULT_BANDS) };
}

describe("a council's 40-school CSV", () => {
  let rows: Cell[][];
  beforeAll(async () => {
    rows = await csvRows();
  });
  const byHeader = (header: string) => proposeMapping(rows[0].map(String)).find((c) => c.header === header)!;

  it("asks which column is Places, sure of neither, and imports nothing until answered", () => {
    const choices = proposeMapping(rows[0].map(String));
    const rp = choices.find((c) => c.header === "RP places")!;
    const special = choices.find((c) => c.header === "Special places")!;
    expect([rp.target, special.target]).toEqual(["Places", "Places"]);
    expect(rp.confidence).toBeLessThanOrEqual(0.5);
    expect(special.confidence).toBeLessThanOrEqual(0.5);
    const res = applyMapping(rows, choices, DEFAULT_BANDS);
    expect(res.rows).toEqual([]);
    expect(res.report.errors).toEqual([
      expect.stringMatching(
        /^Which column is Places\? column M \('RP places'\) and column N \('Special places'\) both fit it/,
      ),
    ]);
  });

  it("stops asking once a mapping answers for one of the two columns", () => {
    const proposed = proposeMapping(rows[0].map(String));
    const { choices } = withSaved(proposed, { "RP places": "keep" }, targetList(DEFAULT_BANDS, ["Places"]));
    expect(mappingErrors(choices)).toEqual([]);
    expect(choices.find((c) => c.header === "Special places")).toMatchObject({
      target: "Places",
      why: "the only column left for Places once the mapping chose",
    });
  });

  it("turns FSM % into pupils only times the number on roll, and says so", () => {
    expect(byHeader("FSM %")).toMatchObject({ target: "FSM", percent: true });
    const { result } = answered(rows);
    const fsm = result.header.indexOf("FSM");
    const name = result.header.indexOf("Name");
    const abbey = result.rows.find((r) => r[name] === "Abbey Road Primary School")!;
    expect(abbey[fsm]).toBe(Math.round(0.311 * 142)); // 31.1% of 142 on roll
    expect(result.report.notes).toContainEqual(
      expect.stringMatching(/^'FSM %' \(column F\) is a percentage: FSM = FSM % × number on roll \('NOR'\), rounded/),
    );
    // no roll: no pupils invented
    const holly = result.rows.find((r) => r[name] === "Hollybank Primary School")!;
    expect(holly[fsm]).toBeNull();
    expect(result.report.problems).toContainEqual({
      cell: "F9",
      message: expect.stringMatching(/percentage and the row \('Hollybank Primary School'\) has no number on roll/),
    });
  });

  it("refuses a percentage with no roll to multiply, in one line", () => {
    const choices = proposeMapping(["School", "Phase", "FSM %"]);
    expect(mappingErrors(choices)).toContainEqual(
      expect.stringMatching(/^Column C \('FSM %'\) is a percentage, not a count of FSM: .*no column is the roll/),
    );
    // a percentage beside a count of the same field gives way to the count
    const both = proposeMapping(["School", "Phase", "NOR", "FSM", "FSM %"]);
    expect(both[4]).toMatchObject({ target: KEEP });
    expect(both[4].why).toMatch(/column D \('FSM'\) gives as a count/);
    expect(mappingErrors(both)).toEqual([]);
    // a share of something that is not pupils is never a count
    expect(proposeMapping(["Occupied %"])[0]).toMatchObject({ target: KEEP });
  });

  it("checks Total EHCPs against the band columns on every row and never counts it", () => {
    expect(byHeader("Total EHCPs").target).toBe(EHCP_TOTAL_CHECK);
    expect(proposeMapping(["EHCP Band A", "EHCPs unbanded"])[1].target).toBe(UNBANDED_EHCP);
    expect(proposeMapping(["Total EHCPs"])[0].target).toBe(UNBANDED_EHCP); // no bands: it is the count
    const { result } = answered(rows);
    expect(result.header).not.toContain(UNBANDED_EHCP);
    expect(result.report.problems).toContainEqual({
      cell: "L22",
      message: expect.stringMatching(/^Total EHCPs says 10, the EHCP band columns add up to 9 \('Thornbury/),
    });
    expect(result.report.notes).toContainEqual(expect.stringMatching(/39 rows agree, 1 differs/));
  });

  it("names a repeated URN, a blank roll and every phase outside the catalogue with its row", () => {
    const { result } = answered(rows);
    expect(result.report.institutions).toBe(40);
    expect(result.report.skipped).toEqual([
      { row: 32, why: expect.stringMatching(/^repeats row 16 \('Oakfield Primary School'\) exactly \(URN 112415\)/) },
      { row: 43, why: expect.stringMatching(/totals row/) },
    ]);
    expect(result.report.problems).toContainEqual({
      cell: "E9",
      message: expect.stringMatching(
        /^Primary school \('Hollybank Primary School'\) with \d+ EHCPs in bands and no number on roll \(blank\): imported with 0 pupils/,
      ),
    });
    const allThrough = result.report.problems.find((p) => p.cell === "D38")!;
    expect(allThrough.message).toMatch(/'All-through' is not one phase of the model/);
    expect(allThrough.message).toMatch(/allocation shows #N\/A until its Phase is set/);
    expect(allThrough.message).not.toMatch(/Early Years/);
    expect(result.report.notes).toEqual(
      expect.arrayContaining([
        "Phase 'Middle deemed primary' read as Primary (row 30).",
        "Phase 'Middle deemed secondary' read as Secondary (row 37).",
        "Phase 'Nursery' read as Early Years (row 41).",
        "Phase 'PRU' read as AP (row 42).",
      ]),
    );
  });

  it("stops on one URN with two different rows: one school would be funded twice", () => {
    const grid: Cell[][] = [
      ["URN", "School", "Phase", "NOR"],
      [100, "Ash", "Primary", 200],
      [100, "Ash Primary", "Primary", 210],
    ];
    const res = applyMapping(grid, proposeMapping(grid[0].map(String)), DEFAULT_BANDS);
    expect(res.rows).toEqual([]);
    expect(res.report.errors[0]).toMatch(
      /^URN 100 is on row 2 \('Ash'\) and row 3 \('Ash Primary'\) with different figures/,
    );
  });

  it("suggests a phase only for a typing slip", () => {
    const grid: Cell[][] = [
      ["School", "Phase"],
      ["Ash", "Secondry"],
      ["Oak", "Academy converter"],
    ];
    const res = applyMapping(grid, proposeMapping(grid[0].map(String)), DEFAULT_BANDS);
    expect(res.report.problems[0].message).toMatch(
      /'Secondry' is not a phase the formula knows \(did you mean Secondary\?\)/,
    );
    expect(res.report.problems[1].message).not.toMatch(/did you mean/);
  });
});

describe("the same list as xlsx with a merged title row", () => {
  it("skips the merged title and reads the same 40 institutions", async () => {
    const rows = await csvRows();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Schools 2025-26");
    ws.addRow(["Schools block: school list for 2025-26 (October 2024 census)"]);
    ws.mergeCells(1, 1, 1, rows[0].length);
    for (const r of rows) ws.addRow(r.map((c) => (typeof c === "string" && /^\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const src = await readSource("council.xlsx", bytes);
    const sheet = src.sheets[0].rows;
    expect(sheet[0].slice(1).every((c) => c === null)).toBe(true); // merged cells read blank, as Excel shows them
    expect(findHeaderRow(sheet)).toBe(1);
    const { result } = answered(sheet);
    expect(result.report.headerRow).toBe(2);
    expect(result.report.institutions).toBe(40);
    expect(result.report.errors).toEqual([]);
  });

  it("finds the header under a title repeated across cells (a merged title read by another tool)", () => {
    const title = "Schools block 2025-26";
    expect(
      findHeaderRow([
        [title, title, title],
        ["School", "Phase", "NOR"],
      ]),
    ).toBe(1);
  });
});
