// How the tests drive the engine the way a SEND.* host does: arguments are read in the order they are
// written (rates, option, then the institution data) and the first argument at fault gives the error.
import {
  allocate,
  allocateTotal,
  compare,
  isSendError,
  parseRates,
  readInstitution,
  readTable,
  resolveOption,
  SendError,
  type Allocation,
  type Cell,
  type Comparison,
  type Dec,
  type Grid,
  type Option,
} from "./api";

export function option(rates: Grid, name: Cell): Option | SendError {
  const t = parseRates(rates);
  return isSendError(t) ? t : resolveOption(t, name);
}

/** SEND.ALLOCATE / SEND.BREAKDOWN. */
export function allocateRow(
  rates: Grid,
  name: Cell,
  fields: readonly Cell[],
  values: readonly Cell[],
  trace = false,
): Allocation | SendError {
  const opt = option(rates, name);
  if (isSendError(opt)) return opt;
  const inst = readInstitution(fields, values);
  return isSendError(inst) ? inst : allocate(opt, inst, { trace });
}

/** SEND.ALLOCATEALL: one total per data row; null for an all-blank row. */
export function allocateAll(rates: Grid, name: Cell, table: Grid): (Dec | SendError | null)[] | SendError {
  const opt = option(rates, name);
  if (isSendError(opt)) return opt;
  const rows = readTable(table);
  if (isSendError(rows)) return rows;
  return rows.map((r) =>
    r.institution === null ? null : isSendError(r.institution) ? r.institution : allocateTotal(opt, r.institution),
  );
}

/** SEND.COMPARE. */
export function compareOptions(rates: Grid, a: Cell, b: Cell, table: Grid): Comparison | SendError {
  const t = parseRates(rates);
  if (isSendError(t)) return t;
  const optA = resolveOption(t, a, "optionA");
  if (isSendError(optA)) return optA;
  const optB = resolveOption(t, b, "optionB");
  if (isSendError(optB)) return optB;
  const rows = readTable(table);
  return isSendError(rows) ? rows : compare(optA, optB, rows);
}

export function componentAmount(a: Allocation, name: string): Dec {
  const c = a.components.find((x) => x.name === name);
  if (!c) throw new Error(`no component '${name}'`);
  return c.amount;
}
