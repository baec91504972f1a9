// SEND.APPRAISE: invest-to-save appraisal of new local special places against independent (ISP) placements.
//
// Year 0 is the decision year: the capital (places × capital per place) is spent then. Places open in year
// `opening` (default 1) and fill along `ramp` (fractions of the places, one per year from opening; the last value
// holds after). Each filled place avoids an ISP fee and costs place funding + top-up instead, so the yearly
// revenue saving (High Needs block, DSG) is filled × (isp_fee − place − top_up). Capital is kept apart: it cannot
// come from the DSG (it is the authority's capital programme or a DfE capital grant), so the spill shows it in its
// own column and the summary lines give it separately from the revenue saving.
//
// Discounting follows the HM Treasury Green Book: present value = amount / (1 + r)^t, year 0 undiscounted, with the
// social time preference rate as the default schedule: 3.5% (real) for years 0-30 and 3.0% from year 31 (the
// Green Book's declining long-term rate: factor(t) = 1 / (1.035^30 × 1.03^(t−30)) after year 30). A discount_rate
// given by the user is one constant rate for every year. NPV = Σ PV(revenue saving) −
// capital. Discounted payback is the year in which the cumulative present value first reaches 0, interpolated
// linearly within that year, rounded half-up to 0.01 of a year; "not within n years" when it never does.
//
// One set of numbers with SEND.PROJECT: the Filled column is the cumulative number of ISP placements moved to
// special schools, i.e. what `proj.shift` holds per year (proj.shift × year in the projection).
import { D, PENNY, roundMoney, ZERO, type Dec } from "./money";
import { E, attempt, raise, type SendError } from "./errors";

export const GREEN_BOOK_RATE = new D("0.035");
/** The Green Book's rate from year 31 (to year 75), and the last year at GREEN_BOOK_RATE. */
export const GREEN_BOOK_LONG_RATE = new D("0.03");
export const GREEN_BOOK_STEP_YEAR = 30;
export const DEFAULT_YEARS = 10;
export const MAX_YEARS = 60;

export interface AppraiseInput {
  places: Dec;
  capitalPerPlace: Dec;
  placeCost: Dec;
  topUp: Dec;
  ispFee: Dec;
  /** fill fraction per year from opening (0..1); default [1] */
  ramp?: readonly Dec[] | null;
  /** the year the places open, 1..years (default 1) */
  opening?: Dec | null;
  discountRate?: Dec | null;
  years?: Dec | null;
}

export interface AppraiseYear {
  year: number;
  filled: Dec;
  capital: Dec;
  revenueSaving: Dec;
  discountFactor: Dec;
  presentValue: Dec;
  cumulative: Dec;
}

export interface Appraisal {
  rows: AppraiseYear[];
  capital: Dec;
  revenueSaving: Dec;
  npv: Dec;
  /** years to 0.01, or null when the scheme does not pay back within the horizon */
  payback: Dec | null;
  savingPerPlace: Dec;
}

function wholeIn(arg: string, x: Dec, lo: number, hi: number): number {
  if (!x.isInteger() || x.lt(lo) || x.gt(hi)) raise(E.argRange(arg, x.toFixed(), `a whole number from ${lo} to ${hi}`));
  return x.toNumber();
}

export function appraise(inp: AppraiseInput): Appraisal | SendError {
  return attempt(() => {
    for (const [arg, x] of [
      ["places", inp.places],
      ["capital_per_place", inp.capitalPerPlace],
      ["place_cost", inp.placeCost],
      ["top_up", inp.topUp],
      ["isp_fee", inp.ispFee],
    ] as const) {
      if (x.lt(0)) raise(E.argRange(arg, x.toFixed(), "0 or more"));
    }
    const years = wholeIn("years", inp.years ?? new D(DEFAULT_YEARS), 1, MAX_YEARS);
    const opening = wholeIn("opening", inp.opening ?? new D(1), 1, years);
    const rate = inp.discountRate ?? GREEN_BOOK_RATE;
    const later = inp.discountRate ?? GREEN_BOOK_LONG_RATE; // the rate of years after GREEN_BOOK_STEP_YEAR
    if (rate.lte(-1) || rate.gt(1))
      raise(E.argRange("discount_rate", rate.toFixed(), "above -1 and at most 1 (3.5% is 0.035)"));
    const ramp = inp.ramp && inp.ramp.length > 0 ? inp.ramp : [new D(1)];
    ramp.forEach((f, i) => {
      if (f.lt(0) || f.gt(1)) raise(E.argRange(`ramp value ${i + 1}`, f.toFixed(), "a fraction from 0 to 1"));
    });

    const savingPerPlace = inp.ispFee.minus(inp.placeCost).minus(inp.topUp);
    const capital = roundMoney(inp.places.times(inp.capitalPerPlace), PENNY);
    const one = new D(1).plus(rate);
    const oneLater = new D(1).plus(later);
    const rows: AppraiseYear[] = [];
    let cumulative = capital.neg();
    let factor = new D(1);
    rows.push({
      year: 0,
      filled: ZERO,
      capital,
      revenueSaving: ZERO,
      discountFactor: factor,
      presentValue: capital.neg(),
      cumulative,
    });
    let revenue = ZERO;
    let payback: Dec | null = capital.isZero() ? ZERO : null;
    for (let t = 1; t <= years; t++) {
      factor = factor.div(t > GREEN_BOOK_STEP_YEAR ? oneLater : one);
      const k = t - opening;
      const filled = k < 0 ? ZERO : inp.places.times(ramp[Math.min(k, ramp.length - 1)]);
      const saving = roundMoney(filled.times(savingPerPlace), PENNY);
      const pv = roundMoney(saving.times(factor), PENNY);
      const before = cumulative;
      cumulative = cumulative.plus(pv);
      revenue = revenue.plus(saving);
      if (payback === null && before.lt(0) && cumulative.gte(0)) {
        payback = roundMoney(new D(t - 1).plus(before.neg().div(pv)), PENNY);
      }
      rows.push({
        year: t,
        filled,
        capital: ZERO,
        revenueSaving: saving,
        discountFactor: factor,
        presentValue: pv,
        cumulative,
      });
    }
    return { rows, capital, revenueSaving: revenue, npv: cumulative, payback, savingPerPlace };
  });
}
