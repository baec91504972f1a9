// Writing files: modes kept, filesystem errors as one line, the output folder checked before any work.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkOutput, fileProblemOf, FileProblem, writeFileAtomic } from "../../src/headless/io/files";

const ROOT = path.join(__dirname, "../..");
const BIN = path.join(ROOT, "bin/send-model.js");
const SPILLS = path.join(ROOT, "test/golden/spills.xlsx");

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "send-files-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const mode = (f: string) => fs.statSync(f).mode & 0o777;

describe("writeFileAtomic", () => {
  it("keeps the mode of a file it replaces", () => {
    const f = path.join(dir, "private.xlsx");
    fs.writeFileSync(f, "old");
    fs.chmodSync(f, 0o600);
    writeFileAtomic(f, "new");
    expect(fs.readFileSync(f, "utf8")).toBe("new");
    expect(mode(f)).toBe(0o600);
    fs.chmodSync(f, 0o640);
    writeFileAtomic(f, "newer");
    expect(mode(f)).toBe(0o640);
  });

  it("gives a new file the most private mode of its inputs", () => {
    const input = path.join(dir, "in.xlsx");
    fs.writeFileSync(input, "x");
    fs.chmodSync(input, 0o600);
    const out = path.join(dir, "fresh.xlsx");
    writeFileAtomic(out, "y", [input]);
    expect(mode(out)).toBe(0o600);
  });

  it("leaves no temporary file behind and refuses a folder as the target in one line", () => {
    const sub = path.join(dir, "a-folder");
    fs.mkdirSync(sub);
    expect(() => writeFileAtomic(sub, "z")).toThrow(new FileProblem(`cannot write ${sub}: it is a folder (EISDIR)`));
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("names a missing output folder", () => {
    expect(() => checkOutput(path.join(dir, "nope", "x.xlsx"))).toThrow(/output folder does not exist: .*nope/);
  });

  it("turns filesystem error codes into one-line problems and leaves other errors alone", () => {
    const err = (code: string) => Object.assign(new Error("raw"), { code });
    expect(fileProblemOf(err("ENOSPC"), "cannot write out.xlsx")?.message).toBe(
      "cannot write out.xlsx: no space left on the device (ENOSPC)",
    );
    expect(fileProblemOf(err("EACCES"), "cannot write out.xlsx")?.message).toBe(
      "cannot write out.xlsx: permission denied (EACCES)",
    );
    expect(fileProblemOf(new RangeError("x"), "a")).toBeUndefined();
  });
});

describe("send-model recalc --out", () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });

  it("refuses a missing folder at once, before reading the workbook", () => {
    const r = run(["recalc", SPILLS, "--out", path.join(dir, "missing", "o.xlsx")]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^send-model: output folder does not exist: /);
    expect(r.stderr).not.toMatch(/reading/);
  });

  it("refuses a folder as the output file in one line (exit 1)", () => {
    const r = run(["recalc", SPILLS, "--out", dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`send-model: cannot write ${dir}: it is a folder (EISDIR)\n`);
  });

  it("keeps a replaced output file's 0600 mode", () => {
    const out = path.join(dir, "o.xlsx");
    fs.writeFileSync(out, "old");
    fs.chmodSync(out, 0o600);
    const r = run(["recalc", SPILLS, "--out", out, "--quiet"]);
    expect(r.status).toBe(0);
    expect(mode(out)).toBe(0o600);
  });

  it("demo into a path under a file reports one line, exit 1", () => {
    const file = path.join(dir, "plain");
    fs.writeFileSync(file, "x");
    const r = run(["demo", "--out", path.join(file, "sub")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^send-model: cannot write .*plain\/sub: a part of the path is not a folder \(ENOTDIR\)\n$/,
    );
  });
});
