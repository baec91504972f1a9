// The Institutions sheet: the contract's field headers (section 3) in a fixed, readable order.
import { institutionHeaders } from "../engine/fields";
import { normKey, normLabel } from "../engine/normalize";
import type { Rows } from "./types";

export interface Bands {
  /** labels after "EHCP " in headers, e.g. ["Band 1", "Band 2"] */
  ehcp: string[];
  /** labels after "SENIF " in headers */
  senif: string[];
}

export const DEFAULT_BANDS: Bands = { ehcp: ["Band 1", "Band 2", "Band 3"], senif: ["Band 1", "Band 2"] };

/** The Institutions sheet's headers for these bands (the engine's one list, engine/fields.ts). */
export function institutionsHeader(bands: Bands = DEFAULT_BANDS): string[] {
  return institutionHeaders(bands);
}

/** "band1" -> "Band 1"; other labels are kept as written. */
function prettyBand(label: string): string {
  const m = /^band[\s_-]*(\w+)$/i.exec(label.trim());
  return m ? `Band ${m[1]}` : label.trim();
}

/**
 * The band labels a rates table prices: `topup.<setting>.<band>` for EHCP bands and `ey.senif.<band>`
 * for SENIF bands (deduplicated the way the contract matches labels). Falls back to DEFAULT_BANDS
 * for a kind the table does not price at all.
 */
export function bandsFromRates(grid: Rows): Bands {
  const header = (grid[0] ?? []).map((h) => (typeof h === "string" ? normKey(h) : ""));
  const fc = header.indexOf("factor");
  const ehcp = new Map<string, string>();
  const senif = new Map<string, string>();
  if (fc >= 0) {
    for (const row of grid.slice(1)) {
      const key = typeof row[fc] === "string" ? (row[fc] as string).trim() : "";
      const top = /^topup\.[^.]+\.([^.]+)$/i.exec(key);
      const sen = /^ey\.senif\.([^.]+)$/i.exec(key);
      if (top && !ehcp.has(normLabel(top[1]))) ehcp.set(normLabel(top[1]), prettyBand(top[1]));
      if (sen && !senif.has(normLabel(sen[1]))) senif.set(normLabel(sen[1]), prettyBand(sen[1]));
    }
  }
  return {
    ehcp: ehcp.size ? [...ehcp.values()] : [...DEFAULT_BANDS.ehcp],
    senif: senif.size ? [...senif.values()] : [...DEFAULT_BANDS.senif],
  };
}

/** Position (0-based) of a header in a header row, matched the contract's way; -1 when absent. */
export function headerIndex(header: readonly unknown[], name: string): number {
  const want = normLabel(name);
  return header.findIndex((h) => typeof h === "string" && normLabel(h) === want);
}

/** A data row in header order from a record keyed by header text (missing fields are blank). */
export function rowFromRecord(
  header: readonly string[],
  record: Record<string, string | number | null | undefined>,
): Rows[number] {
  const byNorm = new Map(Object.entries(record).map(([k, v]) => [normLabel(k), v]));
  return header.map((h) => {
    const v = byNorm.get(normLabel(h));
    return v === undefined ? null : v;
  });
}
