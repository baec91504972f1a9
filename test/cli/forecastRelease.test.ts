// `send-model forecast --release` (the DfE release as downloaded: folder, zip or CSV files), --la by code, LA
// number or name, and issue 21's care with files: duplicated rows, one LA's bad count, any LA code, and CSV text
// that Excel would read as a formula.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { runCli } from "./runCli";

const RELEASE = path.join(__dirname, "../data/release");

const run = runCli;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "send-release-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("send-model forecast --release", () => {
  test("the folder, its zip and its two CSV files give the same forecast; origin and last census said", async () => {
    const folder = await run(["forecast", "--release", RELEASE, "--json", "-q"]);
    expect(folder.code).toBe(0);
    const zip = new JSZip();
    for (const f of ["caseload.csv", "newplans.csv"]) zip.file(`data/${f}`, fs.readFileSync(path.join(RELEASE, f)));
    const zipFile = path.join(dir, "ehcp.zip");
    fs.writeFileSync(zipFile, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const zipped = await run(["forecast", "--release", zipFile, "--json", "-q"]);
    const files = await run([
      "forecast",
      "--release",
      path.join(RELEASE, "newplans.csv"),
      path.join(RELEASE, "caseload.csv"),
      "--json",
      "-q",
    ]);
    expect(zipped.stdout).toBe(folder.stdout);
    expect(files.stdout).toBe(folder.stdout);
    const out = JSON.parse(folder.stdout);
    expect(Object.keys(out)).toEqual([
      "E92000001",
      "E06000001",
      "E09000033",
      "E10000016",
      "E10000009",
      "E06000059",
      "E06000058",
    ]);
    const kent = out.E10000016;
    expect(kent.origin).toBe(2022);
    expect(kent.last).toEqual({
      total: 17733,
      mainstream: 4644,
      rb: 1303,
      special: 5534,
      isp: 1507,
      ap: 1,
      fe: 2556,
      spi: 755,
      ey: 61,
      other: 1372,
      "new plans": 2910,
    });
    expect(Object.keys(kent.last)).toEqual([...new Set(kent.forecast.map((f: { breakdown: string }) => f.breakdown))]);
    expect(kent.forecast[0]).toMatchObject({ year: 2023, breakdown: "total" });
    // the bundled history's vintage is said where it completes the release
    const loud = await run(["forecast", "--release", RELEASE, "--la", "886"]);
    expect(loud.stderr).toContain(
      "from the bundled history (DfE, Education, health and care plans, reporting year 2022",
    );
  });

  test("the release gives the bundled history's forecast for the years both hold", async () => {
    const fromRelease = JSON.parse(
      (await run(["forecast", "--release", RELEASE, "--la", "Kent", "--json", "-q"])).stdout,
    );
    const caseload = path.join(__dirname, "../../data/ehcp/ehcp-caseload-2010-2022.csv");
    const tidy = JSON.parse((await run(["forecast", caseload, "--la", "Kent", "--json", "-q"])).stdout);
    const pick = (rows: { breakdown: string }[]) => rows.filter((r) => r.breakdown === "total");
    expect(pick(fromRelease.E10000016.forecast).length).toBe(3);
    expect(fromRelease.E10000016.last.total).toBe(tidy.E10000016.last.total);
  });

  test("--la takes the code, the three-digit LA number or the name", async () => {
    for (const la of ["E10000016", "886", "kent"]) {
      const r = await run(["forecast", "--release", RELEASE, "--la", la, "--json", "-q"]);
      expect(Object.keys(JSON.parse(r.stdout))).toEqual(["E10000016"]);
    }
    const caseload = path.join(__dirname, "../../data/ehcp/ehcp-caseload-2010-2022.csv");
    const r = await run(["forecast", caseload, "--la", "886", "--json", "-q"]);
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(["E10000016"]);
    // Gateshead's number belongs to its old and new codes: the current one
    const g = await run(["forecast", caseload, "--la", "390", "--json", "-q"]);
    expect(Object.keys(JSON.parse(g.stdout))).toEqual(["E08000037"]);
  });

  test("a file of another layout is one line naming the columns expected; a folder without the files too", async () => {
    const other = path.join(dir, "other.csv");
    fs.writeFileSync(other, "year,la_code,la_name,breakdown,count\n2020,E1,X,total,5\n");
    const r = await run(["forecast", "--release", other]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("is not a file of the DfE release: expected the columns time_period, geographic_level");
    const empty = fs.mkdtempSync(path.join(dir, "empty-"));
    const e = await run(["forecast", "--release", empty]);
    expect(e.code).toBe(1);
    expect(e.stderr).toContain("the folder holds no caseload.csv");
    const both = await run(["forecast", other, "--release", RELEASE]);
    expect(both.stderr).toContain("not both");
  });
});

describe("forecast is as careful with its files as import (issue 21)", () => {
  const HEAD = "year,la_code,la_name,breakdown,count\n";
  const series = (code: string, name: string, counts: (number | string)[]) =>
    counts.map((c, i) => `${2019 + i},${code},${name},total,${c}`).join("\n");

  test("duplicated rows are that area's error naming them; a bad count is its area's error; the others run", async () => {
    const file = path.join(dir, "dup.csv");
    fs.writeFileSync(
      file,
      `${HEAD}${series("E1", "Town", [5000, 5100, 5298])}\n2021,E1,Town,total,52975\n${series("E2", "City", [10, -3, 12])}\n${series("E3", "Village", [20, 21, 22])}\n`,
    );
    const r = await run(["forecast", file, "--json", "-q"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.E1).toEqual({ name: "Town", error: `${file} lines 4 and 5 both give E1's total for 2021` });
    expect(out.E2).toEqual({ name: "City", error: `${file} line 7: count '-3' is not a number of plans` });
    expect(out.E3.forecast[0]).toMatchObject({ year: 2022, breakdown: "total" });
  });

  test("any LA code works, __proto__ included; CSV text Excel would read as a formula is kept as text", async () => {
    const file = path.join(dir, "odd.csv");
    fs.writeFileSync(
      file,
      `${HEAD}${series("__proto__", "=HYPERLINK(1)", [10, 11, 12])}\n${series("+E2", "@SUM", [5, 6, 7])}\n${series("E3", '"-x, y"', [5, 6, 7])}\n`,
    );
    const json = JSON.parse((await run(["forecast", file, "--json", "-q"])).stdout);
    expect(Object.keys(json)).toEqual(["__proto__", "+E2", "E3"]);
    expect(Object.prototype.hasOwnProperty.call(json, "__proto__")).toBe(true);
    expect(json["__proto__"].name).toBe("=HYPERLINK(1)");
    const one = JSON.parse((await run(["forecast", file, "--la", "__proto__", "--json", "-q"])).stdout);
    expect(Object.keys(one)).toEqual(["__proto__"]);
    const csv = (await run(["forecast", file, "-q"])).stdout.split("\n");
    expect(csv[1]).toMatch(/^__proto__,'=HYPERLINK\(1\),2022,total,/);
    expect(csv.find((l) => l.startsWith("'+E2"))).toMatch(/^'\+E2,'@SUM,2022,total,/);
    expect(csv.find((l) => l.startsWith("E3"))).toMatch(/^E3,"'-x, y",2022,total,/);
  });
});
