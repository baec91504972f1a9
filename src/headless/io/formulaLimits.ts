// Formula size limits, checked before a formula reaches HyperFormula, so one hostile cell becomes an error in
// that cell instead of a stack overflow that ends the whole recalculation.
//
// Excel refuses to enter a formula over its own limits (8,192 characters, 64 levels of nesting, 255 arguments to
// a function); a file holding one was not written by Excel, and the cell gets #VALUE! naming the limit.
// HyperFormula parses and evaluates recursively, so it also has a smaller limit Excel does not: a chain of a few
// thousand operators (=A1+A2+…+A1500, or 1,000 unary minus signs) overflows its stack. Such a formula is within
// Excel's limits, so its cell gets an error that says the headless engine cannot evaluate it, never a number.

import { quotedEnd } from "./formulaText";

export const EXCEL_LIMITS = { chars: 8192, nesting: 64, args: 255 } as const;
/**
 * Operators (binary and unary) in one formula that HyperFormula evaluates safely. Measured: a flat chain of
 * 1,171 "+" or 1,250 unary "-" overflowed Node's default stack at the top level; 400 leaves room for 64 levels
 * of nesting and the call depth of the CLI (test/headless/limits.test.ts runs the worst case).
 */
export const HEADLESS_MAX_OPERATORS = 400;

export interface FormulaScan {
  /** the first limit the formula breaks, as a sentence ("nests 600 levels …"), or undefined */
  problem?: string;
  /** the formula with number literals HyperFormula misreads rewritten (1E+308 -> 1e308), same meaning */
  text: string;
  /** the problem is a reference the engine cannot follow (not a limit): Excel's cached value stands for the cell */
  unsupported?: boolean;
}

const OPERATOR = /[-+*/^&=<>%]/;
const fmt = (n: number) => n.toLocaleString("en-GB");

/**
 * Scans a formula ("=…") once: its length, deepest nesting, most arguments to one call and operator count,
 * skipping "text" and 'sheet name' literals. Also rewrites exponent literals (1E+308, 1E-05) to the lower-case
 * form HyperFormula's parser reads (it rejects "E+").
 */
export function scanFormula(formula: string): FormulaScan {
  if (formula.length > EXCEL_LIMITS.chars) {
    return {
      problem: `the formula is ${fmt(formula.length)} characters long; Excel allows ${fmt(EXCEL_LIMITS.chars)}`,
      text: formula,
    };
  }
  let depth = 0;
  let maxDepth = 0;
  let operators = 0;
  let braces = 0;
  let brackets = 0;
  const commas: number[] = [0]; // arguments so far at each open parenthesis
  let maxArgs = 0;
  let out = "";
  let i = formula.startsWith("=") ? 1 : 0;
  out = formula.slice(0, i);
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = quotedEnd(formula, i);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === "(") {
      depth++;
      if (depth > maxDepth) maxDepth = depth;
      commas.push(0);
    } else if (ch === ")") {
      if (depth > 0) {
        depth--;
        maxArgs = Math.max(maxArgs, commas.pop()! + 1);
      }
    } else if (ch === "[") brackets++;
    else if (ch === "{") braces++;
    else if (ch === "}") braces = Math.max(0, braces - 1);
    else if (ch === "," && braces === 0) commas[commas.length - 1]++;
    else if (OPERATOR.test(ch)) operators++;
    else if (/[0-9.]/.test(ch) && !/[A-Za-z0-9_.$\\]/.test(formula[i - 1] ?? "")) {
      const m = /^(\d+\.?\d*|\.\d+)[eE]([+-]?)(\d+)(?![A-Za-z0-9_.(!:])/.exec(formula.slice(i));
      if (m) {
        out += `${m[1]}e${m[2] === "-" ? "-" : ""}${m[3]}`;
        i += m[0].length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  let problem: string | undefined;
  if (brackets > 0) {
    problem =
      "the headless engine does not evaluate structured references (Table1[Amount]) or links to other workbooks ([1]Sheet1!A1); " +
      "Excel does: recalculate in Excel, or refer to the table's cells (Sheet1!B2:B100)";
    return { problem, text: out, unsupported: true };
  } else if (maxDepth > EXCEL_LIMITS.nesting) {
    problem = `the formula nests ${fmt(maxDepth)} levels of parentheses; Excel allows ${EXCEL_LIMITS.nesting}`;
  } else if (maxArgs > EXCEL_LIMITS.args) {
    problem = `a function in the formula has ${fmt(maxArgs)} arguments; Excel allows ${EXCEL_LIMITS.args}`;
  } else if (operators > HEADLESS_MAX_OPERATORS) {
    problem =
      `the formula has ${fmt(operators)} operators; the headless engine evaluates at most ${HEADLESS_MAX_OPERATORS} ` +
      "(Excel can: recalculate this workbook in Excel, or sum a range with SUM(A1:A1500) instead of A1+A2+…)";
  }
  return { problem, text: out };
}
