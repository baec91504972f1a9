// A linear term (keys.ts TermSpec): count × rate × each `times` rate × the share, zero when the count is zero
// or the share is zero (then no rate is needed). Explains itself into the trace.
import { ZERO, type Dec } from "../money";
import type { Term } from "../terms";
import type { ComponentName } from "../types";
import { countOf, type Ctx } from "./context";

type Linear = Extract<Term, { rule: "linear" }>;

/** "Place funding" -> "place funding" inside a message; "FE element 1" keeps its capitals. */
const inSentence = (name: string) => name.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());

export function linear(ctx: Ctx, component: ComponentName, t: Linear, sharesExplained: Set<string>): Dec {
  let share: Dec | null = null;
  if (t.share) {
    const s = ctx.rate(t.share, () => "");
    if (s.value.isZero()) return ZERO;
    share = s.value;
    if (!sharesExplained.has(t.share.key)) {
      sharesExplained.add(t.share.key);
      ctx.line(component, `share counted as ${component} (${t.share.key})`, ZERO, {
        key: t.share.key,
        from: s.from,
        rate: s.value,
      });
    }
  }
  const count = countOf(ctx.inst, t.count);
  if (count.isZero()) return ZERO;
  const why = () => `${inSentence(component)} (${t.what} = ${count}${t.share ? `, ${t.share.key} = ${share}` : ""})`;
  const rate = ctx.rate(t.rate, why);
  let amount = count.times(rate.value);
  let label = `${t.what} × ${t.rate.key}`;
  for (const x of t.times) {
    const r = ctx.rate(x, why);
    amount = amount.times(r.value);
    label += ` × ${x.key} (${r.value}, ${r.from})`;
  }
  if (share) {
    amount = amount.times(share);
    label += ` × ${t.share!.key}`;
  }
  if (t.perYear) label += " (once a year: not pro-rated by Months)";
  ctx.line(component, label, amount, { key: t.rate.key, from: rate.from, rate: rate.value, count });
  return amount;
}
