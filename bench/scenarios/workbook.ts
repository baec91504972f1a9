// Scenario 4: the demo workbook's Allocations through the headless host (HeadlessWorkbook = HyperFormula
// + the SEND plugin), against the same Allocations written with built-in functions only (native/
// allocations.ts), evaluated by the same HyperFormula engine with the same configuration over the same
// Rates and Institutions sheets. Two measures: build + full evaluation, and recalculation after one rate
// edit (a top-up rate every option inherits, so every allocation depends on it). Native totals are
// checked against ours on every row.
import { performance } from "node:perf_hooks";
import { HyperFormula } from "hyperformula";
import type { ConfigParams } from "hyperformula";
import { measureMany, median, maybeGc, summarize, type Timing } from "../lib/stats";
import { loadModule, type Invoke } from "../lib/hosts";
import type { BenchRow } from "../lib/report";
import { nativeSheets, NATIVE_SHEETS, colLetters, type LookupStyle } from "../native/allocations";
import type { Cell } from "../../src/engine/types";
import { parseCellOrThrow } from "../../src/util/a1";

type Rows = Cell[][];
type Sheets = Record<string, Rows>;

interface Workbook {
  values(sheet: string, range: string): unknown[][];
  edit(sheet: string, a1: string, v: Cell): void;
  done(): void;
}
interface HeadlessCtor {
  create(sheets: Sheets): {
    hyperformula: HyperFormula;
    setCells(s: string, a1: string, rows: Cell[][]): void;
    getValues(s: string, r: string): unknown[][];
  };
}

/** The same configuration as src/headless/workbook.ts (not exported there). */
const CONFIG: Partial<ConfigParams> = { licenseKey: "gpl-v3", smartRounding: false };
const NAMED = [
  { name: "TRUE", expression: "=TRUE()" },
  { name: "FALSE", expression: "=FALSE()" },
];

function nativeBook(sheets: Sheets): Workbook {
  const hf = HyperFormula.buildFromSheets(sheets as never, CONFIG, NAMED);
  return wrapHf(hf);
}

function wrapHf(hf: HyperFormula): Workbook {
  return {
    values: (sheet, range) => {
      const [a, b] = range.split(":");
      const start = hf.simpleCellAddressFromString(`${sheet}!${a}`, 0)!;
      const end = hf.simpleCellAddressFromString(`${sheet}!${b}`, 0)!;
      return hf.getRangeValues({ start, end }) as unknown[][];
    },
    edit: (sheet, a1, v) => {
      hf.setCellContents(hf.simpleCellAddressFromString(`${sheet}!${a1}`, hf.getSheetId(sheet)!)!, [[v]]);
    },
    done: () => hf.destroy(),
  };
}

function oursBook(sheets: Sheets): { book: Workbook; via: string } | null {
  const hw = loadModule<{ HeadlessWorkbook?: HeadlessCtor }>("../../src/headless/workbook");
  if (hw?.HeadlessWorkbook) {
    const Ctor = hw.HeadlessWorkbook;
    return {
      via: "HeadlessWorkbook",
      book: (() => {
        const wb = Ctor.create(sheets);
        return {
          values: (s, r) => wb.getValues(s, r),
          edit: (s, a1, v) => wb.setCells(s, a1, [[v]]),
          done: () => wb.hyperformula.destroy(),
        };
      })(),
    };
  }
  const plugin = loadModule<{ registerSendPlugin?: () => void }>("../../src/headless/plugin");
  if (!plugin?.registerSendPlugin) return null;
  plugin.registerSendPlugin();
  return { via: "HyperFormula + src/headless/plugin.ts (HeadlessWorkbook not present)", book: nativeBook(sheets) };
}

interface DemoModel {
  sheets: Sheets;
  ratesSheet: string;
  institutionsSheet: string;
  allocationsSheet: string;
  options: string[];
  count: number;
  source: string;
  fullDemo?: Sheets;
}

