// PROTOTYPE (bench-only): an option pre-resolved, once, into flat per-phase coefficients, laid out to
// match a compiled row reader. Coefficients are kept both as Decimals (for the "compiled Decimal"
// variant) and as exact scaled integers (for the integer fast path), with `null` for a rate the option
// lacks (the row then goes to the engine, which raises the #N/A with its message).
import { findTopupRate, type Option } from "../../src/engine";
import { D, type Dec } from "../../src/engine/money";
import { SETTING_OF_PHASE, PHASES } from "../../src/engine/types";
import { F, type CompiledReader } from "./reader";

/** x = i / 10^s exactly, with i a safe integer; null when not representable that way. */
export interface Fixed { i: number; s: number }

export function fixed(d: Dec): Fixed | null {
  const s = d.decimalPlaces();
  if (s > 8) return null;
  const i = d.times(new D(10).pow(s));
  return i.abs().lte(Number.MAX_SAFE_INTEGER) ? { i: i.toNumber(), s } : null;
}

/** One linear term: slot × coefficient (slot -1 = the constant 1, as the lump sum's count is). */
export interface Term { slot: number; coef: Dec | null }

export interface Plan {
  roundTo: Dec;
  /** per phase code: */
  notional: Term[][];
  place: { special: Dec | null; ap: Dec | null; fe: Dec | null; rbOcc: Dec | null; rbUnocc: Dec | null };
  /** per phase code, per EHCP band (reader order) */
  topup: (Dec | null)[][];
  ei: { sens: Dec; per: Dec; thr: Dec; rate: Dec; guar: Dec };
  ey: { daf: Dec | null; senif: (Dec | null)[] /* rate × weeks */ };
  fe: Dec; // rate × weighting × area
}

const get = (o: Option, k: string, d: number | string): Dec => (o.rates.get(k)?.value as Dec | undefined) ?? new D(d);
const need = (o: Option, k: string): Dec | null => (o.rates.get(k)?.value as Dec | undefined) ?? null;
const mul = (a: Dec | null, b: Dec): Dec | null => (a === null ? null : a.times(b));

export function makePlan(o: Option, r: CompiledReader): Plan {
  const notional = PHASES.map((p): Term[] => {
    if (p !== "Primary" && p !== "Secondary") return [];
    const ph = p === "Primary" ? "primary" : "secondary";
    const terms: Term[] = [];
    const add = (factor: string, parts: [number, string][]) => {
      const share = get(o, `notional.${factor}`, 0);
      if (share.isZero()) return;
      for (const [slot, key] of parts) terms.push({ slot, coef: mul(need(o, key), share) });
    };
    add("be", [[F.pri, "be.primary"], [F.ks3, "be.ks3"], [F.ks4, "be.ks4"]]);
    add("fsm", [[F.fsm, `fsm.${ph}`]]);
    add("fsm6", [[F.fsm6, `fsm6.${ph}`]]);
    add("idaci", "abcdef".split("").map((b, i): [number, string] => [F.idaciA + i, `idaci.${ph}.${b}`]));
    add("lpa", [[F.lpa, `lpa.${ph}`]]);
    add("eal", [[F.eal, `eal.${ph}`]]);
    add("lumpsum", [[-1, `lumpsum.${ph}`]]);
    return terms;
  });
  const weeks = get(o, "ey.weeks", 38);
  return {
    roundTo: o.roundTo,
    notional,
    place: {
      special: need(o, "place.special"), ap: need(o, "place.ap"), fe: need(o, "place.fe"),
      rbOcc: need(o, "place.rb.occupied"), rbUnocc: need(o, "place.rb.unoccupied"),
    },
    topup: PHASES.map((p) => r.ehcpBands.map((b) => findTopupRate(o, SETTING_OF_PHASE[p], b)?.value ?? null)),
    ei: {
      sens: get(o, "ei.sensupport", 0), per: get(o, "ei.perpupil", 0), thr: get(o, "ei.highneeds.threshold", 0),
      rate: get(o, "ei.highneeds.rate", 0), guar: get(o, "ei.notional.guarantee", 0),
    },
    ey: { daf: need(o, "ey.daf"), senif: r.senifBands.map((b) => mul(need(o, `ey.senif.${b}`), weeks)) },
    fe: get(o, "fe.rate", 0).times(get(o, "fe.weighting", 1)).times(get(o, "fe.area", 1)),
  };
}
