// The hostile-input suite (issue 13), small sizes: each input is generated, run through `send-model recalc` in
// a child process, and judged on exit code, message, wall time and peak RSS (generous bounds: the machine is
// shared). `npm run hostile` runs the large sizes and prints the README's results table.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { INPUTS } from "./inputs";
import { runCli } from "./run";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "send-hostile-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(INPUTS.map((i) => [i.name, i] as const))("%s", (_name, input) => {
  it(`${input.what}: exit ${input.expect.code}, one clear message, bounded time and memory`, async () => {
    const file = await input.make(dir, "small");
    const before = fs.readFileSync(file);
    const args = typeof input.args === "function" ? input.args(file) : (input.args ?? []);
    const r = runCli(["recalc", file, ...args], { heapMB: 2048 });
    expect({ code: r.code, stderr: r.stderr }).toEqual({
      code: input.expect.code,
      stderr: expect.stringMatching(input.expect.stderr),
    });
    if (input.expect.stdout) expect(r.stdout).toMatch(input.expect.stdout);
    expect(r.stderr).not.toMatch(/internal error|unexpected error|Bug :|at .*\.ts:\d+/);
    expect(r.seconds).toBeLessThan(input.expect.maxSeconds);
    expect(r.rssMB).toBeLessThan(input.expect.maxRssMB);
    expect(fs.readFileSync(file).equals(before)).toBe(true); // the input is never changed
  }, 120_000);
});
