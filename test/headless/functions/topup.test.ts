// SEND.TOPUP(rates, option, setting, band, [months], [fte]): rate × fte × months / 12, rounded by round.to.
import { RATES_REF, book, calc, errorOf } from "./fixture";

const topup = (...args: string[]) => calc(`=SEND.TOPUP(${RATES_REF},${args.join(",")})`);

describe("SEND.TOPUP", () => {
  test.each([
    ['"Baseline","special","Band 1"', 5000],
    ['"Baseline","Special","band1"', 5000], // a phase name; band labels ignore case and spaces
    ['"Baseline","Primary","Band 2"', 3000], // Primary -> mainstream
    ['"Baseline","mainstream","Band 1"', 2000], // falls back to topup.all.band1
    ['"Baseline","Resource Base","BAND-1"', 2000],
    ['"Baseline","special","Band 2",6,0.5', 2000], // 8000 × 0.5 × 6/12
    ['"Option B","special","Band 1"', 5500], // Option B's own cell
    ['"Option B","special","Band 2"', 8000], // inherited from Baseline
    ['"Option B","special","Band 1",7,0.3333', 1069], // 5500 × 0.3333 × 7/12 = 1069.3375 -> whole pounds
    ['"Baseline","special","Band 1",7,0.3333', 972.13], // 5000 × 0.3333 × 7/12 = 972.125 -> half-up to the penny
    ['"Baseline","special","Band 1","",""', 5000], // blank months and fte take their defaults
  ])("TOPUP(%s) = %p", (args, expected) => {
    expect(topup(args)).toBe(expected);
  });

  test("numbers as text are numbers", () => {
    expect(topup('"Baseline","special","Band 2","6","50%"')).toBe(2000);
  });

  test("an unknown setting is #VALUE! with the nearest", () => {
    const e = errorOf(topup('"Baseline","specail","Band 1"'));
    expect(e.error).toBe("#VALUE!");
    expect(e.message).toMatch(/^setting: unknown value 'specail'\. Expected one of 'mainstream', 'rb', 'special'/);
    expect(e.message).toMatch(/Did you mean 'special'\?$/);
  });

  test("a missing rate is #N/A naming both keys tried and the option", () => {
    expect(errorOf(topup('"Option B","ap","Band 2"'))).toEqual({
      error: "#N/A",
      message:
        "option 'Option B' has no rate 'topup.ap.band2' or 'topup.all.band2' (needed for SEND.TOPUP at setting 'ap', band 'Band 2').",
    });
  });

  test.each([
    ['"Baseline","special","Band 1",13', "#NUM!", "months is 13; it must be between 0 and 12."],
    ['"Baseline","special","Band 1",-1', "#NUM!", "months is -1; it must be between 0 and 12."],
    ['"Baseline","special","Band 1",12,-0.5', "#NUM!", "fte is -0.5; it must be 0 or more."],
    ['"Baseline","special","Band 1","six"', "#VALUE!", "months is not a number: 'six'."],
    ['"Baseline","special",""', "#VALUE!", "band is required."],
    ['"Baseline","","Band 1"', "#VALUE!", "setting is required."],
    ['"Nope","special","Band 1"', "#VALUE!", "option: unknown option 'Nope'. Options: 'Baseline', 'Option B'."],
  ])("TOPUP(%s) is %s", (args, kind, message) => {
    expect(errorOf(topup(args))).toEqual({ error: kind, message });
  });

  test("too many arguments is #VALUE!", () => {
    expect(errorOf(topup('"Baseline","special","Band 1",12,1,9'))).toEqual({
      error: "#VALUE!",
      message: "SEND.TOPUP takes at most 6 arguments; 7 were given.",
    });
  });

  test("an error in a one-cell months range is read as its text, as Excel hands it over (months is a range parameter)", () => {
    const wb = book();
    wb.setCells("Calc", "B1", [["=1/0"]]);
    expect(errorOf(calc(`=SEND.TOPUP(${RATES_REF},"Baseline","special","Band 1",B1)`, wb)).error).toBe("#VALUE!");
  });

  test("an error in a scalar argument propagates", () => {
    const wb = book();
    wb.setCells("Calc", "B1", [["=1/0"]]);
    expect(errorOf(calc(`=SEND.TOPUP(${RATES_REF},B1,"special","Band 1")`, wb)).error).toBe("#DIV/0!");
  });
});

