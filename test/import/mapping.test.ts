import fs from "node:fs";
import path from "node:path";
import {
  EHCP_TOTAL_CHECK,
  KEEP,
  mappingErrors,
  proposeMapping,
  savedMapping,
  targetList,
  withSaved,
} from "../../src/import/mapping";
import { applyMapping, readPhase } from "../../src/import/apply";
import { readSource } from "../../src/import/source";
import { PUPILS_BY_PHASE } from "../../src/import/synonyms";
import { DEFAULT_BANDS } from "../../src/model/institutions";
import { readTable } from "../../src/engine/fields";
import { SendError } from "../../src/engine/errors";
import type { Cell } from "../../src/engine/types";

const targets = (header: string[]) => Object.fromEntries(proposeMapping(header).map((c) => [c.header, c.target]));

describe("proposing a mapping", () => {
  it("maps officer-style headers through the synonym list and band patterns", () => {
    expect(
      targets([
        "Establishment name",
        "URN",
        "Phase of education",
        "NOR (Oct 2024)",
        "FSM Ever 6",
        "Free school meals",
        "Band 3 EHCPs",
        "EHCP_band_1",
        "Top-up band 2",
        "Number of EHCPs",
        "SEN support",
        "IDACI band C",
        "SENIF hours band 1",
        "Commissioned places",
      ]),
    ).toEqual({
      "Establishment name": "Name",
      URN: "URN",
      "Phase of education": "Phase",
      "NOR (Oct 2024)": PUPILS_BY_PHASE,
      "FSM Ever 6": "FSM6",
      "Free school meals": "FSM",
      "Band 3 EHCPs": "EHCP Band 3",
      EHCP_band_1: "EHCP Band 1",
      "Top-up band 2": "EHCP Band 2",
      "Number of EHCPs": EHCP_TOTAL_CHECK,
      "SEN support": "SEN Support",
      "IDACI band C": "IDACI C",
      "SENIF hours band 1": "SENIF Band 1",
      "Commissioned places": "Places",
    });
  });

  it("keeps the contract's own headers, custom band labels included", () => {
    const h = [
      "Name",
      "Phase",
      "Primary Pupils",
      "KS3 Pupils",
      "KS4 Pupils",
      "IDACI A",
      "EHCP Severe",
      "SENIF Band 2",
      "Months",
    ];
    expect(proposeMapping(h).map((c) => c.target)).toEqual(h);
    expect(proposeMapping(h).every((c) => c.confidence >= 0.9)).toBe(true);
  });

  it("proposes near spellings with a confidence below 1, and keeps what it does not recognise", () => {
    const [typo, unknown, known] = proposeMapping(["Free schol meals", "Colour of the front door", "LAESTAB"]);
    expect(typo.target).toBe("FSM");
    expect(typo.confidence).toBeGreaterThan(0.75);
    expect(typo.confidence).toBeLessThan(1);
    expect(typo.why).toMatch(/looks like/);
    expect(unknown).toMatchObject({ target: KEEP, confidence: 0, why: "not recognised" });
    expect(known).toMatchObject({ target: KEEP, confidence: 1 });
  });

  it("asks which column when two fit one field, and is never sure of either", () => {
    const choices = proposeMapping(["Free schol meals", "FSM"]);
    const [a, b] = choices;
    expect([a.target, b.target]).toEqual(["FSM", "FSM"]);
    expect(Math.max(a.confidence, b.confidence)).toBeLessThanOrEqual(0.5);
    expect(a.why).toMatch(/so does column B \('FSM'\): which one\?/);
    expect(mappingErrors(choices)[0]).toMatch(
      /^Which column is FSM\? column A \('Free schol meals'\) and column B \('FSM'\) both fit it/,
    );
  });

  it("reports conflicting and missing choices the officer made", () => {
    const choices = proposeMapping(["Name", "FSM", "Free school meals"]).map((c) => ({
      ...c,
      target: c.header === "Name" ? "Name" : "FSM",
    }));
    const errors = mappingErrors(choices);
    expect(errors[0]).toMatch(
      /Which column is FSM\? column B \('FSM'\) and column C \('Free school meals'\) both fit it/,
    );
    expect(errors[1]).toMatch(/No column is mapped to Phase/);
  });

  it("proposes a remembered mapping first, and a saved mapping overrides with checked targets", () => {
    const remembered = proposeMapping(["Pupils", "Kids with plans"], { "Kids with plans": "EHCP Band 2" });
    expect(remembered[1]).toMatchObject({ target: "EHCP Band 2", why: "as in the last import" });
    const allowed = targetList(DEFAULT_BANDS);
    const r = withSaved(
      proposeMapping(["Pupils", "Notes"]),
      { pupils: "Primary Pupils", Notes: "keep", Missing: "FSM" },
      allowed,
    );
    expect(r.choices.map((c) => c.target)).toEqual(["Primary Pupils", KEEP]);
    expect(r.missing).toEqual(["Missing"]);
    expect(withSaved(proposeMapping(["Pupils"]), { Pupils: "Pupilz" }, allowed).errors[0]).toMatch(
      /'Pupils' -> 'Pupilz' is not a field/,
    );
    expect(savedMapping(r.choices)).toEqual({ Pupils: "Primary Pupils", Notes: KEEP });
  });

  it("reads phases as files write them", () => {
    expect(
      [
        "Middle deemed primary",
        "PRU",
        "16 plus",
        "Community special school",
        "Nursery",
        "resource base",
        "Secondary",
      ].map(readPhase),
    ).toEqual(["Primary", "AP", "FE", "Special", "Early Years", "Resource Base", "Secondary"]);
    expect(readPhase("All-through")).toBeNull();
  });
});

