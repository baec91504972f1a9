// Proposing which contract field each source column fills: remembered choices first, then the synonym
// list (synonyms.ts), band patterns ("Band 3 EHCPs" -> "EHCP Band 3"), then nearest spelling with a
// confidence. A column nothing matches is proposed as "keep as is": it is kept and reported, never dropped.
import { institutionHeaders } from "../engine/fields";
import { editDistance } from "../engine/nearest";
import { colLetters } from "../util/a1";
import { FIELD_SYNONYMS, KNOWN_UNUSED, PUPILS_BY_PHASE, UNBANDED_EHCP, squash, withoutAsides } from "./synonyms";

/** The target of a column kept unchanged and not read by the formula. */
export const KEEP = "keep";
export const KEEP_LABEL = "Keep as is (not used by the formula)";
/** A total of the EHCP band columns ("Total EHCPs"): checked against their sum row by row, never counted. */
export const EHCP_TOTAL_CHECK = "EHCP total (check only)";

export interface ColumnChoice {
  /** 0-based source column */
  col: number;
  /** its letter in the source ("D") */
  letter: string;
  /** the header as written */
  header: string;
  /** a contract header ("FSM6", "EHCP Band 3"), PUPILS_BY_PHASE, or KEEP */
  target: string;
  /** 0..1: 1 for a listed synonym or a remembered choice */
  confidence: number;
  /** why this target, in words */
  why: string;
  /** the column holds percentages of pupils ("FSM %"): read as pupils only times a number on roll (apply.ts) */
  percent?: boolean;
}

/** source header (as written) -> target: what a workbook remembers and what --mapping reads */
export type SavedMapping = Record<string, string>;

/** Every target a column can be given, bands included (the rates' bands plus any the source names). */
export function targetList(
  bands: { ehcp: readonly string[]; senif: readonly string[] },
  extra: readonly string[] = [],
): string[] {
  // the table's own headers, with the importer's extra targets where an officer looks for them
  const list = institutionHeaders(bands).flatMap((h) =>
    h === "KS4 Pupils" ? [h, PUPILS_BY_PHASE] : h === "Places" ? [UNBANDED_EHCP, EHCP_TOTAL_CHECK, h] : [h],
  );
  const seen = new Set(list.map(squash));
  for (const t of extra)
    if (t !== KEEP && !seen.has(squash(t))) {
      list.push(t);
      seen.add(squash(t));
    }
  return list;
}

const SYNONYM_INDEX: Map<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [target, words] of Object.entries(FIELD_SYNONYMS)) {
    m.set(squash(target), target);
    for (const w of words) m.set(squash(w), target);
  }
  return m;
})();
const UNUSED_INDEX = new Set(KNOWN_UNUSED.map(squash));

/** "3" -> "Band 3"; letters upper-cased. */
const bandLabel = (b: string) => `Band ${/^\d+$/.test(b) ? String(Number(b)) : b.toUpperCase()}`;

/** EHCP and SENIF bands named in a header: "Band 3 EHCPs", "EHCP_band_3", "Top-up band 2", "SENIF hours band 1", "EHCP
 * B3". */
function bandTarget(header: string): { target: string; confidence: number } | null {
  const text = header.replace(/[_-]+/g, " ");
  const s = squash(text);
  const band =
    /\bband\s*([0-9]+|[a-z]{1,2})\b/i.exec(text)?.[1] ??
    /^(?:ehcps?|senif(?:hours)?)\s*b?\s*([0-9]+)$/i.exec(text.trim())?.[1];
  if (!band) return null;
  if (s.includes("senif")) return { target: `SENIF ${bandLabel(band)}`, confidence: 1 };
  if (/ehc|topup|element3|hns|highneeds/.test(s)) return { target: `EHCP ${bandLabel(band)}`, confidence: 1 };
  if (/^band[0-9a-z]{1,2}$/.test(s)) return { target: `EHCP ${bandLabel(band)}`, confidence: 0.7 };
  return null;
}

/** A contract header with a custom band label ("EHCP Severe", "SENIF Higher"): kept as written. */
function contractBand(header: string): string | null {
  const m = /^(ehcp|senif)[\s_-]+(\S.*)$/i.exec(header.trim());
  return m ? `${m[1].toUpperCase()} ${m[2].trim()}` : null;
}

/** Nearest listed spelling, when close enough to propose (similarity 0.75 and up), else containment. */
function nearest(s: string): { target: string; confidence: number; word: string } | null {
  let best: { target: string; confidence: number; word: string } | null = null;
  for (const [word, target] of SYNONYM_INDEX) {
    if (word.length < 4) continue; // "k", "ey", "nor": only exact matches are safe
    const longest = Math.max(word.length, s.length);
    const d = editDistance(s, word, Math.floor(longest / 4));
    const sim = 1 - d / longest;
    if (sim >= 0.75 && (!best || sim > best.confidence))
      best = { target, confidence: Math.round(sim * 100) / 100, word };
  }
  if (best) return best;
  // "fsmpupilsjan2025" contains "fsmpupils": the longest listed spelling inside the header
  for (const [word, target] of SYNONYM_INDEX) {
    if (word.length >= 5 && s.includes(word) && (!best || word.length > best.word.length))
      best = { target, confidence: 0.6, word };
  }
  return best;
}

