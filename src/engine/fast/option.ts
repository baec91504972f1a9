// An option compiled for the fast path: the rules of each phase (terms.ts, from the key catalogue) with
// every rate as a scaled integer and each linear term's coefficient (rate × times × share) taken once.
// A rate the option lacks, or one that is not m / 10^k with m safe, has m = NaN: a row that needs it goes down
// the decimal path, which gives the value or the #N/A with its message. Phases compile on first use, so an
// option reads exactly the keys of the phases it is asked about (test/engine/fast/keys.test.ts checks this).
// Nothing here is remembered between calls: compileOption builds a new value each time; the function layer keeps
// one per resolved option (src/functions/memory.ts), and the value fills its phases and bindings as they are used.
import type { Dec } from "../money";
import { normKey } from "../normalize";
import type { Option } from "../rates";
import { phaseTerms, type RateRef } from "../terms";
import { COMPONENTS } from "../types";
import { Acc, parseDec, parseNumber } from "./exact";
import type { Bound } from "./evaluate";
import type { Layout } from "./layout";
import { slotOf } from "./slots";

/** m / 10^k; m is NaN when absent or not exactly representable. */
export interface Rate {
  readonly m: number;
  readonly k: number;
}

export const NO_RATE: Rate = { m: NaN, k: 0 };

/** One component of one phase, compiled: linear terms as parallel arrays, the other rules as rates or null. */
export interface CompiledComponent {
  /** count slot, coefficient m / 10^k, and 1 when paid once a year (not pro-rated) */
  slot: Int32Array;
  m: Float64Array;
  k: Int32Array;
  perYear: Uint8Array;
  topup: boolean;
  /** SENIF: the key prefix (ey.senif) and the product of its `times` rates (ey.weeks) */
  senif: { key: string; times: Rate } | null;
  above: { rate: Rate; threshold: Rate } | null;
  /** the guarantee's rate and the index (in COMPONENTS) of the component it tops up */
  guarantee: { rate: Rate; against: number } | null;
}

export interface CompiledOption {
  option: Option;
  unitM: number;
  unitK: number;
  /** the components of a phase (by phase code), compiled on first use */
  phase(p: number): CompiledComponent[];
  /** any rate by normalised key (memoised) */
  rate(key: string): Rate;
  /** SEND.TOPUP's lookups, by setting, then band as typed (filled on use, ≤ 1,000 band spellings a setting;
   * null: no rate) */
  topups: Map<string, Map<string, Rate | null>>;
  /** this option bound to each header layout it meets (evaluate.ts bind; weak: a layout dies with its reader) */
  bound: WeakMap<Layout, Bound>;
}

/** An option as the engine's entry points take it: the option, and its compiled form or null (decimal path only). */
export interface FastOption {
  readonly option: Option;
  readonly compiled: CompiledOption | null;
}

/** An option ready for the entry points, compiled afresh (`exact` false: the decimal path for every row and call). */
export function fastOption(option: Option, exact = true): FastOption {
  return { option, compiled: exact ? compileOption(option) : null };
}

function rateOfDec(d: Dec): Rate {
  const r = { m: 0, k: 0 };
  return parseDec(d, r) ? r : NO_RATE;
}

function product(...rs: Rate[]): Rate {
  const acc = new Acc().set(1, 0);
  for (const r of rs) acc.mul(r.m, r.k);
  return { m: acc.m, k: acc.k };
}

/** The compiled option, or null when its round.to is not exactly representable (then every row is decimal). */
export function compileOption(option: Option): CompiledOption | null {
  const unit = { m: 0, k: 0 };
  if (!parseDec(option.roundTo, unit) || unit.m <= 0) return null;
  const unitM = unit.m;
  const unitK = unit.k;
  const rates = new Map<string, Rate>();
  const rate = (key: string): Rate => {
    const k = normKey(key);
    let r = rates.get(k);
    if (r === undefined) {
      const v = option.rates.get(k);
      r = v === undefined || typeof v.value === "string" ? NO_RATE : rateOfDec(v.value);
      rates.set(k, r);
    }
    return r;
  };
  /** a term's rate: the catalogue default when absent (ctx.rate on the decimal side); NO_RATE when needed and absent */
  const get = (ref: RateRef): Rate => {
    if (ref.default === undefined || option.rates.has(ref.key)) return rate(ref.key);
    const r = { m: 0, k: 0 };
    return parseNumber(ref.default, r) ? r : NO_RATE;
  };
  const phases: CompiledComponent[][] = [];
  const compilePhase = (p: number): CompiledComponent[] =>
    phaseTerms(p).map((c) => {
      const slot: number[] = [],
        m: number[] = [],
        k: number[] = [],
        perYear: number[] = [];
      const out: CompiledComponent = {
        slot: new Int32Array(),
        m: new Float64Array(),
        k: new Int32Array(),
        perYear: new Uint8Array(),
        topup: false,
        senif: null,
        above: null,
        guarantee: null,
      };
      for (const t of c.terms) {
        switch (t.rule) {
          case "linear": {
            const share = t.share ? get(t.share) : null;
            if (share && share.m === 0) break; // a zero share needs no rates at all
            const coef = product(get(t.rate), ...t.times.map(get), ...(share ? [share] : []));
            slot.push(slotOf(t.count));
            m.push(coef.m);
            k.push(coef.k);
            perYear.push(t.perYear ? 1 : 0);
            break;
          }
          case "topup":
            out.topup = true;
            break;
          case "senif":
            out.senif = { key: t.key, times: product(...t.times.map(get)) };
            break;
          case "aboveThreshold":
            out.above = { threshold: get(t.threshold), rate: get(t.rate) };
            break;
          case "guarantee":
            out.guarantee = { rate: get(t.rate), against: COMPONENTS.findIndex((x) => x.name === t.against) };
            break;
        }
      }
      out.slot = Int32Array.from(slot);
      out.m = Float64Array.from(m);
      out.k = Int32Array.from(k);
      out.perYear = Uint8Array.from(perYear);
      return out;
    });
  return {
    option,
    unitM,
    unitK,
    phase: (p) => (phases[p] ??= compilePhase(p)),
    rate,
    topups: new Map(),
    bound: new WeakMap(),
  };
}
