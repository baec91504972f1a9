// Golden workbooks: a JSON definition (sheets with formulas, and the values a careful reader worked out
// by hand) checked cell by cell against what the headless host computes. Used by scripts/make-golden.ts
// (which writes the .xlsx) and by test/headless/golden.test.ts (which reads it back and recomputes).
import type { CellResult, RawCell } from "./cells";

export type Expected = number | string | boolean | null | { error: string; messageIncludes?: string[] };

export interface GoldenDef {
  title: string;
  notes?: string[];
  sheets: Record<string, RawCell[][]>;
  /** "Sheet!A1" -> value, or "Sheet!A1:C3" -> rows of values */
  expected: Record<string, Expected | Expected[][]>;
}

function colLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function pos(ref: string): { r: number; c: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`bad cell ${ref}`);
  let c = 0;
  for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  return { r: Number(m[2]), c };
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
    const [p, q] = range.split(":").map(pos);
    const rows = value as Expected[][];
    if (
      !Array.isArray(rows) ||
      rows.length !== q.r - p.r + 1 ||
      rows.some((r) => !Array.isArray(r) || r.length !== q.c - p.c + 1)
    ) {
      throw new Error(`expected ${key}: need ${q.r - p.r + 1} rows of ${q.c - p.c + 1} values`);
    }
    rows.forEach((row, i) => row.forEach((v, j) => out.set(`${sheet}!${colLetters(p.c + j)}${p.r + i}`, v)));
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
