// Scenario 2's child reports its own peak memory: getrusage's maxRSS survives exec, so a child of a large parent
// (the bench, a jest worker) reported the parent's size. The child reads its own VmHWM (bench/lib/peakRss.js).
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { PupilsResult } from "../../bench/scenarios/pupils";

const BENCH = path.join(__dirname, "../../bin/bench.js");

describe("scenario 2's peak RSS", () => {
  it("is the child's own, not its parent's, however large the parent", () => {
    const ballast = Buffer.alloc(300 * 1024 * 1024, 1); // touched pages: this process's RSS grows by 300 MB
    const parentMB = process.memoryUsage().rss / 1024 / 1024;
    expect(parentMB).toBeGreaterThan(350); // the case that misled: a parent larger than the child
    const r = spawnSync(
      process.execPath,
      ["--expose-gc", BENCH, "--child", "pupils", "--mode", "core", "--n", "2000", "--runs", "1"],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(ballast[ballast.length - 1]).toBe(1); // still held while the child ran
    const result = JSON.parse(r.stdout.trim().split("\n").pop()!) as PupilsResult;
    expect(result.errors).toBe(0);
    // its own peak is what it sampled itself (plus start-up), well under the parent's size
    expect(result.maxRss).toBeGreaterThanOrEqual(result.sampledRss);
    expect(result.maxRss).toBeLessThan(Math.min(250, parentMB - 100));
  }, 120_000);
});
