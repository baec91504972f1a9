// No lost work through ExcelPort: the same actions as nolostwork.test.ts, run through Office.js calls on a
// fake Excel. Its objects are office-addin-mock OfficeMockObjects (load/sync semantics), its cells a
// HeadlessWorkbook (so SEND formulas compute), and like Office.js it queues every change until
// context.sync(), applying them in order: a failure injected at the n-th change leaves the earlier ones
// applied, exactly what a failed batch does in Excel.
import { OfficeMockObject } from "office-addin-mock";
import { HeadlessWorkbook } from "../../src/headless/workbook";
import { explainFormula } from "../../src/functions/explain";
import { cellA1, parseCellOrThrow, parseRangeOrThrow, sheetRef, splitRef } from "../../src/util/a1";
import { ExcelPort, restorable } from "../../src/taskpane/ports/ExcelPort";
import type { RawCell } from "../../src/taskpane/ports/WorkbookPort";
import { buildPreviewModel, PREVIEW_CANDIDATE } from "../../src/taskpane/preview/demoModel";
import { discoverModel, type ModelInfo } from "../../src/taskpane/workbook/discover";
import { OverwriteDeclined, type Confirm } from "../../src/taskpane/workbook/confirm";
import { WriteFailed } from "../../src/taskpane/workbook/transaction";
import { createModel, planNewModel, type NewModelInput } from "../../src/taskpane/actions/createModel";
import { addOption, setRate } from "../../src/taskpane/actions/options";
import { runCheck } from "../../src/taskpane/actions/check";
import { writeComparison } from "../../src/taskpane/actions/compare";
import { writeFit } from "../../src/taskpane/actions/fit";
import { currentAssumptions, writeProjection } from "../../src/taskpane/actions/projection";
import { publishForReview } from "../../src/taskpane/actions/publish";

type Dict = Record<string, unknown>;
const COUNT = 5;
const LOCAL = "Local (sample)";
const yes: Confirm = async () => true;
const no: Confirm = async () => false;
const NEW_MODEL: NewModelInput = {
  national: "National 2024-25",
  candidate: PREVIEW_CANDIDATE,
  sample: true,
  count: COUNT,
};

// ---- the fake Excel ------------------------------------------------------------------------------

/** A cell as Excel's `formulas` shows it: a constant's value (no apostrophe prefix), a formula's text, "" for empty. */
const asFormula = (c: RawCell) => (c === null ? "" : typeof c === "string" && c.startsWith("'") ? c.slice(1) : c);
const valueType = (v: unknown) =>
  v === null || v === ""
    ? "Empty"
    : typeof v === "number"
      ? "Double"
      : typeof v === "boolean"
        ? "Boolean"
        : typeof v === "object"
          ? "Error"
          : "String";

class FakeExcel {
  readonly book: HeadlessWorkbook;
  tables: { sheet: string; range: string; name: string }[] = [];
  numberFormats = new Map<string, string>();
  charts: { sheet: string; title: string }[] = [];
  conditionalFormats: { sheet: string; range: string }[] = [];
  /** changes applied so far (each queued change counts once) */
  applied = 0;
  failAt = Infinity;
  /** after the injected failure, every later change fails too (so nothing can be undone) */
  failAfter = false;
  private queue: { what: string; run: () => void }[] = [];
  private loaded: OfficeMockObject[] = [];
  private ranges: { sheet: string; address: string; mock: Dict; seen: Set<unknown> }[] = [];

  constructor(sheets: Record<string, RawCell[][]>) {
    this.book = HeadlessWorkbook.create(sheets);
  }

  state(): { sheets: Record<string, RawCell[][]>; rest: string } {
    return {
      sheets: this.book.toSheets(),
      rest: JSON.stringify({
        tables: this.tables,
        formats: [...this.numberFormats].sort(),
        charts: this.charts,
        cf: this.conditionalFormats,
      }),
    };
  }

  private enqueue(what: string, run: () => void) {
    this.queue.push({ what, run });
  }

  private mock<T extends Dict>(data: T): T {
    const m = new OfficeMockObject(data) as unknown as T;
    this.loaded.push(m as unknown as OfficeMockObject);
    return m;
  }