describe("SEND.TOPUP over ranges (lifted, as Excel's own functions are)", () => {
  const PUPILS = [
    ["Setting", "Band", "Months", "FTE"],
    ["special", "Band 1", 12, 1],
    ["Special", "band2", 6, 0.5],
    ["Primary", "Band 2", null, null],
    ["specail", "Band 1", 12, 1],
    ["special", "Band 1", 13, 1],
  ];
  const lifted = `=SEND.TOPUP(${RATES_REF},"Baseline",Pupils!A2:A6,Pupils!B2:B6,Pupils!C2:C6,Pupils!D2:D6)`;

  test("a column of pupils spills a column of top-ups, each the scalar call's, errors in their own cells", () => {
    const wb = book({ Pupils: PUPILS });
    wb.setCells("Calc", "A1", [[lifted]]);
    const got = wb.getValues("Calc", "A1:A6").map((r) => r[0]);
    expect(got.slice(0, 3)).toEqual([5000, 2000, 3000]);
    expect(errorOf(got[3]).message).toMatch(/^setting: unknown value 'specail'/);
    expect(errorOf(got[4])).toEqual({ error: "#NUM!", message: "months is 13; it must be between 0 and 12." });
    expect(got[5]).toBeNull();
    for (let i = 0; i < 5; i++) {
      const r = i + 2;
      expect(
        calc(`=SEND.TOPUP(${RATES_REF},"Baseline",Pupils!A${r},Pupils!B${r},Pupils!C${r},Pupils!D${r})`, wb),
      ).toEqual(got[i]);
    }
  });

  test("editing a pupil changes its cell; more pupils make the spill grow", () => {
    const wb = book({ Pupils: PUPILS });
    wb.setCells("Calc", "B1", [[lifted.replace(/6\b/g, "20")]]);
    expect(
      wb
        .getValues("Calc", "B1:B6")
        .map((r) => r[0])
        .slice(0, 3),
    ).toEqual([5000, 2000, 3000]);
    wb.setCells("Pupils", "A5", [["rb"]]);
    expect(wb.getValues("Calc", "B4")[0][0]).toBe(2000);
    wb.setCells("Pupils", "A7", [["special", "Band 2", 3, 1]]);
    expect(wb.getValues("Calc", "B5:B7")).toEqual([
      [{ error: "#NUM!", message: "months is 13; it must be between 0 and 12." }],
      [2000],
      [null],
    ]);
    wb.setCells("Rates", "C16", [[8800]]); // topup.special.band2
    expect(wb.getValues("Calc", "B2")[0][0]).toBe(2200);
    expect(wb.getValues("Calc", "B6")[0][0]).toBe(2200);
  });

  test("a column of settings and a row of bands spill the table of rates", () => {
    const wb = book();
    wb.setCells("Calc", "A1", [[null, "Band 1", "Band 2"], ["special"], ["mainstream"]]);
    wb.setCells("Calc", "B2", [[`=SEND.TOPUP(${RATES_REF},"Baseline",A2:A3,B1:C1)`]]);
    expect(wb.getValues("Calc", "B2:C3")).toEqual([
      [5000, 8000],
      [2000, 3000],
    ]);
  });

  test("ranges of different lengths are one #VALUE!", () => {
    expect(errorOf(topup('"Baseline",Rates!A1:A3,Rates!A1:A2'))).toMatchObject({ error: "#VALUE!" });
  });
});
