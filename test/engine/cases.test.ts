// Table-driven worked examples: every JSON file under test/cases (except those in OTHERS, which have their
// own runners). The kind of a file is its folder (allocate/…) or its name (band.json…).
import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative, basename } from "path";
import {
  band,
  check,
  COMPONENTS,
  D,
  findTopupRate,
  isSendError,
  project,
  readNumber,
  SendError,
  SETTING_OF_PHASE,
  SETTINGS,
  topupRate,
  type Cell,
  type Dec,
  type Grid,
  type OutCell,
  type Setting,
} from "./api";
import { normLabel as normLabelForTests } from "../../src/engine/normalize";
import { allocateAll, allocateRow, compareOptions, option } from "./pipeline";
import { expectCaseError } from "./expectCase";

const ROOT = join(__dirname, "../cases");
// each with its own runner: test/engine/{fit,deficit,payback,forecast,appraise,register,years}.test.ts, and
// test/functions/demand-cases.test.ts for the demand sets (SUFFICIENCY, PROJECT with a forecast), and
// test/functions/plan-published.test.ts for the published council plans
const OTHERS = new Set([
  "fit.json",
  "deficit.json",
  "payback.json",
  "forecast.json",
  "sufficiency.json",
  "project-demand.json",
  "appraise.json",
  "register.json",
  "plan-published.json",
  "years.json",
]);

type ErrorExpectation = { error: "#VALUE!" | "#N/A" | "#NUM!"; message_contains?: string[] };
interface Base {
  name: string;
  source?: string;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".json") ? [p] : [];
  });
}

function kindOf(path: string): string {
  const rel = relative(ROOT, path).split(/[\\/]/);
  return rel.length > 1 ? rel[0] : basename(path, ".json");
}

const ALL = files(ROOT).filter((p) => !OTHERS.has(relative(ROOT, p)));
const byKind = new Map<string, { file: string; c: Base & Record<string, unknown> }[]>();
for (const p of ALL) {
  const cases = JSON.parse(readFileSync(p, "utf8")) as (Base & Record<string, unknown>)[];
  for (const c of cases) {
    const list = byKind.get(kindOf(p)) ?? [];
    list.push({ file: relative(ROOT, p), c });
    byKind.set(kindOf(p), list);
  }
}
const casesOf = <T>(kind: string) =>
  (byKind.get(kind) ?? []).map(({ file, c }) => [`${file}: ${c.name}`, c as unknown as T] as const);

/** Exact decimal equality with a JSON number (to the penny or finer: the JSON number is the exact figure). */
function expectMoney(actual: Dec | SendError | null | undefined, expected: number, what = "") {
  if (isSendError(actual)) throw new Error(`${what}: expected ${expected}, got ${actual.toString()}`);
  if (actual === null || actual === undefined) throw new Error(`${what}: expected ${expected}, got blank`);
  if (!actual.eq(new D(expected))) throw new Error(`${what}: expected ${expected}, got ${actual.toString()}`);
}

const expectError = expectCaseError;

const isErr = (x: unknown): x is ErrorExpectation => typeof x === "object" && x !== null && "error" in x;

test("every case file has a runner and the sets are big enough", () => {
  const known = new Set(["allocate", "allocateall", "compare", "band", "topup", "project", "check"]);
  for (const k of byKind.keys()) expect(known).toContain(k);
  expect(byKind.get("allocate")!.length).toBeGreaterThanOrEqual(45);
  for (const k of known) expect((byKind.get(k) ?? []).length).toBeGreaterThan(0);
  for (const [, list] of byKind) for (const { c } of list) expect(typeof c.name).toBe("string");
});

// ---------------------------------------------------------------- SEND.ALLOCATE / SEND.BREAKDOWN
interface AllocateCase extends Base {
  rates: Grid;
  option: Cell;
  fields: Cell[];
  values: Cell[];
  expected: { total?: number; components?: Record<string, number> } | ErrorExpectation;
}
const COMPONENT_NAMES: string[] = COMPONENTS.map((c) => c.name);

