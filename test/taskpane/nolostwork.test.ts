// No lost work, task pane side, on the real preview workbook (HyperFormula + SEND behind PreviewPort):
//  1. every action changes only cells inside the ranges it reports (whole-workbook snapshot before/after);
//  2. re-running New model or Compare is idempotent, and declining the overwrite changes nothing;
//  3. a failure at any step of any action leaves the workbook exactly as it was (or, when undoing fails
//     too, the error lists exactly what is left changed).
import { HeadlessWorkbook } from "../../src/headless/workbook";
import { explainFormula } from "../../src/functions/explain";
import { cellA1, parseCellOrThrow, parseRangeOrThrow, sheetRef, splitRef } from "../../src/util/a1";
import { PreviewPort } from "../../src/taskpane/ports/PreviewPort";
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

const COUNT = 6;
const LOCAL = "Local (sample)";
const yes: Confirm = async () => true;
const no: Confirm = async () => false;
const NEW_MODEL: NewModelInput = {
  national: "National 2024-25",
  candidate: PREVIEW_CANDIDATE,
  sample: true,
  count: COUNT,
};

// ---- whole-workbook state ------------------------------------------------------------------------

interface BookState {
  sheets: string[];
  cells: Map<string, RawCell>;
  meta: string;
}

const key = (sheet: string, address: string) => `${sheet}!${address}`;

function state(port: PreviewPort): BookState {
  const sheets = (port.book as HeadlessWorkbook).toSheets();
  const cells = new Map<string, RawCell>();
  for (const [sheet, rows] of Object.entries(sheets)) {
    rows.forEach((r, i) =>
      r.forEach((c, j) => {
        if (c !== null) cells.set(key(sheet, cellA1(i + 1, j + 1)), c);
      }),
    );
  }
  return { sheets: Object.keys(sheets), cells, meta: JSON.stringify(port.meta) };
}

/** Cells whose own content differs (formulas as text, values as entered), as "Sheet!A1". */
function changedCells(a: BookState, b: BookState): string[] {
  const keys = new Set([...a.cells.keys(), ...b.cells.keys()]);
  return [...keys].filter((k) => a.cells.get(k) !== b.cells.get(k)).sort();
}

function covers(ranges: string[], cell: string): boolean {
  const bang = cell.lastIndexOf("!");
  const sheet = cell.slice(0, bang);
  const p = parseCellOrThrow(cell.slice(bang + 1));
  return ranges.some((ref) => {
    const s = splitRef(ref);
    const r = parseRangeOrThrow(s.range.replace(/\$/g, ""));
    return s.sheet === sheet && p.row >= r.top && p.row <= r.bottom && p.col >= r.left && p.col <= r.right;
  });
}

function expectSame(before: BookState, after: BookState) {
  expect(after.sheets).toEqual(before.sheets);
  expect(changedCells(before, after)).toEqual([]);
  expect(after.meta).toEqual(before.meta);
}

// ---- workbooks -----------------------------------------------------------------------------------

let demoSheets: Record<string, RawCell[][]>;
let demoMeta: string;

beforeAll(async () => {
  const port = new PreviewPort(HeadlessWorkbook.create(), explainFormula);
  await buildPreviewModel(port, COUNT);
  demoSheets = (port.book as HeadlessWorkbook).toSheets();
  demoMeta = JSON.stringify(port.meta);
});

/** A fresh copy of the demo workbook (Rates, Institutions as a table, Allocations, Checks). */
function demo(): PreviewPort {
  const port = new PreviewPort(HeadlessWorkbook.create(demoSheets), explainFormula);
  Object.assign(port.meta, JSON.parse(demoMeta));
  return port;
}

// ---- the actions ---------------------------------------------------------------------------------

interface Action {
  name: string;
  /** brings the workbook to the state the action starts from (not part of what is checked) */
  prepare?: (port: PreviewPort) => Promise<void>;
  run: (port: PreviewPort, model: ModelInfo, confirm: Confirm) => Promise<string[]>;
}

