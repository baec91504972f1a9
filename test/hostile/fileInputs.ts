// Hostile inputs for the file layer and `import` (issue 21): inputs that are not regular files given to every
// command, zip bombs and huge or damaged CSV files given to import, and output names at the file system's limit.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { INPUTS, type HostileInput } from "./inputs";

const ROOT = path.join(__dirname, "../..");
const SCHOOLS = path.join(ROOT, "test/import/fixtures/officer-schools.csv");
const SPILLS = path.join(ROOT, "test/golden/spills.xlsx");

function fifo(dir: string, name: string): string {
  const file = path.join(dir, name);
  fs.rmSync(file, { force: true });
  if (spawnSync("mkfifo", [file]).status !== 0) throw new Error(`mkfifo ${file} failed`);
  return file;
}

const out = (dir: string, name: string) => path.join(dir, `${name}.out.xlsx`);
const quick = { maxSeconds: 30, maxRssMB: 400 };

/** The officer's school list with its line `at` (1-based) replaced. */
function schoolsWith(at: number, line: string): string {
  const lines = fs.readFileSync(SCHOOLS, "utf8").split("\n");
  lines[at - 1] = line;
  return lines.join("\n");
}

/** The officer's school list with line `at` damaged: import stops naming the line, writes nothing. */
function damaged(name: string, what: string, [at, line, stderr]: [number, string, RegExp]): HostileInput {
  const base = name.replace(/^import-(unclosed-)?/, "");
  return {
    name,
    what: `import: ${what}`,
    make: async (dir) => {
      const file = path.join(dir, `${base}.csv`);
      fs.writeFileSync(file, schoolsWith(at, line));
      return file;
    },
    argv: (f, dir) => ["import", f, "--out", out(dir, base)],
    expect: { code: 1, stderr, ...quick },
  };
}

/** A FIFO (nothing ever writes to it) given to `argv`: refused at once, not waited on. */
function fifoCase(name: string, what: string, argv: (fifo: string, dir: string) => string[]): HostileInput {
  return {
    name: `fifo-${name}`,
    what: `a FIFO with no writer given to ${what}`,
    make: async (dir) => fifo(dir, `${name}.fifo`),
    argv,
    expect: { code: 1, stderr: /: it is a named pipe \(FIFO\), not a regular file\n$/, ...quick },
  };
}

