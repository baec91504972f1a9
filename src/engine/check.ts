// SEND.CHECK: every problem in a rates table (or one option of it), as rows, instead of failing at the first.
import { SendError } from "./errors";
import { normKey, normOption } from "./normalize";
import {
  findOptionName,
  inheritanceChain,
  optionProblems,
  readRatesTable,
  resolveOption,
  type Option,
  type RatesTable,
} from "./rates";
import { allocateTotals, fastOption } from "./fast";
import { isBlank } from "./coerce";
import type { Cell, CheckProblem, Grid } from "./types";
import type { Dec } from "./money";
import { optionTableProblems, tableProblems, type TableTotals } from "./checkTable";
import { readTable, type TableRow } from "./fields";
import { LIBRARY } from "./library";

export type { CheckProblem } from "./types";

const NOTIONAL_UNITS: Record<string, string[]> = {
  be: ["be.primary", "be.ks3", "be.ks4"],
  fsm: ["fsm.primary", "fsm.secondary"],
  fsm6: ["fsm6.primary", "fsm6.secondary"],
  lpa: ["lpa.primary", "lpa.secondary"],
  eal: ["eal.primary", "eal.secondary"],
  lumpsum: ["lumpsum.primary", "lumpsum.secondary"],
  idaci: ["primary", "secondary"].flatMap((ph) => ["a", "b", "c", "d", "e", "f"].map((b) => `idaci.${ph}.${b}`)),
};

/** Warnings about values that are valid one by one but will surprise (missing units, guarantees). */
function semanticProblems(
  table: RatesTable,
  optionName: string,
  opt: Option | SendError = resolveOption(table, optionName),
): CheckProblem[] {
  if (opt instanceof SendError) return [];
  const out: CheckProblem[] = [];
  const col = table.optionCols.get(normOption(optionName))!;
  const at = (key: string) => opt.rates.get(normKey(key));
  for (const [factor, units] of Object.entries(NOTIONAL_UNITS)) {
    const share = at(`notional.${factor}`);
    if (!share || (share.value as Dec).isZero()) continue;
    const missing = units.filter((k) => !at(k));
    if (missing.length > 0) {
      out.push({
        option: optionName,
        key: `notional.${factor}`,
        row: share.row,
        col,
        problem: `notional.${factor} is ${share.value} but ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} missing: schools with those counts will show #N/A.`,
      });
    }
  }
  const guarantee = at("ei.notional.guarantee");
  const threshold = at("element2.threshold");
  const thresholdValue = threshold ? (threshold.value as Dec) : null;
  if (guarantee && !(guarantee.value as Dec).isZero() && (guarantee.value as Dec).gt(thresholdValue ?? 6000)) {
    out.push({
      option: optionName,
      key: "ei.notional.guarantee",
      row: guarantee.row,
      col,
      problem: `ei.notional.guarantee (${guarantee.value}) is more than element2.threshold (${thresholdValue ?? "6000, the default"}).`,
    });
  }
  const years = at("proj.years");
  if (years && !(years.value as Dec).isInteger()) {
    out.push({
      option: optionName,
      key: "proj.years",
      row: years.row,
      col,
      problem: `proj.years is ${years.value}; it must be a whole number.`,
    });
  }
  return out;
}

/**
 * Bad values this option takes from an ancestor that is not itself being checked: without them
 * SEND.CHECK(rates, "B") would say OK while every B formula fails on A's typo.
 */
function inheritedProblems(table: RatesTable, chain: string[], checked: readonly string[]): CheckProblem[] {
  const out: CheckProblem[] = [];
  const isChecked = new Set(checked.map(normOption));
  const blankIn = (owner: string, row: number) => isBlank(table.grid[row]?.[table.optionCols.get(normOption(owner))!]);
  chain.slice(1).forEach((ancestor, i) => {
    if (isChecked.has(normOption(ancestor))) return; // listed under its own name already
    for (const p of optionProblems(table, ancestor)) {
      if (!chain.slice(0, i + 1).every((o) => blankIn(o, p.row))) continue; // overridden nearer the option
      out.push({
        option: chain[0],
        key: p.key ?? "",
        problem: `${p.error.message} (inherited from '${ancestor}')`,
        row: p.row,
        col: p.col,
      });
    }
  });
  return out;
}

/** Keys no allocation rule reads (SEND.PROJECT's and the deficit functions'): the engine's allocation (allocate.ts,
 * components/, fast/) never names them, and check.test.ts proves two options differing only there find the same
 * missing rates. */
const NOT_ALLOCATION = /^proj\./;

/**
 * Whether two options allocate every institution alike: the same rounding and the same value for every key an
 * allocation may read. Their Totals differ at most in the option named by an error message, where SEND.CHECK reads
 * only the missing key (so a name that could be mistaken for that part of the message is never shared).
 */
