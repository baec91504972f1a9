// A linear term (keys.ts TermSpec): count × rate × each `times` rate × the share, zero when the count is zero
// or the share is zero (then no rate is needed). Explains itself into the trace.
import { ZERO, type Dec } from "../money";
import type { Term } from "../terms";
import type { ComponentName } from "../types";
import { countOf, placeTwelfths, type Ctx } from "./context";

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
  // places that change with the academic year: 12 × the count, divided by 12 after every rate (exact)
  const twelfths = placeTwelfths(ctx.inst, t.count);
  if (twelfths !== null) explainPlaceYear(ctx, component, t.what, count);
  let amount = (twelfths ?? count).times(rate.value);
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
  if (twelfths !== null) amount = amount.div(12);
  if (t.perYear) label += " (once a year: not pro-rated by Months)";
  ctx.line(component, label, amount, { key: t.rate.key, from: rate.from, rate: rate.value, count });
  return amount;
}

/** The financial-year split of a row's places (engine/years.ts), as a trace line before the amount it feeds. */
function explainPlaceYear(ctx: Ctx, component: ComponentName, what: string, count: Dec): void {
  const y = ctx.inst.september!;
  const fe = y.monthsBefore === 4;
  const [b, a] = fe ? ["April-July", "August-March"] : ["April-August", "September-March"];
  const after = 12 - y.monthsBefore;
  const split = `Places ${y.monthsBefore}/12 × ${y.before} (${b}) + ${after}/12 × ${y.after} (${a}${fe ? ", college year" : ""})`;
  const shown = (x: Dec) => (x.decimalPlaces() > 6 ? `${x.times(12)}/12 (${x.toDecimalPlaces(4)}…)` : `${x}`);
  const occupied = what.startsWith("Occupied") || what.startsWith("Unoccupied");
  const label = occupied
    ? `${split} = ${shown(y.yearPlaces)} places in the financial year; ${what} = ${shown(count)}`
    : `${split} = ${shown(count)} in the financial year`;
  ctx.line(component, label, ZERO, { count });
}