  /** Office.js applies queued changes in order at sync; one that fails stops the rest of the batch. */
  private async sync(): Promise<void> {
    this.queueAssignments();
    const queue = this.queue.splice(0);
    for (const op of queue) {
      this.applied++;
      if (this.applied === this.failAt || (this.failAfter && this.applied > this.failAt))
        throw new Error(`injected failure at change ${this.applied} (${op.what})`);
      op.run();
    }
    // OfficeMockObject resolves loads level by level in microtasks: let them all settle
    for (const m of this.loaded) await OfficeMockObject.prototype.sync.call(m);
    await new Promise((r) => setTimeout(r, 0));
  }

  private writeCells(sheet: string, address: string, rows: unknown[][]) {
    const p = parseCellOrThrow(address.split(":")[0]);
    const cell = (c: unknown): RawCell => (c === "" ? null : (c as RawCell));
    if (!rows.some((r) => r.some((c) => c === null))) {
      this.book.setCells(
        sheet,
        cellA1(p.row, p.col),
        rows.map((r) => r.map(cell)),
      );
      return;
    }
    rows.forEach((r, i) =>
      r.forEach((c, j) => {
        if (c !== null) this.book.setCells(sheet, cellA1(p.row + i, p.col + j), [[cell(c)]]);
      }),
    );
  }

  private range(sheet: string, address: string) {
    const a = address.replace(/\$/g, "");
    const r = parseRangeOrThrow(a);
    const raw = this.book.getFormulas(sheet, a);
    const values = this.book
      .getValues(sheet, a)
      .map((row) => row.map((v) => (v === null ? "" : typeof v === "object" ? v.error : v)));
    const formats: string[][] = Array.from({ length: r.bottom - r.top + 1 }, (_, i) =>
      Array.from(
        { length: r.right - r.left + 1 },
        (_, j) => this.numberFormats.get(`${sheet}!${cellA1(r.top + i, r.left + j)}`) ?? "General",
      ),
    );
    const formulas = raw.map((row) => row.map(asFormula));
    const target = this.mock({
      address: sheetRef(sheet, a),
      formulas,
      values,
      valueTypes: this.book.getValues(sheet, a).map((row) => row.map(valueType)),
      numberFormat: formats,
      conditionalFormats: {
        add: (type: string) => {
          const cf = { type, cellValue: { format: { font: {}, fill: {} } } };
          this.enqueue(`conditional format ${a}`, () => this.conditionalFormats.push({ sheet, range: a }));
          return cf;
        },
      },
      select: () => this.enqueue(`select ${a}`, () => {}),
    });
    this.ranges.push({ sheet, address: a, mock: target, seen: new Set<unknown>([formulas, values, formats]) });
    return target;
  }

  /**
   * Property assignments (range.formulas = …) are found at sync: an array the code assigned is not one
   * the mock handed out. They are queued after the batch's method calls, in the order the ranges were made.
   */
  private queueAssignments(): void {
    for (const { sheet, address, mock, seen } of this.ranges) {
      for (const prop of ["formulas", "values", "numberFormat"] as const) {
        const v = (mock as Dict)[prop];
        if (!Array.isArray(v) || seen.has(v)) continue;
        seen.add(v);
        if (prop === "numberFormat")
          this.enqueue(`numberFormat ${sheet}!${address}`, () => this.setFormats(sheet, address, v as string[][]));
        else this.enqueue(`${prop} ${sheet}!${address}`, () => this.writeCells(sheet, address, v as unknown[][]));
      }
    }
  }

  private setFormats(sheet: string, address: string, formats: string[][]): void {
    const r = parseRangeOrThrow(address);
    formats.forEach((row, i) =>
      row.forEach((f, j) => {
        const k = `${sheet}!${cellA1(r.top + i, r.left + j)}`;
        if (f === "General") this.numberFormats.delete(k);
        else this.numberFormats.set(k, f);
      }),
    );
  }

