// Sheet contents as the builders produce them: a string starting with "=" is a formula (contract syntax).
export type RawCell = number | string | boolean | null;
export type Rows = RawCell[][];

/** A string literal inside a formula: "a\"b" -> "\"a\"\"b\"". */
export function formulaString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** A number inside a formula, written plainly (no exponent for ordinary money amounts). */
export function formulaNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  return String(n);
}