const ACTIONS: Action[] = [
  {
    name: "createModel on new sheets beside a model",
    run: async (p, m, c) => createModel(p, await planNewModel(p, m, NEW_MODEL, false), c),
  },
  {
    name: "createModel replacing the model (another candidate, more rows)",
    run: async (p, m, c) =>
      createModel(
        p,
        await planNewModel(p, m, { ...NEW_MODEL, candidate: "Option Z", count: COUNT + 2 }, true),
        c,
        undefined,
        { replace: true },
      ),
  },
  {
    name: "createModel replacing the model (fewer rows: the rest is cleared)",
    run: async (p, m, c) =>
      createModel(p, await planNewModel(p, m, { ...NEW_MODEL, count: COUNT - 3 }, true), c, undefined, {
        replace: true,
      }),
  },
  { name: "addOption", run: (p, m, c) => addOption(p, m.rates!, "Option B", PREVIEW_CANDIDATE, c) },
  {
    name: "setRate on an existing key",
    run: (p, m, c) =>
      setRate(p, m.rates!, { option: PREVIEW_CANDIDATE, key: "topup.special.band3", input: "£18,000" }, c),
  },
  {
    name: "setRate adding a key row",
    run: (p, m, c) => setRate(p, m.rates!, { option: PREVIEW_CANDIDATE, key: "round.to", input: "1" }, c),
  },
  {
    name: "setRate clearing a value",
    run: (p, m, c) => setRate(p, m.rates!, { option: PREVIEW_CANDIDATE, key: "ei.sensupport", input: "" }, c),
  },
  {
    name: "runCheck adding its sheet",
    prepare: (p) => p.deleteSheet("Checks"),
    run: async (p, m, c) => [sheetRef((await runCheck(p, m, c)).sheet, "A1")],
  },
  {
    name: "writeComparison",
    run: async (p, m, c) => (await writeComparison(p, m, LOCAL, PREVIEW_CANDIDATE, c)).touched,
  },
  {
    name: "writeComparison over an edited comparison sheet",
    prepare: async (p) => {
      const { sheet } = await writeComparison(p, await discoverModel(p), LOCAL, PREVIEW_CANDIDATE, yes);
      const [[f]] = await p.readFormulas(sheet, "A1");
      await p.write({
        sheet,
        kind: "formulas",
        blocks: [{ topLeft: "A1", rows: [[String(f).replace("$Z$200", "$Z$199")]] }],
        confirmOverwrite: true,
      });
    },
    run: async (p, m, c) => (await writeComparison(p, m, LOCAL, PREVIEW_CANDIDATE, c)).touched,
  },
  {
    name: "writeFit",
    run: async (p, m, c) =>
      (
        await writeFit(
          p,
          m,
          { option: PREVIEW_CANDIDATE, budget: 2250000, baseline: LOCAL, floor: -0.01, cap: 0.05 },
          c,
        )
      ).touched,
  },
  {
    name: "writeProjection",
    run: async (p, m, c) =>
      (
        await writeProjection(
          p,
          m,
          {
            options: [
              {
                name: "Unmitigated",
                inherits: LOCAL,
                values: { ...currentAssumptions(m, "Unmitigated"), "proj.years": "4" },
              },
              {
                name: "Mitigated",
                inherits: "Unmitigated",
                values: { ...currentAssumptions(m, "Mitigated"), "proj.ei.cost": "250000" },
              },
              { name: "Stretch", inherits: "Mitigated", values: {} },
            ],
          },
          c,
        )
      ).touched,
  },
  {
    name: "publishForReview",
    run: async (p, m, c) =>
      (
        await publishForReview(
          p,
          m,
          ["Rates", "Institutions", "Allocations"],
          c,
          undefined,
          new Date(Date.UTC(2025, 0, 2)),
        )
      ).touched,
  },
];

async function start(a: Action): Promise<{ port: PreviewPort; model: ModelInfo }> {
  const port = demo();
  await a.prepare?.(port);
  return { port, model: await discoverModel(port) };
}

describe("every task-pane write touches only the ranges it reports", () => {
  it.each(ACTIONS.map((a) => [a.name, a] as const))("%s", async (_, a) => {
    const { port, model } = await start(a);
    const before = state(port);
    const touched = await a.run(port, model, yes);
    const after = state(port);
    const changed = changedCells(before, after);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((c) => !covers(touched, c))).toEqual([]);
    // sheets only ever added, never removed or renamed
    expect(after.sheets.slice(0, before.sheets.length)).toEqual(before.sheets);
  });
});

