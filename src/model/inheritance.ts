// What an option gets from its parents on a rates grid of values (as the pane and the paper read it back): the
// engine's one walk of `inherits` (engine/rates.ts walkInherits) over the grid's option columns. Where the chain
// breaks (a parent no option is called, a cycle) it gives what the chain holds up to the break; the functions
// themselves refuse such a table with the error that names it.
import { normOption } from "../engine/normalize";
import { walkInherits } from "../engine/rates";

/** An option column of a rates grid: its name as the header writes it and its parent as written (null: none). */
export interface OptionParent {
  name: string;
  inherits: string | null;
}

/** The option a name matches (the contract's way: case and spacing ignored), or undefined. */
export function findOptionIn<O extends OptionParent>(options: readonly O[], name: string): O | undefined {
  return options.find((o) => normOption(o.name) === normOption(name));
}

/** An option, then its ancestors, as far as the chain goes; empty for a name no option has. */
export function optionChain<O extends OptionParent>(options: readonly O[], option: string): O[] {
  const start = findOptionIn(options, option);
  if (!start) return [];
  const { chain } = walkInherits(
    start.name,
    (name) => findOptionIn(options, name)?.inherits ?? null,
    (name) => findOptionIn(options, name)?.name,
  );
  return chain.map((name) => findOptionIn(options, name)!);
}

/** The first value a chain holds (`valueOf` gives null where an option leaves it blank), and the option holding it. */
export function firstValue<O extends OptionParent, V>(
  chain: readonly O[],
  valueOf: (o: O) => V | null,
): { value: V; from: string } | null {
  for (const o of chain) {
    const value = valueOf(o);
    if (value !== null) return { value, from: o.name };
  }
  return null;
}
