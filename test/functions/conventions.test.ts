// Every worked case of test/cases through the Excel entry points (src/functions/functions.ts), with its arguments
// dressed the way each Excel host hands them over: blanks as null (Excel on the web), as "" (some builds), as 0
// (Excel desktop builds), and every cell as a data-type object ({ type, basicValue }). The adapter
// (src/functions/excelArgs.ts) must make them all give what the web convention gives, and that must be what the
// wrapper computes from the case's own cells. The one thing no adapter can undo is a blank sent as 0: results are
// identical there for every case without blank cells, and the pane and demo therefore write exact-size ranges.
import { readdirSync, readFileSync, statSync } from "fs";
import { basename, join, relative } from "path";
import * as fns from "../../src/functions/functions";
import { toExcel } from "../../src/functions/excel";
import { REGISTRY, specOf } from "../../src/functions/registry";
import { invoke, type HostValue } from "../../src/functions/wrapper";

const ROOT = join(__dirname, "../cases");
type Case = { name: string; inputs?: Record<string, unknown> } & Record<string, unknown>;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".json") ? [p] : [];
  });
}
const kindOf = (p: string) => {
  const parts = relative(ROOT, p).split(/[\\/]/);
  return parts.length > 1 ? parts[0] : basename(p, ".json");
};

/** The functions each kind of case describes (a case file's name is its kind). */
const FUNCTIONS: Record<string, string[]> = {
  allocate: ["ALLOCATE", "BREAKDOWN"],
  allocateall: ["ALLOCATEALL"],
  compare: ["COMPARE"],
  topup: ["TOPUP"],
  band: ["BAND"],
  check: ["CHECK"],
  project: ["PROJECT", "PLAN"],
  "project-demand": ["PROJECT"],
  "plan-published": ["PLAN"], // published council plans: SEND.PLAN over their rates (the mitigations log is not a function)
  fit: ["FIT"],
  deficit: ["DEFICIT"],
  forecast: ["FORECAST"],
  payback: ["PAYBACK"],
  appraise: ["APPRAISE"],
  sufficiency: ["SUFFICIENCY"],
  register: ["REGISTER"],
  years: [], // the academic-to-financial-year rule of the engine: no SEND function takes it (cases-coverage.test.ts)
};

type Call = { label: string; fn: string; args: unknown[] };

/** A case's arguments for `fn`, by parameter name (from the case, its inputs, or the file's shared fields). */
function callsOf(file: string): Call[] {
  const data = JSON.parse(readFileSync(file, "utf8")) as Case[] | ({ cases: Case[] } & Record<string, unknown>);
  const cases = Array.isArray(data) ? data : data.cases;
  const shared: Record<string, unknown> = Array.isArray(data) ? {} : data;
  const kind = kindOf(file);
  const names = FUNCTIONS[kind];
  if (!names) throw new Error(`${relative(ROOT, file)}: no functions listed for case kind '${kind}'`);
  return cases.flatMap((c) =>
    names.map((fn) => {
      const spec = specOf(fn)!;
      const args = spec.parameters.map((p) => {
        const v = c.inputs?.[p.name] ?? c[p.name] ?? shared[p.name];
        if (v === undefined) return null; // omitted: Excel passes null
        if (p.type !== "range" || !Array.isArray(v)) return v;
        if (v.every((x) => Array.isArray(x))) return v;
        // a list: the header/values row of ALLOCATE, otherwise a column
        return p.name === "fields" || p.name === "values" ? [v] : v.map((x) => [x]);
      });
      return { label: `${relative(ROOT, file)}: ${c.name} (${fn})`, fn, args };
    }),
  );
}

const CALLS = files(ROOT).flatMap(callsOf);

const ENTRY: Record<string, (...a: unknown[]) => unknown> = Object.fromEntries(
  Object.entries(fns).map(([k, f]) => [k.toLowerCase(), f as (...a: unknown[]) => unknown]),
);

