// The mapping an import used, kept in the workbook as a small sheet (values only), so the next import of
// a file with the same headers proposes the same choices and anyone can see where each column went.
import type { RawCell, Rows } from "../model/types";
import { KEEP, KEEP_LABEL, type ColumnChoice, type SavedMapping } from "./mapping";
import { squash } from "./synonyms";

export const MAPPING_SHEET = "Import mapping";
export const MAPPING_HEADER = ["Header in the file", "Imported as", "Column", "Why"] as const;

export function mappingSheetRows(choices: readonly ColumnChoice[], source: string, when: Date): Rows {
  return [
    [...MAPPING_HEADER],
    ...choices.map((c) => [c.header, c.target === KEEP ? KEEP_LABEL : c.target, c.letter, c.why] as RawCell[]),
    [],
    ["Imported from", source],
    ["Imported on", when.toISOString().slice(0, 16).replace("T", " ")],
  ];
}

/** Whether a sheet's first row is a mapping sheet's header. */
export function isMappingHeader(row: readonly unknown[]): boolean {
  return (
    squash(String(row[0] ?? "")) === squash(MAPPING_HEADER[0]) &&
    squash(String(row[1] ?? "")) === squash(MAPPING_HEADER[1])
  );
}

/** The saved mapping in a mapping sheet's rows (up to the first blank row). */
export function readMappingRows(rows: readonly (readonly unknown[])[]): SavedMapping {
  const out: SavedMapping = {};
  for (const r of rows.slice(1)) {
    const h = typeof r[0] === "string" ? r[0].trim() : r[0] == null ? "" : String(r[0]);
    const t = typeof r[1] === "string" ? r[1].trim() : "";
    if (h === "" && t === "") break;
    if (h !== "" && t !== "") out[h] = squash(t) === squash(KEEP_LABEL) ? KEEP : t;
  }
  return out;
}
