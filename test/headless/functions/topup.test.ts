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
      message: "option 'Option B' has no rate 'topup.ap.band2' or 'topup.all.band2' (needed for SEND.TOPUP at setting 'ap', band 'Band 2').",
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
    expect(errorOf(topup('"Baseline","special","Band 1",12,1,9'))).toEqual({ error: "#VALUE!", message: "SEND.TOPUP takes at most 6 arguments; 7 were given." });
  });

  test("an error in a scalar argument propagates", () => {
    const wb = book();
    wb.setCells("Calc", "B1", [["=1/0"]]);
    expect(errorOf(calc(`=SEND.TOPUP(${RATES_REF},"Baseline","special","Band 1",B1)`, wb)).error).toBe("#DIV/0!");
  });
});