/** What the entry point gives: its value, or the error it throws (code and message). */
function run(fn: string, args: unknown[]): unknown {
  const entry = ENTRY[fn.toLowerCase()];
  if (!entry) throw new Error(`functions.ts has no entry point for ${fn}`);
  try {
    return { value: entry(...args) };
  } catch (e) {
    return { thrown: { ...(e as object), message: (e as Error).message } };
  }
}

const isRange = (fn: string, i: number) => specOf(fn)!.parameters[i]?.type === "range";
/** Applies `cell` to every cell of every range argument (and `scalar` to single values). */
function dress(call: Call, cell: (c: unknown) => unknown, scalar: (c: unknown) => unknown = (c) => c): unknown[] {
  return call.args.map((a, i) =>
    Array.isArray(a) && isRange(call.fn, i)
      ? (a as unknown[][]).map((r) => r.map(cell))
      : a === null
        ? null
        : scalar(a),
  );
}

const dataType = (c: unknown): unknown =>
  c === null
    ? { type: "Empty", basicValue: "" }
    : typeof c === "number"
      ? { type: "FormattedNumber", basicValue: c, numberFormat: "#,##0.00" }
      : typeof c === "boolean"
        ? { type: "Boolean", basicValue: c }
        : { type: "String", basicValue: c };

const hasBlank = (call: Call) =>
  call.args.some(
    (a, i) => Array.isArray(a) && isRange(call.fn, i) && (a as unknown[][]).some((r) => r.some((c) => c === null)),
  );

test("every case kind and every function is covered", () => {
  expect(CALLS.length).toBeGreaterThan(250);
  const covered = new Set(CALLS.map((c) => c.fn));
  expect(REGISTRY.map((s) => s.name).filter((n) => !covered.has(n))).toEqual(["FACTORS"]); // FACTORS takes no input
});

describe.each(CALLS.map((c) => [c.label, c] as const))("%s", (_, call) => {
  const web = run(call.fn, call.args);

  test("web (blanks null) gives what the wrapper computes from the case", () => {
    const spec = specOf(call.fn)!;
    let expected: unknown;
    try {
      expected = { value: toExcel(invoke(call.fn, call.args as HostValue[]), spec.result === "matrix") };
    } catch (e) {
      expected = { thrown: { ...(e as object), message: (e as Error).message } };
    }
    expect(web).toEqual(expected);
  });

  test('blanks as "" and every value as a data-type object give the same', () => {
    expect(
      run(
        call.fn,
        dress(call, (c) => (c === null ? "" : c)),
      ),
    ).toEqual(web);
    expect(run(call.fn, dress(call, dataType, dataType))).toEqual(web);
  });

  // A blank inside a range (an inherited rate, a missing count) sent as 0 is a 0: no adapter can tell.
  if (!hasBlank(call))
    test("blanks as 0 (Excel desktop) give the same: the case has no blank cell", () => {
      expect(
        run(
          call.fn,
          dress(call, (c) => (c === null ? 0 : c)),
        ),
      ).toEqual(web);
    });
});

// The pane writes rates ranges with room to grow (empty rows and columns past the table). Excel desktop builds send
// those empty cells as 0: a 0 in the header row or the key column is read as blank, so the padding changes nothing.
const RATED = CALLS.filter((c) => specOf(c.fn)!.parameters.some((p) => p.name === "rates"));
describe.each(RATED.map((c) => [c.label, c] as const))("%s, rates padded with empty cells sent as 0", (_, call) => {
  test("gives what the web gives for the exact range", () => {
    const at = specOf(call.fn)!.parameters.findIndex((p) => p.name === "rates");
    const rates = call.args[at];
    if (!Array.isArray(rates) || !rates.every(Array.isArray)) return; // a case whose rates are not a table
    const width = Math.max(...(rates as unknown[][]).map((r) => r.length));
    const padded = [
      ...(rates as unknown[][]).map((r) => [...r, ...Array(width + 3 - r.length).fill(0)]),
      ...Array.from({ length: 5 }, () => Array(width + 3).fill(0)),
    ];
    const args = call.args.map((a, i) => (i === at ? padded : a));
    expect(run(call.fn, args)).toEqual(run(call.fn, call.args));
  });
});
