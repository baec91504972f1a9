// `npm run hostile [-- --small] [-- --only name,name]`: every hostile input at its large size (issue 13's sizes),
// one at a time, each in a child process with a capped heap; prints the README's results table and exits 1 if
// any input misses its expectation.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { FILE_INPUTS } from "./fileInputs";
import { INPUTS, type Size } from "./inputs";
import { runCli } from "./run";
import { argvOf } from "./suite";
import { WRITE_INPUTS } from "./writeInputs";

export async function main(argv: string[]): Promise<number> {
  const size: Size = argv.includes("--small") ? "small" : "large";
  const only = argv.includes("--only") ? argv[argv.indexOf("--only") + 1].split(",") : undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "send-hostile-"));
  let failures = 0;
  console.log("| input | exit | wall time | peak RSS | message | verdict |\n|---|---|---|---|---|---|");
  try {
    for (const input of [...INPUTS, ...FILE_INPUTS, ...WRITE_INPUTS]) {
      if (only && !only.includes(input.name)) continue;
      const file = await input.make(dir, size);
      const r = runCli(argvOf(input, file, dir), { heapMB: 4096, timeoutMs: 600_000 });
      const e = input.expect;
      const ok =
        r.code === e.code &&
        e.stderr.test(r.stderr) &&
        (!e.stdout || e.stdout.test(r.stdout)) &&
        r.seconds < e.maxSeconds &&
        r.rssMB < e.maxRssMB;
      if (!ok) failures++;
      const message =
        r.stderr
          .trim()
          .split("\n")
          .filter((l) => !/ \(\d+\.\d s\)$/.test(l))
          .pop() ?? "";
      const short = message
        .replace(dir + path.sep, "")
        .replace(/\|/g, "\\|")
        .slice(0, 160);
      console.log(
        `| ${input.what} (${fs.statSync(file).isFile() ? `${(fs.statSync(file).size / 1e6).toFixed(1)} MB file` : "not a file"}) | ${r.code ?? r.signal} | ${r.seconds.toFixed(1)} s | ${r.rssMB.toFixed(0)} MB | ${short} | ${ok ? "PASS" : "FAIL"} |`,
      );
      if (file.startsWith(dir + path.sep)) fs.rmSync(file, { recursive: true, force: true }); // never /dev/zero
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return failures === 0 ? 0 : 1;
}
