// The plugin's range memo (one frozen host array per range reference, kept on HyperFormula's range vertex) and the
// wrapper's identity caches behind it: fast, and never stale. Every check compares the edited workbook with a fresh
// one built from the same contents, which has no memo to get wrong.
import { HeadlessWorkbook, type CellResult, type RawCell } from "../../../src/headless";
import { cacheStats, clearCaches } from "../../../src/functions/memory";
import { FIELDS_REF, HEADER, INSTITUTIONS, RATES, RATES_REF, TABLE_REF } from "./fixture";

const N = INSTITUTIONS.length - 1;
const OPTIONS = ["Baseline", "Option B"];

/** Calc: per institution one SEND.ALLOCATE per option and a TOPUP; a whole-table ALLOCATEALL; whole-column refs. */
function calcSheet(): RawCell[][] {
  const rows: RawCell[][] = [];
  for (let i = 0; i < N; i++) {
    const r = i + 2;
    rows.push([
      ...OPTIONS.map((o) => `=SEND.ALLOCATE(${RATES_REF},"${o}",${FIELDS_REF},Inst!$A$${r}:$K$${r})`),
      `=SEND.TOPUP(${RATES_REF},"Option B","special","Band ${1 + (i % 2)}",Inst!$J$${r})`,
      i === 0 ? `=SEND.ALLOCATEALL(${RATES_REF},"Baseline",${TABLE_REF})` : null,
      i === 0 ? `=SEND.ALLOCATE(Rates!$A:$E,"Baseline",Inst!$1:$1,Inst!$2:$2)` : null,
      i === 0 ? `=SUM(SEND.ALLOCATEALL(Rates!A:E,"Option B",Inst!A:K))` : null,
    ]);
  }
  return rows;
}

function build(): HeadlessWorkbook {
  return HeadlessWorkbook.create({ Rates: RATES, Inst: INSTITUTIONS, Calc: calcSheet() });
}

/** Every computed cell of the workbook (formulas and their spills), by sheet and address. */
function values(wb: HeadlessWorkbook): Record<string, CellResult> {
  return Object.fromEntries(wb.allFormulaCells().map((c) => [`${c.sheet}!${c.a1}`, c.value]));
}

/** The workbook's values equal those of a fresh workbook with the same contents. */
function expectFresh(wb: HeadlessWorkbook, what: string): void {
  const fresh = HeadlessWorkbook.create(wb.toSheets());
  const got = values(wb);
  const want = values(fresh);
  try {
    expect(got).toEqual(want);
  } finally {
    fresh.hyperformula.destroy();
  }
  expect(Object.keys(got).length).toBeGreaterThan(0);
  void what;
}

/** HyperFormula's structural operations do not go through HeadlessWorkbook: let spills settle by a no-op edit. */
function settle(wb: HeadlessWorkbook): void {
  wb.setCells("Calc", "Z1", [[null]]);
}

