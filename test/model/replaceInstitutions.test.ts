import { NotAModel, replaceInstitutions } from "../../src/model/replaceInstitutions";
import { bookChanges, type BookSheet } from "../../src/model/overwriteWords";
import { planReplaceInstitutions } from "../../src/model/replaceInstitutionsPlan";

const rates: BookSheet = {
  name: "Rates",
  cells: [
    ["Factor", "Description", "Unit", "Source", "National", "Option A", "Option B"],
    ["topup.mainstream.band1", "Top-up", "£/pupil", null, null, 4000, 4500],
  ],
};
const alloc = (i: number, opt: string) =>
  `=SEND.ALLOCATE(Rates!$A$1:$Z$200,"${opt}",Institutions!$A$1:$C$1,Institutions!A${i + 1}:C${i + 1})`;
const model: BookSheet[] = [
  rates,
  {
    name: "Institutions",
    cells: [
      ["Name", "Phase", "EHCP Band 1"],
      ["Ash", "Primary", 2],
      ["Oak", "Primary", 1],
    ],
  },
  {
    name: "Allocations",
    cells: [
      ["Name", "Phase", "Option A", "Option B"],
      ['=Institutions!A2&""', '=Institutions!B2&""', alloc(1, "Option A"), alloc(1, "Option B")],
      ['=Institutions!A3&""', '=Institutions!B3&""', alloc(2, "Option A"), alloc(2, "Option B")],
    ],
  },
  { name: "Checks", cells: [['=SEND.CHECK(Rates!$A$1:$Z$200,"",Institutions!$A$1:$C$3)']] },
  { name: "Notes", cells: [["kept", "=ROWS(Institutions!$A$1:$C$3)", "=Institutions!$A$1:$C$30"]] },
];
const table = {
  header: ["Name", "Phase", "EHCP Band 1", "EHCP Band A"],
  rows: [
    ["Ash", "Primary", 2, 0],
    ["Oak", "Primary", 1, 1],
    ["Elm", "Secondary", 0, 3],
  ],
};

