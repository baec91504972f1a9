// Top-up, element 3 (High needs): Σ over bands of EHCP <band> × topup.<setting>.<band>, falling back to
// topup.all.<band>. The setting comes from the phase; for ISP the top-up is the whole fee. The rate lookup is
// shared with the fast path and SEND.TOPUP.
import { E, raise } from "../errors";
import { ZERO, type Dec } from "../money";
import { normKey, normLabel } from "../normalize";
import type { Option } from "../rates";
import { SETTING_OF_PHASE, type ComponentName, type Setting } from "../types";
import type { Ctx } from "./context";

/** The top-up rate for a setting and band, with the key it was found under, or undefined. */
export function findTopupRate(
  option: Option,
  setting: Setting,
  band: string,
): { value: Dec; from: string; key: string } | undefined {
  const b = normLabel(band);
  for (const key of [`topup.${setting}.${b}`, `topup.all.${b}`]) {
    const r = option.rates.get(normKey(key));
    if (r) return { value: r.value as Dec, from: r.from, key: r.key };
  }
  return undefined;
}

/** As findTopupRate, but #N/A naming both keys tried when absent. */
export function topupRate(
  option: Option,
  setting: Setting,
  band: string,
  why: string,
): { value: Dec; from: string; key: string } {
  const r = findTopupRate(option, setting, band);
  if (!r)
    raise(E.missingRate(`topup.${setting}.${normLabel(band)}' or 'topup.all.${normLabel(band)}`, option.name, why));
  return r;
}

/** Σ over EHCP bands of count × the phase's top-up rate for the band. */
export function topUp(ctx: Ctx, component: ComponentName): Dec {
  const setting = SETTING_OF_PHASE[ctx.inst.phase];
  let total = ZERO;
  for (const [band, { label, count }] of ctx.inst.ehcp) {
    if (count.isZero()) continue;
    const rate = topupRate(
      ctx.option,
      setting,
      band,
      `top-up (EHCP ${label} = ${count} at a ${ctx.inst.phase} setting)`,
    );
    const amount = count.times(rate.value);
    total = total.plus(amount);
    ctx.line(component, `EHCP ${label} × ${rate.key}`, amount, {
      key: rate.key,
      from: rate.from,
      rate: rate.value,
      count,
    });
  }
  return total;
}
