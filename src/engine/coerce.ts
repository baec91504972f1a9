// Reading a number out of a cell, the one way the engine does it.
import { D, type Dec } from "./money";
import type { Cell } from "./types";

export type CellNumber = { kind: "blank" } | { kind: "number"; value: Dec } | { kind: "text"; text: string };

/** The largest finite double: numeric text beyond it is not a number (it could only become Infinity). */
const MAX_DOUBLE = new D(Number.MAX_VALUE);

// "1,234.50", "£1,234", "-£5", "(1,234)" (accounting negative), "12.5%"; also what Excel's VALUE
// reads: a leading "+", a trailing ".", exponent notation ("1E5").
const NUMERIC = /^\(?[-+]?£?-?(\d{1,3}(,\d{3})+|\d+)?(\.\d*)?([eE][-+]?\d+)?%?\)?$/;

export function isBlank(c: Cell): boolean {
  return c === null || c === undefined || (typeof c === "string" && c.trim() === "");
}

/** Blank, a number (numbers as text allowed, with £, thousands separators, % and accounting brackets), or text. */
export function readNumber(c: Cell): CellNumber {
  if (isBlank(c)) return { kind: "blank" };
  if (typeof c === "number") {
    return Number.isFinite(c) ? { kind: "number", value: new D(c === 0 ? 0 : c) } : { kind: "text", text: String(c) }; // -0 -> 0
  }
  if (typeof c === "boolean") return { kind: "text", text: c ? "TRUE" : "FALSE" };
  const text = String(c).trim();
  if (!NUMERIC.test(text) || !/\d/.test(text)) return { kind: "text", text };
  const bracketed = text.startsWith("(") && text.endsWith(")");
  if (text.startsWith("(") !== text.endsWith(")")) return { kind: "text", text };
  let body = text.replace(/[()£,]/g, "");
  const percent = body.endsWith("%");
  if (percent) body = body.slice(0, -1);
  const mantissa = body.replace(/e[-+]?\d+$/i, "");
  const signs = (mantissa.match(/[-+]/g) ?? []).length;
  if (signs > 1 || (bracketed && signs > 0) || /^\.?$/.test(mantissa.replace(/[-+]/g, "")))
    return { kind: "text", text };
  let value = new D(body);
  if (percent) value = value.div(100);
  // "1e999" is no number a spreadsheet can hold (Excel's VALUE gives #VALUE!): it is text, not Infinity later
  if (value.abs().gt(MAX_DOUBLE)) return { kind: "text", text };
  if (bracketed) value = value.neg();
  if (value.isZero()) value = new D(0); // no negative zero out of "(0)" or "-0"
  return { kind: "number", value };
}

/** Text of a cell for labels (names, phases, option names); blank is "". */
export function cellText(c: Cell): string {
  if (isBlank(c)) return "";
  return typeof c === "boolean" ? (c ? "TRUE" : "FALSE") : String(c).trim();
}