function demoModel(): DemoModel | null {
  const demo = loadModule<{ buildDemoWorkbook?: () => { sheets: { name: string; cells: Rows }[] } }>(
    "../../src/demo/workbook",
  );
  const rates = loadModule<{ ALLOCATION_OPTIONS?: string[] }>("../../src/demo/rates");
  if (demo?.buildDemoWorkbook && rates?.ALLOCATION_OPTIONS) {
    const wb = demo.buildDemoWorkbook();
    const get = (n: string) => wb.sheets.find((s) => s.name === n)?.cells;
    const R = get("Rates"),
      I = get("Institutions"),
      A = get("Allocations");
    if (R && I && A) {
      const options = rates.ALLOCATION_OPTIONS;
      // the Allocations sheet without its BREAKDOWN examples: Name, Phase, one SEND.ALLOCATE per option
      const alloc = A.map((row) => row.slice(0, 2 + options.length));
      return {
        sheets: { Rates: R, Institutions: I, Allocations: alloc },
        ratesSheet: "Rates",
        institutionsSheet: "Institutions",
        allocationsSheet: "Allocations",
        options,
        count: I.length - 1,
        source: "demo workbook (src/demo)",
        fullDemo: Object.fromEntries(wb.sheets.map((s) => [s.name, s.cells])),
      };
    }
  }
  return null;
}

/**
 * The workbook the task pane's New model builds (src/model planModel with sample institutions, the demo's size): one
 * spilled SEND.ALLOCATEALL per option on Allocations, and the Checks sheet's SEND.CHECK over rates and the table.
 */
function paneModel(count: number): DemoModel | null {
  const model = loadModule<{
    planModel?: (spec: unknown) => {
      sheets: { role: string; name: string; rows: Rows }[];
      allocationOptions: string[];
      count: number;
    };
  }>("../../src/model/model");
  if (!model?.planModel) return null;
  const plan = model.planModel({
    existing: [],
    national: "National 2024-25",
    candidates: [{ name: "Candidate A", inherits: "Local (sample)" }],
    sample: { count },
  });
  const by = (role: string) => plan.sheets.find((s) => s.role === role)!;
  return {
    sheets: Object.fromEntries(plan.sheets.map((s) => [s.name, s.rows])),
    ratesSheet: by("rates").name,
    institutionsSheet: by("institutions").name,
    allocationsSheet: by("allocations").name,
    options: plan.allocationOptions,
    count: plan.count,
    source:
      "the workbook the pane's New model builds (src/model planModel, sample institutions, with its Checks sheet)",
  };
}

/**
 * The same recalculation without HyperFormula: every ALLOCATE cell of the Allocations sheet as one bare wrapper.invoke
 * call, with what the plugin hands it (the sheets' values as `book` computed them, in frozen host arrays: the rates
 * table made afresh for each edit, the header and each values row made once, as HyperFormula's range memo keeps
 * them). The difference is the host's cost per cell.
 */
function bareInvokeTimes(
  m: DemoModel,
  book: Workbook,
  target: { a1: string; value: number },
  invoke: Invoke,
  opts: { warmup: number; runs: number },
): { times: number[]; errors: number } {
  const freeze = loadModule<{ freezeGrid?: (g: Cell[][]) => Cell[][] }>("../../src/functions/args")?.freezeGrid;
  const frozen = (g: Cell[][]) => (freeze ? freeze(g) : g);
  const computed = (sheet: string): Cell[][] => {
    const g = m.sheets[sheet];
    const range = `A1:${colLetters(Math.max(...g.map((r) => r.length)))}${g.length}`;
    return book.values(sheet, range).map((r) => r.map((v) => (v === undefined ? null : (v as Cell))));
  };
  const I = computed(m.institutionsSheet);
  const R = computed(m.ratesSheet);
  const header = frozen([[...I[0]]]);
  const rows = I.slice(1, m.count + 1).map((r) => frozen([[...r]]));
  const at = parseCellOrThrow(target.a1);
  const times: number[] = [];
  let errors = 0;
  for (let i = 0; i < opts.warmup + opts.runs; i++) {
    const rates = R.map((r) => [...r]);
    rates[at.row - 1][at.col - 1] = target.value + (i % 2 === 0 ? 1 : 0);
    const table = frozen(rates);
    maybeGc();
    const t0 = performance.now();
    for (const option of m.options) for (const values of rows) invoke("ALLOCATE", [table, option, header, values]);
    if (i >= opts.warmup) times.push(performance.now() - t0);
  }
  const last = frozen(R.map((r) => [...r]));
  for (const option of m.options)
    for (const values of rows) if (typeof invoke("ALLOCATE", [last, option, header, values]) !== "number") errors++;
  return { times, errors };
}

