// Regenerates src/data/ehcp/history.json, the national EHC plan history the add-in and the CLI bundle,
// from the two published files in data/ehcp/ (one row per year of each area: Year, then every breakdown in
// release order, then New plans). `npm run make-ehcp-history`; test/data/ehcpHistory.test.ts checks the result
// against the CSVs.
import fs from "node:fs";
import path from "node:path";
import { readTidyFiles, type TidyArea } from "../src/data/ehcp/tidy";

const ROOT = path.join(__dirname, "..");
const OUT = path.join(ROOT, "src/data/ehcp/history.json");

export function buildHistory(): { source: string; columns: string[]; areas: TidyArea[] } {
  const caseload = fs.readFileSync(path.join(ROOT, "data/ehcp/ehcp-caseload-2010-2022.csv"), "utf8");
  const newPlans = fs.readFileSync(path.join(ROOT, "data/ehcp/ehcp-new-plans-2009-2021.csv"), "utf8");
  const { columns, areas } = readTidyFiles(caseload, newPlans);
  return {
    source:
      "DfE, Education, health and care plans, reporting year 2022 (Open Government Licence v3.0); data/ehcp/README.md",
    columns,
    areas,
  };
}

if (require.main === module) {
  const h = buildHistory();
  // one area per line: small diffs when the data changes
  const lines = h.areas.map((a) => `  ${JSON.stringify(a)}`);
  fs.writeFileSync(
    OUT,
    `{"source": ${JSON.stringify(h.source)},\n "columns": ${JSON.stringify(h.columns)},\n "areas": [\n${lines.join(",\n")}\n]}\n`,
  );
  process.stderr.write(`wrote ${path.relative(ROOT, OUT)}: ${h.areas.length} areas\n`);
}
