// FE element 1 (16-19 block), FE only: Students × fe.rate × fe.weighting × fe.area (defaults 0, 1, 1).
import { ZERO } from "../money";
import type { ComponentRule } from "./context";

export const feElement1: ComponentRule = (ctx) => {
  const { inst } = ctx;
  if (inst.phase !== "FE" || inst.students.isZero()) return ZERO;
  const rate = ctx.get("fe.rate", 0);
  const weighting = ctx.get("fe.weighting", 1);
  const area = ctx.get("fe.area", 1);
  const amount = inst.students.times(rate.value).times(weighting.value).times(area.value);
  ctx.line("FE element 1", `Students × fe.rate × fe.weighting (${weighting.value}, ${weighting.from}) × fe.area (${area.value}, ${area.from})`,
    amount, { key: "fe.rate", from: rate.from, rate: rate.value, count: inst.students });
  return amount;
};