export function sameAllocationRates(a: Option, b: Option): boolean {
  if (!a.roundTo.eq(b.roundTo) || /has no rate/.test(a.name) || /has no rate/.test(b.name)) return false;
  const same = (x: Option, y: Option) => {
    for (const [key, v] of x.rates) {
      if (NOT_ALLOCATION.test(key)) continue;
      const w = y.rates.get(key);
      if (w === undefined) return false;
      if (typeof v.value === "string" || typeof w.value === "string" ? v.value !== w.value : !v.value.eq(w.value))
        return false;
    }
    return true;
  };
  return same(a, b) && same(b, a);
}

/**
 * What a caller that remembers may hand check() instead of having it read and compute afresh (the function layer's
 * memory does; the engine keeps nothing). Each must be what check() would compute for the same grids and arguments.
 */
export interface CheckGiven {
  /** readRatesTable(grid, ratesArg) */
  readonly rates?: RatesTable | SendError;
  /** readTable(institutions, tableArg) */
  readonly rows?: readonly TableRow[] | SendError;
  /** tableProblems(institutions, tableArg) */
  readonly tableProblems?: CheckProblem[] | SendError;
  /** resolveOption(rates, name), by the option's name; undefined: resolved here */
  readonly option?: (name: string) => Option | undefined;
  /** an option's allocateTotals over the institutions, by the option's name; undefined: computed here */
  readonly totals?: (name: string) => TableTotals | undefined;
}

/**
 * With `institutions` (SEND.CHECK's third argument), also the institution table against the rates:
 * ignored headers, unreadable rows, unused counts, and per option the rates its rows need and lack.
 */
export function check(
  grid: Grid,
  option: Cell,
  ratesArg = "rates",
  optionArg = "option",
  institutions: Grid | null = null,
  tableArg = "table",
  given: CheckGiven = {},
): CheckProblem[] | SendError {
  const table = given.rates ?? readRatesTable(grid, ratesArg);
  if (table instanceof SendError) return table;
  const out: CheckProblem[] = table.tableProblems.map((p) => ({
    option: p.option ?? "(all)",
    key: p.key ?? "",
    problem: p.error.message,
    row: p.row,
    col: p.col,
  }));
  let names = table.optionNames;
  if (option !== null && option !== undefined && String(option).trim() !== "") {
    const n = findOptionName(table, option, optionArg);
    if (n instanceof SendError) return n;
    names = [n];
  }
  // the institutions read once, for the table's own problems and every option's
  const rows = institutions ? (given.rows ?? readTable(institutions, tableArg)) : null;
  const read = rows instanceof SendError || rows === null ? undefined : rows;
  const fromTable = institutions ? (given.tableProblems ?? tableProblems(institutions, tableArg, read)) : [];
  if (fromTable instanceof SendError) return fromTable;
  out.push(...fromTable);
  // with no option named, the table is checked against the local options: a built-in national option
  // holds national rates only (no local top-ups), so it would flag every school (unless it is all there is)
  const local = names.filter((n) => !LIBRARY.some((l) => normOption(l.name) === normOption(n)));
  const tableChecked = new Set(names.length === 1 || local.length === 0 ? names : local);
  const inh = table.keys.get("inherits");
  const allocated: { option: Option; problems: CheckProblem[] }[] = [];
  for (const name of names) {
    const col = table.optionCols.get(normOption(name))!;
    const chain = inheritanceChain(table, name);
    if (chain instanceof SendError)
      out.push({ option: name, key: "inherits", problem: chain.message, row: inh?.row ?? null, col });
    for (const p of optionProblems(table, name))
      out.push({ option: name, key: p.key ?? "", problem: p.error.message, row: p.row, col: p.col });
    if (!(chain instanceof SendError)) {
      out.push(...inheritedProblems(table, chain, names));
      // resolved once, for the warnings and the institutions check
      const option = given.option?.(name) ?? resolveOption(table, name);
      out.push(...semanticProblems(table, name, option));
      const resolved = institutions && tableChecked.has(name) ? option : null;
      if (resolved && !(resolved instanceof SendError)) {
        // an option whose allocation rates are an earlier option's (a deficit scenario adding proj.* keys to the
        // local option, a candidate not yet edited) lacks the same rates for the same rows: the same problems, under
        // its own name (optionTableProblems reads the option's top-up rates, the Totals and its name, nothing else)
        const twin = allocated.find((a) => sameAllocationRates(a.option, resolved));
        if (twin) {
          for (const p of twin.problems) out.push({ ...p, option: resolved.name });
          continue;
        }
        const totals = given.totals?.(name) ?? allocateTotals(fastOption(resolved), institutions!, tableArg);
        const problems = optionTableProblems(resolved, institutions!, tableArg, read, totals);
        allocated.push({ option: resolved, problems });
        out.push(...problems);
      }
    }
  }
  return out;
}