describe("SEND.ALLOCATE worked examples", () => {
  test.each(casesOf<AllocateCase>("allocate"))("%s", (_, c) => {
    const result = allocateRow(c.rates, c.option, c.fields, c.values);
    if (isErr(c.expected)) return expectError(result, c.expected);
    if (isSendError(result)) throw new Error(`unexpected ${result.toString()}`);
    const { total, components } = c.expected;
    expect(total !== undefined || components !== undefined).toBe(true);
    if (total !== undefined) expectMoney(result.total, total, "Total");
    for (const [name, amount] of Object.entries(components ?? {})) {
      expect(COMPONENT_NAMES).toContain(name);
      expectMoney(result.components.find((x) => x.name === name)?.amount, amount, name);
    }
    // BREAKDOWN shape: the six components in contract order, and Total is their sum
    expect(result.components.map((x) => x.name)).toEqual(COMPONENT_NAMES);
    expect(result.components.reduce((s, x) => s.plus(x.amount), new D(0)).eq(result.total)).toBe(true);
  });
});

// ---------------------------------------------------------------- SEND.ALLOCATEALL
interface AllocateAllCase extends Base {
  rates: Grid;
  option: Cell;
  table: Grid;
  expected: { totals: (number | null | ErrorExpectation)[]; sum?: number } | ErrorExpectation;
}
describe("SEND.ALLOCATEALL worked examples", () => {
  test.each(casesOf<AllocateAllCase>("allocateall"))("%s", (_, c) => {
    const result = allocateAll(c.rates, c.option, c.table);
    if (isErr(c.expected)) return expectError(result, c.expected);
    if (isSendError(result)) throw new Error(`unexpected ${result.toString()}`);
    expect(result.length).toBe(c.expected.totals.length);
    c.expected.totals.forEach((e, i) => {
      if (e === null) expect(result[i]).toBeNull();
      else if (isErr(e)) expectError(result[i], e);
      else expectMoney(result[i], e, `row ${i + 1}`);
    });
    if (c.expected.sum !== undefined) {
      expectMoney(
        result.reduce<Dec>((s, x) => (x && !isSendError(x) ? s.plus(x) : s), new D(0)),
        c.expected.sum,
        "sum",
      );
    }
  });
});

// ---------------------------------------------------------------- SEND.COMPARE
type CellExpectation = string | number | null | { error: string };
interface CompareCase extends Base {
  rates: Grid;
  optionA: Cell;
  optionB: Cell;
  table: Grid;
  expected: { header: string[]; rows: CellExpectation[][]; total: CellExpectation[] } | ErrorExpectation;
}
function expectCell(actual: OutCell | Dec | SendError | null, e: CellExpectation, where: string) {
  if (e === null) return expect(actual).toBeNull();
  if (typeof e === "string") return expect(actual).toBe(e);
  if (typeof e === "object") {
    if (!isSendError(actual)) throw new Error(`${where}: expected ${e.error}, got ${String(actual)}`);
    return expect(actual.kind).toBe(e.error);
  }
  if (actual === null || isSendError(actual) || typeof actual !== "object")
    throw new Error(`${where}: expected ${e}, got ${String(actual)}`);
  // Change is a ratio: 13 decimal places is far below any displayed precision; money is exact
  expect(Math.abs((actual as Dec).toNumber() - e)).toBeLessThan(5e-14);
}
describe("SEND.COMPARE worked examples", () => {
  test.each(casesOf<CompareCase>("compare"))("%s", (_, c) => {
    const result = compareOptions(c.rates, c.optionA, c.optionB, c.table);
    if (isErr(c.expected)) return expectError(result, c.expected);
    if (isSendError(result)) throw new Error(`unexpected ${result.toString()}`);
    expect(result.header).toEqual(c.expected.header);
    expect(result.rows.length).toBe(c.expected.rows.length);
    const cells = (r: typeof result.total) => [r.name, r.a, r.b, r.difference, r.change];
    c.expected.rows.forEach((row, i) =>
      row.forEach((e, j) => expectCell(cells(result.rows[i])[j], e, `row ${i + 1} col ${j + 1}`)),
    );
    c.expected.total.forEach((e, j) => expectCell(cells(result.total)[j], e, `Total col ${j + 1}`));
    // money columns are exact: Difference = B − A on every row that computed
    for (const r of [...result.rows, result.total]) {
      if (r.a && r.b && !isSendError(r.a) && !isSendError(r.b))
        expect((r.difference as Dec).eq(r.b.minus(r.a))).toBe(true);
    }
  });
});

