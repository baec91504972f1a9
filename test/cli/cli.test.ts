// The send-model CLI as a user runs it: `node bin/send-model.js …` in a child process.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkGolden, type GoldenDef } from "../../src/headless/io/golden";
import type { CellResult } from "../../src/headless/xlsx";
import { parseCellOrThrow } from "../../src/util/a1";

const ROOT = path.join(__dirname, "../..");
const BIN = path.join(ROOT, "bin/send-model.js");
const GOLDEN = path.join(ROOT, "test/golden");

function run(args: string[], cwd = ROOT): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "send-cli-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("help", () => {
  it("describes every command and exits 0", () => {
    const top = run(["--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/Usage: send-model/);
    expect(top.stdout).toMatch(/recalc \[options\] <input>/);
    expect(top.stdout).toMatch(/demo \[options\]/);
    for (const cmd of ["recalc", "demo"]) {
      const r = run([cmd, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: send-model ${cmd}`);
      expect(r.stdout).toContain("--out");
    }
    expect(run(["recalc", "--help"]).stdout).toContain("--json");
  });

  it("fails with usage for no command, an unknown command or a missing input", () => {
    for (const args of [[], ["frobnicate"], ["recalc"]]) {
      const r = run(args);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).not.toBe("");
    }
  });
});

describe("recalc --json", () => {
  it("prints only one JSON object: every formula and spilled cell, in sheet then row order, as worked by hand", () => {
    const r = run(["recalc", path.join(GOLDEN, "spills.xlsx"), "--json"]);
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.stdout) as Record<string, CellResult>;
    const keys = Object.keys(parsed);
    expect(keys.slice(0, 4)).toEqual(["Calc!A1", "Calc!B1", "Calc!C1", "Calc!E1"]);
    const order = keys.map((k) => {
      const { row, col } = parseCellOrThrow(k.slice("Calc!".length));
      return row * 100 + col;
    });
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const def = JSON.parse(fs.readFileSync(path.join(GOLDEN, "spills.json"), "utf8")) as GoldenDef;
    expect(checkGolden(def, new Map(Object.entries(parsed)))).toEqual([]);
    expect(parsed["Calc!C9"]).toMatchObject({ error: "#NUM!" });
    expect(r.stderr).toMatch(/evaluated \d+ formula and spilled cells/); // progress goes to stderr
  });

  it("exits 0 when cells hold errors (they are results), with each error and its message", () => {
    const r = run(["-q", "recalc", path.join(GOLDEN, "errors.xlsx"), "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const parsed = JSON.parse(r.stdout) as Record<string, CellResult>;
    expect(parsed["Calc!A1"]).toBe(16000);
    expect(parsed["Calc!A2"]).toEqual({ error: "#N/A", message: expect.stringContaining("topup.mainstream.band3") });
  });
});

describe("recalc: bad input files", () => {
  const cases: [string, () => string, RegExp][] = [
    ["a missing file", () => path.join(dir, "missing.xlsx"), /^send-model: file not found: .*missing\.xlsx\n$/],
    [
      "a text file",
      () => {
        const f = path.join(dir, "table.csv");
        fs.writeFileSync(f, "Name,Phase\nA,Primary\n");
        return f;
      },
      /^send-model: not an xlsx workbook .*table\.csv\n$/,
    ],
    [
      "a corrupt xlsx",
      () => {
        const f = path.join(dir, "broken.xlsx");
        fs.writeFileSync(f, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(200, 1)]));
        return f;
      },
      /^send-model: could not read .*broken\.xlsx as an xlsx workbook: .+\n$/,
    ],
    ["a folder", () => dir, /^send-model: cannot read .+: it is a folder, not a regular file\n$/],
  ];
  it.each(cases)("%s: exit 1, one clear line on stderr, nothing on stdout", (_name, make, message) => {
    const r = run(["-q", "recalc", make(), "--json"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
  });
});

describe("recalc --out", () => {
  it("refuses to write over its input, however the path is spelt, and leaves it untouched", () => {
    const input = path.join(dir, "in.xlsx");
    fs.copyFileSync(path.join(GOLDEN, "allocate.xlsx"), input);
    const before = fs.readFileSync(input);
    for (const out of [input, path.join(dir, ".", "in.xlsx"), path.join("..", path.basename(dir), "in.xlsx")]) {
      const r = run(["-q", "recalc", input, "--out", out], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^send-model: refusing to overwrite the input file .*in\.xlsx: choose another --out\n$/);
    }
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  it("writes a recalculated workbook that recalculates to the same values, and no temporary files", () => {
    const out = path.join(dir, "out", "recalculated.xlsx");
    fs.mkdirSync(path.dirname(out));
    const first = run(["-q", "recalc", path.join(GOLDEN, "allocate.xlsx"), "--out", out, "--json"]);
    expect(first.code).toBe(0);
    expect(fs.readdirSync(path.dirname(out))).toEqual(["recalculated.xlsx"]);
    const second = run(["-q", "recalc", out, "--json"]);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
  });

  it("without --json or --out prints a one-line summary", () => {
    const r = run(["-q", "recalc", path.join(GOLDEN, "errors.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /errors\.xlsx: \d+ formula and spilled cells evaluated in 4 sheets, \d+ showing an error\./,
    );
  });
});

describe("demo", () => {
  it("writes the workbook and the report into the folder, creating it", () => {
    const out = path.join(dir, "demo", "nested");
    const r = run(["demo", "--out", out]);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(["send-model-demo-report.html", "send-model-demo.xlsx"]);
    expect(r.stdout.trim().split("\n")).toEqual([
      path.join(out, "send-model-demo.xlsx"),
      path.join(out, "send-model-demo-report.html"),
    ]);
    expect(r.stderr).toMatch(/recalculated \d+ formulas/);
    expect(fs.statSync(path.join(out, "send-model-demo.xlsx")).size).toBeGreaterThan(50_000);
  });
});
