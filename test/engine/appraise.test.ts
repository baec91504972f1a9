// SEND.APPRAISE worked cases (test/cases/appraise.json): Green Book discounting, NPV, discounted payback, errors.
import { appraise } from "../../src/engine/appraise";
import { isSendError } from "../../src/engine/errors";
import { D } from "../../src/engine/money";
import { expectCaseError } from "./expectCase";
import cases from "../cases/appraise.json";

interface Inputs {
  places: number;
  capital_per_place: number;
  place_cost: number;
  top_up: number;
  isp_fee: number;
  ramp?: number[];
  opening?: number;
  discount_rate?: number;
  years?: number;
}
interface Case {
  name: string;
  inputs: Inputs;
  source: string;
  expected:
    | { npv: number; payback: number | null; presentValues?: number[]; savingPerPlace?: number; filled?: number[] }
    | { error: string; message_contains: string };
}

const opt = (x: number | undefined) => (x === undefined ? null : new D(x));

describe("SEND.APPRAISE worked cases", () => {
  test.each((cases as Case[]).map((c) => [c.name, c] as const))("%s", (_, c) => {
    expect(c.source.trim()).not.toBe("");
    const i = c.inputs;
    const r = appraise({
      places: new D(i.places),
      capitalPerPlace: new D(i.capital_per_place),
      placeCost: new D(i.place_cost),
      topUp: new D(i.top_up),
      ispFee: new D(i.isp_fee),
      ramp: i.ramp?.map((x) => new D(x)) ?? null,
      opening: opt(i.opening),
      discountRate: opt(i.discount_rate),
      years: opt(i.years),
    });
    if ("error" in c.expected) return expectCaseError(r, c.expected);
    if (isSendError(r)) throw new Error(r.message);
    expect(r.npv.toNumber()).toBe(c.expected.npv);
    expect(r.payback === null ? null : r.payback.toNumber()).toBe(c.expected.payback);
    if (c.expected.presentValues)
      expect(r.rows.slice(1).map((y) => y.presentValue.toNumber())).toEqual(c.expected.presentValues);
    if (c.expected.savingPerPlace !== undefined) expect(r.savingPerPlace.toNumber()).toBe(c.expected.savingPerPlace);
    if (c.expected.filled) expect(r.rows.map((y) => y.filled.toNumber())).toEqual(c.expected.filled);
  });

  test("capital sits in year 0 only and the cumulative PV ends at the NPV", () => {
    const r = appraise({
      places: new D(5),
      capitalPerPlace: new D(40000),
      placeCost: new D(10000),
      topUp: new D(15000),
      ispFee: new D(60000),
    });
    if (isSendError(r)) throw new Error(r.message);
    expect(r.rows.map((y) => y.capital.toNumber())).toEqual([200000, ...new Array(10).fill(0)]);
    expect(r.rows[r.rows.length - 1].cumulative.toString()).toBe(r.npv.toString());
    expect(r.rows[10].discountFactor.toFixed(4)).toBe("0.7089"); // 1 / 1.035^10
  });
});
