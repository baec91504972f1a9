// The mitigations log: costs in full, savings weighted by confidence, so the risk-adjusted net is never better than
// the mitigated net (and worse whenever a positive saving is less than certain).
import fc from "fast-check";
import { mitigationTotals, rag, type Mitigation } from "../../src/engine/mitigations";
import { D } from "../../src/engine/money";

const pounds = (max: number) => fc.integer({ min: -max * 100, max: max * 100 }).map((p) => new D(p).div(100));
const mitigation = (years: number): fc.Arbitrary<Mitigation> =>
  fc.record({
    description: fc.constant("m"),
    owner: fc.constant("o"),
    start: fc.integer({ min: 2025, max: 2025 + years }),
    oneOff: pounds(500000).map((x) => x.abs()),
    recurring: pounds(100000).map((x) => x.abs()),
    savings: fc.array(pounds(2000000), { minLength: years, maxLength: years }),
    confidence: fc.integer({ min: 0, max: 100 }).map((c) => new D(c).div(100)),
  });

describe("mitigations log", () => {
  test("hand-worked: £900k saving at 50% with £60k one-off and £25k a year", () => {
    const m: Mitigation = {
      description: "Banding review",
      owner: "Head of SEND",
      start: 2026,
      oneOff: new D(60000),
      recurring: new D(25000),
      savings: [0, 900000, 900000].map((x) => new D(x)),
      confidence: new D(0.5),
    };
    const t = mitigationTotals([m], 2025, 3).map((y) => [y.net.toNumber(), y.riskAdjusted.toNumber()]);
    // 2026-27: 900,000 − 85,000 = 815,000; risk-adjusted 450,000 − 85,000 = 365,000; 2027-28 costs 25,000 only
    expect(t).toEqual([
      [0, 0],
      [815000, 365000],
      [875000, 425000],
    ]);
  });

  test("risk-adjusted is never better than mitigated; strictly worse when a positive saving has confidence < 1", () => {
    fc.assert(
      fc.property(fc.array(mitigation(4), { maxLength: 6 }), (log) => {
        mitigationTotals(log, 2025, 4).forEach((y, k) => {
          expect(y.riskAdjusted.lte(y.net)).toBe(true);
          // (a doubt worth at least 2p: each total is rounded to the penny on its own)
          const doubted = log.some(
            (m) => m.savings[k].gt(0) && m.savings[k].times(new D(1).minus(m.confidence)).gte(0.02),
          );
          if (doubted) expect(y.riskAdjusted.lt(y.net)).toBe(true);
        });
      }),
      { seed: 17, numRuns: 400 },
    );
  });

  test("a negative saving (a mitigation that costs more) counts in full, not weighted down", () => {
    const m: Mitigation = {
      description: "x",
      owner: "y",
      start: 2030,
      oneOff: new D(0),
      recurring: new D(0),
      savings: [new D(-1000)],
      confidence: new D(0.25),
    };
    expect(mitigationTotals([m], 2025, 1)[0].riskAdjusted.toNumber()).toBe(-1000);
  });

  test("RAG by confidence: Green from 75%, Amber from 50%, Red below", () => {
    expect([1, 0.75, 0.74, 0.5, 0.49, 0].map((c) => rag(new D(c)))).toEqual([
      "Green",
      "Green",
      "Amber",
      "Amber",
      "Red",
      "Red",
    ]);
  });
});
