// The layer boundaries of eslint.config.mjs (BOUNDARY_ZONES) fire: each forbidden import, linted as if written in a
// file of the zone it crosses, is reported by import-x/no-restricted-paths with the zone's reason, and an allowed
// import beside it is not. ESLint runs in a child process (its flat config is an ES module jest cannot load).
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.join(__dirname, "..", "..");

interface Case {
  file: string;
  code: string;
  /** a fragment of the zone's message, or null when the import is allowed */
  fires: string | null;
}

const CASES: Case[] = [
  {
    file: "src/taskpane/screens/Explain/Explain.tsx",
    code: 'import { explainFormula } from "../../../functions/explain";\nexport const f = explainFormula;\n',
    fires: "through the workbook port",
  },
  {
    file: "src/taskpane/actions/fit.ts",
    code: 'import { allocate } from "../../engine/allocate";\nexport const f = allocate;\n',
    fires: "the pane never computes",
  },
  {
    file: "src/taskpane/actions/fit.ts",
    code: 'import { normOption } from "../../engine/normalize";\nexport const f = normOption;\n',
    fires: null,
  },
  {
    file: "src/data/ehcp/tidy.ts",
    code: 'import { decodeText } from "../../import/source";\nexport const f = decodeText;\n',
    fires: "data does not depend on import",
  },
  {
    file: "src/data/ehcp/tidy.ts",
    code: 'import { parseCsv } from "../../util/csv";\nexport const f = parseCsv;\n',
    fires: null,
  },
  {
    file: "src/engine/checkTable.ts",
    code: 'import { check } from "./check";\nexport const f = check;\n',
    fires: "check.ts uses checkTable.ts",
  },
  {
    file: "src/taskpane/workbook/trace.ts",
    code: 'import { Screen } from "../components/Screen";\nexport const f = Screen;\n',
    fires: "components use the workbook helpers",
  },
];

const SCRIPT = `
const { ESLint } = require("eslint");
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const cases = JSON.parse(process.argv[1]);
  const out = [];
  for (const c of cases) {
    const [r] = await eslint.lintText(c.code, { filePath: require("path").join(process.cwd(), c.file) });
    out.push(r.messages.filter((m) => m.ruleId === "import-x/no-restricted-paths").map((m) => m.message));
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
`;

describe("layer boundaries (eslint.config.mjs BOUNDARY_ZONES)", () => {
  const run = spawnSync(process.execPath, ["-e", SCRIPT, JSON.stringify(CASES)], { cwd: ROOT, encoding: "utf8" });
  const results: string[][] = run.status === 0 ? JSON.parse(run.stdout) : [];

  test("eslint ran", () => {
    expect(run.stderr).toBe("");
    expect(results).toHaveLength(CASES.length);
  });

  test.each(CASES.map((c, i) => [c.file, c.code.split("\n")[0], i] as const))("%s: %s", (_file, _line, i) => {
    const c = CASES[i];
    if (c.fires === null) expect(results[i]).toEqual([]);
    else expect(results[i]).toEqual([expect.stringContaining(c.fires)]);
  });
});
