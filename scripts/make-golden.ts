// Builds the golden workbooks test/golden/<name>.xlsx from their definitions test/golden/<name>.json
// (sheets with SEND formulas + hand-worked expected values), and test/golden/demo-totals.json from the
// demo. A definition whose computed values disagree with its expectations is reported and not written.
// Run: npx tsx scripts/make-golden.ts            (commit the .xlsx / .json it writes)
import fs from "node:fs";
import path from "node:path";
import { computeDemo } from "../src/demo";
import { demoTotals } from "../src/demo/totals";
import { formulaResults, sheetsForWrite, snapshot } from "../src/headless/io/bridge";
import { checkGolden, type GoldenDef } from "../src/headless/io/golden";
import { HeadlessWorkbook } from "../src/headless/workbook";
import { writeXlsx } from "../src/headless/xlsx";

const DIR = path.join(__dirname, "../test/golden");
/** JSON files in test/golden that are not workbook definitions. */
export const NOT_DEFINITIONS = ["functions.json", "demo-totals.json"];

async function main(): Promise<number> {
  let failed = 0;
  const defs = fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith(".json") && !NOT_DEFINITIONS.includes(f))
    .sort();
  for (const file of defs) {
    const def = JSON.parse(fs.readFileSync(path.join(DIR, file), "utf8")) as GoldenDef;
    const wb = HeadlessWorkbook.create(def.sheets);
    const snaps = snapshot(wb);
    const problems = checkGolden(def, new Map(formulaResults(snaps)));
    if (problems.length) {
      failed++;
      process.stderr.write(`${file}: ${problems.length} problem(s), not written:\n  ${problems.join("\n  ")}\n`);
      continue;
    }
    const out = path.join(DIR, file.replace(/\.json$/, ".xlsx"));
    const formats = Object.fromEntries(Object.keys(def.sheets).map((s) => [s, { headerRows: s === "Calc" ? 0 : 1 }]));
    await writeXlsx(out, sheetsForWrite(snaps, formats));
    process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);
  }
  const totals = demoTotals(computeDemo().data);
  fs.writeFileSync(path.join(DIR, "demo-totals.json"), `${JSON.stringify(totals, null, 2)}\n`);
  process.stdout.write(`wrote ${path.relative(process.cwd(), path.join(DIR, "demo-totals.json"))}\n`);
  return failed ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`${(e as Error).stack}\n`);
      process.exitCode = 2;
    },
  );
}