describe("re-running New model and Compare", () => {
  async function fresh(): Promise<PreviewPort> {
    const port = new PreviewPort(HeadlessWorkbook.create({ Sheet1: [] }), explainFormula);
    await createModel(port, await planNewModel(port, null, NEW_MODEL, false), no);
    return port;
  }
  const rerun = async (port: PreviewPort, confirm: Confirm, input = NEW_MODEL) =>
    createModel(port, await planNewModel(port, await discoverModel(port), input, true), confirm, undefined, {
      replace: true,
    });

  it("New model again with the same inputs changes nothing, confirmed or not, and asks nothing", async () => {
    const port = await fresh();
    const before = state(port);
    const asked: string[][] = [];
    await rerun(port, async (a) => {
      asked.push(a);
      return true;
    });
    expectSame(before, state(port));
    await rerun(port, async (a) => {
      asked.push(a);
      return false;
    });
    expectSame(before, state(port));
    expect(asked).toEqual([]);
  });

  it("New model with other inputs asks once, listing the cells; declined it changes nothing, confirmed it is then stable", async () => {
    const port = await fresh();
    const before = state(port);
    const asked: string[][] = [];
    const other = { ...NEW_MODEL, candidate: "Option Z", count: COUNT - 2 };
    await expect(
      rerun(
        port,
        async (a) => {
          asked.push(a);
          return false;
        },
        other,
      ),
    ).rejects.toBeInstanceOf(OverwriteDeclined);
    expectSame(before, state(port));
    expect(asked).toHaveLength(1);
    expect(asked[0]).toEqual(
      expect.arrayContaining(["Rates!G1", "Allocations!D1", `Institutions!A${COUNT + 1}`, `Allocations!A${COUNT + 1}`]),
    );

    await rerun(port, yes, other);
    const once = state(port);
    const changed = changedCells(before, once);
    // every non-empty cell that changed was listed (empty ones need no confirmation), and nothing else
    expect(changed.filter((c) => before.cells.has(c) && !asked[0].includes(c))).toEqual([]);
    expect(asked[0].filter((c) => !changed.includes(c))).toEqual([]);
    expect((await discoverModel(port)).allocations).toMatchObject({
      sheet: "Allocations",
      count: COUNT - 2,
      columns: [
        { option: LOCAL, col: 3 },
        { option: "Option Z", col: 4 },
      ],
    });
    await rerun(port, no, other);
    expectSame(once, state(port));
  });

  it("New model again lists a rate the user typed, and keeps it when declined", async () => {
    const port = await fresh();
    const typed = await setRate(
      port,
      (await discoverModel(port)).rates!,
      { option: PREVIEW_CANDIDATE, key: "topup.special.band3", input: "18000" },
      yes,
    );
    expect(typed).toEqual([expect.stringMatching(/^Rates!G\d+$/)]);
    const before = state(port);
    const asked: string[][] = [];
    await expect(
      rerun(port, async (a) => {
        asked.push(a);
        return false;
      }),
    ).rejects.toBeInstanceOf(OverwriteDeclined);
    expect(asked).toEqual([typed]);
    expectSame(before, state(port));
  });

  it("Compare again rewrites its own sheet: the same workbook, confirmed or not", async () => {
    const port = demo();
    const first = await writeComparison(port, await discoverModel(port), LOCAL, PREVIEW_CANDIDATE, no);
    expect(first.sheet).toBe("Local (sample) vs Option A"); // 31 characters at most, both options named
    const before = state(port);
    const asked: string[][] = [];
    const again = await writeComparison(port, await discoverModel(port), LOCAL, PREVIEW_CANDIDATE, async (a) => {
      asked.push(a);
      return true;
    });
    expect(again.sheet).toBe(first.sheet);
    expectSame(before, state(port));
    await writeComparison(port, await discoverModel(port), LOCAL, PREVIEW_CANDIDATE, async (a) => {
      asked.push(a);
      return false;
    });
    expectSame(before, state(port));
    expect(asked).toEqual([]);
    // the other direction is another comparison: a sheet of its own
    expect((await writeComparison(port, await discoverModel(port), PREVIEW_CANDIDATE, LOCAL, no)).sheet).toBe(
      "Option A vs Local (sample)",
    );
  });

  it("another pair gets its own sheet, both options still named within 31 characters", async () => {
    const port = demo();
    const m = await discoverModel(port);
    await addOption(port, m.rates!, "Option B", LOCAL, no);
    const first = await writeComparison(port, await discoverModel(port), LOCAL, PREVIEW_CANDIDATE, no);
    const second = await writeComparison(port, await discoverModel(port), LOCAL, "Option B", no);
    expect([first.sheet, second.sheet]).toEqual(["Local (sample) vs Option A", "Local (sample) vs Option B"]);
    expect(second.summary.b).toBe("Option B");
  });

  it("Compare over an edited formula cell asks; declined changes nothing", async () => {
    const port = demo();
    const { sheet } = await writeComparison(port, await discoverModel(port), LOCAL, PREVIEW_CANDIDATE, no);
    const [[f]] = await port.readFormulas(sheet, "A1");
    await port.write({
      sheet,
      kind: "formulas",
      blocks: [{ topLeft: "A1", rows: [[String(f).replace("$Z$200", "$Z$199")]] }],
      confirmOverwrite: true,
    });
    const before = state(port);
    const asked: string[][] = [];
    await expect(
      writeComparison(port, await discoverModel(port), LOCAL, PREVIEW_CANDIDATE, async (a) => {
        asked.push(a);
        return false;
      }),
    ).rejects.toBeInstanceOf(OverwriteDeclined);
    expect(asked).toEqual([[`${sheetRef(sheet, "A1")}`]]);
    expectSame(before, state(port));
  });

  it("a sheet of that name that is no longer a comparison is left alone", async () => {
    const port = demo();
    const { sheet } = await writeComparison(port, await discoverModel(port), LOCAL, PREVIEW_CANDIDATE, no);
    await port.write({
      sheet,
      kind: "values",
      blocks: [{ topLeft: "A1", rows: [["my notes"]] }],
      confirmOverwrite: true,
    });
    const again = await writeComparison(port, await discoverModel(port), LOCAL, PREVIEW_CANDIDATE, no);
    expect(again.sheet).toBe("Local (sample) vs Option A (2)");
    expect(await port.readFormulas(sheet, "A1")).toEqual([["my notes"]]);
  });
});

