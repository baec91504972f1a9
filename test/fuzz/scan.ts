// A fuzzing tool, not a test: runs many cases per function and lists every distinct problem (grouped, with one
// example each) instead of stopping at the first, as jest does. Uses the same generators and checks.
//   npx tsx test/fuzz/scan.ts [cases per function = 500] [FUNCTION | all] [seed = FUZZ_SEED]
import fc from "fast-check";
import { casesFor, NAMES } from "./cases";
import { SEED } from "./config";
import { checkCall, summary } from "./oracle";

const runs = Number(process.argv[2] ?? 500);
const only = process.argv[3] && process.argv[3] !== "all" ? process.argv[3].toUpperCase() : null;
const seed = Number(process.argv[4] ?? SEED);
const seen = new Map<string, { n: number; example: string }>();
for (const name of NAMES) {
  if (only && name !== only) continue;
  for (const c of fc.sample(casesFor(name), { numRuns: runs, seed })) {
    try {
      checkCall(name, c.args);
    } catch (e) {
      const message = (e as Error).message.split("\n")[0];
      // group by the message with its numbers and quoted names taken out
      const key = message
        .replace(/\d+(\.\d+)?(e[+-]?\d+)?/gi, "#")
        .replace(/'[^']*'/g, "'…'")
        .slice(0, 160);
      const s = seen.get(key);
      if (s) s.n++;
      else seen.set(key, { n: 1, example: `${message.slice(0, 300)}\n      ${JSON.stringify(c).slice(0, 1500)}` });
    }
  }
}
for (const [key, s] of seen) console.log(`${s.n}× ${key}\n   e.g. ${s.example}\n`);
console.log(seen.size === 0 ? "no problems" : `${seen.size} distinct problems`);
console.log(summary("scan", seed));