  private worksheet(name: string) {
    if (!this.book.sheetNames().includes(name)) throw new Error(`ItemNotFound: ${name}`);
    return {
      name,
      getRange: (a: string) => this.range(name, a),
      getUsedRange: () => {
        const used = this.book.usedRange(name);
        return this.mock({
          address: sheetRef(name, used ?? "A1"),
          values: used ? this.book.getValues(name, used) : [[""]],
        });
      },
      activate: () => this.enqueue(`activate ${name}`, () => {}),
      delete: () =>
        this.enqueue(`delete ${name}`, () => {
          this.book.removeSheet(name);
          this.tables = this.tables.filter((t) => t.sheet !== name);
          this.charts = this.charts.filter((c) => c.sheet !== name);
          this.conditionalFormats = this.conditionalFormats.filter((c) => c.sheet !== name);
          for (const k of [...this.numberFormats.keys()]) if (k.startsWith(`${name}!`)) this.numberFormats.delete(k);
        }),
      tables: {
        add: (range: string, _headers: boolean) => {
          const table = { name: "" };
          this.enqueue(`table ${range}`, () => this.tables.push({ sheet: name, range, name: table.name }));
          return table;
        },
      },
      charts: {
        add: () => {
          const series = { name: "", setXAxisValues: () => {}, setValues: () => {} };
          const chart = {
            title: { text: "" },
            setPosition: () => {},
            series: { getItemAt: () => series, add: () => ({ ...series }) },
          };
          this.enqueue(`chart on ${name}`, () => this.charts.push({ sheet: name, title: chart.title.text }));
          return chart;
        },
      },
    };
  }

  /** Installs itself as the Excel global. */
  install(): void {
    (globalThis as Dict).Excel = {
      run: async <T>(cb: (ctx: unknown) => Promise<T>): Promise<T> => {
        this.loaded = [];
        this.queue = [];
        this.ranges = [];
        const ctx = this.mock({
          workbook: {
            worksheets: {
              items: this.book.sheetNames().map((name) => ({ name })),
              getItem: (n: string) => this.worksheet(n),
              add: (n: string) => this.enqueue(`add sheet ${n}`, () => this.book.addSheet(n)),
            },
            tables: { items: this.tables.map((t) => ({ name: t.name })) },
          },
        }) as Dict;
        ctx.sync = () => this.sync();
        return cb(ctx);
      },
    };
  }
}

// ---- state and coverage --------------------------------------------------------------------------

function changedCells(a: Record<string, RawCell[][]>, b: Record<string, RawCell[][]>): string[] {
  const cells = (s: Record<string, RawCell[][]>) =>
    new Map(
      Object.entries(s).flatMap(([sheet, rows]) =>
        rows.flatMap((r, i) =>
          r.flatMap((c, j) => (c === null ? [] : [[`${sheet}!${cellA1(i + 1, j + 1)}`, c] as const])),
        ),
      ),
    );
  const x = cells(a);
  const y = cells(b);
  return [...new Set([...x.keys(), ...y.keys()])].filter((k) => x.get(k) !== y.get(k)).sort();
}

function covers(ranges: string[], cell: string): boolean {
  const bang = cell.lastIndexOf("!");
  const p = parseCellOrThrow(cell.slice(bang + 1));
  return ranges.some((ref) => {
    const s = splitRef(ref);
    const r = parseRangeOrThrow(s.range.replace(/\$/g, ""));
    return (
      s.sheet === cell.slice(0, bang) && p.row >= r.top && p.row <= r.bottom && p.col >= r.left && p.col <= r.right
    );
  });
}

// ---- workbooks and actions -----------------------------------------------------------------------

let demoSheets: Record<string, RawCell[][]>;

beforeAll(async () => {
  // the demo model, written through ExcelPort itself
  const excel = new FakeExcel({ Sheet1: [] });
  excel.install();
  await buildPreviewModel(port(), COUNT);
  demoSheets = excel.book.toSheets();
  demoTables = excel.tables;
  demoFormats = [...excel.numberFormats];
});
let demoTables: FakeExcel["tables"];
let demoFormats: [string, string][];

const port = () =>
  new ExcelPort({ explain: explainFormula, settle: { delayMs: 0, maxDelayMs: 0 }, sleep: async () => {} });