// ---- failure part-way ----------------------------------------------------------------------------

/**
 * Makes the `failAt`-th mutating step throw (book writes and sheet adds, and the port's formats, tables
 * and charts), once. With `undoFails`, restoring and deleting sheets fail too, so nothing can be undone.
 */
function injectFailure(port: PreviewPort, failAt: number, undoFails = false): { steps: () => number } {
  let n = 0;
  const step = (what: string) => {
    n++;
    if (n === failAt) throw new Error(`injected failure at step ${n} (${what})`);
  };
  const book = port.book as HeadlessWorkbook;
  const setCells = book.setCells.bind(book);
  const addSheet = book.addSheet.bind(book);
  book.setCells = (s, a, rows) => {
    step(`setCells ${s}!${a}`);
    setCells(s, a, rows);
  };
  book.addSheet = (name) => {
    step(`addSheet ${name}`);
    addSheet(name);
  };
  for (const m of ["addTable", "addChart", "addConditionalFormat", "setNumberFormat"] as const) {
    const original = (port[m] as (...args: unknown[]) => Promise<string[]>).bind(port);
    (port as unknown as Record<string, unknown>)[m] = async (...args: unknown[]) => {
      step(m);
      return original(...args);
    };
  }
  if (undoFails) {
    port.restore = async () => {
      throw new Error("restore refused");
    };
    port.deleteSheet = async () => {
      throw new Error("delete refused");
    };
  }
  return { steps: () => n };
}

describe("a failure part-way leaves the workbook as it was", () => {
  it.each(ACTIONS.map((a) => [a.name, a] as const))("%s, failing at every step in turn", async (_, a) => {
    // how many steps the action takes
    const probe = await start(a);
    const counter = injectFailure(probe.port, Infinity);
    await a.run(probe.port, probe.model, yes);
    const steps = counter.steps();
    expect(steps).toBeGreaterThan(0);

    for (let k = 1; k <= steps; k++) {
      const { port, model } = await start(a);
      const before = state(port);
      injectFailure(port, k);
      const error = await a.run(port, model, yes).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect(String((error as Error).message)).toContain(`injected failure at step ${k}`);
      if (error instanceof WriteFailed) {
        expect(error.undone).toBe(true);
        expect(error.message).toContain("Nothing was changed");
      }
      expectSame(before, state(port));
    }
  });

  it.each(ACTIONS.map((a) => [a.name, a] as const))(
    "%s: when undoing fails too, the error lists exactly what is left",
    async (_, a) => {
      const probe = await start(a);
      const counter = injectFailure(probe.port, Infinity);
      await a.run(probe.port, probe.model, yes);
      const steps = counter.steps();

      for (const k of [...new Set([2, Math.ceil(steps / 2), steps])].filter((k) => k >= 1 && k <= steps)) {
        const { port, model } = await start(a);
        const before = state(port);
        injectFailure(port, k, true);
        const error = await a.run(port, model, yes).then(
          () => null,
          (e: unknown) => e,
        );
        const after = state(port);
        const changed = changedCells(before, after);
        const added = after.sheets.filter((s) => !before.sheets.includes(s));
        if (!(error instanceof WriteFailed)) {
          // the first step failed: nothing had been changed to undo
          expect(String((error as Error)?.message)).toContain("injected failure");
          expectSame(before, after);
          continue;
        }
        expect(error.undone).toBe(false);
        expect(error.left.sheets).toEqual(added);
        expect(
          changed.filter((c) => !added.includes(c.slice(0, c.lastIndexOf("!"))) && !covers(error.left.ranges, c)),
        ).toEqual([]);
        for (const s of added) expect(error.message).toContain(s);
        for (const r of error.left.ranges) expect(error.message).toContain(r);
      }
    },
  );
});
