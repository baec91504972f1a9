// Excel sheet-name rules: at most 31 characters, none of \ / ? * [ ] :, no apostrophe at either end,
// not "History" (reserved), unique ignoring case.
const MAX = 31;

/** The wanted name made legal (forbidden characters replaced, trimmed, never empty). */
export function cleanSheetName(wanted: string): string {
  let s = wanted.replace(/[\\/?*[\]:]/g, "-").replace(/\s+/g, " ").trim();
  s = s.replace(/^'+|'+$/g, "").trim();
  if (s === "" ) s = "Sheet";
  if (s.toLowerCase() === "history") s = "History sheet";
  return s.slice(0, MAX).trim();
}

/**
 * A legal sheet name not already in `existing` (case-insensitive): the wanted name itself when free,
 * else "Name (2)", "Name (3)"…, shortening the stem so the suffix fits in 31 characters.
 */
export function uniqueSheetName(existing: readonly string[], wanted: string): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const base = cleanSheetName(wanted);
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = `${base.slice(0, MAX - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** Several unique names at once, each also distinct from the ones chosen before it. */
export function uniqueSheetNames(existing: readonly string[], wanted: readonly string[]): string[] {
  const all = [...existing];
  return wanted.map((w) => {
    const n = uniqueSheetName(all, w);
    all.push(n);
    return n;
  });
}
