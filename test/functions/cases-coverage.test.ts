// Guard: every JSON file of worked cases in test/cases runs through wrapper.invoke as well as through the engine.
// A new case file fails here until it is added to a function-layer runner and to this list.
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "../cases");

/** Case file (or folder) → the test/functions runner that sends its cases through wrapper.invoke. */
const INVOKE_RUNNERS: Record<string, string> = {
  allocate: "cases.test.ts", // ALLOCATE and BREAKDOWN, exact and decimal paths
  "allocateall.json": "cases.test.ts",
  "compare.json": "cases.test.ts",
  "topup.json": "cases.test.ts",
  "band.json": "cases.test.ts",
  "project.json": "cases-decimal.test.ts", // no fast path: once
  "check.json": "cases-decimal.test.ts",
  "fit.json": "cases-decimal.test.ts",
  "deficit.json": "cases-decimal.test.ts",
  "payback.json": "cases-decimal.test.ts",
  "appraise.json": "cases-decimal.test.ts",
  "forecast.json": "cases-decimal.test.ts",
  "register.json": "cases-decimal.test.ts",
  "sufficiency.json": "demand-cases.test.ts",
  "project-demand.json": "demand-cases.test.ts",
  "plan-published.json": "plan-published.test.ts",
};

/**
 * Case files no SEND.* function computes, with the reason. years.json holds the academic-to-financial-year
 * conversion, which reaches a sheet as a plain formula (financialYearFormula), not as a SEND function.
 */
const NOT_A_FUNCTION: Record<string, string> = {
  "years.json": "test/engine/years.test.ts (also evaluates the formula text in HyperFormula)",
};

/** Top-level entries of test/cases that hold JSON cases: a .json file, or a folder of them. */
function caseEntries(): string[] {
  return readdirSync(ROOT).filter((f) => {
    const p = join(ROOT, f);
    return statSync(p).isDirectory() ? readdirSync(p).some((g) => g.endsWith(".json")) : f.endsWith(".json");
  });
}

test("every case file in test/cases has a wrapper.invoke runner", () => {
  const uncovered = caseEntries().filter((f) => !(f in INVOKE_RUNNERS) && !(f in NOT_A_FUNCTION));
  expect(uncovered).toEqual([]);
});

test("each listed runner exists and reads the case file it is listed for", () => {
  for (const [entry, runner] of Object.entries(INVOKE_RUNNERS)) {
    const p = join(__dirname, runner);
    expect(existsSync(p)).toBe(true);
    const kind = entry.replace(/\.json$/, "");
    // cases.test.ts finds files by kind (casesOf("band")); the others load them by name ("fit.json")
    expect(readFileSync(p, "utf8")).toMatch(new RegExp(`"${kind}(\\.json)?"`));
  }
});

test("the lists name only case files that exist", () => {
  const present = new Set(caseEntries());
  for (const f of [...Object.keys(INVOKE_RUNNERS), ...Object.keys(NOT_A_FUNCTION)]) expect(present).toContain(f);
});
