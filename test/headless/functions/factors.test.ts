// SEND.FACTORS(): the key catalogue as a spill: Key, Description, Unit, Applies to.
import { KEY_CATALOGUE } from "../../../src/engine/keys";
import { book, calc, errorOf } from "./fixture";

describe("SEND.FACTORS", () => {
  test("header then one row per catalogue key", () => {
    const wb = book();
    expect(calc("=SEND.FACTORS()", wb)).toBe("Key");
    const n = KEY_CATALOGUE.length;
    const v = wb.getValues("Calc", `A1:E${n + 2}`);
    expect(v[0]).toEqual(["Key", "Description", "Unit", "Applies to", null]);
    expect(v.slice(1, n + 1).map((r) => r[0])).toEqual(KEY_CATALOGUE.map((k) => k.key));
    expect(v[1]).toEqual([
      KEY_CATALOGUE[0].key,
      KEY_CATALOGUE[0].description,
      KEY_CATALOGUE[0].unit,
      KEY_CATALOGUE[0].appliesTo,
      null,
    ]);
    expect(v[n + 1]).toEqual([null, null, null, null, null]);
    expect(wb.usedRange("Calc")).toBe(`A1:D${n + 1}`);
  });

  test("a blocked spill is #SPILL!", () => {
    const wb = book();
    wb.setCells("Calc", "D3", [["x"]]);
    expect(errorOf(calc("=SEND.FACTORS()", wb)).error).toBe("#SPILL!");
  });

  test("an argument is too many", () => {
    expect(errorOf(calc("=SEND.FACTORS(1)"))).toEqual({
      error: "#VALUE!",
      message: "SEND.FACTORS takes at most 0 arguments; 1 were given.",
    });
  });
});
