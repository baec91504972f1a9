// The decimal evaluator's entry point: runs the rules declared in keys.ts (terms.ts lists them for the phase) for
// one institution under one option. Each component: annual amount × Months/12, plus what is paid once a year in
// full (DAF), rounded by the option's round.to; Total = sum of the rounded components. Optionally builds the trace.
import { attempt, SendError } from "./errors";
import { roundMoney, sum, TWELVE, type Dec } from "./money";
import type { Option } from "./rates";
import { Ctx, type Earlier } from "./components/context";
import { componentAmounts } from "./components";
import { termsOf } from "./terms";
import type { Allocation, ComponentResult, Institution, TraceLine } from "./types";

export function allocate(option: Option, inst: Institution, opts: { trace?: boolean } = {}): Allocation | SendError {
  return attempt(() => {
    const trace: TraceLine[] | null = opts.trace ? [] : null;
    const ctx = new Ctx(option, inst, trace);
    const earlier: Earlier = {};
    const components: ComponentResult[] = termsOf(inst.phase).map((c) => {
      const { annual, once } = componentAmounts(ctx, c, earlier);
      earlier[c.name] = annual.plus(once);
      // (annual × months + once × 12) / 12: multiply before dividing — months/12 first would round 1/12 at 40 digits
      // and can break a half-up tie; one division keeps the fast path's single exact rounding
      const amount = roundMoney(annual.times(inst.months).plus(once.times(TWELVE)).div(TWELVE), option.roundTo);
      if (trace && !(annual.isZero() && once.isZero())) {
        const onceText = once.isZero() ? "" : ` + once a year ${once}`;
        trace.push({
          component: c.name,
          amount: amount.toString(),
          label: `${c.name}: annual ${annual} × Months (${inst.months})/12${onceText}, rounded to ${option.roundTo}`,
        });
      }
      return { name: c.name, block: c.block, amount };
    });
    const total = sum(components.map((c) => c.amount));
    trace?.push({ component: "Total", label: "sum of the rounded components", amount: total.toString() });
    return { option: option.name, institution: inst.name, components, total, trace: trace ?? [] };
  });
}

/** Total only. */
export function allocateTotal(option: Option, inst: Institution): Dec | SendError {
  const a = allocate(option, inst);
  return a instanceof SendError ? a : a.total;
}
