// The file layer's edges: inputs that are not regular files refused at once with their kind, reads bounded,
// filesystem errors naming the user's path (never a temporary file), short temporary names, temporary files
// removed when the process is signalled during a write and swept when a run was killed outright.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkOutput, FileProblem, writeFileAtomic } from "../../src/headless/io/files";
import { checkXlsxInput, inputChunks, openInput, readInput, readInputText } from "../../src/headless/io/inputFile";

const ROOT = path.join(__dirname, "../..");
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "send-edges-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const temps = (d: string) => fs.readdirSync(d).filter((f) => f.endsWith(".tmp"));

describe("inputs that are not regular files", () => {
  it.each([
    [
      "a FIFO",
      () => mkfifo("in.fifo"),
      /^cannot read the caseload file .*in\.fifo: it is a named pipe \(FIFO\), not a regular file$/,
    ],
    [
      "/dev/null",
      () => "/dev/null",
      /^cannot read the caseload file \/dev\/null: it is a character device, not a regular file$/,
    ],
    ["/dev/zero", () => "/dev/zero", /: it is a character device, not a regular file$/],
    ["a folder", () => dir, /: it is a folder, not a regular file$/],
  ])("%s is refused at once with its kind", (_what, make, message) => {
    const file = make();
    const start = Date.now();
    expect(() => readInputText(file, { what: "caseload file", maxBytes: 1e6 })).toThrow(message);
    expect(() => checkXlsxInput(file)).toThrow(FileProblem);
    expect(Date.now() - start).toBeLessThan(2000); // no waiting for a writer, no reading /dev/zero
  });

  it("a missing file is 'file not found', naming what it is when the caller says", () => {
    const missing = path.join(dir, "nope.csv");
    expect(() => readInput(missing, { maxBytes: 10 })).toThrow(new FileProblem(`file not found: ${missing}`));
    expect(() => readInput(missing, { what: "mapping", maxBytes: 10 })).toThrow(
      new FileProblem(`cannot read the mapping ${missing}: file not found`),
    );
  });
});

function mkfifo(name: string): string {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) expect(spawnSync("mkfifo", [file]).status).toBe(0);
  return file;
}

describe("bounded reads", () => {
  it("reads a file whole, and refuses one over the budget before reading it, naming the flag", () => {
    const file = path.join(dir, "ten.txt");
    fs.writeFileSync(file, "0123456789");
    expect(readInput(file, { maxBytes: 10 }).toString()).toBe("0123456789");
    expect(() => readInput(file, { maxBytes: 9, raise: "raise it with --max-bytes" })).toThrow(
      new FileProblem(`refusing ${file}: it holds 10 bytes (limit 9 bytes; raise it with --max-bytes)`),
    );
    expect([...inputChunks(file, { maxBytes: 10 }, 4)].map(String)).toEqual(["0123", "4567", "89"]);
    expect(openInput(file, { maxBytes: 10 }).size).toBe(10);
  });

  it("drops a UTF-8 byte-order mark from text", () => {
    const file = path.join(dir, "bom.json");
    fs.writeFileSync(file, "\uFEFF{}");
    expect(JSON.parse(readInputText(file, { maxBytes: 100 }))).toEqual({});
  });
});

describe("output names and filesystem errors", () => {
  it("writes a legal 245-byte name (the temporary name is short) and leaves no temporary file", () => {
    const out = path.join(dir, `${"n".repeat(240)}.xlsx`);
    writeFileAtomic(out, "data");
    expect(fs.readFileSync(out, "utf8")).toBe("data");
    expect(temps(dir)).toEqual([]);
  });

  it("refuses a name too long for the file system, naming the user's path, before any work", () => {
    const out = path.join(dir, `${"n".repeat(300)}.xlsx`);
    expect(() => checkOutput(out)).toThrow(
      new FileProblem(`cannot write ${out}: file name too long (ENAMETOOLONG): 305 bytes, the limit is 255`),
    );
    expect(() => writeFileAtomic(out, "x")).toThrow(/^cannot write .*n\.xlsx: file name too long/);
  });

  it("reports a read-only file system as EROFS (not as a permission problem), naming the user's path", () => {
    const spy = jest.spyOn(fs, "accessSync").mockImplementation(() => {
      throw Object.assign(new Error("EROFS: read-only file system, access"), { code: "EROFS", path: dir });
    });
    try {
      const out = path.join(dir, "ro.xlsx");
      expect(() => checkOutput(out)).toThrow(new FileProblem(`cannot write ${out}: read-only file system (EROFS)`));
    } finally {
      spy.mockRestore();
    }
  });

  it("sweeps temporary files left by runs that are gone, and keeps those of live runs", () => {
    const gone = spawnSync(process.execPath, ["-e", ""]).pid!;
    const stale = path.join(dir, `.send-model-${gone}-0123abcd.tmp`);
    const live = path.join(dir, `.send-model-${process.ppid}-0123abcd.tmp`);
    fs.writeFileSync(stale, "half");
    fs.writeFileSync(live, "busy");
    writeFileAtomic(path.join(dir, "after.xlsx"), "x");
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(live)).toBe(true);
    fs.rmSync(live);
  });
});

describe("a signal during a write", () => {
  it.each(["SIGTERM", "SIGINT"] as const)(
    "%s waits for the write to finish, ends the process as the signal would, and leaves no temporary file",
    async (signal) => {
      const sub = fs.mkdtempSync(path.join(dir, "sig-"));
      const out = path.join(sub, "big.bin");
      const script = `require("./bin/register-ts"); const { writeFileAtomic } = require("./src/headless/io/files.ts");
        const data = Buffer.alloc(300e6, 1); process.stdout.write("go\\n");
        writeFileAtomic(${JSON.stringify(out)}, data); setTimeout(() => process.stdout.write("after\\n"), 3000);`;
      const child = spawn(process.execPath, ["-e", script], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
      let stdout = "";
      child.stdout.on("data", (d) => (stdout += d));
      // signal while the temporary file exists
      await new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (temps(sub).length > 0 || fs.existsSync(out)) {
            clearInterval(poll);
            child.kill(signal);
            resolve();
          }
        }, 2);
      });
      const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
      expect(code).toBe(128 + os.constants.signals[signal]);
      expect(stdout).not.toContain("after");
      expect(temps(sub)).toEqual([]);
      expect(fs.statSync(out).size).toBe(300e6); // complete: the write finished before the process ended
    },
    60_000,
  );
});
