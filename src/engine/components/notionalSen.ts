// Notional SEN (Schools block): Σ notional.x × (factor amount from counts × unit values).
// Primary/Secondary only. A factor whose share is 0 needs no unit values at all.
import { ONE, ZERO, type Dec } from "../money";
import type { Institution } from "../types";
import { isMainstream, type ComponentRule } from "./context";

type Part = { count: Dec; key: string; what: string };

function factorParts(inst: Institution): Record<string, Part[]> {
  const ph = inst.phase === "Primary" ? "primary" : "secondary";
  return {
    be: [
      { count: inst.primaryPupils, key: "be.primary", what: "Primary Pupils" },
      { count: inst.ks3Pupils, key: "be.ks3", what: "KS3 Pupils" },
      { count: inst.ks4Pupils, key: "be.ks4", what: "KS4 Pupils" },
    ],
    fsm: [{ count: inst.fsm, key: `fsm.${ph}`, what: "FSM" }],
    fsm6: [{ count: inst.fsm6, key: `fsm6.${ph}`, what: "FSM6" }],
    idaci: ["a", "b", "c", "d", "e", "f"].map((b) =>
      ({ count: inst.idaci[b] ?? ZERO, key: `idaci.${ph}.${b}`, what: `IDACI ${b.toUpperCase()}` })),
    lpa: [{ count: inst.lpa, key: `lpa.${ph}`, what: "LPA" }],
    eal: [{ count: inst.eal, key: `eal.${ph}`, what: "EAL" }],
    lumpsum: [{ count: ONE, key: `lumpsum.${ph}`, what: "school" }],
  };
}

export const notionalSen: ComponentRule = (ctx) => {
  if (!isMainstream(ctx.inst)) return ZERO;
  let total = ZERO;
  for (const [factor, parts] of Object.entries(factorParts(ctx.inst))) {
    const share = ctx.get(`notional.${factor}`, 0);
    if (share.value.isZero()) continue;
    ctx.line("Notional SEN", `share of ${factor} counted as notional SEN`, ZERO, { key: `notional.${factor}`, from: share.from, rate: share.value });
    for (const p of parts) {
      if (p.count.isZero()) continue;
      const rate = ctx.need(p.key, `notional SEN (${p.what} = ${p.count}, notional.${factor} = ${share.value})`);
      const amount = p.count.times(rate.value).times(share.value);
      total = total.plus(amount);
      ctx.line("Notional SEN", `${p.what} × ${p.key} × notional.${factor}`, amount, { key: p.key, from: rate.from, rate: rate.value, count: p.count });
    }
  }
  return total;
};
