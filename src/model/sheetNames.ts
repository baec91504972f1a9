// Excel sheet-name rules: at most 31 characters, none of \ / ? * [ ] :, no apostrophe at either end,
// not "History" (reserved), unique ignoring case.
const MAX = 31;

/** The wanted name made legal (forbidden characters replaced, trimmed, never empty). */
export function cleanSheetName(wanted: string): string {
  let s = wanted
    .replace(/[\\/?*[\]:]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
  s = s.replace(/^'+|'+$/g, "").trim();
  if (s === "") s = "Sheet";
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

/** A name cut to `n` characters keeping its start and its end, where two options usually differ ("National 2…5-26"). */
function keepEnds(name: string, n: number): string {
  const s = name.trim();
  if (s.length <= n) return s;
  const tail = Math.min(5, Math.floor((n - 1) / 2));
  return `${s.slice(0, n - 1 - tail).trimEnd()}…${s.slice(-tail)}`;
}

/**
 * The wanted name of a sheet about two options ("Compare A vs B") that still tells both apart within
 * 31 characters, with room left for a " (2)" suffix: the prefix goes first, then both names are cut
 * keeping their ends, rather than losing option B's name off the end.
 */
export function pairSheetName(prefix: string, a: string, b: string): string {
  const room = MAX - 4;
  const full = `${prefix} ${a.trim()} vs ${b.trim()}`;
  if (full.length <= room) return full;
  const bare = `${a.trim()} vs ${b.trim()}`;
  if (bare.length <= room) return bare;
  const each = Math.floor((room - 4) / 2);
  const sa = keepEnds(a, Math.max(each, room - 4 - Math.min(b.trim().length, each)));
  return `${sa} vs ${keepEnds(b, room - 4 - sa.length)}`;
}
