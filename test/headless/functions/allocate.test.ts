// SEND.ALLOCATE(rates, option, fields, values): one institution's total (contract sections 1, 3, 4, 5).
import { BASELINE, FIELDS_REF, HEADER, OPTION_B, RATES, RATES_REF, book, calc, errorOf, q } from "./fixture";

const alloc = (option: string, row: number) =>
  `=SEND.ALLOCATE(${RATES_REF},${option},${FIELDS_REF},Inst!A${row}:K${row})`;

describe("SEND.ALLOCATE", () => {
  test.each([
    ["Alpha", 2],
    ["Beta", 3],
    ["Gamma", 4],
    ["Delta", 5],
  ] as const)("%s under Baseline and Option B (worked by hand)", (name, row) => {
    const wb = book();
    expect(calc(alloc(q("Baseline"), row), wb)).toBe(BASELINE[name]);
    expect(calc(alloc(q("Option B"), row), wb)).toBe(OPTION_B[name]);
  });

  test("option names match case-insensitively and trimmed", () => {
    expect(calc(alloc(q("  option b "), 2))).toBe(OPTION_B.Alpha);
  });

  test("whole-column and whole-row references work (trailing blanks trimmed)", () => {
    expect(calc('=SEND.ALLOCATE(Rates!A:E,"Baseline",Inst!1:1,Inst!2:2)')).toBe(BASELINE.Alpha);
  });

  test("the option may come from a cell; a blank option is allowed when the table has one option", () => {
    const one = RATES.map((r) => r.slice(0, 3));
    const wb = book({ One: one });
    expect(calc(`=SEND.ALLOCATE(One!A1:C40,Calc!Z1,${FIELDS_REF},Inst!A2:K2)`, wb)).toBe(BASELINE.Alpha);
  });

  test("recalculates when a rate changes", () => {
    const wb = book();
    calc(alloc(q("Baseline"), 3), wb);
    wb.setCells("Rates", "C11", [[11000]]); // place.special
    expect(wb.getValues("Calc", "A1")[0][0]).toBe(BASELINE.Beta + 20 * 1000);
  });

  test("unknown option is #VALUE! listing the options and the nearest", () => {
    const e = errorOf(calc(alloc(q("Option C"), 2)));
    expect(e.error).toBe("#VALUE!");
    expect(e.message).toBe(
      "option: unknown option 'Option C'. Options: 'Baseline', 'Option B'. Did you mean 'Option B'?",
    );
  });

  test("blank option with several options is #VALUE! naming them", () => {
    const e = errorOf(calc(alloc('""', 2)));
    expect(e.error).toBe("#VALUE!");
    expect(e.message).toBe("option: name an option; the table has 2: 'Baseline', 'Option B'.");
  });

  test("an inheritance cycle is #VALUE!", () => {
    const cyc = [
      ["Factor", "A", "B"],
      ["inherits", "B", "A"],
      ["place.special", 1, null],
    ];
    const e = errorOf(calc(`=SEND.ALLOCATE(Cyc!A1:C3,"A",${FIELDS_REF},Inst!A3:K3)`, book({ Cyc: cyc })));
    expect(e).toEqual({ error: "#VALUE!", message: "inheritance cycle: A -> B -> A." });
  });

  test("an unknown key is #VALUE! naming the row and the nearest key", () => {
    const typo = [...RATES.slice(0, 10), ["place.specail", "typo", 1, null, null], ...RATES.slice(11)];
    const e = errorOf(calc(`=SEND.ALLOCATE(Typo!A1:E40,"Baseline",${FIELDS_REF},Inst!A2:K2)`, book({ Typo: typo })));
    expect(e).toEqual({
      error: "#VALUE!",
      message: "rates: unknown key 'place.specail' in row 11. Did you mean 'place.special'?",
    });
  });

  test("a missing rate is #N/A naming the key and the option", () => {
    const wb = book();
    wb.setCells("Inst", "A8", [["Epsilon", "AP", null, null, null, null, null, 5]]);
    const e = errorOf(calc(`=SEND.ALLOCATE(${RATES_REF},"Option B",${FIELDS_REF},Inst!A8:K8)`, wb));
    expect(e).toEqual({
      error: "#N/A",
      message: "option 'Option B' has no rate 'place.ap' (needed for place funding (Places = 5)).",
    });
  });

  test("a missing top-up rate names both keys tried", () => {
    const wb = book();
    wb.setCells("Calc", "B1", [
      ["Name", "Phase", "EHCP Band 9"],
      ["Zeta", "Special", 2],
    ]);
    const e = errorOf(calc(`=SEND.ALLOCATE(${RATES_REF},"Baseline",Calc!B1:D1,Calc!B2:D2)`, wb));
    expect(e.error).toBe("#N/A");
    expect(e.message).toBe(
      "option 'Baseline' has no rate 'topup.special.band9' or 'topup.all.band9' (needed for top-up (EHCP Band 9 = 2 at a Special setting)).",
    );
  });

  test.each([
    ["non-numeric field", ["Eta", "Primary", "abc"], "#VALUE!", "values: 'Primary Pupils' is not a number: 'abc'."],
    [
      "negative count",
      ["Eta", "Primary", 10, -3],
      "#NUM!",
      "values: 'FSM' is negative (-3); counts must be 0 or more.",
    ],
    [
      "Occupied over Places",
      ["Eta", "Resource Base", null, null, null, null, null, 10, 12],
      "#NUM!",
      "values: 'Occupied' (12) is more than 'Places' (10).",
    ],
    [
      "Months above 12",
      ["Eta", "Special", null, null, null, null, null, 1, null, 13],
      "#NUM!",
      "values: 'Months' is 13; it must be between 0 and 12.",
    ],
    [
      "Months below 0",
      ["Eta", "Special", null, null, null, null, null, 1, null, -1],
      "#NUM!",
      "values: 'Months' is -1; it must be between 0 and 12.",
    ],
    [
      "unknown phase",
      ["Eta", "Primery"],
      "#VALUE!",
      "values: unknown phase 'Primery'. Phases: 'Early Years', 'Primary', 'Secondary', 'Special', 'Resource Base', 'AP', 'FE', 'ISP'. Did you mean 'Primary'?",
    ],
  ])("%s", (_, row, kind, message) => {
    const wb = book();
    wb.setCells("Inst", "A8", [row as (string | number | null)[]]);
    expect(errorOf(calc(`=SEND.ALLOCATE(${RATES_REF},"Baseline",${FIELDS_REF},Inst!A8:K8)`, wb))).toEqual({
      error: kind,
      message,
    });
  });

  test("numbers typed as text are numbers", () => {
    const wb = book();
    wb.setCells("Calc", "B1", [HEADER.slice(0, 3), ["Alpha", "Primary", "'1,000"]]);
    // HyperFormula keeps '1,000 as the text "1,000"
    expect(calc(`=SEND.ALLOCATE(${RATES_REF},"Baseline",Calc!B1:D1,Calc!B2:D2)`, wb)).toBe(0.05 * 1000 * 3000);
  });

  test("fields and values of different lengths is #VALUE!", () => {
    const e = errorOf(calc(`=SEND.ALLOCATE(${RATES_REF},"Baseline",${FIELDS_REF},Inst!A2:C2)`));
    expect(e).toEqual({
      error: "#VALUE!",
      message: "fields has 11 headers but values has 3 values; they must be the same length.",
    });
  });

  test("a missing argument is #VALUE! naming it", () => {
    const e = errorOf(calc(`=SEND.ALLOCATE(${RATES_REF},"Baseline",${FIELDS_REF})`));
    expect(e).toEqual({ error: "#VALUE!", message: "values is required." });
  });
});
