// The two early-intervention rules that are not linear (contract section 4): high-incidence funding,
// rate × max(0, EHCPs − threshold × pupils), and the notional SEN guarantee, max(0, rate × EHCPs − Notional SEN)
// with Notional SEN annual and unrounded.
import { D, ZERO, sum, type Dec } from "../money";
import type { Term } from "../terms";
import type { ComponentName } from "../types";
import { pupils, type Ctx, type Earlier } from "./context";

const ehcpsOf = (ctx: Ctx): Dec => sum([...ctx.inst.ehcp.values()].map((e) => e.count));

export function aboveThreshold(ctx: Ctx, component: ComponentName, t: Extract<Term, { rule: "aboveThreshold" }>): Dec {
  const threshold = ctx.rate(t.threshold, () => "");
  const rate = ctx.rate(t.rate, () => "");
  const above = D.max(ZERO, ehcpsOf(ctx).minus(threshold.value.times(pupils(ctx.inst))));
  const amount = rate.value.times(above);
  ctx.line(component, `EHCPs above ${t.threshold.key} (${threshold.value}) × pupils`, ZERO, {
    key: t.threshold.key,
    from: threshold.from,
    rate: threshold.value,
    count: above,
  });
  ctx.line(component, `EHCPs above threshold × ${t.rate.key}`, amount, {
    key: t.rate.key,
    from: rate.from,
    rate: rate.value,
    count: above,
  });
  return amount;
}

export function guarantee(
  ctx: Ctx,
  component: ComponentName,
  t: Extract<Term, { rule: "guarantee" }>,
  earlier: Earlier,
): Dec {
  const rate = ctx.rate(t.rate, () => "");
  const ehcps = ehcpsOf(ctx);
  const against = earlier[t.against] ?? ZERO;
  const amount = D.max(ZERO, rate.value.times(ehcps).minus(against));
  ctx.line(component, `${t.rate.key} × EHCPs − ${t.against} (${against}), if positive`, amount, {
    key: t.rate.key,
    from: rate.from,
    rate: rate.value,
    count: ehcps,
  });
  return amount;
}
