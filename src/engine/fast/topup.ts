// SEND.TOPUP: rate × fte × months / 12, rounded to round.to; months 0..12 (default 12), fte ≥ 0 (default 1), the
// setting's rate for the band. One rule, `topupAmount`: exact integers when the option is compiled and every value
// fits (exactTopupAmount, which says NaN otherwise), else decimal.js, which also gives every error and its message.
import { findTopupRate, topupRate } from "../components/topUp";
import { attempt, E, SendError } from "../errors";
import { D, ONE, roundMoney, toNumber, TWELVE, type Dec } from "../money";
import type { Setting } from "../types";
import { cmp, parseDec, parseNumber, roundUnits, safe, toDouble, type Scaled } from "./exact";
import type { CompiledOption, FastOption, Rate } from "./option";

/** A months or fte argument: a Decimal (as the function layer coerces it), a finite number, or null (absent). */
export type AmountArg = Dec | number | null;

function dec(x: AmountArg, arg: string): Dec | null | SendError {
  if (x === null || typeof x !== "number") return x;
  return Number.isFinite(x) ? new D(x) : E.notNumberArg(arg, String(x));
}

/**
 * SEND.TOPUP after its setting is resolved. `band` is the label as typed ("Band 3", "3"); with `fo.compiled` null
 * every call takes the decimal path (the reference the tests compare the exact one with).
 */
export function topupAmount(
  fo: FastOption,
  setting: Setting,
  band: string,
  months: AmountArg = null,
  fte: AmountArg = null,
): number | SendError {
  const x = exactTopupAmount(fo.compiled, setting, band, months, fte);
  if (x === x) return x;
  const md = dec(months, "months");
  if (md instanceof SendError) return md;
  const m = md ?? TWELVE;
  if (m.lt(0) || m.gt(12)) return E.argRange("months", m.toString(), "between 0 and 12");
  const fd = dec(fte, "fte");
  if (fd instanceof SendError) return fd;
  const f = fd ?? ONE;
  if (f.lt(0)) return E.argRange("fte", f.toString(), "0 or more");
  const { option } = fo;
  const rate = attempt(() => topupRate(option, setting, band, `SEND.TOPUP at setting '${setting}', band '${band}'`));
  if (rate instanceof SendError) return rate;
  return toNumber(roundMoney(rate.value.times(f).times(m).div(TWELVE), option.roundTo));
}

function parseArg(x: AmountArg, dflt: number, out: Scaled): boolean {
  if (x === null) {
    out.m = dflt;
    out.k = 0;
    return true;
  }
  return typeof x === "number" ? parseNumber(x, out) : parseDec(x, out);
}

/**
 * The exact path alone: the amount, or NaN when the call must take the decimal path (tests count both ways).
 * Rate lookups are kept on the compiled option, by setting and band text.
 */
export function exactTopupAmount(
  o: CompiledOption | null,
  setting: Setting,
  band: string,
  months: AmountArg = null,
  fte: AmountArg = null,
): number {
  if (o === null) return NaN;
  let bySetting = o.topups.get(setting);
  if (bySetting === undefined) {
    bySetting = new Map();
    o.topups.set(setting, bySetting);
  }
  let rate: Rate | null | undefined = bySetting.get(band);
  if (rate === undefined) {
    const found = findTopupRate(o.option, setting, band);
    rate = found ? o.rate(found.key) : null;
    if (bySetting.size < 1000) bySetting.set(band, rate);
  }
  const mo: Scaled = { m: 0, k: 0 },
    f: Scaled = { m: 0, k: 0 };
  if (rate === null || !parseArg(months, 12, mo) || !parseArg(fte, 1, f)) return NaN;
  if (!(mo.m >= 0 && cmp(mo.m, mo.k, 12, 0) <= 0 && f.m >= 0)) return NaN;
  const q = roundUnits(safe(rate.m * f.m), rate.k + f.k, mo.m, mo.k, o.unitM, o.unitK);
  const total = safe(q * o.unitM);
  return total === total ? toDouble(total, o.unitK) : NaN;
}