describe("applying a mapping", () => {
  const grid: Cell[][] = [
    ["School census extract, October 2024"],
    [],
    ["School", "Phase", "NOR", "FSM", "Band 3 EHCPs", "Places", "Colour", "", "FSM"],
    ["Ash Primary", "Primary", "210", "twelve", 2, 8, "red", null, 3],
    [null, null, null, null, null, null, null, null, null],
    ["Beech High", "Secondary", "1,000", "£120", "-1", null, "blue", "stray", null],
    ["Oak Special", "Special school", 90, null, 30, 90, null, null, null],
    ["Elm", "All-through", 5, 1, 0, 0, null, null, null],
    ["Total", null, 1305, 132, 31, 98, null, null, 3],
  ];
  const choices = proposeMapping(grid[2] as string[]);
  const res = applyMapping(grid, choices, DEFAULT_BANDS);

  it("finds the header under title rows and writes one row per institution, blanks and totals left out and said", () => {
    expect(res.report.headerRow).toBe(3);
    expect(res.report.errors).toEqual([]);
    expect(res.rows.map((r) => r[0])).toEqual(["Ash Primary", "Beech High", "Oak Special", "Elm"]);
    expect(res.report.skipped).toEqual([{ row: 9, why: expect.stringMatching(/totals row \('Total'\)/) }]);
    expect(res.report.notes).toEqual(
      expect.arrayContaining(["1 blank row left out.", expect.stringMatching(/split 3:2/)]),
    );
  });

  it("gives every bad cell its address, and keeps its text so the formula shows the error too", () => {
    expect(res.report.problems).toEqual([
      { cell: "D4", message: "'twelve' is not a number (FSM -> FSM)" },
      { cell: "E6", message: "-1 is negative: a count cannot be" },
      {
        cell: "B8",
        message: expect.stringMatching(/'All-through' is not one phase of the model: an all-through school/),
      },
    ]);
    const fsm = res.header.indexOf("FSM");
    expect(res.rows[0][fsm]).toBe("twelve");
    expect(res.rows[1][fsm]).toBe(120);
  });

  it("splits NOR by phase, keeps NOR itself, and reports counts the formula will not use", () => {
    const col = (h: string) => res.header.indexOf(h);
    expect([
      res.rows[0][col("Primary Pupils")],
      res.rows[1][col("KS3 Pupils")],
      res.rows[1][col("KS4 Pupils")],
    ]).toEqual([210, 600, 400]);
    expect(res.rows[2][col("NOR")]).toBe(90);
    expect(res.report.unused).toEqual(
      expect.arrayContaining([
        { field: "Places", phase: "Primary", cells: ["F4"] },
        { field: "NOR", phase: "Special", cells: ["C7"] },
      ]),
    );
  });

  it("keeps unmapped columns (renamed when the formula would read them) and a headerless column with data", () => {
    expect(res.report.kept.map((k) => [k.letter, k.header, k.as])).toEqual([
      ["G", "Colour", "Colour"],
      ["I", "FSM", "Source FSM"],
      ["H", "", "Source column H"],
    ]);
    expect(res.rows[1][res.header.indexOf("Source column H")]).toBe("stray");
    expect(res.report.notes).toEqual(
      expect.arrayContaining([expect.stringMatching(/Column H has data but no header/)]),
    );
  });

  it("produces a table the engine reads, with the kept columns ignored", () => {
    const rows = readTable([res.header, ...res.rows]);
    expect(rows).not.toBeInstanceOf(SendError);
    const [ash, beech, oak] = rows as Exclude<typeof rows, SendError>;
    expect(ash.institution).toBeInstanceOf(SendError); // 'twelve'
    expect(beech.institution).toBeInstanceOf(SendError); // -1 EHCPs
    expect(oak.institution).not.toBeInstanceOf(SendError);
  });

  it("refuses to import with conflicting choices and writes nothing", () => {
    const bad = choices.map((c) => (c.header === "Colour" ? { ...c, target: "FSM" } : c));
    const r = applyMapping(grid, bad, DEFAULT_BANDS);
    expect(r.rows).toEqual([]);
    expect(r.report.errors[0]).toMatch(/Which column is FSM\?/);
  });
});

