// The decimal evaluator of the rules declared in keys.ts (expanded by terms.ts): one component's annual amounts,
// split into what Months pro-rates and what is paid once a year. Each rule kind is one small file.
import { ZERO } from "../money";
import type { ComponentTerms } from "../terms";
import type { Amounts, Ctx, Earlier } from "./context";
import { aboveThreshold, guarantee } from "./earlyIntervention";
import { linear } from "./linear";
import { senif } from "./senif";
import { topUp } from "./topUp";

export function componentAmounts(ctx: Ctx, c: ComponentTerms, earlier: Earlier): Amounts {
  let annual = ZERO,
    once = ZERO;
  const shares = new Set<string>();
  for (const t of c.terms) {
    switch (t.rule) {
      case "linear": {
        const a = linear(ctx, c.name, t, shares);
        if (t.perYear) once = once.plus(a);
        else annual = annual.plus(a);
        break;
      }
      case "topup":
        annual = annual.plus(topUp(ctx, c.name));
        break;
      case "senif":
        annual = annual.plus(senif(ctx, c.name, t));
        break;
      case "aboveThreshold":
        annual = annual.plus(aboveThreshold(ctx, c.name, t));
        break;
      case "guarantee":
        annual = annual.plus(guarantee(ctx, c.name, t, earlier));
        break;
    }
  }
  return { annual, once };
}