/** A seeded PRNG (mulberry32), so a failing sequence of edits replays. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}

const sheet = (wb: HeadlessWorkbook, name: string) => wb.hyperformula.getSheetId(name)!;

describe("range memo", () => {
  beforeEach(() => clearCaches());

  test("cells reading one range share one array: the rates are parsed once and found by identity", () => {
    const wb = build();
    expect(values(wb)["Calc!A2"]).toBe(305000); // Beta, Baseline
    // Rates!$A$1:$E$40 and Rates!A:E (same content, other extent)
    expect(cacheStats.ratesParsed).toBeLessThanOrEqual(2);
    expect(cacheStats.identityHits).toBeGreaterThan(2 * N);
    const before = { ...cacheStats };
    wb.setCells("Rates", "C15", [[5001]]); // topup.special.band1, Baseline
    // one new array for the edited range: parsed once, every other cell finds it by identity
    expect(cacheStats.ratesParsed - before.ratesParsed).toBeLessThanOrEqual(2);
    expect(cacheStats.identityHits - before.identityHits).toBeGreaterThan(N);
  });

  test("editing a rate changes every dependent SEND cell; editing an unrelated cell changes nothing", () => {
    const wb = build();
    const v0 = values(wb);
    wb.setCells("Rates", "C15", [[6000]]); // topup.special.band1, Baseline (Option B has its own)
    const v1 = values(wb);
    expect(v1["Calc!A2"]).toBe(305000 + 5 * 1000); // Beta: 5 band-1 pupils
    expect(v1["Calc!D1"]).toBe(v0["Calc!D1"]); // Alpha has no special band 1
    expect(v1["Calc!D2"]).toBe(305000 + 5 * 1000); // ALLOCATEALL spill, Beta
    expectFresh(wb, "rate edit");

    wb.setCells("Rates", "C11", [[11000]]); // place.special: Beta and Delta, both options
    const v2 = values(wb);
    for (const a of ["Calc!A2", "Calc!B2", "Calc!A4", "Calc!B4", "Calc!D2", "Calc!D4"]) expect(v2[a]).not.toBe(v1[a]);
    expectFresh(wb, "place edit");

    wb.setCells("Calc", "H10", [[123]]);
    wb.setCells("Inst", "M9", [["unrelated"]]); // outside every range the formulas read
    const v3 = values(wb);
    delete v3["Calc!H10"];
    expect(v3).toEqual(v2);
    expectFresh(wb, "unrelated edits");
  });

  test("a blank cell of the range filled in, a key added, a key renamed: all seen", () => {
    const wb = build();
    wb.setCells("Rates", "D17", [[2500]]); // topup.all.band1 for Option B (was inherited)
    expectFresh(wb, "blank filled");
    wb.setCells("Rates", "A35", [["topup.special.band3"]]);
    wb.setCells("Rates", "C35", [[9000]]);
    expectFresh(wb, "key added");
    wb.setCells("Rates", "A6", [["be.primery"]]); // a typo: every rates reader fails
    const v = values(wb);
    expect(v["Calc!A1"]).toMatchObject({ error: "#VALUE!" });
    expectFresh(wb, "key renamed");
    wb.setCells("Rates", "A6", [["be.primary"]]);
    expectFresh(wb, "key restored");
  });

  test("a formula inside the range: its new value reaches the SEND cells", () => {
    const wb = build();
    wb.setCells("Rates", "Z1", [[7000]]);
    wb.setCells("Rates", "C11", [["=Z1*2"]]); // place.special = 14,000
    expect(values(wb)["Calc!A2"]).toBe(305000 + 20 * 4000);
    wb.setCells("Rates", "Z1", [[8000]]);
    expect(values(wb)["Calc!A2"]).toBe(305000 + 20 * 6000);
    expectFresh(wb, "formula precedent");
  });

  test("structural changes: rows and columns inserted, removed and moved inside and around the ranges", () => {
    const wb = build();
    const hf = wb.hyperformula;
    const steps: [string, () => void][] = [
      ["row inserted inside the rates", () => hf.addRows(sheet(wb, "Rates"), [10, 2])],
      [
        "rate in the inserted rows",
        () => {
          wb.setCells("Rates", "A11", [["topup.mainstream.band1", null, 2222]]);
        },
      ],
      ["row removed inside the rates", () => hf.removeRows(sheet(wb, "Rates"), [5, 1])],
      ["rows inserted above the rates", () => hf.addRows(sheet(wb, "Rates"), [0, 1])],
      ["rows removed above the rates", () => hf.removeRows(sheet(wb, "Rates"), [0, 1])],
      ["column inserted inside the rates", () => hf.addColumns(sheet(wb, "Rates"), [3, 1])],
      ["column removed inside the rates", () => hf.removeColumns(sheet(wb, "Rates"), [3, 1])],
      ["institution row inserted inside the table", () => hf.addRows(sheet(wb, "Inst"), [2, 1])],
      [
        "institution in the new row",
        () => {
          wb.setCells("Inst", "A3", [["Epsilon", "Special", null, null, null, 1, null, 3]]);
        },
      ],
      ["institution rows moved", () => hf.moveRows(sheet(wb, "Inst"), 2, 1, 5)],
      ["institution row removed", () => hf.removeRows(sheet(wb, "Inst"), [3, 1])],
      ["header column inserted", () => hf.addColumns(sheet(wb, "Inst"), [2, 1])],
      [
        "header column filled",
        () => {
          wb.setCells("Inst", "C1", [["Notes"], ["a"], ["b"]]);
        },
      ],
      ["rates rows moved", () => hf.moveRows(sheet(wb, "Rates"), 14, 2, 20)],
      [
        "cells moved into the rates",
        () => {
          wb.setCells("Calc", "K1", [["topup.ap.band1", null, 4444]]);
          hf.moveCells(
            {
              start: { sheet: sheet(wb, "Calc"), row: 0, col: 10 },
              end: { sheet: sheet(wb, "Calc"), row: 0, col: 12 },
            },
            { sheet: sheet(wb, "Rates"), row: 36, col: 0 },
          );
        },
      ],
      [
        "a row below the data, inside the whole-column references",
        () => {
          wb.setCells("Inst", "A7", [["Zeta", "Special", null, null, null, null, null, 2]]);
        },
      ],
    ];
    for (const [what, step] of steps) {
      step();
      settle(wb);
      expectFresh(wb, what);
    }
    // undo and redo (each step above is followed by settle's own no-op edit: two undos per step)
    for (let i = 0; i < 4; i++) hf.undo();
    expectFresh(wb, "undo");
    for (let i = 0; i < 4; i++) hf.redo();
    expectFresh(wb, "redo");
  });

  test("two ranges that become one when a row is removed (HyperFormula keeps one range vertex, drops the other)", () => {
    const wb = HeadlessWorkbook.create({
      Rates: RATES,
      Inst: [...INSTITUTIONS, []],
      Calc: [
        [
          `=SUM(SEND.ALLOCATEALL(${RATES_REF},"Baseline",Inst!$A$1:$K$5))`,
          `=SUM(SEND.ALLOCATEALL(${RATES_REF},"Baseline",Inst!$A$1:$K$6))`,
        ],
      ],
    });
    wb.hyperformula.removeRows(sheet(wb, "Inst"), [5, 1]);
    settle(wb);
    expectFresh(wb, "merged");
    wb.setCells("Inst", "H3", [[30]]); // Beta's places: both formulas read it through the one remaining range
    const [[a, b]] = wb.getValues("Calc", "A1:B1");
    expect(a).toBe(b);
    expectFresh(wb, "edited after the merge");
  });

  test("a sheet removed and added again with other contents", () => {
    const wb = build();
    const before = values(wb)["Calc!A2"];
    wb.removeSheet("Rates");
    expect(values(wb)["Calc!A2"]).toMatchObject({ error: "#REF!" });
    wb.addSheet("Rates");
    wb.setCells(
      "Rates",
      "A1",
      RATES.map((r, i) => (i === 10 ? [r[0], r[1], 20000, r[3], r[4]] : r)),
    );
    expect(values(wb)["Calc!A2"]).toBe((before as number) + 20 * 10000);
    expectFresh(wb, "sheet re-added");
  });

  test("random edits of rates, institutions and structure always equal a fresh build", () => {
    const r = rng(4242);
    const wb = build();
    const rateRows = RATES.length;
    for (let step = 0; step < 60; step++) {
      const k = r.next();
      if (k < 0.45) {
        const row = 1 + r.int(0, rateRows - 1);
        const col = r.pick(["C", "D"]);
        const v: RawCell = r.chance(0.2) ? null : r.chance(0.1) ? "x" : r.int(0, 20000);
        wb.setCells("Rates", `${col}${row}`, [[v]]);
      } else if (k < 0.8) {
        const row = 2 + r.int(0, N - 1);
        const col = r.pick(["C", "D", "F", "G", "H", "I", "J"]);
        const v: RawCell = r.chance(0.15) ? null : col === "J" ? r.int(0, 13) : r.int(0, 300);
        wb.setCells("Inst", `${col}${row}`, [[v]]);
      } else if (k < 0.9) {
        wb.setCells("Inst", `B${2 + r.int(0, N - 1)}`, [
          [r.pick(["Primary", "Special", "Resource Base", "Secondary"])],
        ]);
      } else {
        const id = sheet(wb, "Rates");
        if (r.chance(0.5)) wb.hyperformula.addRows(id, [5 + r.int(0, 20), 1]);
        else wb.hyperformula.removeRows(id, [rateRows + 2, 1]); // a blank row below the table, inside A:E
        settle(wb);
      }
      expectFresh(wb, `step ${step}`);
    }
  });
});

test("the header row is found by identity too, and ALLOCATE matches across hosts after edits", () => {
  clearCaches();
  const wb = build();
  expect(cacheStats.readersBuilt).toBeLessThanOrEqual(2);
  expect(cacheStats.readerHits).toBeGreaterThan(N);
  wb.setCells("Inst", "A1", [HEADER.map((h) => (h === "FSM" ? "FSM " : h))]); // same header, spelt with a space
  expectFresh(wb, "header respelt");
});
