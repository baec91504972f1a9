// SEND.CHECK(rates, [option]): one row per problem (Option, Key, Problem), or OK.
import { book, calc, errorOf } from "./fixture";

const CLEAN = [
  ["Factor", "Description", "Baseline", "Option B"],
  ["inherits", null, null, "Baseline"],
  ["place.special", "Special place", 10000, 11000],
  ["topup.special.band1", null, 5000, null],
];

describe("SEND.CHECK", () => {
  test("a clean table is OK (one cell)", () => {
    const wb = book({ Clean: CLEAN });
    expect(calc("=SEND.CHECK(Clean!A:D)", wb)).toBe("OK");
    expect(wb.usedRange("Calc")).toBe("A1");
  });

  test("every problem is a row: unknown key (with nearest), bad value, bad parent", () => {
    const bad = [
      ...CLEAN,
      ["place.specail", null, 1, null],
      ["topup.special.band2", null, "lots", null],
      ["ey.weeks", null, 60, null],
    ];
    bad[1] = ["inherits", null, null, "Basline"];
    const wb = book({ Bad: bad });
    calc("=SEND.CHECK(Bad!A1:D7)", wb);
    expect(wb.getValues("Calc", "A1:D6")).toEqual([
      ["Option", "Key", "Problem", null],
      ["(all)", "place.specail", "rates: unknown key 'place.specail' in row 5. Did you mean 'place.special'?", null],
      [
        "Baseline",
        "topup.special.band2",
        "rate 'topup.special.band2' of option 'Baseline' is not a number: 'lots'.",
        null,
      ],
      [
        "Baseline",
        "ey.weeks",
        "rate 'ey.weeks' of option 'Baseline' is 60; it must be at least 0 and at most 52.",
        null,
      ],
      [
        "Option B",
        "inherits",
        "option 'Option B' inherits from unknown option 'Basline'. Did you mean 'Baseline'?",
        null,
      ],
      [null, null, null, null],
    ]);
  });

  test("notional shares without their unit values are reported, per option", () => {
    const wb = book();
    calc('=SEND.CHECK(Rates!A1:E40,"Option B")', wb);
    const v = wb.getValues("Calc", "A1:C3");
    expect(v[0]).toEqual(["Option", "Key", "Problem"]);
    expect(v[1]).toEqual([
      "Option B",
      "notional.be",
      "notional.be is 0.05 but be.ks3, be.ks4 are missing: schools with those counts will show #N/A.",
    ]);
    expect(v[2]).toEqual([
      "Option B",
      "notional.fsm",
      "notional.fsm is 0.1 but fsm.secondary is missing: schools with those counts will show #N/A.",
    ]);
  });

  test("the spill shrinks to OK when the problems are fixed", () => {
    const wb = book({ Fix: [...CLEAN, ["place.specail", null, 1, null]] });
    calc("=SEND.CHECK(Fix!A:D)", wb);
    expect(wb.usedRange("Calc")).toBe("A1:C2");
    wb.setCells("Fix", "A5", [[null, null, null]]);
    expect(wb.getValues("Calc", "A1:C2")).toEqual([
      ["OK", null, null],
      [null, null, null],
    ]);
  });

  test("an unknown option is #VALUE!; a table without Factor is #VALUE!", () => {
    expect(errorOf(calc('=SEND.CHECK(Rates!A1:E40,"Nope")')).message).toBe(
      "option: unknown option 'Nope'. Options: 'Baseline', 'Option B'.",
    );
    expect(errorOf(calc("=SEND.CHECK(Inst!A1:K5)")).message).toMatch(/^rates: no 'Factor' column in the header row/);
  });

  test("an inheritance cycle is a problem row, not an error", () => {
    const wb = book({
      Cyc: [
        ["Factor", "A", "B"],
        ["inherits", "B", "A"],
      ],
    });
    calc("=SEND.CHECK(Cyc!A1:C2)", wb);
    expect(wb.getValues("Calc", "A2:C3")).toEqual([
      ["A", "inherits", "inheritance cycle: A -> B -> A."],
      ["B", "inherits", "inheritance cycle: B -> A -> B."],
    ]);
  });

  test("a blocked spill is #SPILL!", () => {
    const wb = book();
    wb.setCells("Calc", "C2", [["in the way"]]);
    expect(errorOf(calc("=SEND.CHECK(Rates!A1:E40)", wb)).error).toBe("#SPILL!");
  });
});

describe("SEND.CHECK computed once at entry", () => {
  // the size method computes the result and hands it to the evaluation that follows: only for the same arguments
  test("a rate changed between entry and evaluation (one batch) is read, not the result of the entry", () => {
    const wb = book({ Clean: CLEAN, Calc: [[null]] });
    const hf = wb.hyperformula;
    const calcSheet = hf.getSheetId("Calc")!;
    const clean = hf.getSheetId("Clean")!;
    hf.batch(() => {
      hf.setCellContents({ sheet: calcSheet, row: 0, col: 0 }, [["=SEND.CHECK(Clean!A1:D4)"]]);
      hf.setCellContents({ sheet: clean, row: 2, col: 2 }, [["ten"]]);
    });
    // (the problem needs more than the one cell entry sized: #SPILL!, not a stale OK; the workbook then re-enters it)
    expect(errorOf(wb.getValues("Calc", "A1")[0][0]).error).toBe("#SPILL!");
    wb.setCells("Calc", "Z1", [[null]]);
    expect(wb.getValues("Calc", "A1:C1")).toEqual([["Option", "Key", "Problem"]]);
    expect(wb.getValues("Calc", "B2")).toEqual([["place.special"]]);
    wb.setCells("Clean", "C3", [[10000]]);
    expect(wb.getValues("Calc", "A1")).toEqual([["OK"]]);
  });

  test("entered over a clean table, a table with trailing blank rows gives the same OK", () => {
    const wb = book({ Clean: [...CLEAN, [null, null, null, null], [null, null, null, null]], Calc: [[null]] });
    expect(calc("=SEND.CHECK(Clean!A1:F40)", wb)).toBe("OK");
  });
});
