// Issue 21 item 2: `plan` and `publish` isolate cells as `recalc` does (a cell the engine cannot take is an error in
// that cell, never a crash) and exit 3, naming the cells, when any figure they write is an error.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeXlsx, type RawCell } from "../../src/headless/xlsx";
import { RATES } from "../headless/functions/fixture";

const ROOT = path.join(__dirname, "../..");
const BIN = path.join(ROOT, "bin/send-model.js");
const DEEP = `=${"(".repeat(600)}1${")".repeat(600)}`;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "send-isolation-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });

describe("plan and publish isolate cells and name the errors they write", () => {
  test("publish: a too-deep cell is #VALUE! in its own cell, every other cell is published, exit 3 naming it", async () => {
    const model = path.join(dir, "deep.xlsx");
    await writeXlsx(model, [{ name: "S", cells: [[1, "=A1*2", DEEP]] }]);
    const out = path.join(dir, "deep.published.xlsx");
    const r = run(["publish", model, "--out", out, "--quiet"]);
    expect(r.stderr).toMatch(
      /send-model: S!C1 shows #VALUE!: the formula nests 600 levels of parentheses; Excel allows 64\n/,
    );
    expect(r.stderr).toMatch(/send-model: 1 figure of .*deep\.published\.xlsx is an error \(exit code 3\)\n$/);
    expect(r.stderr).not.toMatch(/internal error|call stack/i);
    expect(r.status).toBe(3);
    expect(fs.existsSync(out)).toBe(true);
  });

  test("plan: a too-deep cell in Rates is an error in that cell, the plan is written, exit 3 naming it", async () => {
    const rates: RawCell[][] = [...RATES.map((row) => [...row]), [], [DEEP]];
    const model = path.join(dir, "rates-deep.xlsx");
    await writeXlsx(model, [{ name: "Rates", cells: rates }]);
    const out = path.join(dir, "plan.xlsx");
    const r = run(["plan", model, "--out", out, "--quiet"]);
    const deepCell = `Rates!A${rates.length}`;
    expect(r.stderr).toContain(`send-model: ${deepCell} shows #VALUE!: the formula nests 600 levels of parentheses`);
    expect(r.stderr).not.toMatch(/internal error|call stack/i);
    expect(r.status).toBe(3);
    expect(fs.existsSync(out)).toBe(true);
  });
});
