// CLI polish: `| head` ends quietly, `recalc --summary`, and the commands the README and the demo's About
// sheet give are commands this checkout has.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { buildDemoWorkbook } from "../../src/demo/workbook";
import { main } from "../../src/cli/main";

const ROOT = path.join(__dirname, "../..");
const BIN = path.join(ROOT, "bin/send-model.js");

let dir: string;
let big: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "send-polish-"));
  // 6,000 formulas: --json prints far more than a pipe buffer holds, so `head -1` closes it mid-write
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  for (let r = 1; r <= 2000; r++) {
    ws.getCell(r, 1).value = r;
    ws.getCell(r, 2).value = { formula: `A${r}*2` } as ExcelJS.CellFormulaValue;
    ws.getCell(r, 3).value = { formula: `B${r}+1` } as ExcelJS.CellFormulaValue;
    ws.getCell(r, 4).value = { formula: r % 500 === 0 ? "NA()" : `C${r}/2` } as ExcelJS.CellFormulaValue;
  }
  big = path.join(dir, "big.xlsx");
  await wb.xlsx.writeFile(big);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("recalc | head", () => {
  it("prints no EPIPE stack trace when the reader stops early", () => {
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${BIN}" recalc "${big}" --json -q | head -1`], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.stdout).toBe("{\n");
    expect(r.stderr).toBe("");
  });
});

describe("recalc --summary", () => {
  it("gives per-sheet formula counts, totals and errors by code, as JSON with --json", () => {
    const r = spawnSync(process.execPath, [BIN, "recalc", big, "--json", "--summary", "-q"], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as {
      sheets: { sheet: string; cells: number; total: number; errors: number; errorCodes: Record<string, number> }[];
    };
    // B = 2r, C = 2r+1, D = r + 0.5 except 4 #N/A rows (r = 500, 1000, 1500, 2000)
    const n = 2000;
    const sum = (f: (r: number) => number) => Array.from({ length: n }, (_, i) => f(i + 1)).reduce((a, b) => a + b, 0);
    const expected = sum((r) => 2 * r) + sum((r) => 2 * r + 1) + sum((r) => (r % 500 === 0 ? 0 : r + 0.5));
    expect(json.sheets).toEqual([
      { sheet: "Sheet1", cells: 6000, numbers: 5996, total: expected, errors: 4, errorCodes: { "#N/A": 4 } },
    ]);
    const text = spawnSync(process.execPath, [BIN, "recalc", big, "--summary", "-q"], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(text.stdout).toMatch(
      /^Sheet +cells +total of numbers +errors\nSheet1 +6000 +[\d,]+\.\d\d +4 +\(#N\/A 4\)\n$/,
    );
  });
});

/** `npm run [--silent] NAME -- ARGS` and `node bin/x.js ARGS` commands in a text. */
function commandsIn(text: string): string[] {
  return [...text.matchAll(/(?:npm run(?: --silent)? [\w:-]+(?: -- [^`\n#|]*)?|node bin\/[\w.-]+[^`\n#|]*)/g)].map(
    (m) => m[0].trim(),
  );
}

async function checkCommand(cmd: string): Promise<string | null> {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const npm = /^npm run(?: --silent)? ([\w:-]+)(?: -- (.*))?$/.exec(cmd);
  const node = /^node (bin\/[\w.-]+)(?: (.*))?$/.exec(cmd);
  if (npm && !pkg.scripts[npm[1]]) return `${cmd}: no npm script '${npm[1]}'`;
  if (node && !fs.existsSync(path.join(ROOT, node[1]))) return `${cmd}: no file ${node[1]}`;
  const script = npm ? pkg.scripts[npm[1]] : "";
  const args = (npm ? npm[2] : node?.[2]) ?? "";
  if ((npm && /send-model\.js/.test(script)) || (node && node[1] === "bin/send-model.js")) {
    const words = `${/send-model\.js (.*)$/.exec(script)?.[1] ?? ""} ${args}`.trim().split(/\s+/).filter(Boolean);
    const sub = words.find((w) => !w.startsWith("-"));
    const flags = words.filter((w) => w.startsWith("--"));
    let help = "";
    const code = await main([...(sub ? [sub] : []), "--help"], {
      out: (t) => {
        help += t;
      },
      err: (t) => {
        help += t;
      },
    });
    if (code !== 0) return `${cmd}: '${sub}' is not a send-model command`;
    for (const f of flags) if (!help.includes(f)) return `${cmd}: send-model ${sub} has no option ${f}`;
  }
  return null;
}

describe("documented commands", () => {
  it("every command in the README exists in this checkout", async () => {
    const cmds = commandsIn(fs.readFileSync(path.join(ROOT, "README.md"), "utf8"));
    expect(cmds.length).toBeGreaterThan(3);
    const bad = (await Promise.all(cmds.map(checkCommand))).filter(Boolean);
    expect(bad).toEqual([]);
  });

  it("every command on the demo's About sheet exists, and none relies on npx finding the package", async () => {
    const about = buildDemoWorkbook().sheets.find((s) => s.name === "About")!;
    const text = about.cells
      .flat()
      .filter((c): c is string => typeof c === "string")
      .join("\n");
    expect(text).not.toMatch(/npx send-model/);
    const cmds = commandsIn(text);
    expect(cmds).toEqual(expect.arrayContaining([expect.stringMatching(/^npm run --silent send-model -- recalc/)]));
    expect((await Promise.all(cmds.map(checkCommand))).filter(Boolean)).toEqual([]);
  });
});
