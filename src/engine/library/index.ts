// The built-in library: national options, lookup by name, and the rates-table grid a user pastes into Excel.
import { E, must, SendError } from "../errors";
import type { LibraryOption, LibraryValue } from "./types";
import { NATIONAL_2021_22 } from "./national-2021-22";
import { NATIONAL_2022_23 } from "./national-2022-23";
import { NATIONAL_2023_24 } from "./national-2023-24";
import { NATIONAL_2024_25 } from "./national-2024-25";
import { NATIONAL_2025_26 } from "./national-2025-26";
import { NATIONAL_2026_27 } from "./national-2026-27";

export type { LibraryOption, LibraryValue } from "./types";

export const LIBRARY: LibraryOption[] = [
  NATIONAL_2021_22,
  NATIONAL_2022_23,
  NATIONAL_2023_24,
  NATIONAL_2024_25,
  NATIONAL_2025_26,
  NATIONAL_2026_27,
];

const norm = (s: string) => s.trim().toLowerCase();

/** The library option with this name (case-insensitive, trimmed), or #VALUE! listing the options. */
export function libraryOption(name: string): LibraryOption | SendError {
  const found = LIBRARY.find((o) => norm(o.name) === norm(name));
  return (
    found ??
    E.unknownOption(
      "option",
      name,
      LIBRARY.map((o) => o.name),
    )
  );
}

/** Grid sections, in order; a key belongs to the first section with a matching pattern. */
const SECTIONS: { title: string; patterns: RegExp[] }[] = [
  { title: "General", patterns: [/^inherits$/, /^year$/, /^round\.to$/] },
  { title: "Schools formula", patterns: [/^be\./, /^(fsm|fsm6|lpa|eal)\./, /^idaci\./, /^lumpsum\./] },
  { title: "Notional SEN", patterns: [/^notional\./, /^element2\./] },
  { title: "Place funding", patterns: [/^place\.(special|ap)$/, /^place\.rb\./, /^place\.fe$/] },
  { title: "Top-up", patterns: [/^topup\./, /^band\./] },
  { title: "Early intervention", patterns: [/^ei\./] },
  { title: "Early years", patterns: [/^ey\.daf$/, /^ey\.senif\./, /^ey\.weeks$/] },
  { title: "16-19", patterns: [/^fe\.rate$/, /^fe\.weighting$/, /^fe\.area$/] },
  { title: "Projection", patterns: [/^proj\./] },
];
const OTHER = "Other";

/** Where a key sorts: section index, then pattern index (then the key's first-seen position). */
function placeOf(key: string): { section: number; pattern: number } {
  for (let s = 0; s < SECTIONS.length; s++) {
    const p = SECTIONS[s].patterns.findIndex((re) => re.test(key));
    if (p >= 0) return { section: s, pattern: p };
  }
  return { section: SECTIONS.length, pattern: 0 };
}

/** The named options plus any options they inherit from (appended), so the table is self-contained. */
function withAncestors(options: LibraryOption[]): LibraryOption[] {
  const out = [...options];
  for (let i = 0; i < out.length; i++) {
    const parent = out[i].inherits;
    if (parent !== undefined && !out.some((o) => norm(o.name) === norm(parent))) out.push(must(libraryOption(parent)));
  }
  return out;
}

/** The `inherits` and `year` keys are the option's own fields; present them as value rows like any other key. */
function valuesOf(o: LibraryOption): LibraryValue[] {
  const own: LibraryValue[] = [];
  if (o.inherits !== undefined) {
    own.push({
      key: "inherits",
      value: o.inherits,
      unit: "option name",
      status: "V",
      source: "",
      description: "Option whose values fill this option's blank cells",
    });
  }
  if (o.fy !== undefined) {
    own.push({
      key: "year",
      value: o.fy,
      unit: "year",
      status: "V",
      source: "",
      description: "Financial year the option prices (2025 -> 2025-26, April to March)",
    });
  }
  return [...own, ...o.values];
}

/**
 * A rates table as a user sees it in Excel: header `Factor | Description | Unit | Source | <options…>`,
 * one row per key (union over the options, grouped under blank-Factor section headings), blank cells
 * where an option lacks a key. Description and Unit come from the first option defining the key;
 * Source joins the distinct URLs with "; ". Defaults to every library option. An unknown name fails
 * (engine control flow: wrap in `attempt`).
 */
export function libraryRatesGrid(names: string[] = LIBRARY.map((o) => o.name)): (string | number | null)[][] {
  const options = withAncestors(names.map((n) => must(libraryOption(n))));
  const byKey = new Map<string, { first: LibraryValue; sources: string[]; cells: (string | number | null)[] }>();
  options.forEach((o, col) => {
    for (const v of valuesOf(o)) {
      let entry = byKey.get(v.key);
      if (!entry) {
        entry = { first: v, sources: [], cells: options.map(() => null) };
        byKey.set(v.key, entry);
      }
      if (v.source && !entry.sources.includes(v.source)) entry.sources.push(v.source);
      entry.cells[col] = v.value;
    }
  });

  const keys = [...byKey.keys()]
    .map((key, seen) => ({ key, seen, ...placeOf(key) }))
    .sort((a, b) => a.section - b.section || a.pattern - b.pattern || a.seen - b.seen);

  const blank = options.map(() => null);
  const grid: (string | number | null)[][] = [
    ["Factor", "Description", "Unit", "Source", ...options.map((o) => o.name)],
  ];
  let section = -1;
  for (const k of keys) {
    if (k.section !== section) {
      section = k.section;
      grid.push([null, SECTIONS[section]?.title ?? OTHER, null, null, ...blank]);
    }
    const e = byKey.get(k.key)!;
    grid.push([k.key, e.first.description, e.first.unit, e.sources.length ? e.sources.join("; ") : null, ...e.cells]);
  }
  return grid;
}

/** The national option a new model starts from (the pane, the preview and `import` without --national). */
export const DEFAULT_NATIONAL: string = LIBRARY.find((o) => o.name.includes("2024-25"))?.name ?? LIBRARY[0].name;
