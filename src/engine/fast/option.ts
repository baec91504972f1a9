// An option compiled once for the fast path: the rules of each phase (terms.ts, from the key catalogue) with
// every rate as a scaled integer and each linear term's coefficient (rate × times × share) taken once.
// A rate the option lacks, or one that is not m / 10^k with m safe, has m = NaN: a row that needs it goes down
// the decimal path, which gives the value or the #N/A with its message. Phases compile on first use, so an
// option reads exactly the keys of the phases it is asked about (test/engine/fast/keys.test.ts checks this).
import type { Dec } from "../money";
import { normKey } from "../normalize";
import type { Option } from "../rates";
import { phaseTerms, type RateRef } from "../terms";
import { COMPONENTS } from "../types";
import { Acc, parseDec, parseNumber, R } from "./exact";
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
  /** SEND.TOPUP's lookups, by setting, then band as typed (memoised; null: no rate) */
  topups: Map<string, Map<string, Rate | null>>;
}

function rateOfDec(d: Dec): Rate {
  return parseDec(d) ? { m: R.m, k: R.k } : NO_RATE;
}

function product(...rs: Rate[]): Rate {
  const acc = new Acc().set(1, 0);
  for (const r of rs) acc.mul(r.m, r.k);
  return { m: acc.m, k: acc.k };
}

const memo = new WeakMap<Option, CompiledOption | null>();

let exactPath = true;

/**
 * Turns the exact path off (every call then takes the decimal path, as when an option cannot go fast) or back
 * on. For checking one path against the other through the function layer (test/functions/cases.test.ts).
 */
export function useExactPath(on: boolean): void {
  exactPath = on;
}

/** Whether the exact path is on (useExactPath). */
export function exactPathOn(): boolean {
  return exactPath;
}

/** The compiled option, or null when its round.to is not exactly representable (then every row is decimal). */
export function compileOption(option: Option): CompiledOption | null {
  if (!exactPath) return null;
  let c = memo.get(option);
  if (c === undefined) {
    c = compile(option);
    memo.set(option, c);
  }
  return c;
}

function compile(option: Option): CompiledOption | null {
  if (!parseDec(option.roundTo) || R.m <= 0) return null;
  const unitM = R.m;
  const unitK = R.k;
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
    return parseNumber(ref.default) ? { m: R.m, k: R.k } : NO_RATE;
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
  };
}
