// One jest test per hostile input (the small size): run in a child process, judged on exit code, message, wall
// time and peak RSS, and the input file (when it is one) unchanged afterwards.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { HostileInput } from "./inputs";
import { runCli } from "./run";

/** The command line of an input: its own, or `recalc FILE …args`. */
export function argvOf(input: HostileInput, file: string, dir: string): string[] {
  if (input.argv) return input.argv(file, dir);
  return ["recalc", file, ...(typeof input.args === "function" ? input.args(file) : (input.args ?? []))];
}

/** A regular file's bytes (a FIFO or a device is not read: that is what the input tests). */
const bytesOf = (file: string) => (fs.statSync(file).isFile() ? fs.readFileSync(file) : undefined);

export function hostileSuite(inputs: readonly HostileInput[]): void {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "send-hostile-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe.each(inputs.map((i) => [i.name, i] as const))("%s", (_name, input) => {
    it(`${input.what}: exit ${input.expect.code}, one clear message, bounded time and memory`, async () => {
      const file = await input.make(dir, "small");
      const before = bytesOf(file);
      const r = runCli(argvOf(input, file, dir), { heapMB: 2048 });
      expect({ code: r.code, stderr: r.stderr }).toEqual({
        code: input.expect.code,
        stderr: expect.stringMatching(input.expect.stderr),
      });
      if (input.expect.stdout) expect(r.stdout).toMatch(input.expect.stdout);
      expect(r.stderr).not.toMatch(/internal error|unexpected error|Bug :|at .*\.ts:\d+/);
      expect(r.seconds).toBeLessThan(input.expect.maxSeconds);
      expect(r.rssMB).toBeLessThan(input.expect.maxRssMB);
      if (before) expect(fs.readFileSync(file).equals(before)).toBe(true); // the input is never changed
      expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]); // no temporary file left
    }, 120_000);
  });
}
