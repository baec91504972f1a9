// `send-model forecast` in-process (main() with captured output): the JSON of contract section 6, per-LA error
// objects, --origin, and exit codes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "./runCli";

const ROOT = path.join(__dirname, "../..");
const CASELOAD = path.join(ROOT, "data/ehcp/ehcp-caseload-2010-2022.csv");
const NEW_PLANS = path.join(ROOT, "data/ehcp/ehcp-new-plans-2009-2021.csv");

const run = runCli;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "send-forecast-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("send-model forecast --json", () => {
  test("every LA: {code: {name, forecast: [{year, breakdown, low, central, high}]}} or {name, error}; exit 0", async () => {
    const r = await run(["forecast", CASELOAD, "--new-plans", NEW_PLANS, "--json", "-q"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, Record<string, unknown>>;
    expect(Object.keys(out).length).toBeGreaterThanOrEqual(154);
    const hartlepool = out.E06000001;
    expect(Object.keys(hartlepool)).toEqual(["name", "origin", "last", "coverage", "forecast"]);
    expect(hartlepool.origin).toBe(2022);
    expect(hartlepool.coverage).toBe(0.8);
    expect((hartlepool.last as Record<string, number>).total).toBe(740);
    expect(hartlepool.name).toBe("Hartlepool");
    const rows = hartlepool.forecast as Record<string, unknown>[];
    expect(rows).toHaveLength(3 * 16);
    expect(Object.keys(rows[0])).toEqual(["year", "breakdown", "low", "central", "high"]);
    expect(rows[0]).toMatchObject({ year: 2023, breakdown: "total" });
    expect(rows.slice(0, 16).map((f) => f.breakdown)).toEqual([
      "total",
      "mainstream",
      "rb",
      "special",
      "isp",
      "ap",
      "fe",
      "spi",
      "ey",
      "other",
      "age 0-4",
      "age 5-10",
      "age 11-15",
      "age 16-19",
      "age 20-25",
      "new plans",
    ]);
    for (const f of rows) for (const k of ["low", "central", "high"]) expect(Number.isInteger(f[k])).toBe(true);
    // North Northamptonshire (2022 only) cannot be forecast: the function's message, and the run goes on
    expect(out.E06000061).toEqual({
      name: "North Northamptonshire",
      error: "history has 1 year of data; a forecast needs at least 3 consecutive years.",
    });
    expect(out["E06000058"].name).toBe("Bournemouth, Christchurch and Poole");
  });

  test("--origin uses only the years up to it; --horizon and --coverage as the function's arguments", async () => {
    const r = await run([
      "forecast",
      CASELOAD,
      "--la",
      "Hartlepool",
      "--origin",
      "2019",
      "--horizon",
      "2",
      "--coverage",
      "0.5",
      "--json",
      "-q",
    ]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout).E06000001.forecast as {
      year: number;
      breakdown: string;
      low: number;
      high: number;
    }[];
    expect([...new Set(rows.map((f) => f.year))]).toEqual([2020, 2021]);
    expect(rows.some((f) => f.breakdown === "new plans")).toBe(false); // no --new-plans
    const wide = JSON.parse(
      (
        await run([
          "forecast",
          CASELOAD,
          "--la",
          "E06000001",
          "--origin",
          "2019",
          "--horizon",
          "2",
          "--coverage",
          "0.95",
          "--json",
          "-q",
        ])
      ).stdout,
    ).E06000001.forecast;
    expect(wide[0].high - wide[0].low).toBeGreaterThan(rows[0].high - rows[0].low);
  });

  test("without --json: CSV rows la_code, la_name, year, breakdown, low, central, high, coverage", async () => {
    const r = await run(["forecast", CASELOAD, "--la", "E06000058", "-q"]);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("la_code,la_name,year,breakdown,low,central,high,coverage");
    expect(lines[1]).toMatch(/^E06000058,"Bournemouth, Christchurch and Poole",2023,total,\d+,\d+,\d+,0.8$/);
  });
});

describe("send-model forecast --help", () => {
  test("lists every flag of contract section 6 and exits 0", async () => {
    const r = await run(["forecast", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: send-model forecast [options] [caseload]");
    for (const flag of ["--new-plans", "--release", "--la", "--origin", "--horizon", "--coverage", "--json"])
      expect(r.stdout).toContain(flag);
  });
});

describe("send-model forecast problems", () => {
  test("when no LA can be forecast, exit 1 with the errors on stderr and the error objects on stdout", async () => {
    const r = await run(["forecast", CASELOAD, "--la", "North Northamptonshire", "--json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).E06000061.error).toContain("at least 3");
    expect(r.stderr).toContain("no LA could be forecast");
  });

  test.each([
    [["--la", "Hartlepol"], "did you mean 'Hartlepool'?"],
    [["--horizon", "20"], "--horizon is 20; it must be a whole number of years from 1 to 15."],
    [["--coverage", "abc"], "--coverage 'abc' is not a number"],
    [["--origin", "2019.5"], "--origin '2019.5' is not a year"],
  ])("%j is a usage problem: exit 1, one line", async (args, message) => {
    const r = await run(["forecast", CASELOAD, ...args]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(message);
  });

  test("a missing file or a file of other columns is a problem naming it", async () => {
    const missing = await run(["forecast", path.join(dir, "nope.csv")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("cannot read the caseload file");
    const other = path.join(dir, "other.csv");
    fs.writeFileSync(other, "year,code,count\n2020,E1,5\n");
    const r = await run(["forecast", other]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no column 'la_code', 'la_name', 'breakdown'");
  });
});
