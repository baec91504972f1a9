// "Explain this cell": parse a SEND formula, read the ranges it references (through the caller's port: Excel or
// the headless workbook), re-run the function and say how the result came about. SEND.ALLOCATE and SEND.BREAKDOWN
// give the engine's full trace (every count, rate, option it came from and amount); the other functions give a
// line per argument and one for the result.
import { allocate } from "../engine/allocate";
import { SendError } from "../engine/errors";
import type { Cell, OutCell, TraceLine } from "../engine/types";
import { parseRange, quoteSheet, splitRef } from "../util/a1";
import { NAMESPACE, isGrid, specOf, widthOf, type FunctionSpec, type Result } from "./registry";
import { optionAndInstitution } from "./specs/allocation";
import { coerceArgs, invoke, type HostValue } from "./wrapper";

export interface Explanation {
  /** "SEND.ALLOCATE"; "" when the formula is not a SEND call */
  fn: string;
  /** the result: a number or text, or a grid (null = blank, { error, message } = an error cell) */
  value?: unknown;
  /** the whole formula's error ("#VALUE!" …), or kind "cannot explain" when the formula is not one we can re-run */
  error?: { kind: string; message: string };
  /** for ALLOCATE / BREAKDOWN the engine's trace; otherwise component "Total" lines describing inputs and result */
  lines: TraceLine[];
}

export const CANNOT_EXPLAIN = "cannot explain";

/** One argument as written in the formula. */
export type FormulaArg =
  | { kind: "ref"; sheet: string | null; range: string }
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "empty" };

export interface ParsedFormula {
  fn: string;
  args: FormulaArg[];
}

class ParseError extends Error {}

/**
 * Parses `=SEND.NAME(arg, …)` where every argument is a reference (A1, $A$1:$G$80, A:C, 3:5, Sheet!A1,
 * 'My sheet'!A1), a "quoted string", a number, TRUE/FALSE or empty. Anything else (operators, nested functions)
 * is a ParseError: the explanation re-runs one SEND call on plain inputs, not arbitrary formulas.
 */