export const FILE_INPUTS: HostileInput[] = [
  fifoCase("recalc", "recalc", (f) => ["recalc", f]),
  fifoCase("publish", "publish", (f, dir) => ["publish", f, "--out", out(dir, "publish")]),
  fifoCase("plan", "plan", (f, dir) => ["plan", f, "--out", out(dir, "plan")]),
  fifoCase("import", "import", (f, dir) => ["import", f, "--out", out(dir, "import")]),
  fifoCase("mapping", "import --mapping", (f, dir) => ["import", SCHOOLS, "--mapping", f, "--out", out(dir, "map")]),
  fifoCase("forecast", "forecast", (f) => ["forecast", f]),
  fifoCase("new-plans", "forecast --new-plans", (f) => ["forecast", SCHOOLS, "--new-plans", f]),
  {
    name: "dev-zero-forecast",
    what: "/dev/zero as forecast's caseload file (it never ends)",
    make: async () => "/dev/zero",
    argv: (f) => ["forecast", f],
    expect: { code: 1, stderr: /cannot read the caseload file \/dev\/zero: it is a character device/, ...quick },
  },
  {
    name: "dev-zero-recalc",
    what: "/dev/zero as recalc's workbook",
    make: async () => "/dev/zero",
    argv: (f) => ["recalc", f],
    expect: { code: 1, stderr: /cannot read \/dev\/zero: it is a character device, not a regular file\n$/, ...quick },
  },
  {
    name: "dev-null-import",
    what: "/dev/null as import's school list",
    make: async () => "/dev/null",
    argv: (f, dir) => ["import", f, "--out", out(dir, "null")],
    expect: { code: 1, stderr: /cannot read \/dev\/null: it is a character device, not a regular file\n$/, ...quick },
  },
  {
    name: "folder-import",
    what: "a folder as import's school list",
    make: async (dir) => {
      fs.mkdirSync(path.join(dir, "a-folder"), { recursive: true });
      return path.join(dir, "a-folder");
    },
    argv: (f, dir) => ["import", f, "--out", out(dir, "folder")],
    expect: { code: 1, stderr: /cannot read .*a-folder: it is a folder, not a regular file\n$/, ...quick },
  },
  // recalc's zip bombs, given to import: the same guard, the same answer
  ...INPUTS.filter((i) => ["bomb-3gb-lying", "bomb-8gb-zip64"].includes(i.name)).map((i): HostileInput => ({
    ...i,
    name: `import-${i.name}`,
    what: `import: ${i.what}`,
    args: undefined,
    argv: (f, dir) => ["import", f, "--out", out(dir, i.name)],
  })),
  {
    name: "import-csv-rows",
    what: "import: a CSV of 1,000,000 schools (about 200 MB; small: 30,000 rows)",
    make: async (dir, size) => {
      const file = path.join(dir, "million.csv");
      const fd = fs.openSync(file, "w");
      const pad = "x".repeat(size === "large" ? 120 : 10);
      fs.writeSync(fd, "URN,Establishment name,Phase of education,NOR (Oct 2024),Notes\n");
      const n = size === "large" ? 1_000_000 : 30_000;
      for (let i = 0; i < n; i += 10_000) {
        let block = "";
        for (let j = i; j < i + 10_000; j++) block += `${100000 + j},School ${j},Primary,${200 + (j % 300)},${pad}\n`;
        fs.writeSync(fd, block);
      }
      fs.closeSync(fd);
      return file;
    },
    argv: (f, dir) => ["import", f, "--out", out(dir, "million")],
    expect: {
      code: 1,
      stderr:
        /million\.csv has more than 10,000 rows \(stopped reading at line 10,001\): split the file, or raise the limit with --max-rows\n$/,
      maxSeconds: 30,
      maxRssMB: 400,
    },
  },
  {
    name: "import-csv-cells",
    what: "import: a CSV of 5,000 schools × 400 columns (2 million cells; small: 2,000 × 200)",
    make: async (dir, size) => {
      const [rows, cols] = size === "large" ? [5_000, 400] : [2_000, 200];
      const extra = Array.from({ length: cols - 3 }, (_, c) => `Extra ${c}`).join(",");
      const lines = [`Establishment name,Phase of education,NOR (Oct 2024),${extra}`];
      for (let i = 0; i < rows; i++) lines.push(`School ${i},Primary,${200 + i},${"1,".repeat(cols - 4)}1`);
      const file = path.join(dir, "wide.csv");
      fs.writeFileSync(file, `${lines.join("\n")}\n`);
      return file;
    },
    argv: (f, dir) => ["import", f, "--out", out(dir, "wide")],
    expect: {
      code: 1,
      stderr:
        /wide\.csv has more than 300,000 cells \(stopped reading at line [\d,]+\): split the file, or raise the limit with --max-cells\n$/,
      ...quick,
    },
  },
  {
    name: "import-csv-bytes",
    what: "import: a 300 MB CSV file (sparse: refused before a byte is read)",
    make: async (dir) => {
      const file = path.join(dir, "huge.csv");
      fs.closeSync(fs.openSync(file, "w"));
      fs.truncateSync(file, 300_000_000);
      return file;
    },
    argv: (f, dir) => ["import", f, "--out", out(dir, "huge")],
    expect: {
      code: 1,
      stderr: /refusing .*huge\.csv: it holds 300\.0 MB \(limit 200\.0 MB; raise it with --max-bytes\)\n$/,
      ...quick,
    },
  },
  ...(["le", "be"] as const).map((order): HostileInput => ({
    name: `import-utf16${order}`,
    what: `import: the school list saved as UTF-16 ${order.toUpperCase()} with a byte-order mark`,
    make: async (dir) => {
      const le = Buffer.from(`\uFEFF${fs.readFileSync(SCHOOLS, "utf8")}`, "utf16le");
      const file = path.join(dir, `utf16${order}.csv`);
      fs.writeFileSync(file, order === "le" ? le : Buffer.from(le).swap16());
      return file;
    },
    argv: (f, dir) => ["import", f, "--out", out(dir, `utf16${order}`), "-q"],
    expect: { code: 0, stderr: /^$/, stdout: /Wrote .*: 30 institutions;/, maxSeconds: 60, maxRssMB: 600 },
  })),
  damaged("import-unclosed-quote", "a quote opened on line 6 and never closed (the rows after it would be one cell)", [
    6,
    '"Unclosed Primary,Primary,100',
    /quote\.csv line 6: a quoted field is never closed/,
  ]),
  damaged("import-nul", "a NUL byte on line 4", [
    4,
    "123456,Nul\0 Primary,Primary,100",
    /nul\.csv line 4: the file holds 1 NUL character\(s\)/,
  ]),
  {
    name: "output-245",
    what: "recalc --out with a legal 245-character name (the temporary name must not be longer)",
    make: async () => SPILLS,
    argv: (f, dir) => ["recalc", f, "--out", path.join(dir, `${"n".repeat(240)}.xlsx`), "-q"],
    expect: { code: 0, stderr: /^$/, ...quick },
  },
  {
    name: "output-300",
    what: "recalc --out with a 305-character name (too long for the file system)",
    make: async () => SPILLS,
    argv: (f, dir) => ["recalc", f, "--out", path.join(dir, `${"n".repeat(300)}.xlsx`)],
    expect: {
      code: 1,
      stderr:
        /^send-model: cannot write .*\/n{300}\.xlsx: file name too long \(ENAMETOOLONG\): 305 bytes, the limit is 255\n$/,
      ...quick,
    },
  },
];
