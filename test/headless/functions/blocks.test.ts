// The optional block argument of SEND.ALLOCATE, SEND.ALLOCATEALL and SEND.COMPARE: High Needs spend apart from
// the memo blocks (Schools = notional SEN, 16-19 = FE element 1, Early years). Hand-worked amounts: fixture.ts.
import { FIELDS_REF, RATES_REF, TABLE_REF, book, calc, errorOf } from "./fixture";

const alloc = (option: string, row: number, block: string) =>
  `=SEND.ALLOCATE(${RATES_REF},"${option}",${FIELDS_REF},Inst!A${row}:K${row},"${block}")`;

describe("block argument", () => {
  test("ALLOCATE: High needs leaves out notional SEN; Schools is notional SEN only; the blocks add up to the Total", () => {
    // Alpha under Baseline: notional 31,500 (Schools) + top-up 7,000 + EI 1,000 (High needs) = 39,500
    expect(calc(alloc("Baseline", 2, "High needs"))).toBe(8000);
    expect(calc(alloc("Baseline", 2, "Schools"))).toBe(31500);
    expect(calc(alloc("Baseline", 2, "16-19"))).toBe(0);
    expect(calc(alloc("Baseline", 2, "Early years"))).toBe(0);
    expect(calc(alloc("Baseline", 2, "All"))).toBe(39500);
    // spellings: case, spaces and hyphens are ignored; HN and ESFA are accepted
    expect(calc(alloc("Option B", 2, "HIGH-NEEDS"))).toBe(8500);
    expect(calc(alloc("Option B", 2, "hn"))).toBe(8500);
    expect(calc(alloc("Option B", 2, "esfa"))).toBe(0);
  });

  test("ALLOCATE without a block is the contract's Total (unchanged)", () => {
    expect(calc(`=SEND.ALLOCATE(${RATES_REF},"Option B",${FIELDS_REF},Inst!A2:K2)`)).toBe(41003);
  });

  test("an unknown block is #VALUE! naming the argument and the nearest block", () => {
    const e = errorOf(calc(alloc("Baseline", 2, "High neds")));
    expect(e.error).toBe("#VALUE!");
    expect(e.message).toContain("block: unknown value 'High neds'");
    expect(e.message).toContain("Did you mean 'High needs'?");
  });

  test("ALLOCATEALL with a block: one amount per row; blank rows blank; a bad row its own error", () => {
    const wb = book();
    wb.setCells("Inst", "A7", [["Bad", "Primry"]]);
    calc(`=SEND.ALLOCATEALL(${RATES_REF},"Baseline",Inst!A1:K7,"High needs")`, wb);
    const v = wb.getValues("Calc", "A1:A6").map((r) => r[0]);
    expect(v.slice(0, 5)).toEqual([8000, 305000, 84000, 60000, null]);
    expect(errorOf(v[5]).message).toContain("unknown phase 'Primry'");
    calc(`=SEND.ALLOCATEALL(${RATES_REF},"Baseline",${TABLE_REF},"Schools")`, wb);
    expect(wb.getValues("Calc", "A1:A4").map((r) => r[0])).toEqual([31500, 0, 0, 0]);
  });

  test("COMPARE with a block: High Needs amounts, difference, change and Total; header names the block", () => {
    const wb = book();
    calc(`=SEND.COMPARE(${RATES_REF},"Baseline","Option B",${TABLE_REF},"High needs")`, wb);
    const v = wb.getValues("Calc", "A1:E6");
    expect(v[0]).toEqual(["Name", "Baseline (High needs)", "Option B (High needs)", "Difference", "Change"]);
    expect(v[1].slice(0, 4)).toEqual(["Alpha", 8000, 8500, 500]);
    expect(v[1][4]).toBeCloseTo(500 / 8000, 15);
    expect(v[5].slice(0, 4)).toEqual(["Total", 457000, 460000, 3000]);
    // the memo block: notional SEN moves by 1,003 (32,503 - 31,500), so High Needs + Schools = the all-block 4,003
    calc(`=SEND.COMPARE(${RATES_REF},"Baseline","Option B",${TABLE_REF},"Schools")`, wb);
    expect(wb.getValues("Calc", "A6:D6")[0]).toEqual(["Total", 31500, 32503, 1003]);
  });
});