/** "FSM %", "% EAL", "FSM percent", "Proportion SEN support": a share, not a count. */
const PERCENT_HEADER = /%|\bper\s*cent(?:age)?\b|\bpct\b|\bproportion(?:\s+of)?\b/gi;

export function isPercentHeader(header: string): boolean {
  return new RegExp(PERCENT_HEADER.source, "i").test(header);
}

/** Fields that count pupils: a percentage of pupils times the number on roll gives one. */
export function countsPupils(target: string): boolean {
  return (
    /^(FSM|FSM6|LPA|EAL|SEN Support)$/.test(target) ||
    /^IDACI [A-F]$/.test(target) ||
    (/^EHCP /i.test(target) && target !== EHCP_TOTAL_CHECK)
  );
}

function proposeOne(header: string, col: number, remembered: Map<string, string>): ColumnChoice {
  if (!isPercentHeader(header)) return proposeCount(header, col, remembered);
  const c = proposeCount(header.replace(PERCENT_HEADER, " ").replace(/\s+/g, " ").trim(), col, remembered);
  const base = { ...c, header };
  if (c.target === KEEP) return base;
  if (countsPupils(c.target))
    return { ...base, percent: true, why: `a percentage of pupils: ${c.target} = ${header} × the number on roll` };
  return {
    ...base,
    target: KEEP,
    confidence: 0.5,
    why: `a percentage, and ${c.target} must be a count: kept as is (map a count column to ${c.target})`,
  };
}

function proposeCount(header: string, col: number, remembered: Map<string, string>): ColumnChoice {
  const base = { col, letter: colLetters(col + 1), header };
  const s = squash(header);
  const bare = squash(withoutAsides(header));
  const r = remembered.get(s);
  if (r) return { ...base, target: r, confidence: 1, why: "as in the last import" };
  const exact = SYNONYM_INDEX.get(s) ?? SYNONYM_INDEX.get(bare);
  if (exact)
    return {
      ...base,
      target: exact,
      confidence: 1,
      why: squash(exact) === s ? "the contract's header" : `a listed name for ${exact}`,
    };
  const idaci = /^idaci(?:band)?([a-f])(?:pupils)?$/.exec(bare);
  if (idaci) return { ...base, target: `IDACI ${idaci[1].toUpperCase()}`, confidence: 1, why: "IDACI band" };
  const band = bandTarget(withoutAsides(header)) ?? bandTarget(header);
  if (band)
    return { ...base, ...band, why: band.confidence === 1 ? "names a band" : "a band with no kind: taken as EHCP" };
  const custom = contractBand(header);
  if (custom) return { ...base, target: custom, confidence: 0.9, why: "a band label of the contract's form" };
  if (UNUSED_INDEX.has(s) || UNUSED_INDEX.has(bare))
    return { ...base, target: KEEP, confidence: 1, why: "recognised; the formula does not use it" };
  const near = s === "" ? null : nearest(bare || s);
  if (near)
    return {
      ...base,
      target: near.target,
      confidence: near.confidence,
      why: `looks like '${near.word}' (${Math.round(near.confidence * 100)}% sure)`,
    };
  return { ...base, target: KEEP, confidence: 0, why: s === "" ? "no header" : "not recognised" };
}

/**
 * One choice per non-blank header. A total-EHCP column beside band columns becomes a check of them. When two
 * columns want one field, a percentage gives way to a count; otherwise both keep it at no more than 50% and
 * mappingErrors asks which one: the importer never guesses between two columns.
 */
export function proposeMapping(header: readonly string[], remembered: SavedMapping = {}): ColumnChoice[] {
  const mem = new Map(Object.entries(remembered).map(([k, v]) => [squash(k), v]));
  const choices = header.map((h, col) => proposeOne(h.trim(), col, mem)).filter((c) => c.header !== "");
  const banded = choices.some((c) => isBandColumn(c.target));
  for (const c of choices)
    if (
      banded &&
      c.target === UNBANDED_EHCP &&
      !/un\s*band|no\s*band|not\s*band/i.test(c.header) &&
      c.why !== "as in the last import"
    ) {
      c.target = EHCP_TOTAL_CHECK;
      c.why = "a total of the EHCP band columns: checked against their sum on every row, never counted twice";
    }
  for (const group of conflicts(choices)) {
    const counts = group.filter((c) => !c.percent);
    const pct = group.filter((c) => c.percent);
    if (counts.length && pct.length)
      for (const c of pct) {
        c.why = `a percentage of ${c.target}, which column ${counts[0].letter} ('${counts[0].header}') gives as a count: kept as is`;
        c.target = KEEP;
        c.percent = undefined;
        c.confidence = 0.5;
      }
    const left = counts.length && pct.length ? counts : group;
    // the same header twice cannot be told apart by a --mapping file: the first column takes the field
    const still = left.filter((c) => {
      const first = left.find((o) => squash(o.header) === squash(c.header))!;
      if (first === c) return true;
      c.why = `a second column headed '${c.header}' (column ${first.letter} is ${c.target}): kept as is; rename one header to choose`;
      c.target = KEEP;
      c.percent = undefined;
      c.confidence = 0.5;
      return false;
    });
    if (still.length < 2) continue;
    for (const c of still) {
      const others = still.filter((o) => o !== c).map((o) => `column ${o.letter} ('${o.header}')`);
      c.confidence = Math.min(c.confidence, 0.5);
      c.why = `fits ${c.target}, and so does ${others.join(" and ")}: which one?`;
    }
  }
  return choices;
}

