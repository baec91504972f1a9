// The rates as grids an officer recognises: top-up £ by band and setting, place funding by setting and
// the early-years rates, each cell labelled in words with its dotted key underneath (contract
// section 2). Pure: reads a discovered RatesInfo, writes nothing (the Rates screen writes through setRate).
import { findKeyInfo, SUGGESTIBLE_KEYS } from "../../engine/keys";
import { normKey, normLabel } from "../../engine/normalize";
import { SETTINGS } from "../../engine/types";
import { DEFAULT_BANDS, headerIndex } from "../../model/institutions";
import type { CellValue } from "../ports/WorkbookPort";
import { effectiveValue, findOption, keyRow, type RatesInfo } from "./discover";
import { bandWords, keyInWords, PLACE_WORDS, SETTING_WORDS } from "../../model/rateWords";

export { keyInWords };

export interface MatrixCell {
  key: string;
  /** "Top-up, Band 3, Special school" */
  label: string;
  unit: string;
  /** the option's own value ("" when it inherits or the key has no row yet) */
  own: CellValue;
  /** what the option gets after inheritance, and from which option */
  effective: { value: CellValue; from: string } | null;
}

export interface Matrix {
  id: "topup" | "place" | "ey";
  title: string;
  /** column headings (settings for top-up; a single value column otherwise) */
  columns: string[];
  rows: { label: string; cells: MatrixCell[] }[];
}

/** A band label as it goes inside a key ("Band 3" -> "band3"). */
const bandKeyPart = (label: string) =>
  label
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");

/**
 * The bands of one family to show: the band part of every rates key `keyPattern` matches, as written, then the bands
 * of the institutions' headers `headerPattern` matches, else the defaults, in a natural order.
 */
function bandsOf(
  rates: RatesInfo,
  institutionsHeader: readonly string[],
  keyPattern: RegExp,
  headerPattern: RegExp,
  defaults: readonly string[],
): string[] {
  const seen = new Map<string, string>();
  for (const { key } of rates.keys) {
    const m = keyPattern.exec(key.trim());
    if (m && !seen.has(normLabel(m[1]))) seen.set(normLabel(m[1]), m[1]);
  }
  for (const h of institutionsHeader) {
    const m = headerPattern.exec(h.trim());
    if (m && !seen.has(normLabel(m[1]))) seen.set(normLabel(m[1]), bandKeyPart(m[1]));
  }
  if (seen.size === 0) for (const b of defaults) seen.set(normLabel(b), bandKeyPart(b));
  return [...seen.values()].sort((a, b) => a.localeCompare(b, "en", { numeric: true, sensitivity: "base" }));
}

/** EHCP bands: `topup.<setting>.<band>` rows, then "EHCP <band>" headers, else the default three. */
export function ehcpBands(rates: RatesInfo, institutionsHeader: readonly string[] = []): string[] {
  return bandsOf(rates, institutionsHeader, /^topup\.[^.]+\.([^.]+)$/i, /^EHCP[\s_-]+(.+)$/i, DEFAULT_BANDS.ehcp);
}

/** SENIF bands: `ey.senif.<band>` rows, then "SENIF <band>" headers, else the defaults. */
export function senifBands(rates: RatesInfo, institutionsHeader: readonly string[] = []): string[] {
  return bandsOf(rates, institutionsHeader, /^ey\.senif\.([^.]+)$/i, /^SENIF[\s_-]+(.+)$/i, DEFAULT_BANDS.senif);
}

function cell(rates: RatesInfo, option: string, key: string, label: string): MatrixCell {
  const row = keyRow(rates, key);
  const o = findOption(rates, option);
  const own = row >= 0 && o ? (rates.grid[row]?.[o.col - 1] ?? null) : null;
  return {
    key,
    label,
    unit: findKeyInfo(key)?.unit ?? "",
    own: own === "" ? null : own,
    effective: effectiveValue(rates, option, key),
  };
}

/** Settings with a top-up row in the table (filled in or waiting to be), in contract order ("all" last); every setting
 * when `every`. */
export function topupSettings(rates: RatesInfo, every = false): string[] {
  const used = new Set<string>();
  for (const { key } of rates.keys) {
    const m = /^topup\.([^.]+)\.[^.]+$/i.exec(key.trim());
    if (m) used.add(normKey(m[1]));
  }
  const order = [...SETTINGS, "all"];
  return every || used.size === 0 ? order : order.filter((s) => used.has(s));
}

export function topupMatrix(
  rates: RatesInfo,
  option: string,
  opts: { header?: readonly string[]; everySetting?: boolean } = {},
): Matrix {
  const settings = topupSettings(rates, opts.everySetting);
  return {
    id: "topup",
    title: "Top-up (element 3) per pupil a year, by band and setting",
    columns: settings.map((s) => SETTING_WORDS[s] ?? s),
    rows: ehcpBands(rates, opts.header).map((band) => ({
      label: bandWords(band),
      cells: settings.map((s) =>
        cell(rates, option, `topup.${s}.${band}`, `Top-up, ${bandWords(band)}, ${SETTING_WORDS[s] ?? s}`),
      ),
    })),
  };
}

export function placeMatrix(rates: RatesInfo, option: string): Matrix {
  return {
    id: "place",
    title: "Place funding per place a year",
    columns: ["£ per place"],
    rows: PLACE_WORDS.map(([key, label]) => ({ label, cells: [cell(rates, option, key, `Place funding, ${label}`)] })),
  };
}