describe("replacing institutions only", () => {
  const rep = replaceInstitutions(model, table, [
    { key: "topup.mainstream.band1", description: "x", unit: "£/pupil", section: "Top-up" },
    { key: "topup.mainstream.banda", description: "Top-up A", unit: "£/pupil", section: "Top-up" },
  ]);
  const by = (n: string) => rep.sheets.find((s) => s.name === n)!;

  it("rebuilds Allocations for the new rows under the same options, reading the same rates", () => {
    expect(rep.options).toEqual(["Option A", "Option B"]);
    expect(rep.tableRange).toBe("A1:D4");
    const a = by("Allocations").cells;
    expect(a).toHaveLength(4);
    // the per-cell model is rebuilt in the spilled layout: one SEND.ALLOCATEALL per option over the new table
    expect(a[1][3]).toBe('=SEND.ALLOCATEALL(Rates!$A$1:$Z$200,"Option B",Institutions!$A$1:$D$4)');
    expect(a[3]).toEqual(['=Institutions!A4&""', '=Institutions!B4&""']);
    expect(by("Institutions").cells[3]).toEqual(["Elm", "Secondary", 0, 3]);
  });

  it("gives the pane's plan the same Institutions and Allocations sheets as the CLI's --update", () => {
    const plan = planReplaceInstitutions({
      names: { rates: "Rates", institutions: "Institutions", allocations: "Allocations", checks: "Checks" },
      ratesRef: "Rates!$A$1:$Z$200",
      allocationOptions: rep.options,
      tableName: "Institutions",
      header: table.header,
      rows: table.rows,
    });
    const planned = (role: string) => plan.sheets.find((s) => s.role === role)!.rows;
    expect(planned("institutions")).toEqual(by("Institutions").cells);
    expect(planned("allocations")).toEqual(by("Allocations").cells);
    expect(plan.table.range).toBe(rep.tableRange);
  });

  it("reads a spilled Allocations sheet the same way, and never takes the Blocks sheet's spills for it", () => {
    const all = (opt: string, block = "") =>
      `=SEND.ALLOCATEALL(Rates!$A$1:$Z$200,"${opt}",Institutions!$A$1:$C$3${block && `,"${block}"`})`;
    const spilled = model.map((s) =>
      s.name === "Allocations"
        ? {
            name: "Allocations",
            cells: [
              ["Name", "Phase", "Option A", "Option B"],
              ['=Institutions!A2&""', '=Institutions!B2&""', all("Option A"), all("Option B")],
              ['=Institutions!A3&""', '=Institutions!B3&""'],
            ],
          }
        : s,
    );
    const blocks: BookSheet = {
      name: "Blocks",
      cells: [
        ["Name", "Phase", "Option A: Schools"],
        ['=Institutions!A2&""', '=Institutions!B2&""', all("Option A", "Schools")],
      ],
    };
    const again = replaceInstitutions([blocks, ...spilled], table);
    expect(again.names.allocations).toBe("Allocations");
    expect(again.options).toEqual(["Option A", "Option B"]);
    const a = again.sheets.find((s) => s.name === "Allocations")!.cells;
    expect(a[1][2]).toBe('=SEND.ALLOCATEALL(Rates!$A$1:$Z$200,"Option A",Institutions!$A$1:$D$4)');
    expect(again.sheets.find((s) => s.name === "Blocks")!.cells[1][2]).toBe(
      '=SEND.ALLOCATEALL(Rates!$A$1:$Z$200,"Option A",Institutions!$A$1:$D$4,"Schools")',
    );
  });

  it("keeps every rate and option, appending only the rows new bands need, and re-points formulas elsewhere", () => {
    const r = by("Rates").cells;
    expect(r.slice(0, 2)).toEqual(rates.cells);
    expect(r.slice(2).map((x) => x[0])).toEqual([null, "topup.mainstream.banda"]);
    expect(rep.addedKeys).toEqual(["topup.mainstream.banda"]);
    expect(by("Checks").cells[0][0]).toBe('=SEND.CHECK(Rates!$A$1:$Z$200,"",Institutions!$A$1:$D$4)');
    expect(by("Notes").cells[0]).toEqual(["kept", "=ROWS(Institutions!$A$1:$D$4)", "=Institutions!$A$1:$D$4"]);
    expect(rep.repointed).toEqual([
      { sheet: "Checks", formulas: 1 },
      { sheet: "Notes", formulas: 2 },
    ]);
    expect(bookChanges(model, rep.sheets).optionsDeleted).toEqual([]);
  });

  it("refuses a workbook that is no model, and a table with no Phase", () => {
    expect(() => replaceInstitutions([{ name: "Sheet1", cells: [["a", "b"]] }], table)).toThrow(NotAModel);
    expect(() => replaceInstitutions(model, { header: ["Name"], rows: [["Ash"]] })).toThrow(/no Phase column/);
  });
});

describe("what an overwrite would change, in words", () => {
  it("names deleted options with their typed rates, deleted and new sheets, and counts changed cells", () => {
    const after: BookSheet[] = [
      { name: "Rates", cells: [rates.cells[0].slice(0, 6), rates.cells[1].slice(0, 6)] },
      {
        name: "Institutions",
        cells: [
          ["Name", "Phase"],
          ["Ash", "Primary"],
        ],
      },
      { name: "Import mapping", cells: [["Header in the file"]] },
    ];
    const s = bookChanges(model, after);
    expect(s.lines).toEqual([
      "Option 'Option B' would be deleted, with its 1 typed rate (Rates).",
      "Sheet 'Allocations' would be deleted (12 filled cells).",
      "Sheet 'Checks' would be deleted (1 filled cell).",
      "Sheet 'Notes' would be deleted (3 filled cells).",
      "New sheets: Import mapping.",
      "Sheet 'Rates': 2 cells would change.",
      "Sheet 'Institutions': 5 cells would change.",
    ]);
    expect(bookChanges(model, model).lines).toEqual([]);
    expect(bookChanges(model, after, true).lines[0]).toBe(
      "Option 'Option B' was deleted, with its 1 typed rate (Rates).",
    );
  });
});
