// The allocation rules of contract section 4 as data: the `term` of each key catalogue entry (keys.ts), expanded
// for one phase into concrete keys, in SEND.BREAKDOWN order. Both evaluators walk this list — the decimal one in
// components/ (which also explains itself) and the exact scaled-integer one in fast/ — so neither holds a rule.
import { KEY_CATALOGUE, type CountRef, type TermSpec } from "./keys";
import { normKey } from "./normalize";
import { COMPONENTS, PHASES, type ComponentName, type Phase } from "./types";

/** A rate a term reads: its normalised key and the catalogue default (undefined: needed when the count is not 0). */
export interface RateRef {
  key: string;
  default: number | undefined;
}

/** A concrete term for one phase. */
export type Term =
  | {
      rule: "linear";
      count: Exclude<CountRef, "idaci.<A..F>">;
      what: string;
      rate: RateRef;
      times: RateRef[];
      share: RateRef | null;
      perYear: boolean;
    }
  | { rule: "topup" }
  | { rule: "senif"; key: string; times: RateRef[] }
  | { rule: "aboveThreshold"; rate: RateRef; threshold: RateRef }
  | { rule: "guarantee"; rate: RateRef; against: ComponentName };

export interface ComponentTerms {
  name: ComponentName;
  block: string;
  terms: Term[];
}

/** The catalogue default of a key as the catalogue writes it (terms are expanded once per phase: no memo). */
export function defaultOf(key: string): number | undefined {
  const k = normKey(key);
  return KEY_CATALOGUE.find((e) => normKey(e.key) === k)?.default;
}

const ref = (key: string): RateRef => ({ key: normKey(key), default: defaultOf(key) });

const PH_NAME: Partial<Record<Phase, string>> = { Primary: "primary", Secondary: "secondary" };

function expand(key: string, spec: TermSpec, phase: Phase): Term[] {
  const k = key.replace("<ph>", PH_NAME[phase] ?? "<ph>");
  switch (spec.rule) {
    case "topup":
      return [{ rule: "topup" }];
    case "senif":
      return [{ rule: "senif", key: k.replace(/\.<band>$/, ""), times: spec.times.map(ref) }];
    case "aboveThreshold":
      return [{ rule: "aboveThreshold", rate: ref(k), threshold: ref(spec.threshold) }];
    case "guarantee":
      return [{ rule: "guarantee", rate: ref(k), against: spec.against }];
    default: {
      const bands = k.includes("<A..F>") ? ["a", "b", "c", "d", "e", "f"] : [null];
      return bands.map((b): Term => {
        const fill = (s: string) => (b === null ? s : s.replace("<A..F>", b));
        return {
          rule: "linear",
          count: fill(spec.count) as Exclude<CountRef, "idaci.<A..F>">,
          what: b === null ? spec.what : spec.what.replace("<A..F>", b.toUpperCase()),
          rate: ref(fill(k)),
          times: (spec.times ?? []).map(ref),
          share: spec.share ? ref(spec.share) : null,
          perYear: spec.perYear === true,
        };
      });
    }
  }
}

const byPhase = new Map<Phase, readonly ComponentTerms[]>();

/** The components of one phase with their terms, in BREAKDOWN order (built once per phase). */
export function termsOf(phase: Phase): readonly ComponentTerms[] {
  let list = byPhase.get(phase);
  if (!list) {
    list = COMPONENTS.map(({ name, block }) => ({
      name,
      block,
      terms: KEY_CATALOGUE.flatMap((e) =>
        e.term && e.term.component === name && e.term.phases.includes(phase) ? expand(e.key, e.term, phase) : [],
      ),
    }));
    byPhase.set(phase, list);
  }
  return list;
}

/** Every phase's terms (the fast path compiles them by phase code, the index in PHASES). */
export const phaseTerms = (p: number): readonly ComponentTerms[] => termsOf(PHASES[p]);