export function earlyYearsMatrix(rates: RatesInfo, option: string, header: readonly string[] = []): Matrix {
  return {
    id: "ey",
    title: "Early years",
    columns: ["Rate"],
    rows: [
      ...senifBands(rates, header).map((band) => ({
        label: `SEN inclusion fund, ${bandWords(band)} (£ an hour)`,
        cells: [cell(rates, option, `ey.senif.${band}`, `SEN inclusion fund, ${bandWords(band)}`)],
      })),
      {
        label: "Disability Access Fund (£ a child a year)",
        cells: [cell(rates, option, "ey.daf", "Disability Access Fund")],
      },
      { label: "Funded weeks a year", cells: [cell(rates, option, "ey.weeks", "Funded weeks a year")] },
    ],
  };
}

export function allMatrices(
  rates: RatesInfo,
  option: string,
  opts: { header?: readonly string[]; everySetting?: boolean } = {},
): Matrix[] {
  return [topupMatrix(rates, option, opts), placeMatrix(rates, option), earlyYearsMatrix(rates, option, opts.header)];
}

/** The words behind a key's parts, so "band 3 top up" finds topup.special.band3. */
const PART_WORDS: Record<string, string> = {
  topup: "top up topup",
  place: "place places",
  ey: "early years ey",
  senif: "sen inclusion fund senif",
  daf: "disability access fund daf",
  weeks: "weeks",
  be: "basic entitlement awpu",
  fsm: "free school meals fsm",
  fsm6: "ever 6 fsm6",
  lpa: "low prior attainment lpa",
  eal: "english additional language eal",
  idaci: "idaci deprivation",
  lumpsum: "lump sum",
  notional: "notional sen",
  rb: "resourced provision unit rb",
  ap: "alternative provision pru ap",
  fe: "further education college post 16 fe",
  isp: "independent non maintained isp",
  mainstream: "mainstream school",
  special: "special school",
  all: "all any fallback",
  proj: "projection",
  grant: "grant",
  growth: "growth",
  inflation: "inflation",
  occupied: "occupied",
  unoccupied: "unoccupied",
  ei: "early intervention ei",
  inherits: "inherits parent",
  round: "rounding round",
  band: "band threshold score",
};

const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/([a-z])(\d)/g, "$1 $2")
    .split(/[^a-z0-9£%]+/)
    .filter(Boolean);

/** A band key part in words: "bandc" -> band, c (so "band c" finds it in any order). */
const bandPart = (p: string) => {
  const m = /^band[\s_-]*([a-z0-9]+)$/.exec(p);
  return m ? ["band", m[1]] : [];
};

export interface KeySuggestion {
  key: string;
  words: string;
  unit: string;
  inTable: boolean;
}

/**
 * Keys matching words an officer types, in any order, best first: every word must appear in the key's parts,
 * their words or the catalogue description; a key already in the table ranks above a catalogue example.
 * A dotted key typed as such is matched on its own parts, so "topup.special" works too.
 */
export function searchKeys(
  query: string,
  rates: RatesInfo | undefined,
  limit = 8,
  institutionsHeader: readonly string[] = [],
): KeySuggestion[] {
  const q = words(query.replace(/\btop[\s-]*up\b/gi, "topup"));
  if (q.length === 0) return [];
  const candidates = new Map<string, boolean>();
  for (const k of rates?.keys ?? []) if (findKeyInfo(k.key)) candidates.set(k.key.trim(), true);
  const bands = rates ? ehcpBands(rates, institutionsHeader) : ["band1", "band2", "band3"];
  const senif = rates ? senifBands(rates, institutionsHeader) : ["band1", "band2"];
  // banded keys with this table's own bands, not the catalogue's example labels
  const extra = [
    ...SUGGESTIBLE_KEYS.filter((k) => !/^(topup|ey\.senif)\./.test(k)),
    ...[...SETTINGS, "all"].flatMap((s) => bands.map((b) => `topup.${s}.${b}`)),
    ...senif.map((b) => `ey.senif.${b}`),
  ];
  for (const k of extra) if (![...candidates.keys()].some((c) => normKey(c) === normKey(k))) candidates.set(k, false);
  const scored: { s: KeySuggestion; score: number }[] = [];
  for (const [key, inTable] of candidates) {
    const info = findKeyInfo(key);
    if (!info || info.kind === "text") continue;
    const own = new Set(
      key
        .toLowerCase()
        .split(".")
        .flatMap((p) => [p, ...words(p), ...bandPart(p), ...words(PART_WORDS[p] ?? "")]),
    );
    const desc = new Set(words(`${info.description} ${keyInWords(key)}`));
    let score = 0;
    let all = true;
    for (const w of q) {
      if (own.has(w)) score += 3;
      else if (desc.has(w)) score += 1;
      else all = false;
    }
    if (all)
      scored.push({ s: { key, words: keyInWords(key), unit: info.unit, inTable }, score: score + (inTable ? 0.5 : 0) });
  }
  return scored
    .sort((x, y) => y.score - x.score || x.s.key.localeCompare(y.s.key, "en", { numeric: true }))
    .slice(0, limit)
    .map((x) => x.s);
}

/** The institutions header, for bands an officer's data uses but the table does not price yet. */
export function headerOf(model: { institutions?: { header: string[] } } | null): string[] {
  const h = model?.institutions?.header ?? [];
  return headerIndex(h, "Name") >= 0 ? h : [];
}
