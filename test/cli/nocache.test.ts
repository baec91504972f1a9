// bin/send-model.js must not compile into, or load compiled code from, the shared temp folder: tsx's cache
// ($TMPDIR/tsx-<uid>) has predictable names another user could plant. A fresh TMPDIR shows what a run creates.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const ROOT = path.join(__dirname, "../..");

function freshTmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "send-nocache-"));
}

function run(args: string[], tmp: string) {
  return spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, TMPDIR: tmp, TSX_DISABLE_CACHE: "" },
  });
}

describe("no compiled code from the shared temp folder", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it("control: tsx with its cache on does write a tsx folder under TMPDIR (so the check below can fail)", () => {
    const tmp = freshTmp();
    dirs.push(tmp);
    const r = run(["-e", 'require("tsx/cjs/api").register(); require("./src/cli/io.ts");'], tmp);
    expect(r.status).toBe(0);
    expect(fs.readdirSync(tmp).some((f) => f.startsWith("tsx"))).toBe(true);
  });

  it("send-model runs without creating or reading any tsx cache under TMPDIR", () => {
    const tmp = freshTmp();
    dirs.push(tmp);
    const r = run(["bin/send-model.js", "recalc", "test/golden/spills.xlsx"], tmp);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.status).toBe(0);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it("a planted cache entry is never executed", () => {
    const tmp = freshTmp();
    dirs.push(tmp);
    const uid = os.userInfo().uid;
    // poison every file a cache could hold: if any were loaded, the run would print PLANTED and exit 99
    const cache = path.join(tmp, `tsx-${uid}`);
    fs.mkdirSync(cache, { recursive: true });
    const run1 = run(["-e", 'require("tsx/cjs/api").register(); require("./src/cli/main.ts");'], tmp); // fills the cache
    expect(run1.status).toBe(0);
    const files = fs
      .readdirSync(cache, { recursive: true })
      .map(String)
      .filter((f) => fs.statSync(path.join(cache, f)).isFile());
    expect(files.length).toBeGreaterThan(0);
    const planted = JSON.stringify({
      code: 'process.stdout.write("PLANTED"); process.exit(99);',
      map: { version: 3, sources: [], names: [], mappings: "" },
    });
    for (const f of files) fs.writeFileSync(path.join(cache, f), planted);
    // control: tsx with its cache on runs the planted code
    const control = run(["-e", 'require("tsx/cjs/api").register(); require("./src/cli/main.ts");'], tmp);
    expect(control.stdout).toContain("PLANTED");
    const r = run(["bin/send-model.js", "recalc", "test/golden/spills.xlsx"], tmp);
    expect(r.stdout).not.toContain("PLANTED");
    expect(r.status).toBe(0);
  });
});

describe("no tsx IPC pipe in the shared temp folder", () => {
  /**
   * Listens where tsx's register module connects ($TMPDIR/tsx-<uid>/<parent pid>.pipe; the child's parent is this
   * test process), runs `node args` there, and returns the module paths it was sent.
   */
  async function overheard(args: string[]): Promise<{ connections: number; heard: string; code: number | null }> {
    const tmp = freshTmp();
    const folder = path.join(tmp, `tsx-${process.geteuid!()}`);
    fs.mkdirSync(folder);
    let connections = 0;
    let heard = "";
    const server = net.createServer((socket) => {
      connections++;
      socket.on("data", (d) => (heard += d.toString("latin1")));
    });
    await new Promise<void>((resolve) => server.listen(path.join(folder, `${process.pid}.pipe`), resolve));
    try {
      const code = await new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, args, {
          cwd: ROOT,
          stdio: "ignore",
          env: { ...process.env, TMPDIR: tmp, TSX_DISABLE_CACHE: "1" },
        });
        child.on("exit", resolve);
      });
      await new Promise((r) => setTimeout(r, 200)); // the last bytes in flight
      return { connections, heard, code };
    } finally {
      server.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }

  it("control: tsx's register API alone connects and sends module paths (so the check below can fail)", async () => {
    const r = await overheard(["-e", 'require("tsx/cjs/api").register(); require("./src/cli/io.ts");']);
    expect(r.code).toBe(0);
    expect(r.connections).toBe(1);
    expect(r.heard).toContain("src/cli/io.ts");
  });

  it("send-model connects to no pipe and sends nothing", async () => {
    const r = await overheard(["bin/send-model.js", "recalc", "test/golden/spills.xlsx", "--quiet"]);
    expect(r.code).toBe(0);
    expect(r).toEqual({ connections: 0, heard: "", code: 0 });
  });
});
