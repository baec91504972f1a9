// Runs the component rules for one institution under one option: annual amount, × Months/12, rounded
// by the option's round.to; Total = sum of the rounded components. Optionally builds the trace.
import { attempt, SendError } from "./errors";
import { roundMoney, sum, TWELVE, type Dec } from "./money";
import type { Option } from "./rates";
import { Ctx, type Earlier } from "./components/context";
import { RULES } from "./components";
import { COMPONENTS, type Allocation, type ComponentResult, type Institution, type TraceLine } from "./types";

export function allocate(option: Option, inst: Institution, opts: { trace?: boolean } = {}): Allocation | SendError {
  return attempt(() => {
    const trace: TraceLine[] | null = opts.trace ? [] : null;
    const ctx = new Ctx(option, inst, trace);
    const earlier: Earlier = {};
    const components: ComponentResult[] = COMPONENTS.map(({ name, block }) => {
      const annual: Dec = RULES[name](ctx, earlier);
      earlier[name] = annual;
      // multiply before dividing: months/12 first would round 1/12 at 40 digits and can break a half-up tie
      const amount = roundMoney(annual.times(inst.months).div(TWELVE), option.roundTo);
      if (trace && !annual.isZero()) {
        trace.push({ component: name, label: `${name}: annual ${annual} × Months (${inst.months})/12, rounded to ${option.roundTo}`, amount: amount.toString() });
      }
      return { name, block, amount };
    });
    const total = sum(components.map((c) => c.amount));
    trace?.push({ component: "Total", label: "sum of the rounded components", amount: total.toString() });
    return { option: option.name, institution: inst.name, components, total, trace: trace ?? [] };
  });
}

/** Total only (the ALLOCATEALL / COMPARE hot path). */
export function allocateTotal(option: Option, inst: Institution): Dec | SendError {
  const a = allocate(option, inst);
  return a instanceof SendError ? a : a.total;
}

