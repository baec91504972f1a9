// SEND.BAND(rates, option, score): the band with the highest band.<band> ≤ score; #N/A below the lowest.
import { RATES_REF, book, calc, errorOf } from "./fixture";

const bandOf = (option: string, score: string | number) => calc(`=SEND.BAND(${RATES_REF},"${option}",${score})`);

describe("SEND.BAND", () => {
  test.each([
    [0, "1"],
    [9.99, "1"],
    [10, "2"],
    [19, "2"],
    [20, "3"],
    [1000, "3"],
  ])("score %p is band %p", (score, band) => {
    expect(bandOf("Baseline", score)).toBe(band);
    expect(bandOf("Option B", score)).toBe(band); // inherited
  });

  test("score as text", () => {
    expect(bandOf("Baseline", '"12"')).toBe("2");
  });

  test("below the lowest band is #N/A naming the band and option", () => {
    expect(errorOf(bandOf("Baseline", -1))).toEqual({
      error: "#N/A",
      message: "score -1 is below the lowest band of option 'Baseline' (band '1' starts at 0).",
    });
  });

  test("an option with no band keys is #N/A", () => {
    const wb = book({
      NoBands: [
        ["Factor", "Only"],
        ["place.special", 1],
      ],
    });
    expect(errorOf(calc("=SEND.BAND(NoBands!A1:B2,,5)", wb))).toEqual({
      error: "#N/A",
      message: "option 'Only' has no 'band.<band>' keys.",
    });
  });

  test.each([
    ['"high"', "#VALUE!", "score is not a number: 'high'."],
    ['""', "#VALUE!", "score is required."],
  ])("score %s is %s", (score, kind, message) => {
    expect(errorOf(bandOf("Baseline", score))).toEqual({ error: kind, message });
  });

  test("a score that is a range of several cells is #VALUE!", () => {
    expect(errorOf(calc(`=SEND.BAND(${RATES_REF},"Baseline",Rates!C19:C21)`))).toEqual({
      error: "#VALUE!",
      message: "score must be a single value, not a range of 3 × 1 cells.",
    });
  });
});
