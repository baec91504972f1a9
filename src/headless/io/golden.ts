// Golden workbooks: a JSON definition (sheets with formulas, and the values a careful reader worked out
// by hand) checked cell by cell against what the headless host computes. Used by scripts/make-golden.ts
// (which writes the .xlsx) and by test/headless/golden.test.ts (which reads it back and recomputes).
import type { CellResult, RawCell } from "./cells";
import { colLetters, parseCellOrThrow } from "../../util/a1";

export type Expected = number | string | boolean | null | { error: string; messageIncludes?: string[] };

export interface GoldenDef {
  title: string;
  notes?: string[];
  sheets: Record<string, RawCell[][]>;
  /** "Sheet!A1" -> value, or "Sheet!A1:C3" -> rows of values */
  expected: Record<string, Expected | Expected[][]>;
}

/** Expected values per single cell, range keys expanded row by row. */
export function expandExpected(expected: GoldenDef["expected"]): Map<string, Expected> {
  const out = new Map<string, Expected>();
  for (const [key, value] of Object.entries(expected)) {
    const bang = key.lastIndexOf("!");
    const sheet = key.slice(0, bang);
    const range = key.slice(bang + 1);
    if (!range.includes(":")) {
      out.set(key, value as Expected);
      continue;
    }
    const [p, q] = range.split(":").map((cell) => parseCellOrThrow(cell));
    const rows = value as Expected[][];
    if (
      !Array.isArray(rows) ||
      rows.length !== q.row - p.row + 1 ||
      rows.some((r) => !Array.isArray(r) || r.length !== q.col - p.col + 1)
    ) {
      throw new Error(`expected ${key}: need ${q.row - p.row + 1} rows of ${q.col - p.col + 1} values`);
    }
    rows.forEach((row, i) => row.forEach((v, j) => out.set(`${sheet}!${colLetters(p.col + j)}${p.row + i}`, v)));
  }
  return out;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** Why `actual` does not match `expected`, or null when it does. */
export function mismatch(expected: Expected, actual: CellResult | undefined): string | null {
  const got = JSON.stringify(actual ?? null);
  if (expected !== null && typeof expected === "object") {
    if (actual === null || actual === undefined || typeof actual !== "object")
      return `expected ${expected.error}, got ${got}`;
    if (actual.error !== expected.error) return `expected ${expected.error}, got ${got}`;
    const missing = (expected.messageIncludes ?? []).filter(
      (s) => !actual.message.toLowerCase().includes(s.toLowerCase()),
    );
    return missing.length ? `message ${JSON.stringify(actual.message)} does not mention ${missing.join(", ")}` : null;
  }
  if (typeof expected === "number")
    return typeof actual === "number" && close(actual, expected) ? null : `expected ${expected}, got ${got}`;
  return actual === expected || (expected === null && actual === undefined)
    ? null
    : `expected ${JSON.stringify(expected)}, got ${got}`;
}

/**
 * Compares computed cells ("Sheet!A1" -> value, every formula and spilled cell) with the expectations:
 * each expectation must hold, and each computed cell must have an expectation (nothing goes unchecked).
 */
export function checkGolden(def: GoldenDef, computed: ReadonlyMap<string, CellResult>): string[] {
  const problems: string[] = [];
  const expected = expandExpected(def.expected);
  for (const [key, want] of expected) {
    if (!computed.has(key)) {
      problems.push(`${key}: not a formula or spilled cell (${JSON.stringify(want)} expected)`);
      continue;
    }
    const why = mismatch(want, computed.get(key));
    if (why) problems.push(`${key}: ${why}`);
  }
  for (const [key, value] of computed) {
    if (!expected.has(key)) problems.push(`${key}: computed ${JSON.stringify(value)} but no value is expected`);
  }
  return problems;
}
