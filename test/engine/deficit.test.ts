import fc from "fast-check";
import { D, type Dec, roundMoney, toNumber } from "../../src/engine/money";
import { isSendError } from "../../src/engine/errors";
import { expectCaseError } from "./expectCase";
import { deficit } from "../../src/engine/deficit";
import cases from "../cases/deficit.json";

type Num = number | null;
interface DeficitCase {
  name: string;
  inputs: { opening: number; income: Num[]; spend: Num[]; adjustments?: Num[] };
  expected: number[][] | { error: string; message_contains: string };
  source?: string;
}
const dn = (v: Num) => (v === null ? null : new D(v));

describe("SEND.DEFICIT worked examples (test/cases/deficit.json)", () => {
  test.each((cases as unknown as DeficitCase[]).map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const { opening, income, spend, adjustments } = c.inputs;
    const r = deficit(new D(opening), income.map(dn), spend.map(dn), adjustments?.map(dn));
    if (Array.isArray(c.expected)) {
      if (isSendError(r)) throw new Error(`unexpected error: ${r.toString()}`);
      expect(r.map((row) => row.map(String))).toEqual(c.expected.map((row) => row.map((n) => new D(n).toString())));
    } else {
      expectCaseError(r, c.expected);
    }
  });

  test("there are at least 6 worked examples", () => {
    expect((cases as unknown[]).length).toBeGreaterThanOrEqual(6);
  });

  test("whole-pound unit", () => {
    const r = deficit(new D("0.4"), [new D("10.5")], [new D(0)], null, new D(1));
    if (isSendError(r)) throw new Error(r.toString());
    expect(r.map((row) => row.map(String))).toEqual([["11", "11"]]);
  });
});

describe("SEND.DEFICIT properties (fast-check, seeded)", () => {
  const money = fc.integer({ min: -(10 ** 11), max: 10 ** 11 }).map((p) => new D(p).div(1000)); // sub-penny too
  const cell = fc.option(money, { nil: null });

  test("cumulative foots: each = previous + in-year, last = opening + Σ in-year; in-year is the rounded net", () => {
    fc.assert(
      fc.property(
        money,
        fc
          .integer({ min: 1, max: 15 })
          .chain((n) =>
            fc.tuple(
              fc.array(cell, { minLength: n, maxLength: n }),
              fc.array(cell, { minLength: n, maxLength: n }),
              fc.option(fc.array(cell, { minLength: n, maxLength: n }), { nil: undefined }),
            ),
          ),
        (opening, [income, spend, adjustments]) => {
          const r = deficit(opening, income, spend, adjustments);
          if (isSendError(r)) throw new Error(r.toString());
          expect(r).toHaveLength(income.length);
          let prev = roundMoney(opening);
          let total: Dec = new D(0);
          r.forEach(([inYear, cumulative], y) => {
            const z = (v: Dec | null) => v ?? new D(0);
            expect(
              inYear.eq(
                roundMoney(
                  z(income[y])
                    .minus(z(spend[y]))
                    .plus(z(adjustments?.[y] ?? null)),
                ),
              ),
            ).toBe(true);
            expect(cumulative.eq(prev.plus(inYear))).toBe(true);
            expect(Number.isFinite(toNumber(inYear)) && Number.isFinite(toNumber(cumulative))).toBe(true);
            prev = cumulative;
            total = total.plus(inYear);
          });
          expect(r[r.length - 1][1].eq(roundMoney(opening).plus(total))).toBe(true);
        },
      ),
      { numRuns: 300, seed: 424242 },
    );
  });
});
