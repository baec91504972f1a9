// `--out` that keeps what it does not compute. Instead of re-serialising the workbook (exceljs drops charts,
// rewrites formula text, loses legacy protection passwords and dynamic-array metadata), the recalculated values
// are patched into the original package: in each worksheet part only the cached value (<v>) and its type (t=)
// of formula cells and spilled cells change, plus the ref= of an array formula whose spill changed size. Every
// other part (charts, drawings, comments, tables, styles, metadata, defined names) is copied byte for byte.
// When a spill now covers a cell the file does not have, the patch cannot apply and the caller falls back.
import JSZip from "jszip";
import type { CellResult } from "./cells";
import { FILE_ERRORS } from "./cells";
import { sheetParts } from "./dynamicArrays";
import type { SheetSnapshot } from "./bridge";
import { cellA1, cellsOf, parseCellOrThrow, parseRangeOrThrow } from "../../util/a1";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * What changes in one sheet: value by cell ("B7"), the new ref of array anchors whose spill changed, and the old
 * spills whose cells are cleared unless `values` sets them (ranges, so a ref of A1:XFD1048576 costs only the cells
 * the file holds).
 */
export interface SheetPatch {
  values: ReadonlyMap<string, CellResult>;
  refs: ReadonlyMap<string, string>;
  clear?: readonly { anchor: string; ref: string }[];
}

/** t= and the children replacing <v> for a value; `formula` cells use t="str" for text, others inline text. */
function valueXml(v: CellResult, formula: boolean): { t?: string; inner: string } {
  if (v === null || v === undefined) return { inner: "" };
  if (typeof v === "number") return Number.isFinite(v) ? { inner: `<v>${v}</v>` } : { t: "e", inner: "<v>#NUM!</v>" };
  if (typeof v === "boolean") return { t: "b", inner: `<v>${v ? 1 : 0}</v>` };
  if (typeof v === "string")
    return formula
      ? { t: "str", inner: `<v>${esc(v)}</v>` }
      : { t: "inlineStr", inner: `<is><t xml:space="preserve">${esc(v)}</t></is>` };
  return { t: "e", inner: `<v>${FILE_ERRORS.includes(v.error) ? v.error : "#VALUE!"}</v>` };
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

/** Patches one worksheet's XML; returns undefined when a cell to set is not in it. */
export function patchSheetXml(xml: string, patch: SheetPatch): string | undefined {
  const seen = new Set<string>();
  const cleared = (patch.clear ?? []).map((c) => ({ anchor: c.anchor, box: parseRangeOrThrow(c.ref) }));
  const inCleared = (ref: string) => {
    if (cleared.length === 0) return false;
    const { row: r, col: c } = parseCellOrThrow(ref);
    return cleared.some(
      (x) => x.anchor !== ref && r >= x.box.top && r <= x.box.bottom && c >= x.box.left && c <= x.box.right,
    );
  };
  const out = xml.replace(CELL, (whole, attrs: string, body: string | undefined) => {
    const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
    if (!ref) return whole;
    if (!patch.values.has(ref)) {
      if (!inCleared(ref)) return whole;
      const rest = (body ?? "").replace(/<v>[\s\S]*?<\/v>|<v\/>/, "").replace(/<is>[\s\S]*?<\/is>/, "");
      return `<c${attrs.replace(/\s+t="[^"]*"/, "")}>${rest}</c>`;
    }
    seen.add(ref);
    const inner = body ?? "";
    const f = /<f\b[^>]*\/>|<f\b[^>]*>[\s\S]*?<\/f>/.exec(inner)?.[0];
    let fXml = f ?? "";
    const newRef = patch.refs.get(ref);
    if (f && newRef) fXml = f.replace(/\bref="[^"]*"/, `ref="${newRef}"`);
    const { t, inner: v } = valueXml(patch.values.get(ref)!, f !== undefined);
    const rest = inner
      .replace(/<f\b[^>]*\/>|<f\b[^>]*>[\s\S]*?<\/f>/, "")
      .replace(/<v>[\s\S]*?<\/v>|<v\/>/, "")
      .replace(/<is>[\s\S]*?<\/is>/, "");
    const a = attrs.replace(/\s+t="[^"]*"/, "") + (t ? ` t="${t}"` : "");
    return `<c${a}>${fXml}${v}${rest}</c>`;
  });
  // a blank result needs no cell; any other result in a cell the file lacks cannot be patched in
  for (const [ref, v] of patch.values) if (!seen.has(ref) && v !== null) return undefined;
  return out;
}

/**
 * The original package with new cached values; undefined when some sheet cannot be patched (a spill grew
 * into cells the file does not have), so the caller re-serialises instead.
 */
export async function patchPackage(
  original: Buffer,
  patches: ReadonlyMap<string, SheetPatch>,
): Promise<Buffer | undefined> {
  const zip = await JSZip.loadAsync(original);
  const parts = await sheetParts(zip);
  for (const [sheet, patch] of patches) {
    const part = parts.get(sheet);
    const file = part ? zip.file(part) : null;
    if (!file) return undefined;
    const xml = patchSheetXml(await file.async("string"), patch);
    if (xml === undefined) return undefined;
    zip.file(part!, xml);
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/**
 * The patches for snapshots of a workbook read from a file (`arrays`: its array formulas as saved, by sheet).
 * Undefined when a formula spills now but was not an array formula in the file (it needs new XML).
 */
export function patchesOf(
  snaps: readonly SheetSnapshot[],
  arrays: ReadonlyMap<string, ReadonlyMap<string, string>>,
): Map<string, SheetPatch> | undefined {
  const out = new Map<string, SheetPatch>();
  for (const s of snaps) {
    const values = new Map<string, CellResult>();
    const refs = new Map<string, string>();
    const old = arrays.get(s.name) ?? new Map<string, string>();
    const valueAt = (ref: string) => {
      const { row: r, col: c } = parseCellOrThrow(ref);
      return s.values[r - 1]?.[c - 1] ?? null;
    };
    s.cells.forEach((row, r) =>
      row.forEach((raw, c) => {
        if (typeof raw === "string" && raw.startsWith("=")) values.set(cellA1(r + 1, c + 1), s.values[r]?.[c] ?? null);
      }),
    );
    for (const [anchor, ref] of s.spills) {
      if (!old.has(anchor)) return undefined;
      if (old.get(anchor) !== ref) refs.set(anchor, ref);
      for (const cell of cellsOf(ref)) values.set(cell, valueAt(cell));
    }
    for (const [anchor, ref] of old) if (!s.spills.has(anchor) && ref.includes(":")) refs.set(anchor, anchor);
    // old spills: their cells are cleared unless set above
    const clear = [...old].filter(([, ref]) => ref.includes(":")).map(([anchor, ref]) => ({ anchor, ref }));
    out.set(s.name, { values, refs, clear });
  }
  return out;
}
