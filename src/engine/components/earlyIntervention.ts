// Early intervention (High needs), Primary/Secondary only: funding mainstream schools earlier so fewer
// children need an EHCP. Four parts (contract section 4):
//   ei.sensupport × SEN Support + ei.perpupil × pupils
//   + ei.highneeds.rate × max(0, EHCPs − threshold × pupils)
//   + max(0, ei.notional.guarantee × EHCPs − Notional SEN)   (annual, unrounded notional SEN)
import { D, ZERO, sum } from "../money";
import type { Dec } from "../money";
import { isMainstream, pupils, type ComponentRule } from "./context";

export const earlyIntervention: ComponentRule = (ctx, earlier) => {
  const { inst } = ctx;
  if (!isMainstream(inst)) return ZERO;
  const roll = pupils(inst);
  const ehcps = sum([...inst.ehcp.values()].map((e) => e.count));
  const parts: Dec[] = [];

  const sens = ctx.get("ei.sensupport", 0);
  const a = sens.value.times(inst.senSupport);
  ctx.line("Early intervention", "SEN Support × ei.sensupport", a, { key: "ei.sensupport", from: sens.from, rate: sens.value, count: inst.senSupport });
  parts.push(a);

  const per = ctx.get("ei.perpupil", 0);
  const b = per.value.times(roll);
  ctx.line("Early intervention", "pupils × ei.perpupil", b, { key: "ei.perpupil", from: per.from, rate: per.value, count: roll });
  parts.push(b);

  const threshold = ctx.get("ei.highneeds.threshold", 0);
  const rate = ctx.get("ei.highneeds.rate", 0);
  const above = D.max(ZERO, ehcps.minus(threshold.value.times(roll)));
  const c = rate.value.times(above);
  ctx.line("Early intervention", `EHCPs above ei.highneeds.threshold (${threshold.value}) × pupils`, ZERO, { key: "ei.highneeds.threshold", from: threshold.from, rate: threshold.value, count: above });
  ctx.line("Early intervention", "EHCPs above threshold × ei.highneeds.rate", c, { key: "ei.highneeds.rate", from: rate.from, rate: rate.value, count: above });
  parts.push(c);

  const guarantee = ctx.get("ei.notional.guarantee", 0);
  const notional = earlier["Notional SEN"] ?? ZERO;
  const d = D.max(ZERO, guarantee.value.times(ehcps).minus(notional));
  ctx.line("Early intervention", `ei.notional.guarantee × EHCPs − Notional SEN (${notional}), if positive`, d, { key: "ei.notional.guarantee", from: guarantee.from, rate: guarantee.value, count: ehcps });
  parts.push(d);

  return sum(parts);
};
