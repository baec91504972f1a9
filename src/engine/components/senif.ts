// SEN inclusion fund (Early years): Σ over SENIF bands of weekly hours × ey.senif.<band> × ey.weeks.
import { ZERO, type Dec } from "../money";
import type { Term } from "../terms";
import type { ComponentName } from "../types";
import type { Ctx } from "./context";

export function senif(ctx: Ctx, component: ComponentName, t: Extract<Term, { rule: "senif" }>): Dec {
  const times = t.times.map((x) => ({ x, r: ctx.rate(x, () => "") }));
  let total = ZERO;
  for (const [band, { label, hours }] of ctx.inst.senif) {
    if (hours.isZero()) continue;
    const key = `${t.key}.${band}`;
    const rate = ctx.need(key, `SEN inclusion fund (SENIF ${label} = ${hours} hours a week)`);
    let amount = hours.times(rate.value);
    for (const { r } of times) amount = amount.times(r.value);
    const by = times.map(({ x, r }) => ` × ${x.key} (${r.value}, ${r.from})`).join("");
    ctx.line(component, `SENIF ${label} hours × ${key}${by}`, amount, {
      key,
      from: rate.from,
      rate: rate.value,
      count: hours,
    });
    total = total.plus(amount);
  }
  return total;
}
