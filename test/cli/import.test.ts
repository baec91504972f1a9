// `send-model import` as a user runs it, in a child process.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";

const ROOT = path.join(__dirname, "../..");
const BIN = path.join(ROOT, "bin/send-model.js");
const FIXTURE = path.join(ROOT, "test/import/fixtures/officer-schools.csv");
const COUNCIL = path.join(ROOT, "test/import/fixtures/council-40-schools.csv");

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function sheetRows(file: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  const rows: unknown[][] = [];
  ws.eachRow((r, i) => {
    rows[i - 1] = (r.values as unknown[]).slice(1);
  });
  return rows;
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "send-import-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("send-model import", () => {
  it("maps officer-style headers, prints the mapping and kept columns, and writes a model with every institution", async () => {
    const out = path.join(dir, "model.xlsx");
    const r = run(["import", FIXTURE, "--out", out, "-q"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/D +NOR \(Oct 2024\) +-> Pupils \(by phase\)/);
    expect(r.stdout).toMatch(/J +Band 3 EHCPs +-> EHCP Band 3/);
    expect(r.stdout).toMatch(/Columns not mapped[^\n]*: 2\n {2}L 'LAESTAB'\n {2}M 'Notes'/);
    expect(r.stdout).toMatch(/Counts the formula will not use:\n {2}NOR \(Oct 2024\) at Special \(2\): D26, D27/);
    expect(r.stdout).toMatch(/Wrote .*model\.xlsx: 30 institutions/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const table = book.getWorksheet("Institutions")!.getTable("Institutions") as unknown as {
      table: { tableRef: string };
    };
    expect(table.table.tableRef).toMatch(/^A1:[A-Z]+31$/);
    const inst = await sheetRows(out, "Institutions");
    expect(inst).toHaveLength(31);
    expect(inst[0]).toEqual(
      expect.arrayContaining(["Name", "Phase", "EHCP Band 3", "LAESTAB", "Notes", "NOR (Oct 2024)"]),
    );
    const alloc = await sheetRows(out, "Allocations");
    expect(alloc[0]).toEqual(["Name", "Phase", "Option A"]);
    expect(alloc).toHaveLength(31);
    const mapping = await sheetRows(out, "Import mapping");
    expect(mapping[0]).toEqual(["Header in the file", "Imported as", "Column", "Why"]);
    expect(mapping).toContainEqual(["FSM Ever 6", "FSM6", "E", "a listed name for FSM6"]);
  });

  it("follows a --mapping file and refuses one that names no field", () => {
    const map = path.join(dir, "map.json");
    fs.writeFileSync(map, JSON.stringify({ "Number of places": "keep", Notes: "keep" }));
    const out = path.join(dir, "mapped.xlsx");
    const r = run(["import", FIXTURE, "--mapping", map, "--out", out, "-q"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/K +Number of places +-> Keep as is/);
    fs.writeFileSync(map, JSON.stringify({ Notes: "Notez" }));
    const bad = run(["import", FIXTURE, "--mapping", map, "--out", path.join(dir, "bad.xlsx"), "-q"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/'Notes' -> 'Notez' is not a field/);
    expect(fs.existsSync(path.join(dir, "bad.xlsx"))).toBe(false);
  });

  it("names every bad cell, and writes nothing when no column is the phase", () => {
    const csv = path.join(dir, "bad.csv");
    fs.writeFileSync(csv, "School,Kind,Pupils,FSM\nAsh,Primary,twelve,3\nBeech,Primary,200,x\n");
    const r = run(["import", csv, "--out", path.join(dir, "none.xlsx"), "-q"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/B +Kind +-> Keep as is/);
    expect(r.stdout).toMatch(/No column is mapped to Phase/);
    expect(fs.existsSync(path.join(dir, "none.xlsx"))).toBe(false);
    const map = path.join(dir, "kind.json");
    fs.writeFileSync(map, JSON.stringify({ Kind: "Phase" }));
    const ok = run(["import", csv, "--mapping", map, "--out", path.join(dir, "some.xlsx"), "-q"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("C2: 'twelve' is not a number (Pupils -> Pupils (by phase))");
    expect(ok.stdout).toContain("D3: 'x' is not a number (FSM -> FSM)");
  });

  it("refuses a missing file and an --out that is the input", () => {
    expect(run(["import", path.join(dir, "nope.csv"), "--out", path.join(dir, "x.xlsx")]).stderr).toMatch(
      /file not found/,
    );
    const r = run(["import", FIXTURE, "--out", FIXTURE]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refusing to overwrite the input/);
  });

  it("asks which column is Places before writing, then ends with how the allocations stand", () => {
    const out = path.join(dir, "council.xlsx");
    const asked = run(["import", COUNCIL, "--out", out, "-q"]);
    expect(asked.code).toBe(1);
    expect(asked.stdout).toMatch(/Which column is Places\? column M \('RP places'\) and column N \('Special places'\)/);
    expect(fs.existsSync(out)).toBe(false);
    const map = path.join(dir, "council.json");
    fs.writeFileSync(map, JSON.stringify({ "RP places": "keep", "Special places": "Places" }));
    const r = run(["import", COUNCIL, "--mapping", map, "--out", out, "-q"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/F +FSM % +-> FSM +\(a percentage of pupils/);
    expect(r.stdout).toMatch(/L +Total EHCPs +-> EHCP total \(check only\)/);
    expect(r.stdout).toMatch(/row 32: repeats row 16/);
    const last = r.stdout.trim().split("\n").pop();
    expect(last).toMatch(
      /^40 institutions, 40 allocations in error under Option A: top-up rates missing for bands A-E \(set them on the Rates sheet\); #VALUE! .*unknown phase 'All-through'\.$/,
    );
    // publishing a model whose every allocation is an error writes the file and exits 4, saying why
    const pub = path.join(dir, "council-published.xlsx");
    const p = run(["publish", out, "--out", pub, "-q"]);
    expect(p.code).toBe(4);
    expect(fs.existsSync(pub)).toBe(true);
    expect(p.stderr).toMatch(
      /^send-model: 40 institutions, 40 allocations in error under Option A: top-up rates missing/,
    );
  });
});

describe("send-model import onto an existing model: nothing lost", () => {
  it("refuses without --update or --force, and refuses to write over the --mapping file", () => {
    const out = path.join(dir, "kept.xlsx");
    fs.writeFileSync(out, "the officer's work");
    const r = run(["import", FIXTURE, "--out", out, "-q"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/kept\.xlsx exists: nothing written\. Use --update .* or --force/);
    expect(fs.readFileSync(out, "utf8")).toBe("the officer's work");
    const map = path.join(dir, "same.json");
    fs.writeFileSync(map, "{}");
    const m = run(["import", FIXTURE, "--mapping", map, "--out", map, "--force", "-q"]);
    expect(m.code).toBe(1);
    expect(m.stderr).toMatch(/refusing to overwrite the input file .*same\.json/);
    expect(fs.readFileSync(map, "utf8")).toBe("{}");
  });

  it("--update replaces the institutions and keeps every other sheet, rate, option and format", async () => {
    const out = path.join(dir, "worked.xlsx");
    expect(run(["import", FIXTURE, "--out", out, "-q"]).code).toBe(0);
    // the officer's work: a typed rate, a second option, a sheet of their own reading the table, a styled cell
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rates = wb.getWorksheet("Rates")!;
    const header = rates.getRow(1).values as unknown[];
    const optA = header.indexOf("Option A");
    const optB = header.length;
    rates.getCell(1, optB).value = "Option B";
    let band2 = 0;
    rates.eachRow((row, i) => {
      if (row.getCell(1).value === "topup.mainstream.band2") band2 = i;
    });
    rates.getCell(band2, optA).value = 5000;
    rates.getCell(band2, optB).value = 6000;
    rates.getCell(band2, optA).font = { bold: true };
    const mine = wb.addWorksheet("My notes");
    mine.getCell("A1").value = { formula: "ROWS(Institutions!$A$1:$P$31)", result: 31 } as ExcelJS.CellFormulaValue;
    await wb.xlsx.writeFile(out);

    const map = path.join(dir, "council-update.json");
    fs.writeFileSync(map, JSON.stringify({ "RP places": "keep", "Special places": "Places" }));
    const r = run(["import", COUNCIL, "--mapping", map, "--out", out, "--update", "-q"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Updated .*worked\.xlsx: institutions replaced \(40 now\); every other sheet, rate and option kept\./,
    );
    expect(r.stdout).toMatch(/My notes: 1 formula now read the new table\./);
    expect(r.stdout).toMatch(/New blank rate rows .*topup\.mainstream\.banda/);
    expect(r.stdout).not.toMatch(/Option 'Option B'/);

    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(out);
    expect(after.worksheets.map((w) => w.name)).toEqual([
      "Rates",
      "Institutions",
      "Allocations",
      "Checks",
      "Import mapping",
      "My notes",
    ]);
    const ratesAfter = after.getWorksheet("Rates")!;
    expect(ratesAfter.getCell(1, optB).value).toBe("Option B");
    expect(ratesAfter.getCell(band2, optA).value).toBe(5000);
    expect(ratesAfter.getCell(band2, optB).value).toBe(6000);
    expect(ratesAfter.getCell(band2, optA).font?.bold).toBe(true);
    const inst = after.getWorksheet("Institutions")!;
    const table = inst.getTable("Institutions") as unknown as { table: { tableRef: string } };
    expect(table.table.tableRef).toMatch(/^A1:[A-Z]+41$/);
    expect(inst.getCell("A41").value).toBe("Horizons Pupil Referral Unit");
    const alloc = await sheetRows(out, "Allocations");
    expect(alloc).toHaveLength(41);
    expect(String((after.getWorksheet("My notes")!.getCell("A1").value as { formula: string }).formula)).toMatch(
      /Institutions!\$A\$1:\$[A-Z]+\$41/,
    );
  });

  it("--force replaces the whole file and says what it held that is gone", async () => {
    const out = path.join(dir, "forced.xlsx");
    expect(run(["import", FIXTURE, "--out", out, "-q"]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.addWorksheet("Compare").getCell("A1").value = "my comparison";
    await wb.xlsx.writeFile(out);
    const r = run(["import", FIXTURE, "--out", out, "--force", "-q"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Replaced the whole of .*forced\.xlsx \(--force\):\n {2}Sheet 'Compare' was deleted \(1 filled cell\)\./,
    );
  });
});