/** The Rates cell of the first top-up key the first option's ancestors define (every option inherits it). */
function editTarget(m: DemoModel): { a1: string; value: number } {
  const R = m.sheets[m.ratesSheet];
  const norm = (s: unknown) =>
    String(s ?? "")
      .toLowerCase()
      .replace(/[\s_-]+/g, "");
  const fc = R[0].findIndex((h) => norm(h) === "factor");
  for (let r = 1; r < R.length; r++) {
    if (!/^topup\./.test(norm(R[r][fc]))) continue;
    for (let c = 0; c < R[0].length; c++)
      if (c !== fc && typeof R[r][c] === "number")
        return { a1: `${colLetters(c + 1)}${r + 1}`, value: R[r][c] as number };
  }
  throw new Error("no top-up rate to edit");
}

export interface WorkbookDetails {
  source: string;
  via: string;
  institutions: number;
  options: number;
  allocationCells: number;
  build: Record<string, Timing>;
  recalc: Record<string, Timing>;
  /** every ALLOCATE cell as a bare wrapper.invoke call, per recalculation */
  bareInvoke?: Timing;
  fullDemoBuild?: Timing;
  equality: Record<string, { compared: number; equal: number; maxDiff: number; first?: string }>;
}

export async function workbookScenario(
  invoke: Invoke | null,
  opts: { warmup: number; runs: number; styles?: LookupStyle[] },
): Promise<{ rows: BenchRow[]; details: WorkbookDetails | null; pane?: WorkbookDetails }> {
  const m = demoModel();
  const probe = m && oursBook(m.sheets);
  if (!m || !probe) {
    return {
      rows: [
        {
          id: "4",
          scenario: "workbook recalculation",
          measure: "native / ours",
          value: null,
          unit: "×",
          target: "≥ 10",
          pass: null,
          note: "headless host or model builders not present",
        },
      ],
      details: null,
    };
  }
  probe.book.done();
  const demo = measureModel(m, probe.via, invoke, opts, opts.styles ?? ["match", "xlookup", "resolved"], "");
  // the pane's workbook against the fastest native style only (the others take seconds a build and never win)
  const p = paneModel(m.count);
  const pane = p ? measureModel(p, probe.via, null, opts, ["resolved"], "pane-built ") : null;
  return { rows: [...demo.rows, ...(pane?.rows ?? [])], details: demo.details, pane: pane?.details };
}

