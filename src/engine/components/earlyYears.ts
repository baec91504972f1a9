// Early years, Early Years phase only: DAF × ey.daf + Σ SENIF <band> weekly hours × ey.senif.<band> × ey.weeks.
import { ZERO } from "../money";
import type { ComponentRule } from "./context";

export const earlyYears: ComponentRule = (ctx) => {
  const { inst } = ctx;
  if (inst.phase !== "Early Years") return ZERO;
  let total = ZERO;
  if (!inst.daf.isZero()) {
    const daf = ctx.need("ey.daf", `Disability Access Fund (DAF = ${inst.daf})`);
    const amount = inst.daf.times(daf.value);
    ctx.line("Early years", "DAF × ey.daf", amount, { key: "ey.daf", from: daf.from, rate: daf.value, count: inst.daf });
    total = total.plus(amount);
  }
  const weeks = ctx.get("ey.weeks", 38);
  for (const [band, { label, hours }] of inst.senif) {
    if (hours.isZero()) continue;
    const key = `ey.senif.${band}`;
    const rate = ctx.need(key, `SEN inclusion fund (SENIF ${label} = ${hours} hours a week)`);
    const amount = hours.times(rate.value).times(weeks.value);
    ctx.line("Early years", `SENIF ${label} hours × ${key} × ey.weeks (${weeks.value}, ${weeks.from})`, amount, { key, from: rate.from, rate: rate.value, count: hours });
    total = total.plus(amount);
  }
  return total;
};