function demo(): FakeExcel {
  const excel = new FakeExcel(demoSheets);
  excel.tables = demoTables.map((t) => ({ ...t }));
  excel.numberFormats = new Map(demoFormats);
  excel.install();
  return excel;
}

interface Action {
  name: string;
  prepare?: () => Promise<void>;
  run: (model: ModelInfo, confirm: Confirm) => Promise<string[]>;
}

const ACTIONS: Action[] = [
  {
    name: "createModel on new sheets",
    run: async (m, c) => createModel(port(), await planNewModel(port(), m, NEW_MODEL, false), c),
  },
  {
    name: "createModel replacing the model",
    run: async (m, c) =>
      createModel(
        port(),
        await planNewModel(port(), m, { ...NEW_MODEL, candidate: "Option Z", count: COUNT - 2 }, true),
        c,
        undefined,
        { replace: true },
      ),
  },
  { name: "addOption", run: (m, c) => addOption(port(), m.rates!, "Option B", PREVIEW_CANDIDATE, c) },
  {
    name: "setRate adding a key row",
    run: (m, c) => setRate(port(), m.rates!, { option: PREVIEW_CANDIDATE, key: "round.to", input: "1" }, c),
  },
  {
    name: "runCheck adding its sheet",
    prepare: () => port().deleteSheet("Checks"),
    run: async (m, c) => [sheetRef((await runCheck(port(), m, c)).sheet, "A1")],
  },
  {
    name: "writeComparison",
    run: async (m, c) => (await writeComparison(port(), m, LOCAL, PREVIEW_CANDIDATE, c)).touched,
  },
  {
    name: "writeFit",
    run: async (m, c) =>
      (await writeFit(port(), m, { option: PREVIEW_CANDIDATE, budget: 2250000, baseline: LOCAL, floor: -0.01 }, c))
        .touched,
  },
  {
    name: "writeProjection",
    run: async (m, c) =>
      (
        await writeProjection(
          port(),
          m,
          {
            options: [
              { name: "Unmitigated", inherits: LOCAL, values: currentAssumptions(m, "Unmitigated") },
              {
                name: "Mitigated",
                inherits: "Unmitigated",
                values: { ...currentAssumptions(m, "Mitigated"), "proj.shift": "3" },
              },
            ],
          },
          c,
        )
      ).touched,
  },
  {
    name: "publishForReview",
    run: async (m, c) =>
      (await publishForReview(port(), m, ["Rates", "Allocations"], c, undefined, new Date(Date.UTC(2025, 0, 2))))
        .touched,
  },
];

async function start(a: Action): Promise<{ excel: FakeExcel; model: ModelInfo }> {
  const excel = demo();
  await a.prepare?.();
  return { excel, model: await discoverModel(port()) };
}

describe("ExcelPort: writes touch only the ranges reported", () => {
  it.each(ACTIONS.map((a) => [a.name, a] as const))("%s", async (_, a) => {
    const { excel, model } = await start(a);
    const before = excel.state();
    const touched = await a.run(model, yes);
    const changed = changedCells(before.sheets, excel.state().sheets);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((c) => !covers(touched, c))).toEqual([]);
  });
});

describe("ExcelPort: a failed batch part-way is undone", () => {
  it.each(ACTIONS.map((a) => [a.name, a] as const))("%s, failing at every change in turn", async (_, a) => {
    const probe = await start(a);
    const from = probe.excel.applied;
    await a.run(probe.model, yes);
    const changes = probe.excel.applied - from;
    expect(changes).toBeGreaterThan(0);

    for (let k = 1; k <= changes; k++) {
      const { excel, model } = await start(a);
      const before = excel.state();
      excel.failAt = excel.applied + k;
      const error = await a.run(model, yes).then(
        () => null,
        (e: unknown) => e,
      );
      expect(String((error as Error)?.message)).toContain("injected failure");
      if (error instanceof WriteFailed) expect(error.undone).toBe(true);
      expect(excel.state()).toEqual(before);
    }
  });

  it("when undoing fails too, the error names exactly the cells and sheets left changed", async () => {
    const a = ACTIONS.find((x) => x.name === "writeProjection")!;
    const { excel, model } = await start(a);
    const before = excel.state();
    excel.failAt = excel.applied + 3; // the rates, the new sheet, then its formulas fail
    excel.failAfter = true;
    const error = await a.run(model, yes).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WriteFailed);
    const e = error as WriteFailed;
    expect(e.undone).toBe(false);
    const after = excel.state();
    const added = Object.keys(after.sheets).filter((s) => !(s in before.sheets));
    expect(e.left.sheets).toEqual(added);
    expect(added).toEqual(["Projection"]);
    const changed = changedCells(before.sheets, after.sheets).filter((c) => !c.startsWith("Projection!"));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((c) => !covers(e.left.ranges, c))).toEqual([]);
    expect(e.message).toMatch(
      /The workbook was left partly changed \(cells still changed: Rates!.*; sheets added: Projection\); undoing failed: injected failure/,
    );
  });
});

