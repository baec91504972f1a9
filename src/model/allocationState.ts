// How the allocations of a model stand, per option, in one line each: how many institutions, how many
// allocations are errors and why, grouped ("top-up rates missing for bands A-E"), so an import or a
// publish never ends on "Wrote …" while every allocation is #N/A. Pure: the CLI and the pane feed it values.
import { allocationColumns, type SheetRead } from "./publishBook";

export interface OptionState {
  option: string;
  /** allocation cells (one per institution row) */
  rows: number;
  errors: number;
  /** the errors grouped by cause, most frequent first: "top-up rates missing for bands A-E", "3 × …" */
  causes: string[];
}

const MISSING_TOPUP = /has no rate 'topup\.[a-z0-9]+\.([a-z0-9]+)'/i;

/** "banda" -> "A", "band3" -> "3", anything else as written. */
function bandOf(suffix: string): string {
  const m = /^band([a-z0-9]+)$/i.exec(suffix);
  return m ? m[1].toUpperCase() : suffix;
}

/** ["A","B","C","E"] -> "A-C and E"; a run of three or more consecutive letters or numbers is a range. */
export function bandRanges(bands: readonly string[]): string {
  const code = (b: string) => (/^\d+$/.test(b) ? Number(b) : b.length === 1 ? b.charCodeAt(0) : NaN);
  const parts: string[] = [];
  for (let i = 0; i < bands.length;) {
    let j = i;
    while (j + 1 < bands.length && code(bands[j + 1]) === code(bands[j]) + 1) j++;
    if (j - i >= 2) parts.push(`${bands[i]}-${bands[j]}`);
    else parts.push(...bands.slice(i, j + 1));
    i = j + 1;
  }
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}` : (parts[0] ?? "");
}

function causesOf(
  errors: readonly { error: string; message?: string }[],
  blankTopups: readonly string[],
  where: string,
): string[] {
  const bands = new Set<string>();
  const other = new Map<string, number>();
  for (const e of errors) {
    const m = MISSING_TOPUP.exec(e.message ?? "");
    if (m) bands.add(bandOf(m[1]));
    else {
      // the first sentence says the cause; the rest lists the valid values
      const first = (e.message ?? "").replace(/\s*\(needed for.*$/s, "").replace(/\.\s.*$/s, "");
      const text = `${e.error}${first ? ` ${first}` : ""}`;
      other.set(text, (other.get(text) ?? 0) + 1);
    }
  }
  // a cell names only its first missing rate: the caller knows every blank top-up row
  if (bands.size) for (const b of blankTopups) bands.add(bandOf(b));
  const sorted = [...bands].sort((a, b) => (/^\d+$/.test(a) && /^\d+$/.test(b) ? +a - +b : a.localeCompare(b)));
  const out: string[] = [];
  if (sorted.length)
    out.push(
      `top-up rates missing for band${sorted.length > 1 ? "s" : ""} ${bandRanges(sorted)} (set them on ${where})`,
    );
  for (const [text, n] of [...other].sort((a, b) => b[1] - a[1])) out.push(n > 1 ? `${n} × ${text}` : text);
  return out;
}

/**
 * Each option column of an Allocations-like sheet (an allocation formula under its header). `where` says
 * where rates are set ("the Rates sheet"); `blankTopups` are the band suffixes of top-up rows known blank
 * ("banda"), named with those the errors show.
 */
export function allocationStates(sheet: SheetRead, where: string, blankTopups: readonly string[] = []): OptionState[] {
  let last = sheet.values.length;
  while (last > 1 && (sheet.values[last - 1] ?? []).every((c) => c === null || c === "")) last--;
  const data = sheet.values.slice(1, last);
  return allocationColumns(sheet).map(({ option, col }) => {
    const cells = data.map((r) => r[col] ?? null);
    const errors = cells.filter((c): c is { error: string; message?: string } => c !== null && typeof c === "object");
    return { option, rows: cells.length, errors: errors.length, causes: causesOf(errors, blankTopups, where) };
  });
}

/** "40 institutions, 40 allocations in error under Option A: top-up rates missing for bands A-E (set them on …)" */
export function stateLine(s: OptionState): string {
  const n = `${s.rows} institution${s.rows === 1 ? "" : "s"}`;
  if (s.errors === 0) return `${n}, every allocation under ${s.option} calculated.`;
  const what = s.errors === s.rows ? `${s.errors} allocations` : `${s.errors} of ${s.rows} allocations`;
  return `${n}, ${what} in error under ${s.option}: ${s.causes.join("; ")}.`;
}

/** True when an option has rows and every one of them is an error (nothing of it can be published). */
export const allInError = (s: OptionState): boolean => s.rows > 0 && s.errors === s.rows;
