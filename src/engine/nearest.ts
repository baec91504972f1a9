// "Did you mean …?" for keys, headers and option names.

/**
 * The two rows of the distance table, reused across the candidates of one search (nothing here outlives a call):
 * a search compares a word with hundreds of candidates, and fresh rows for each cost more than the comparison.
 */
export class DistanceRows {
  a = new Int32Array(64);
  b = new Int32Array(64);
  fit(n: number): this {
    if (this.a.length <= n) {
      this.a = new Int32Array(n + 1);
      this.b = new Int32Array(n + 1);
    }
    return this;
  }
}

/**
 * Levenshtein distance. With `max`, work stops as soon as the distance is known to exceed it, and the answer is
 * then only some number above max: a 10,000-row table of typos asks for thousands of suggestions, and almost
 * every candidate is far.
 */
export function editDistance(a: string, b: string, max = Infinity, rows = new DistanceRows()): number {
  const m = a.length,
    n = b.length;
  if (m - n > max || n - m > max) return max + 1;
  rows.fit(n);
  let prev = rows.a,
    cur = rows.b;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      // the least of delete, insert, substitute (comparisons, not Math.min: this loop is the whole cost)
      const del = prev[j] + 1,
        ins = cur[j - 1] + 1,
        sub = prev[j - 1] + (ai === b.charCodeAt(j - 1) ? 0 : 1);
      const d = del < ins ? (del < sub ? del : sub) : ins < sub ? ins : sub;
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1; // no later row can get below this row's minimum
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[n];
}

/** How far a candidate may be from the word and still be suggested. */
function limitFor(word: string, candidate: string): number {
  return Math.max(2, Math.floor(Math.max(word.length, candidate.length) / 3));
}

/**
 * A cheap lower bound on the edit distance from the word (counted in wordCounts: its character counts, codes folded
 * into 128 buckets, which only weakens the bound) to c: each edit changes the
 * character counts by at most 2 in total, and the length by at most 1. O(|c|): the counts are taken down by
 * c's characters, the total difference kept as it goes, then put back.
 */
function lowerBound(wordCounts: Int32Array, wordLength: number, c: string): number {
  let diff = wordLength;
  for (let i = 0; i < c.length; i++) diff += wordCounts[c.charCodeAt(i) & 127]-- > 0 ? -1 : 1;
  for (let i = 0; i < c.length; i++) wordCounts[c.charCodeAt(i) & 127]++;
  // max(|length difference|, ⌈diff / 2⌉) without Math calls (this runs for every candidate of every typo)
  const lengths = wordLength > c.length ? wordLength - c.length : c.length - wordLength;
  const counts = (diff + 1) >> 1;
  return lengths > counts ? lengths : counts;
}

/** The closest candidate, if it is close enough to be a plausible typo (or a prefix match). */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const list = Array.isArray(candidates) ? (candidates as readonly string[]) : [...candidates];
  let longest = "";
  for (const c of list) if (c.length > longest.length) longest = c;
  const wordCounts = new Int32Array(128);
  const rows = new DistanceRows();
  for (let i = 0; i < w.length; i++) wordCounts[w.charCodeAt(i) & 127]++;
  // A candidate farther than every limit can never be suggested, and only a strictly closer one replaces the
  // best: so a candidate is skipped when a lower bound rules it out, and a distance is worked out only up to the
  // best so far. The answer is the one a full search gives (the first of the closest candidates).
  let best: string | undefined;
  let bestD = limitFor(w, longest) + 1;
  for (const c of list) {
    const lc = c.toLowerCase();
    if (lowerBound(wordCounts, w.length, lc) >= bestD) continue;
    const d = editDistance(w, lc, bestD - 1, rows);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best !== undefined && bestD <= limitFor(w, best) ? best : undefined;
}