/** An EHCP band column ("EHCP Band 3"), not the unbanded count or the total check. */
export function isBandColumn(target: string): boolean {
  return /^EHCP /i.test(target) && target !== UNBANDED_EHCP && target !== EHCP_TOTAL_CHECK;
}

/** Groups of two or more columns wanting the same field. */
function conflicts(choices: readonly ColumnChoice[]): ColumnChoice[][] {
  const byTarget = new Map<string, ColumnChoice[]>();
  for (const c of choices) {
    if (c.target === KEEP) continue;
    const k = squash(c.target);
    byTarget.set(k, [...(byTarget.get(k) ?? []), c]);
  }
  return [...byTarget.values()].filter((cs) => cs.length > 1);
}

/** Fields a percentage can be multiplied by: the number on roll, or the phase pupil counts. */
const ROLL_TARGETS = [PUPILS_BY_PHASE, "Primary Pupils", "KS3 Pupils", "KS4 Pupils"];

/** Problems that stop an import: two columns for one field (a question), a percentage with no roll, no Phase. */
export function mappingErrors(choices: readonly ColumnChoice[]): string[] {
  const out: string[] = [];
  for (const cs of conflicts(choices)) {
    const named = cs.map((c) => `column ${c.letter} ('${c.header}')`);
    const answer = cs.map((c, i) => `"${c.header}": "${i === 0 ? c.target : KEEP}"`).join(", ");
    out.push(
      `Which column is ${cs[0].target}? ${named.slice(0, -1).join(", ")} and ${named[named.length - 1]} both fit it: choose one and keep the others as they are (for example {${answer}}).`,
    );
  }
  const roll = choices.some((c) => ROLL_TARGETS.includes(c.target));
  for (const c of choices)
    if (c.percent && c.target !== KEEP && !roll)
      out.push(
        `Column ${c.letter} ('${c.header}') is a percentage, not a count of ${c.target}: it can become pupils only times a number on roll, and no column is the roll. Map the roll (NOR) column, or keep '${c.header}' as it is.`,
      );
  if (choices.some((c) => c.target === EHCP_TOTAL_CHECK) && !choices.some((c) => isBandColumn(c.target)))
    out.push(
      `${choices.find((c) => c.target === EHCP_TOTAL_CHECK)!.header} is a check of the EHCP band columns, and no column is a band: map it to ${UNBANDED_EHCP} to count it.`,
    );
  if (!choices.some((c) => c.target === "Phase"))
    out.push(
      "No column is mapped to Phase: choose the column that says whether each institution is Primary, Secondary, Special, …",
    );
  return out;
}

/** The choices as a saved mapping (every column, kept ones included, so a re-import proposes the same). */
export function savedMapping(choices: readonly ColumnChoice[]): SavedMapping {
  return Object.fromEntries(choices.map((c) => [c.header, c.target]));
}

/** Applies a saved mapping (--mapping file, or the workbook's memory) over a proposal; unknown targets are errors. */
export function withSaved(
  choices: readonly ColumnChoice[],
  saved: SavedMapping,
  allowed: readonly string[],
): { choices: ColumnChoice[]; errors: string[]; missing: string[] } {
  const ok = new Map(allowed.map((t) => [squash(t), t]));
  const errors: string[] = [];
  const bySource = new Map(Object.entries(saved).map(([k, v]) => [squash(k), { k, v }]));
  const out = choices.map((c) => {
    const s = bySource.get(squash(c.header));
    if (!s) return c;
    bySource.delete(squash(c.header));
    const t =
      squash(s.v) === squash(KEEP) || squash(s.v) === squash(KEEP_LABEL)
        ? KEEP
        : (ok.get(squash(s.v)) ?? contractBand(s.v) ?? null);
    if (t === null) {
      errors.push(`mapping: '${s.k}' -> '${s.v}' is not a field; use one of ${allowed.join(", ")} or "${KEEP}"`);
      return c;
    }
    return { ...c, target: t, confidence: 1, why: "as the mapping says" };
  });
  const missing = [...bySource.values()].map(({ k }) => k);
  // a question the mapping answered for one column answers it for the other: it no longer asks
  const groups = new Set(conflicts(out).flatMap((g) => g));
  const settled = out.map((c) =>
    c.why.endsWith("which one?") && !groups.has(c)
      ? { ...c, why: `the only column left for ${c.target} once the mapping chose` }
      : c,
  );
  return { choices: settled, errors, missing };
}