export function parseSendFormula(formula: string): ParsedFormula {
  const s = formula.trim();
  let i = 0;
  const peek = () => s[i];
  const skipSpace = () => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  const fail = (what: string): never => {
    throw new ParseError(`${what} at position ${i + 1} of ${s}`);
  };
  if (peek() === "=") i++;
  skipSpace();
  if (peek() === "@") i++;
  const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(s.slice(i));
  if (!name) fail("expected a function name");
  const fn = name![0].toUpperCase();
  i += name![0].length;
  skipSpace();
  if (peek() !== "(") fail("expected '('");
  i++;
  const args: FormulaArg[] = [];
  for (;;) {
    skipSpace();
    args.push(parseArg());
    skipSpace();
    if (peek() === ",") {
      i++;
      continue;
    }
    if (peek() === ")") {
      i++;
      break;
    }
    fail(i >= s.length ? "missing ')'" : `unexpected '${peek()}'`);
  }
  skipSpace();
  if (i < s.length) fail(`unexpected '${s.slice(i)}' after the function call`);
  if (args.length === 1 && args[0].kind === "empty") args.length = 0; // SEND.FACTORS()
  return { fn, args };

  function parseArg(): FormulaArg {
    const c = peek();
    if (c === "," || c === ")") return { kind: "empty" };
    if (c === '"') {
      let out = "";
      i++;
      for (;;) {
        if (i >= s.length) fail("unterminated string");
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            out += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        out += s[i++];
      }
      return endOf({ kind: "string", value: out });
    }
    const num = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?%?/.exec(s.slice(i));
    if (num && !/^[-+]?\d+:/.test(s.slice(i))) {
      i += num[0].length;
      const text = num[0];
      const value = text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text);
      return endOf({ kind: "number", value });
    }
    let sheet: string | null = null;
    if (c === "'") {
      let out = "";
      i++;
      for (;;) {
        if (i >= s.length) fail("unterminated sheet name");
        if (s[i] === "'") {
          if (s[i + 1] === "'") {
            out += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        out += s[i++];
      }
      if (peek() !== "!") fail("expected '!' after the sheet name");
      i++;
      sheet = out;
    } else {
      const bare = /^([A-Za-z_][A-Za-z0-9_.]*)!/.exec(s.slice(i));
      if (bare) {
        sheet = bare[1];
        i += bare[0].length;
      }
    }
    const ref = /^\$?[A-Za-z]{0,3}\$?\d*(:\$?[A-Za-z]{0,3}\$?\d*)?/.exec(s.slice(i));
    const text = ref ? ref[0] : "";
    if (text && parseRange(text)) {
      i += text.length;
      return endOf({ kind: "ref", sheet, range: text.replace(/\$/g, "") });
    }
    if (sheet === null) {
      const word = /^(TRUE|FALSE)(\(\))?/i.exec(s.slice(i));
      if (word) {
        i += word[0].length;
        return endOf({ kind: "boolean", value: word[1].toUpperCase() === "TRUE" });
      }
    }
    return fail("only references, text, numbers and TRUE/FALSE can be explained; found an expression");
  }

  /** After an argument only ',' or ')' may follow: anything else is an expression we do not evaluate. */
  function endOf(arg: FormulaArg): FormulaArg {
    skipSpace();
    const c = peek();
    if (c !== "," && c !== ")")
      fail("only references, text, numbers and TRUE/FALSE can be explained; found an expression");
    return arg;
  }
}

/** For readers: a reference handed to `read` split into its sheet and its range. */
export { splitRef };

/** The reference as the reader gets it: always sheet-qualified, without $ ("Rates!A1:G80", "'My sheet'!A5"). */
export function qualifiedRef(arg: { sheet: string | null; range: string }, sheet: string): string {
  return `${quoteSheet(arg.sheet ?? sheet)}!${arg.range}`;
}

function describe(arg: FormulaArg, sheet: string): string {
  switch (arg.kind) {
    case "ref":
      return qualifiedRef(arg, sheet);
    case "string":
      return `"${arg.value}"`;
    case "number":
      return String(arg.value);
    case "boolean":
      return arg.value ? "TRUE" : "FALSE";
    case "empty":
      return "(blank)";
  }
}

function plainCell(c: OutCell): unknown {
  return c instanceof SendError ? { error: c.kind, message: c.message } : c;
}

function plainValue(r: Result): unknown {
  return isGrid(r) ? r.map((row) => row.map(plainCell)) : plainCell(r);
}

function summary(r: Result): string {
  if (!isGrid(r)) return r instanceof SendError ? `${r.kind} ${r.message}` : r === null ? "(blank)" : String(r);
  const errors = r.flat().filter((c) => c instanceof SendError).length;
  const cols = widthOf(r);
  return `a spill of ${r.length} × ${cols} cells${errors ? `, ${errors} of them errors` : ""}`;
}

function line(label: string, amount = ""): TraceLine {
  return { component: "Total", label, amount };
}

function inputLines(spec: FunctionSpec, parsed: ParsedFormula, host: HostValue[], sheet: string): TraceLine[] {
  return spec.parameters.map((p, k) => {
    const arg = parsed.args[k] ?? { kind: "empty" as const };
    const v = host[k];
    const size = Array.isArray(v) ? ` (${v.length} × ${widthOf(v)} cells)` : "";
    return line(`${p.name} = ${describe(arg, sheet)}${size}`);
  });
}

/** A cell of a spill, as its offset from the formula's own cell (0-based). */
export interface SpillOffset {
  row: number;
  col: number;
}

/**
 * Explains a SEND formula. `read` returns the cells of a sheet-qualified reference (see qualifiedRef); `sheet` is the
 * sheet the formula sits on (for unqualified references). `at`: the cell explained is that one of the formula's
 * spill (a row of an Allocations or Blocks column): its value, and for SEND.ALLOCATEALL that institution's trace.
 */
export async function explainFormula(
  formula: string,
  read: (ref: string) => Promise<Cell[][]>,
  sheet: string,
  at?: SpillOffset,
): Promise<Explanation> {
  let parsed: ParsedFormula;
  try {
    parsed = parseSendFormula(formula);
  } catch (e) {
    if (e instanceof ParseError) return { fn: "", error: { kind: CANNOT_EXPLAIN, message: e.message }, lines: [] };
    throw e;
  }
  const spec = parsed.fn.startsWith(`${NAMESPACE}.`) ? specOf(parsed.fn) : undefined;
  if (!spec) {
    return {
      fn: parsed.fn,
      error: { kind: CANNOT_EXPLAIN, message: `${parsed.fn} is not a ${NAMESPACE} function.` },
      lines: [],
    };
  }
  const fn = `${NAMESPACE}.${spec.name}`;

  const host: HostValue[] = [];
  for (const arg of parsed.args) {
    if (arg.kind === "ref") {
      const ref = qualifiedRef(arg, sheet);
      try {
        host.push(await read(ref));
      } catch (e) {
        return {
          fn,
          error: {
            kind: CANNOT_EXPLAIN,
            message: `could not read ${ref}: ${e instanceof Error ? e.message : String(e)}`,
          },
          lines: [],
        };
      }
    } else {
      host.push(arg.kind === "empty" ? null : arg.value);
    }
  }

  // an ALLOCATEALL cell is one institution's allocation: its own cell is the first row's
  if (spec.name === "ALLOCATEALL") at ??= { row: 0, col: 0 };
  const whole = invoke(spec.name, host);
  if (at && !isGrid(whole) && !(whole instanceof SendError) && (at.row !== 0 || at.col !== 0))
    return { fn, error: { kind: CANNOT_EXPLAIN, message: `${fn} does not spill to that cell.` }, lines: [] };
  // one cell of a spill: its value (a bad row of ALLOCATEALL is an error of that cell alone)
  const result: Result = at && isGrid(whole) ? (whole[at.row]?.[at.col] ?? null) : whole;
  const error =
    !isGrid(result) && result instanceof SendError ? { kind: result.kind, message: result.message } : undefined;
  let lines: TraceLine[];
  if ((spec.name === "ALLOCATE" || spec.name === "BREAKDOWN") && !error) {
    lines = allocationTrace(spec, host);
  } else if (spec.name === "ALLOCATEALL" && !error && (host[3] ?? "") === "") {
    // (a block's spill keeps the input lines: the engine's trace is of the Total)
    lines = allocationTrace(specOf("ALLOCATE")!, rowOfTable(host, at!.row));
  } else {
    lines = [
      ...inputLines(spec, parsed, host, sheet),
      line(`result: ${summary(result)}`, error ? "" : typeof result === "number" ? String(result) : ""),
    ];
  }
  return error ? { fn, error, lines } : { fn, value: plainValue(result), lines };
}

/** ALLOCATEALL's arguments for its k-th result row as ALLOCATE's: rates, option, the header row, data row k + 1. */
function rowOfTable(host: HostValue[], k: number): HostValue[] {
  const table = host[2];
  const rows = Array.isArray(table) ? table : [[table]];
  return [host[0], host[1], [rows[0] ?? []], [rows[k + 1] ?? []], host[3] ?? null];
}

/** The engine's trace for ALLOCATE / BREAKDOWN (the arguments are known to be valid: the function just succeeded). */
function allocationTrace(spec: FunctionSpec, host: HostValue[]): TraceLine[] {
  const args = coerceArgs(spec, host);
  if (args instanceof SendError) return [];
  const oi = optionAndInstitution(args);
  if (oi instanceof SendError) return [];
  const alloc = allocate(oi.option, oi.inst, { trace: true });
  if (alloc instanceof SendError) return [];
  return alloc.trace;
}