describe("the officer-style fixture", () => {
  it("maps every column of 30 schools and imports them all", async () => {
    const bytes = fs.readFileSync(path.join(__dirname, "fixtures", "officer-schools.csv"));
    const src = await readSource("officer-schools.csv", bytes);
    const rows = src.sheets[0].rows;
    const choices = proposeMapping(rows[0] as string[]);
    expect(choices.filter((c) => c.target === KEEP).map((c) => c.header)).toEqual(["LAESTAB", "Notes"]);
    const res = applyMapping(rows, choices, DEFAULT_BANDS);
    expect(res.report.institutions).toBe(30);
    expect(res.report.problems).toEqual([]);
    expect(res.report.errors).toEqual([]);
  });
});

describe("the README's Institutions section", () => {
  it("lists every field and every accepted spelling the mapper uses", () => {
    const { FIELD_SYNONYMS, KNOWN_UNUSED, PHASE_SYNONYMS } = jest.requireActual(
      "../../src/import/synonyms",
    ) as typeof import("../../src/import/synonyms");
    const readme = fs.readFileSync(path.join(__dirname, "../../README.md"), "utf8");
    const section = readme.slice(
      readme.indexOf("## Institutions: headers and import"),
      readme.indexOf("## Command line"),
    );
    const missing: string[] = [];
    for (const [field, words] of Object.entries(FIELD_SYNONYMS))
      for (const w of [field, ...words]) if (!section.includes(`\`${w}\``)) missing.push(w);
    for (const w of [...KNOWN_UNUSED, ...Object.values(PHASE_SYNONYMS).flat()])
      if (!section.includes(`\`${w}\``)) missing.push(w);
    expect(missing).toEqual([]);
  });
});

describe("reading the officer's file", () => {
  it("reads an xlsx sheet's values (formula results, rich text, dates) and finds the header under a title", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").getCell("A1").value = "read me";
    const ws = wb.addWorksheet("Schools");
    ws.getCell("A1").value = "APT school list 2025-26";
    ws.addRow([]);
    ws.addRow(["School name", "Phase", "NOR", "Opened"]);
    ws.addRow([
      { richText: [{ text: "Ash " }, { text: "Primary" }] },
      "Primary",
      { formula: "200+10", result: 210 },
      new Date(Date.UTC(2001, 8, 1)),
    ]);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const src = await readSource("apt.xlsx", bytes);
    expect(src.sheets.map((s) => s.name)).toEqual(["Notes", "Schools"]);
    const rows = src.sheets[1].rows;
    expect(rows[3]).toEqual(["Ash Primary", "Primary", 210, "2001-09-01"]);
    const res = applyMapping(rows, proposeMapping(rows[2] as string[]), DEFAULT_BANDS);
    expect(res.report.headerRow).toBe(3);
    expect(res.rows[0][res.header.indexOf("Primary Pupils")]).toBe(210);
    expect(res.report.kept.map((k) => k.header)).toEqual(["Opened"]);
  });

  it("reads a CSV saved by Excel as Windows-1252 and says so, and refuses a legacy .xls", async () => {
    const bytes = Uint8Array.from([
      ...Buffer.from("Name,Phase\nSt Thomas", "latin1"),
      0xe0,
      ...Buffer.from(",Primary\n", "latin1"),
    ]);
    const src = await readSource("schools.csv", bytes);
    expect(src.sheets[0].rows[1]).toEqual(["St Thomasà", "Primary"]);
    expect(src.errors[0]).toMatch(/not UTF-8: read as Windows-1252/);
    await expect(readSource("old.xls", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0]))).rejects.toThrow(/legacy \.xls/);
  });
});
