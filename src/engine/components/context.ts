// What a component rule sees: the resolved option, the institution, and a trace to explain itself into.
import { E, raise } from "../errors";
import type { Dec } from "../money";
import { D, ONE, ZERO } from "../money";
import type { CountField } from "../fields";
import type { CountRef } from "../keys";
import type { RateRef } from "../terms";
import { normKey } from "../normalize";
import type { Option } from "../rates";
import type { ComponentName, Institution, TraceLine } from "../types";

export class Ctx {
  constructor(
    readonly option: Option,
    readonly inst: Institution,
    /** null when no explanation was asked for (the fast path) */
    readonly trace: TraceLine[] | null,
  ) {}

  /** A rate the rule needs because its count is non-zero: #N/A naming key and option when absent. */
  need(key: string, why: string): { value: Dec; from: string } {
    const r = this.option.rates.get(normKey(key));
    if (!r) raise(E.missingRate(key, this.option.name, why));
    return { value: r.value as Dec, from: r.from };
  }

  /** A rate with a contract default when absent. */
  get(key: string, dflt: Dec | number): { value: Dec; from: string } {
    const r = this.option.rates.get(normKey(key));
    return r ? { value: r.value as Dec, from: r.from } : { value: new D(dflt), from: "default" };
  }

  /** A term's rate: its catalogue default when it has one, else needed (#N/A saying why). */
  rate(ref: RateRef, why: () => string): { value: Dec; from: string } {
    return ref.default === undefined ? this.need(ref.key, why()) : this.get(ref.key, ref.default);
  }

  /** Adds one explanation line (no-op on the fast path). */
  line(
    component: ComponentName,
    label: string,
    amount: Dec,
    detail: { key?: string; from?: string; rate?: Dec; count?: Dec } = {},
  ): void {
    if (!this.trace) return;
    this.trace.push({
      component,
      label,
      amount: amount.toString(),
      ...(detail.key !== undefined && { key: detail.key }),
      ...(detail.from !== undefined && { from: detail.from }),
      ...(detail.rate !== undefined && { rate: detail.rate.toString() }),
      ...(detail.count !== undefined && { count: detail.count.toString() }),
    });
  }
}

/** Amounts of components computed earlier in the run (annual, unrounded), for rules that depend on them. */
export type Earlier = Partial<Record<ComponentName, Dec>>;

/** Annual amounts of one component: pro-rated by Months (`annual`) and paid once a year in full (`once`). */
export interface Amounts {
  annual: Dec;
  once: Dec;
}

export function pupils(inst: Institution): Dec {
  return inst.primaryPupils.plus(inst.ks3Pupils).plus(inst.ks4Pupils);
}

/**
 * 12 × a place count of a row whose places change with the academic year (`Places from September`), exact; null
 * for every other count or row. A term multiplies its rates by this and divides by 12 last, so the amount is exact
 * whenever it has a finite decimal (a count of 40.58333… places would not be).
 */
export function placeTwelfths(inst: Institution, count: Exclude<CountRef, "idaci.<A..F>">): Dec | null {
  const y = inst.september;
  if (y === null) return null;
  if (count === "places") return y.twelfths;
  if (count === "occupied") return y.occupiedTwelfths;
  if (count === "unoccupied") return y.twelfths.minus(y.occupiedTwelfths);
  return null;
}

/** The count a linear term multiplies (keys.ts CountRef). */
export function countOf(inst: Institution, count: Exclude<CountRef, "idaci.<A..F>">): Dec {
  const twelfths = placeTwelfths(inst, count);
  if (twelfths !== null) return twelfths.div(12);
  switch (count) {
    case "one":
      return ONE;
    case "roll":
      return pupils(inst);
    case "occupied":
      return inst.occupied;
    case "unoccupied":
      return inst.places.minus(inst.occupied);
    default:
      return count.startsWith("idaci.") ? (inst.idaci[count.slice(6)] ?? ZERO) : inst[count as CountField];
  }
}
