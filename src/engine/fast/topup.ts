// SEND.TOPUP: rate × fte × months / 12, rounded to round.to. `topupAmountDecimal` is the rule written with
// decimal.js (what src/functions did inline); `topupAmount` computes the same number with exact integers
// and hands anything unusual (an error, a value it cannot hold exactly) to it.
import { findTopupRate, topupRate } from "../components/topUp";
import { attempt, E, SendError } from "../errors";
import { D, ONE, roundMoney, toNumber, TWELVE, type Dec } from "../money";
import type { Option } from "../rates";
import type { Setting } from "../types";
import * as exact from "./exact";
import * as compiled from "./option";
import type { Rate } from "./option";

// Local copies of imported bindings (getters in CommonJS builds; see layout.ts).
const { cmp, parseDec, parseNumber, R, roundUnits, safe, toDouble } = exact;
const { compileOption } = compiled;

/** A months or fte argument: a Decimal (as the function layer coerces it), a finite number, or null (absent). */
export type AmountArg = Dec | number | null;

function dec(x: AmountArg, arg: string): Dec | null | SendError {
  if (x === null || typeof x !== "number") return x;
  return Number.isFinite(x) ? new D(x === 0 ? 0 : x) : E.notNumberArg(arg, String(x));
}

/** The decimal rule: months 0..12 (default 12), fte ≥ 0 (default 1), the setting's rate for the band. */
export function topupAmountDecimal(
  option: Option,
  setting: Setting,
  band: string,
  months: AmountArg,
  fte: AmountArg,
): number | SendError {
  const md = dec(months, "months");
  if (md instanceof SendError) return md;
  const m = md ?? TWELVE;
  if (m.lt(0) || m.gt(12)) return E.argRange("months", m.toString(), "between 0 and 12");
  const fd = dec(fte, "fte");
  if (fd instanceof SendError) return fd;
  const f = fd ?? ONE;
  if (f.lt(0)) return E.argRange("fte", f.toString(), "0 or more");
  const rate = attempt(() => topupRate(option, setting, band, `SEND.TOPUP at setting '${setting}', band '${band}'`));
  if (rate instanceof SendError) return rate;
  const n = toNumber(roundMoney(rate.value.times(f).times(m).div(TWELVE), option.roundTo));
  return n === 0 ? 0 : n;
}

function parseArg(x: AmountArg, dflt: number): boolean {
  if (x === null) {
    R.m = dflt;
    R.k = 0;
    return true;
  }
  return typeof x === "number" ? Number.isFinite(x) && parseNumber(x) : parseDec(x);
}

/**
 * SEND.TOPUP after its setting is resolved: the same number (or error) as topupAmountDecimal. `band` is the
 * label as typed ("Band 3", "3"); lookups are memoised per option, setting and band text.
 */
export function topupAmount(
  option: Option,
  setting: Setting,
  band: string,
  months: AmountArg = null,
  fte: AmountArg = null,
): number | SendError {
  const x = exactTopupAmount(option, setting, band, months, fte);
  return x === x ? x : topupAmountDecimal(option, setting, band, months, fte);
}

/** The exact path alone: the amount, or NaN when the call must take the decimal path (tests count both ways). */
export function exactTopupAmount(
  option: Option,
  setting: Setting,
  band: string,
  months: AmountArg = null,
  fte: AmountArg = null,
): number {
  const o = compileOption(option);
  if (o === null) return NaN;
  let bySetting = o.topups.get(setting);
  if (bySetting === undefined) {
    bySetting = new Map();
    o.topups.set(setting, bySetting);
  }
  let rate: Rate | null | undefined = bySetting.get(band);
  if (rate === undefined) {
    const found = findTopupRate(option, setting, band);
    rate = found ? o.rate(found.key) : null;
    if (bySetting.size < 1000) bySetting.set(band, rate);
  }
  if (rate === null || !parseArg(months, 12)) return NaN;
  const mm = R.m,
    mk = R.k;
  if (!(mm >= 0 && cmp(mm, mk, 12, 0) <= 0 && parseArg(fte, 1) && R.m >= 0)) return NaN;
  const q = roundUnits(safe(rate.m * R.m), rate.k + R.k, mm, mk, o.unitM, o.unitK);
  const total = safe(q * o.unitM);
  return total === total ? toDouble(total, o.unitK) : NaN;
}
