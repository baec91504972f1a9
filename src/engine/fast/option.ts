// An option compiled once for the fast path: every rate a row can need as a scaled integer, with the
// products that never change (rate × notional share, fe.rate × fe.weighting × fe.area) taken once.
// A rate the option lacks, or one that is not m / 10^k with m safe, has m = NaN: a row that needs it
// goes down the decimal path, which gives the value or the #N/A with its message.
import type { Dec } from "../money";
import { normKey } from "../normalize";
import type { Option } from "../rates";
import { Acc, parseDec, R } from "./exact";
import { IDACI_BANDS, S } from "./slots";

/** m / 10^k; m is NaN when absent or not exactly representable. */
export interface Rate { readonly m: number; readonly k: number }

export const NO_RATE: Rate = { m: NaN, k: 0 };

/** One term of notional SEN: count (slot) × coefficient (unit value × share). */
export interface Term { slot: number; m: number; k: number }

export interface CompiledOption {
  option: Option;
  unitM: number;
  unitK: number;
  /** notional SEN terms for Primary (index 0) and Secondary (index 1) */
  notional: [Term[], Term[]];
  place: { special: Rate; ap: Rate; fe: Rate; rbOccupied: Rate; rbUnoccupied: Rate };
  ei: { sens: Rate; per: Rate; thr: Rate; rate: Rate; guar: Rate };
  eyDaf: Rate;
  eyWeeks: Rate;
  /** fe.rate × fe.weighting × fe.area */
  fe: Rate;
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

/** The compiled option, or null when its round.to is not exactly representable (then every row is decimal). */
export function compileOption(option: Option): CompiledOption | null {
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
  const has = (key: string) => option.rates.has(normKey(key));
  /** a rate with the contract default when absent (ctx.get) */
  const get = (key: string, dflt: number): Rate => (has(key) ? rate(key) : { m: dflt, k: 0 });

  const notionalTerms = (ph: "primary" | "secondary"): Term[] => {
    const terms: Term[] = [];
    const factor = (name: string, parts: [number, string][]) => {
      const share = get(`notional.${name}`, 0);
      if (share.m === 0) return; // a zero share needs no unit values at all
      for (const [slot, key] of parts) {
        const coef = has(key) ? product(rate(key), share) : NO_RATE;
        terms.push({ slot, m: coef.m, k: coef.k });
      }
    };
    factor("be", [[S.primaryPupils, "be.primary"], [S.ks3Pupils, "be.ks3"], [S.ks4Pupils, "be.ks4"]]);
    factor("fsm", [[S.fsm, `fsm.${ph}`]]);
    factor("fsm6", [[S.fsm6, `fsm6.${ph}`]]);
    factor("idaci", IDACI_BANDS.map((b, i): [number, string] => [S.idaciA + i, `idaci.${ph}.${b}`]));
    factor("lpa", [[S.lpa, `lpa.${ph}`]]);
    factor("eal", [[S.eal, `eal.${ph}`]]);
    factor("lumpsum", [[S.one, `lumpsum.${ph}`]]);
    return terms;
  };

  return {
    option, unitM, unitK,
    notional: [notionalTerms("primary"), notionalTerms("secondary")],
    place: {
      special: rate("place.special"), ap: rate("place.ap"), fe: rate("place.fe"),
      rbOccupied: rate("place.rb.occupied"), rbUnoccupied: rate("place.rb.unoccupied"),
    },
    ei: {
      sens: get("ei.sensupport", 0), per: get("ei.perpupil", 0), thr: get("ei.highneeds.threshold", 0),
      rate: get("ei.highneeds.rate", 0), guar: get("ei.notional.guarantee", 0),
    },
    eyDaf: rate("ey.daf"),
    eyWeeks: get("ey.weeks", 38),
    fe: product(get("fe.rate", 0), get("fe.weighting", 1), get("fe.area", 1)),
    rate,
    topups: new Map(),
  };
}
