// `send-model publish`: a separate values-only file whose values are the recalculated model's.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { loadHost, snapshot } from "../../src/headless/io/bridge";
import { readXlsx } from "../../src/headless/xlsx";

const ROOT = path.join(__dirname, "../..");
const BIN = path.join(ROOT, "bin/send-model.js");
const run = (args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });

let dir: string;
let model: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "send-publish-"));
  const csv = path.join(dir, "schools.csv");
  fs.writeFileSync(
    csv,
    'Name,Phase,Pupils,FSM,Places,Notes\nAsh Primary,Primary,210,30,,=HYPERLINK("x")\nOak Special,Special,,,90,+44 1234\nElm,Primary,100,x,,-minus\n',
  );
  model = path.join(dir, "model.xlsx");
  expect(run(["import", csv, "--out", model, "-q"]).status).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("send-model publish", () => {
  it("writes every sheet as values only: no formulas, the recalculated values, formats and totals kept, formula-like text as text", async () => {
    const out = path.join(dir, "published.xlsx");
    const r = run(["publish", model, "--out", out, "-q"]);
    // Elm's FSM is 'x': its allocation is an error, published as such and named (issue 21: exit 3, never silently)
    expect(r.stderr).toBe(
      "send-model: Allocations!C4 shows #VALUE!: table row 3 ('Elm'): 'FSM' is not a number: 'x'.\n" +
        `send-model: 1 figure of ${out} is an error (exit code 3)\n`,
    );
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(
      /^Wrote .*published\.xlsx: Published summary, Rates, Institutions, Allocations, Checks, Import mapping \(values only, no formulas\)\.\nTotals:\n {2}Option A: /,
    );

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    let formulas = 0;
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.type === ExcelJS.ValueType.Formula) formulas++;
        }),
      ),
    );
    expect(formulas).toBe(0);

    const snaps = snapshot(loadHost(await readXlsx(model)));
    for (const s of snaps) {
      const ws = wb.getWorksheet(s.name)!;
      s.values.forEach((row, i) =>
        row.forEach((v, j) => {
          const got = ws.getCell(i + 1, j + 1).value;
          const want = v !== null && typeof v === "object" ? { error: v.error } : v === "" ? null : v;
          expect([`${s.name}!${i + 1},${j + 1}`, got ?? null]).toEqual([`${s.name}!${i + 1},${j + 1}`, want]);
        }),
      );
    }
    const inst = wb.getWorksheet("Institutions")!;
    const header = (inst.getRow(1).values as unknown[]).slice(1);
    const notes = header.indexOf("Notes") + 1;
    expect([2, 3, 4].map((r) => inst.getCell(r, notes).value)).toEqual(['=HYPERLINK("x")', "+44 1234", "-minus"]);
    // money formats from the model, and a bold formatted Total row under the option
    const alloc = wb.getWorksheet("Allocations")!;
    expect(alloc.getCell("C2").numFmt).toMatch(/#,##0\.00/);
    expect(alloc.getCell("A5").value).toBe("Total");
    expect(alloc.getCell("C5").numFmt).toBe("£#,##0.00");
    expect(alloc.getCell("C5").font?.bold).toBe(true);
    const summary = wb.getWorksheet("Published summary")!;
    const rows = summary.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(rows).toContainEqual(["Institutions", 3]);
  });

  it("refuses to write over its input", () => {
    const r = run(["publish", model, "--out", model]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/refusing to overwrite the input/);
  });
});