/** Build and recalculation of one model, ours against the native `styles`; `label` prefixes its scenario name. */
function measureModel(
  m: DemoModel,
  via: string,
  invoke: Invoke | null,
  opts: { warmup: number; runs: number },
  styles: LookupStyle[],
  label: string,
): { rows: BenchRow[]; details: WorkbookDetails } {
  const probe = { via };
  const header = m.sheets[m.institutionsSheet][0];
  const natives = Object.fromEntries(
    styles.map((style) => {
      const n = nativeSheets({
        ratesSheet: m.ratesSheet,
        ratesGrid: m.sheets[m.ratesSheet],
        institutionsSheet: m.institutionsSheet,
        header,
        count: m.count,
        options: m.options,
        style,
      });
      return [
        style,
        {
          n,
          sheets: {
            [m.ratesSheet]: m.sheets[m.ratesSheet],
            [m.institutionsSheet]: m.sheets[m.institutionsSheet],
            ...n.sheets,
          } as Sheets,
        },
      ];
    }),
  ) as Record<LookupStyle, { n: ReturnType<typeof nativeSheets>; sheets: Sheets }>;

  // Native INDEX/MATCH and XLOOKUP styles take seconds a build: measured once (they are never the fastest).
  const slow = new Set(["native match", "native xlookup"].filter((k) => styles.includes(k.slice(7) as LookupStyle)));
  const variants: Record<string, () => Workbook> = {
    ours: () => oursBook(m.sheets)!.book,
    ...Object.fromEntries(styles.map((st) => [`native ${st}`, () => nativeBook(natives[st].sheets)])),
  };

  // 1. build + full evaluation, interleaved
  const fastNames = Object.keys(variants).filter((k) => !slow.has(k));
  const build: Record<string, Timing> = {
    ...measureMany(Object.fromEntries(fastNames.map((k) => [k, () => variants[k]().done()])), opts),
    ...measureMany(Object.fromEntries([...slow].map((k) => [k, () => variants[k]().done()])), { warmup: 0, runs: 1 }),
  };

  // 2. recalculation after one rate edit: each workbook built once, then the same cell edited to a new value each run
  const target = editTarget(m);
  const books: Record<string, Workbook> = Object.fromEntries(Object.entries(variants).map(([k, make]) => [k, make()]));
  const recalcTimes: Record<string, number[]> = Object.fromEntries(Object.keys(books).map((k) => [k, []]));
  for (let i = 0; i < opts.warmup + opts.runs; i++) {
    for (const [k, b] of Object.entries(books)) {
      if (slow.has(k) && i >= opts.warmup + 2) continue;
      maybeGc();
      const t0 = performance.now();
      // a value the rates never held before (not back and forth): the memory keeps what it computed by rates content,
      // so returning to an earlier value would measure a remembered result rather than a recalculation
      b.edit(m.ratesSheet, target.a1, target.value + 1 + i);
      const t = performance.now() - t0;
      if (i >= opts.warmup) recalcTimes[k].push(t);
    }
  }
  const bare = invoke ? bareInvokeTimes(m, books.ours, target, invoke, opts) : null;

  // leave every book on the original value, then compare totals with ours
  for (const b of Object.values(books)) b.edit(m.ratesSheet, target.a1, target.value);
  const lastRow = m.count + 1;
  const totalsRange = `C2:${colLetters(2 + m.options.length)}${lastRow}`;
  const oursVals = books.ours.values(m.allocationsSheet, totalsRange);
  const equality: WorkbookDetails["equality"] = {};
  const compare = (name: string, get: (k: number, i: number) => unknown) => {
    const e = { compared: 0, equal: 0, maxDiff: 0, first: undefined as string | undefined };
    m.options.forEach((o, k) => {
      for (let i = 0; i < m.count; i++) {
        const a = oursVals[i][k],
          b = get(k, i);
        e.compared++;
        const d = typeof a === "number" && typeof b === "number" ? Math.abs(a - b) : a === b ? 0 : Infinity;
        if (d < 0.005) e.equal++;
        else e.first ??= `${o}, row ${i + 2}: ours ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
        if (Number.isFinite(d)) e.maxDiff = Math.max(e.maxDiff, d);
      }
    });
    equality[name] = e;
  };
  for (const st of styles) {
    const n = natives[st].n;
    const cols = m.options.map((_, k) =>
      books[`native ${st}`].values(
        NATIVE_SHEETS.allocations,
        `${colLetters(n.totalCol(k))}2:${colLetters(n.totalCol(k))}${lastRow}`,
      ),
    );
    compare(`native ${st}`, (k, i) => cols[k][i][0]);
  }
  for (const b of Object.values(books)) b.done();

  let fullDemoBuild: Timing | undefined;
  if (m.fullDemo) {
    const full = m.fullDemo;
    fullDemoBuild = measureMany(
      { full: () => oursBook(full)!.book.done() },
      { warmup: 1, runs: Math.max(3, opts.runs - 2) },
    ).full;
  }

  const recalc = Object.fromEntries(
    Object.entries(recalcTimes).map(([k, v]) => [k, { runs: v, median: median(v), min: Math.min(...v) }]),
  ) as Record<string, Timing>;
  const details: WorkbookDetails = {
    source: m.source,
    via: probe.via,
    institutions: m.count,
    options: m.options.length,
    allocationCells: m.count * m.options.length,
    build,
    recalc,
    bareInvoke: bare ? summarize(bare.times) : undefined,
    fullDemoBuild,
    equality,
  };

  const nativeKeys = styles.map((st) => `native ${st}`);
  const fastest = (t: Record<string, Timing>) => nativeKeys.reduce((a, b) => (t[b].median < t[a].median ? b : a));
  const fb = fastest(build),
    fr = fastest(recalc);
  const rows: BenchRow[] = [
    {
      id: "4",
      scenario: `${label}workbook: ${m.count} institutions × ${m.options.length} options`,
      measure: `ours, build + evaluate (${probe.via})`,
      value: build.ours.median,
      unit: "ms",
    },
    ...nativeKeys.map((k): BenchRow => ({
      id: "4",
      scenario: "",
      measure: `${k}, build + evaluate`,
      value: build[k].median,
      unit: "ms",
    })),
    {
      id: "4",
      scenario: "",
      measure: `native / ours, build + evaluate (vs fastest native: ${fb.slice(7)})`,
      value: build[fb].median / build.ours.median,
      unit: "×",
      target: "≥ 10",
      pass: build[fb].median / build.ours.median >= 10,
    },
    { id: "4", scenario: "", measure: "ours, recalc after one rate edit", value: recalc.ours.median, unit: "ms" },
    ...nativeKeys.map((k): BenchRow => ({
      id: "4",
      scenario: "",
      measure: `${k}, recalc after one rate edit`,
      value: recalc[k].median,
      unit: "ms",
    })),
    {
      id: "4",
      scenario: "",
      measure: `native / ours, recalc (vs fastest native: ${fr.slice(7)})`,
      value: recalc[fr].median / recalc.ours.median,
      unit: "×",
      target: "≥ 10",
      pass: recalc[fr].median / recalc.ours.median >= 10,
    },
  ];
  if (bare) {
    const cells = m.count * m.options.length;
    const inHf = (recalc.ours.median * 1000) / cells;
    const alone = (median(bare.times) * 1000) / cells;
    rows.push(
      { id: "4", scenario: "", measure: "one ALLOCATE cell recalculated in HyperFormula", value: inHf, unit: "µs" },
      { id: "4", scenario: "", measure: "one bare wrapper.invoke ALLOCATE call", value: alone, unit: "µs" },
      {
        id: "4",
        scenario: "",
        measure: "per-cell host overhead: in HyperFormula / bare invoke",
        value: inHf / alone,
        unit: "×",
        target: "≤ 3",
        pass: inHf / alone <= 3,
        note: bare.errors
          ? `WARNING: ${bare.errors} bare calls gave no number`
          : "the bare calls read the same computed sheets and all give numbers",
      },
    );
  }
  if (fullDemoBuild)
    rows.push({
      id: "4",
      scenario: "",
      measure: "whole demo workbook (all sheets), build + evaluate",
      value: fullDemoBuild.median,
      unit: "ms",
    });
  const bad = Object.keys(equality).filter((k) => equality[k].equal !== equality[k].compared);
  rows.find((r) => r.measure.startsWith("native / ours, recalc"))!.note = bad.length
    ? `WARNING: totals differ from ours: ${bad.map((k) => `${k} ${equality[k].compared - equality[k].equal}/${equality[k].compared} (max £${equality[k].maxDiff.toFixed(2)}; ${equality[k].first})`).join("; ")}`
    : `every native style equals ours on all ${equality[`native ${styles[0]}`].compared} allocation cells; source: ${m.source}`;
  if (bad.length)
    process.stderr.write(
      `WARNING: scenario 4 native totals differ from ours (see results.json details.workbook.equality)\n`,
    );
  return { rows, details };
}
