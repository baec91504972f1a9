import { valueInWords } from "../../src/model/optionChanges";
import { bandWords, keyInWords } from "../../src/model/rateWords";

describe("rates in words for the paper", () => {
  it("gives every rate its unit, pennies when there are any, and a year as a year", () => {
    expect(valueInWords(3.5, "£/hour")).toBe("£3.50 an hour");
    expect(valueInWords(17220, "£/pupil/year")).toBe("£17,220 a pupil a year");
    expect(valueInWords(-1000, "£")).toBe("-£1,000");
    expect(valueInWords(0.05, "fraction/year")).toBe("5% a year");
    expect(valueInWords(0.035, "fraction")).toBe("3.5%");
    expect(valueInWords(2025, "year")).toBe("2025");
    expect(valueInWords(38, "weeks")).toBe("38 weeks");
    expect(valueInWords(null, "£")).toBe("not set");
  });

  it("names lettered bands in words, never by their key", () => {
    expect(bandWords("banda")).toBe("Band A");
    expect(bandWords("band3")).toBe("Band 3");
    expect(bandWords("Severe")).toBe("Severe");
    expect(keyInWords("topup.special.bandc")).toBe("Top-up, Band C, Special school");
    expect(keyInWords("ey.senif.band1")).toBe("SEN inclusion fund, Band 1");
  });
});
