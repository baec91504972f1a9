import fc from "fast-check";
import { D } from "../../src/engine/money";
import { isSendError } from "../../src/engine/errors";
import { expectCaseError } from "./expectCase";
import { payback } from "../../src/engine/payback";
import cases from "../cases/payback.json";

interface PaybackCase {
  name: string;
  inputs: { investment: number; annual_saving: number; annual_cost?: number };
  expected: number | { error: string; message_contains: string };
  source?: string;
}

describe("SEND.PAYBACK worked examples (test/cases/payback.json)", () => {
  test.each((cases as unknown as PaybackCase[]).map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const { investment, annual_saving, annual_cost } = c.inputs;
    const r = payback(
      new D(investment),
      new D(annual_saving),
      annual_cost === undefined ? undefined : new D(annual_cost),
    );
    if (typeof c.expected === "number") {
      if (isSendError(r)) throw new Error(`unexpected error: ${r.toString()}`);
      expect(r.toString()).toBe(new D(c.expected).toString());
    } else {
      expectCaseError(r, c.expected);
    }
  });

  test("there are at least 6 worked examples", () => {
    expect((cases as unknown[]).length).toBeGreaterThanOrEqual(6);
  });
});

describe("SEND.PAYBACK properties (fast-check, seeded)", () => {
  const money = (min: number, max: number) => fc.integer({ min, max }).map((p) => new D(p).div(100));

  test("years × net saving is the investment to within half a hundredth of a year; never pays back iff net ≤ 0", () => {
    fc.assert(
      fc.property(
        money(0, 10 ** 10),
        money(-(10 ** 8), 10 ** 8),
        fc.option(money(-(10 ** 8), 10 ** 8), { nil: undefined }),
        (inv, saving, cost) => {
          const r = payback(inv, saving, cost);
          const net = cost ? saving.minus(cost) : saving;
          if (net.lte(0)) {
            expect(isSendError(r) && r.kind).toBe("#NUM!");
            return;
          }
          if (isSendError(r)) throw new Error(r.toString());
          expect(r.times(100).isInteger()).toBe(true);
          expect(Number.isFinite(r.toNumber())).toBe(true);
          // |years − inv / net| ≤ 0.005  ⇔  |years × net − inv| ≤ 0.005 × net
          expect(r.times(net).minus(inv).abs().lte(net.times("0.005"))).toBe(true);
        },
      ),
      { numRuns: 300, seed: 99 },
    );
  });
});
