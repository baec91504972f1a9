// Determinism (issue 6): the same workbook recalculated twice, or "on another machine" (other time
// zone, locale and working directory), gives byte-identical `recalc --json` output; and the demo
// workbook itself is byte-identical run to run.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.join(__dirname, "../..");
const BIN = path.join(ROOT, "bin/send-model.js");

function run(args: string[], env: Record<string, string> = {}, cwd = ROOT): string {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    timeout: 180_000,
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) throw new Error(`send-model ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout;
}

const sha = (b: Buffer | string) => crypto.createHash("sha256").update(b).digest("hex");

describe("determinism", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "send-det-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("demo builds byte-identical workbooks in different time zones and locales, and recalc --json agrees byte for byte", () => {
    const a = path.join(dir, "a"),
      b = path.join(dir, "b");
    run(["demo", "--out", a], { TZ: "UTC", LANG: "en_GB.UTF-8", LC_ALL: "en_GB.UTF-8" });
    run(["demo", "--out", b], { TZ: "Pacific/Chatham", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8" }, os.tmpdir());
    const wa = fs.readFileSync(path.join(a, "send-model-demo.xlsx"));
    const wb = fs.readFileSync(path.join(b, "send-model-demo.xlsx"));
    expect(sha(wa)).toBe(sha(wb));
    const ja = run(["recalc", path.join(a, "send-model-demo.xlsx"), "--json"], {
      TZ: "America/St_Johns",
      LC_ALL: "fr_FR.UTF-8",
    });
    const jb = run(
      ["recalc", path.join(b, "send-model-demo.xlsx"), "--json"],
      { TZ: "Asia/Kolkata", LC_ALL: "C" },
      os.tmpdir(),
    );
    expect(ja.length).toBeGreaterThan(10_000);
    expect(sha(ja)).toBe(sha(jb));
    expect(Object.keys(JSON.parse(ja)).length).toBeGreaterThan(1000);
  });
});
