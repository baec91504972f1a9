// Runs `send-model` on an input in a child process and measures it: exit code, output, wall time and the
// child's peak RSS (reported by a preloaded script at exit, so it works without /usr/bin/time).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.join(__dirname, "../..");
const BIN = path.join(ROOT, "bin/send-model.js");
const RSS_PRELOAD = path.join(__dirname, "rss-preload.js");

export interface Measured {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** peak resident set size of the child, MB (NaN when it died before reporting) */
  rssMB: number;
}

/** Runs `node bin/send-model.js …args`; `heapMB` caps the V8 heap (a runaway then fails instead of swapping). */
export function runCli(args: readonly string[], opts: { timeoutMs?: number; heapMB?: number } = {}): Measured {
  const report = path.join(os.tmpdir(), `send-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const nodeArgs = [`--max-old-space-size=${opts.heapMB ?? 3072}`, "--require", RSS_PRELOAD, BIN, ...args];
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, nodeArgs, {
    cwd: ROOT,
    encoding: "utf8",
    timeout: opts.timeoutMs ?? 120_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, SEND_RSS_REPORT: report },
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let rssMB = NaN;
  try {
    rssMB = Number(fs.readFileSync(report, "utf8")) / 1024;
    fs.rmSync(report, { force: true });
  } catch {
    // no report: the child was killed
  }
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? "", stderr: r.stderr ?? "", seconds, rssMB };
}
