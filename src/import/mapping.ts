// Proposing which contract field each source column fills: remembered choices first, then the synonym
// list (synonyms.ts), band patterns ("Band 3 EHCPs" -> "EHCP Band 3"), then nearest spelling with a
// confidence. A column nothing matches is proposed as "keep as is": it is kept and reported, never dropped.
import { editDistance } from "../engine/nearest";
import { colLetters } from "../model/a1";
import { FIELD_SYNONYMS, KNOWN_UNUSED, PUPILS_BY_PHASE, UNBANDED_EHCP, squash, withoutAsides } from "./synonyms";

/** The target of a column kept unchanged and not read by the formula. */
export const KEEP = "keep";
export const KEEP_LABEL = "Keep as is (not used by the formula)";

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
}

/** source header (as written) -> target: what a workbook remembers and what --mapping reads */
export type SavedMapping = Record<string, string>;

const IDACI = "ABCDEF".split("").map((b) => `IDACI ${b}`);

/** Every target a column can be given, bands included (the rates' bands plus any the source names). */
export function targetList(
  bands: { ehcp: readonly string[]; senif: readonly string[] },
  extra: readonly string[] = [],
): string[] {
  const list = [
    "Name",
    "URN",
    "Phase",
    "Primary Pupils",
    "KS3 Pupils",
    "KS4 Pupils",
    PUPILS_BY_PHASE,
    "FSM",
    "FSM6",
    ...IDACI,
    "LPA",
    "EAL",
    "SEN Support",
    ...bands.ehcp.map((b) => `EHCP ${b}`),
    UNBANDED_EHCP,
    "Places",
    "Occupied",
    "DAF",
    ...bands.senif.map((b) => `SENIF ${b}`),
    "Students",
    "Months",
  ];
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

function proposeOne(header: string, col: number, remembered: Map<string, string>): ColumnChoice {
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
 * One choice per non-blank header. When two columns want the same target, the surer one keeps it and
 * the other is proposed as "keep" (saying which column took it), so a proposal never has duplicates.
 */
export function proposeMapping(header: readonly string[], remembered: SavedMapping = {}): ColumnChoice[] {
  const mem = new Map(Object.entries(remembered).map(([k, v]) => [squash(k), v]));
  const choices = header.map((h, col) => proposeOne(h.trim(), col, mem)).filter((c) => c.header !== "");
  const byTarget = new Map<string, ColumnChoice>();
  for (const c of [...choices].sort((a, b) => b.confidence - a.confidence || a.col - b.col)) {
    if (c.target === KEEP) continue;
    const key = squash(c.target);
    const taken = byTarget.get(key);
    if (!taken) {
      byTarget.set(key, c);
      continue;
    }
    c.why = `also looked like ${c.target}, which column ${taken.letter} ('${taken.header}') fills`;
    c.target = KEEP;
    c.confidence = 0;
  }
  return choices;
}

/** Problems that stop an import: two columns for one field, no Phase column. */
export function mappingErrors(choices: readonly ColumnChoice[]): string[] {
  const out: string[] = [];
  const byTarget = new Map<string, ColumnChoice[]>();
  for (const c of choices) {
    if (c.target === KEEP) continue;
    const k = squash(c.target);
    byTarget.set(k, [...(byTarget.get(k) ?? []), c]);
  }
  for (const cs of byTarget.values()) {
    if (cs.length > 1) {
      out.push(
        `${cs.map((c) => `column ${c.letter} ('${c.header}')`).join(" and ")} all fill ${cs[0].target}: choose one and keep the others as they are.`,
      );
    }
  }
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
  return { choices: out, errors, missing };
}