describe("ExcelPort: re-runs", () => {
  it("New model again changes nothing and asks nothing; with other inputs, declining changes nothing", async () => {
    const excel = new FakeExcel({ Sheet1: [] });
    excel.install();
    await createModel(port(), await planNewModel(port(), null, NEW_MODEL, false), no);
    const before = excel.state();
    const asked: string[][] = [];
    const ask =
      (answer: boolean): Confirm =>
      async (cells) => {
        asked.push(cells);
        return answer;
      };
    const rerun = async (input: NewModelInput, c: Confirm) =>
      createModel(port(), await planNewModel(port(), await discoverModel(port()), input, true), c, undefined, {
        replace: true,
      });
    await rerun(NEW_MODEL, ask(true));
    expect(excel.state()).toEqual(before);
    expect(asked).toEqual([]);
    await expect(rerun({ ...NEW_MODEL, candidate: "Option Z" }, ask(false))).rejects.toBeInstanceOf(OverwriteDeclined);
    expect(excel.state()).toEqual(before);
    expect(asked[0]).toEqual(expect.arrayContaining(["Rates!G1", "Allocations!D1"]));
  });

  it("Compare again rewrites its own sheet and changes nothing", async () => {
    const excel = demo();
    const first = await writeComparison(port(), await discoverModel(port()), LOCAL, PREVIEW_CANDIDATE, no);
    const before = excel.state();
    const again = await writeComparison(port(), await discoverModel(port()), LOCAL, PREVIEW_CANDIDATE, no);
    expect(again.sheet).toBe(first.sheet);
    expect(excel.state()).toEqual(before);
    expect(again.summary.total).toEqual(first.summary.total);
    expect(typeof again.summary.total?.difference).toBe("number");
  });
});

describe("ExcelPort snapshots put back exactly what was there", () => {
  it("keeps text that looks like a formula as text, formulas as formulas", () => {
    expect(restorable("=SUM(A1:A2)", 3)).toBe("=SUM(A1:A2)");
    expect(restorable("=x", "=x")).toBe("'=x"); // text: formulas shows the value
    expect(restorable("'=x", "=x")).toBe("'=x");
    expect(restorable("+44 20", "+44 20")).toBe("'+44 20");
    expect(restorable("plain", "plain")).toBe("plain");
    expect(restorable(5, 5)).toBe(5);
    expect(restorable("", "")).toBeNull();
  });

  it("round-trips a range with every kind of cell, and its number formats", async () => {
    const excel = new FakeExcel({ S: [["'=cmd", "'+1", 5, "=1+1", "text", true]] });
    excel.numberFormats.set("S!C1", "0.0%");
    excel.install();
    const p = port();
    const snap = await p.snapshot("S", "A1:G1");
    const before = excel.state();
    await p.write({
      sheet: "S",
      kind: "formulas",
      blocks: [{ topLeft: "A1", rows: [["=2", "x", "", "", "=3", false, "new"]] }],
      confirmOverwrite: true,
    });
    await p.setNumberFormat("S", "A1:G1", "#,##0.00");
    expect(excel.state()).not.toEqual(before);
    await p.restore(snap);
    expect(excel.state()).toEqual(before);
    expect(await p.readValues("S", "A1:F1")).toEqual([["=cmd", "+1", 5, 2, "text", true]]);
  });
});
