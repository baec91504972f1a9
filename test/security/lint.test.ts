// The security lint must actually fire: feed it every banned construct (one per line) and expect an
// error on each line, and none on ordinary code. Runs the real eslint CLI with the project config.
import { spawnSync } from "node:child_process";
import path from "node:path";

const BANNED: [string, string][] = [
  ["eval", "const a = eval('1+1');"],
  ["new Function", "const b = new Function('return 1');"],
  ["innerHTML", "document.body.innerHTML = location.hash;"],
  ["outerHTML", "document.body.outerHTML = '';"],
  ["insertAdjacentHTML", "document.body.insertAdjacentHTML('beforeend', 'x');"],
  ["document.write", "document.write('x');"],
  ["setTimeout with a string", "setTimeout('alert(1)', 0);"],
  ["dangerouslySetInnerHTML", "export const C = () => <div dangerouslySetInnerHTML={{ __html: 'x' }} />;"],
];

function lint(code: string): { line: number; ruleId: string | null }[] {
  const bin = path.join(process.cwd(), "node_modules/eslint/bin/eslint.js");
  const r = spawnSync(
    process.execPath,
    [bin, "--stdin", "--stdin-filename", "src/taskpane/_probe.tsx", "--format", "json"],
    { input: code, encoding: "utf8" },
  );
  const [result] = JSON.parse(r.stdout) as { messages: { line: number; ruleId: string | null; severity: number }[] }[];
  return result.messages.filter((m) => m.severity === 2);
}

describe("security lint (eslint.config.mjs)", () => {
  it("rejects each banned construct", () => {
    const errors = lint(BANNED.map(([, code]) => code).join("\n"));
    BANNED.forEach(([name], i) => {
      expect({ name, flagged: errors.some((e) => e.line === i + 1) }).toEqual({ name, flagged: true });
    });
  });

  it("accepts ordinary code", () => {
    expect(lint("export const a = [1, 2].map((x) => x * 2);\n")).toEqual([]);
  });
});