// ---------------------------------------------------------------- SEND.BAND
interface BandCase extends Base {
  rates: Grid;
  option: Cell;
  score: Cell;
  expected: { band: string } | ErrorExpectation;
}
describe("SEND.BAND worked examples", () => {
  test.each(casesOf<BandCase>("band"))("%s", (_, c) => {
    const opt = option(c.rates, c.option);
    if (isSendError(opt)) throw new Error(opt.toString());
    const score = readNumber(c.score);
    if (score.kind !== "number") throw new Error("bad score in case");
    const result = band(opt, score.value);
    if (isErr(c.expected)) return expectError(result, c.expected);
    expect(result).toBe(c.expected.band);
  });
});

// ---------------------------------------------------------------- TOP-UP rate lookup (SEND.TOPUP)
interface TopupCase extends Base {
  rates: Grid;
  option: Cell;
  setting: string;
  band: string | number;
  expected: { rate: number; key?: string; from?: string } | ErrorExpectation;
}
/** SEND.TOPUP's setting argument: a setting, or a phase name meaning its setting (contract section 5). */
function settingOf(s: string): Setting {
  const n = normLabelForTests(s);
  const direct = SETTINGS.find((x) => x === n);
  if (direct) return direct;
  const phase = Object.entries(SETTING_OF_PHASE).find(([p]) => normLabelForTests(p) === n);
  if (!phase) throw new Error(`case uses unknown setting ${s}`);
  return phase[1];
}
describe("top-up rate lookup worked examples", () => {
  test.each(casesOf<TopupCase>("topup"))("%s", (_, c) => {
    const opt = option(c.rates, c.option);
    if (isSendError(opt)) throw new Error(opt.toString());
    const setting = settingOf(c.setting);
    const label = String(c.band);
    if (isErr(c.expected)) {
      expect(findTopupRate(opt, setting, label)).toBeUndefined();
      let caught: unknown;
      try {
        topupRate(opt, setting, label, "SEND.TOPUP");
      } catch (e) {
        caught = (e as { error?: unknown }).error;
      }
      return expectError(caught, c.expected);
    }
    const r = findTopupRate(opt, setting, label);
    expect(r).toBeDefined();
    expectMoney(r!.value, c.expected.rate, "rate");
    if (c.expected.key) expect(r!.key.toLowerCase()).toBe(c.expected.key);
    if (c.expected.from) expect(r!.from).toBe(c.expected.from);
    expect(topupRate(opt, setting, label, "SEND.TOPUP")).toEqual(r);
  });
});

// ---------------------------------------------------------------- SEND.PROJECT
interface ProjectCase extends Base {
  rates: Grid;
  option: Cell;
  expected: { rows: (string | number)[][] } | ErrorExpectation;
}
describe("SEND.PROJECT worked examples", () => {
  test.each(casesOf<ProjectCase>("project"))("%s", (_, c) => {
    const opt = option(c.rates, c.option);
    const result = isSendError(opt) ? opt : project(opt);
    if (isErr(c.expected)) return expectError(result, c.expected);
    if (isSendError(result)) throw new Error(`unexpected ${result.toString()}`);
    expect(result.length).toBe(c.expected.rows.length);
    c.expected.rows.forEach(([year, ...money], i) => {
      const r = result[i];
      expect(r.year).toBe(year);
      [r.income, r.spend, r.inYear, r.cumulative].forEach((x, j) =>
        expectMoney(x, money[j] as number, `year ${year} col ${j + 2}`),
      );
    });
  });
});

// ---------------------------------------------------------------- SEND.CHECK
interface CheckCase extends Base {
  rates: Grid;
  option: Cell;
  /** SEND.CHECK's third argument: an institution table checked against the rates */
  table?: Grid;
  expected: { problems: { option: string; key: string; contains: string[] }[] } | ErrorExpectation;
}
describe("SEND.CHECK worked examples", () => {
  test.each(casesOf<CheckCase>("check"))("%s", (_, c) => {
    const result = check(c.rates, c.option, "rates", "option", c.table ?? null);
    if (isErr(c.expected)) return expectError(result, c.expected);
    if (isSendError(result)) throw new Error(`unexpected ${result.toString()}`);
    expect(result.map((p) => [p.option, p.key])).toEqual(c.expected.problems.map((p) => [p.option, p.key]));
    c.expected.problems.forEach((p, i) => {
      for (const s of p.contains) expect(result[i].problem).toContain(s);
    });
  });
});
