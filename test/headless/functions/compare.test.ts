// SEND.COMPARE(rates, optionA, optionB, table): Name, A, B, Difference, Change per institution, then Total.
import { BASELINE, OPTION_B, RATES_REF, TABLE_REF, book, calc, errorOf } from "./fixture";

const cmp = (a: string, b: string, table = TABLE_REF) => `=SEND.COMPARE(${RATES_REF},"${a}","${b}",${table})`;

describe("SEND.COMPARE", () => {
  test("header, one row per institution, Total; Change = (B - A) / A, not rounded", () => {
    const wb = book();
    calc(cmp("Baseline", "Option B"), wb);
    const v = wb.getValues("Calc", "A1:F7");
    expect(v[0]).toEqual(["Name", "Baseline", "Option B", "Difference", "Change", null]);
    const names = ["Alpha", "Beta", "Gamma", "Delta"] as const;
    names.forEach((n, i) => {
      const [name, a, b, d, c, beyond] = v[i + 1];
      expect([name, a, b, d, beyond]).toEqual([n, BASELINE[n], OPTION_B[n], OPTION_B[n] - BASELINE[n], null]);
      expect(c).toBeCloseTo((OPTION_B[n] - BASELINE[n]) / BASELINE[n], 15);
    });
    expect(v[5].slice(0, 4)).toEqual(["Total", 488500, 492503, 4003]);
    expect(v[5][4]).toBeCloseTo(4003 / 488500, 15);
    expect(v[6]).toEqual([null, null, null, null, null, null]); // nothing beyond the Total row
  });

  test("Change is blank when A is 0; a row without a Name is 'Row k'", () => {
    const wb = book();
    wb.setCells("Inst", "A6", [[null, "Primary"]]);
    calc(cmp("Baseline", "Option B", "Inst!A1:K6"), wb);
    expect(wb.getValues("Calc", "A6:E6")).toEqual([["Row 5", 0, 0, 0, null]]);
  });

  test("a failing row shows its error in its cells and in the Total row; blank rows are skipped", () => {
    const wb = book();
    wb.setCells("Inst", "A6", [[null], ["Bad", "Special", null, null, null, null, null, "ten"]]);
    calc(cmp("Baseline", "Option B", "Inst!A:K"), wb);
    const v = wb.getValues("Calc", "A1:E8");
    expect(v[5][0]).toBe("Bad");
    const message = "table row 6 ('Bad'): 'Places' is not a number: 'ten'.";
    for (const cell of v[5].slice(1)) expect(cell).toEqual({ error: "#VALUE!", message });
    expect(v[6][0]).toBe("Total");
    for (const cell of v[6].slice(1)) expect(cell).toEqual({ error: "#VALUE!", message });
    expect(v[7]).toEqual([null, null, null, null, null]);
  });

  test("a missing rate in one option is #N/A in that row", () => {
    const wb = book();
    wb.setCells("Inst", "A6", [["Ap", "AP", null, null, null, null, null, 2]]);
    calc(cmp("Baseline", "Option B", "Inst!A1:K6"), wb);
    expect(errorOf(wb.getValues("Calc", "B6")[0][0])).toEqual({
      error: "#N/A",
      message: "option 'Baseline' has no rate 'place.ap' (needed for place funding (Places = 2)).",
    });
  });

  test("an unknown option names the argument", () => {
    expect(errorOf(calc(cmp("Baseline", "Option X")))).toEqual({
      error: "#VALUE!",
      message: "optionB: unknown option 'Option X'. Options: 'Baseline', 'Option B'. Did you mean 'Option B'?",
    });
  });

  test("the spill is header + institutions + Total, and #SPILL! when blocked", () => {
    const wb = book();
    calc(cmp("Baseline", "Option B"), wb);
    expect(wb.usedRange("Calc")).toBe("A1:E6");
    wb.setCells("Calc", "E6", [["x"]]);
    expect(errorOf(wb.getValues("Calc", "A1")[0][0]).error).toBe("#SPILL!");
  });
});
