// `--out` that keeps what it does not compute. Instead of re-serialising the workbook (exceljs drops charts,
// rewrites formula text, loses legacy protection passwords and dynamic-array metadata), the recalculated values
// are patched into the original package: in each worksheet part only the cached value (<v>) and its type (t=)
// of formula cells and spilled cells change, plus the ref= of an array formula whose spill changed size. Every
// other part (charts, drawings, comments, tables, styles, metadata, defined names) is copied byte for byte.
// A spill that grew past the cells the file has gets new cells (io/sheetRows.ts: in row and column order, styled as
// their row or column, the <dimension> grown); a formula that spills for the first time becomes a dynamic array.
// What still cannot be patched (a shared formula that now spills) is refused, naming the cell: never re-serialised.
import JSZip from "jszip";
import type { CellResult } from "./cells";
import { FILE_ERRORS } from "./cells";
import { addDynamicArrayMetadata, META_PART, sheetParts } from "./dynamicArrays";
import { defaultStyles, editRows, growDimension, sheetDataOf } from "./sheetRows";
import type { SheetSnapshot } from "./bridge";
import { cellA1, cellsOf, parseCellOrThrow, parseRangeOrThrow } from "../../util/a1";
import { escapeXml } from "./xmlText";

/**
 * What changes in one sheet: value by cell ("B7"), the new ref of array anchors whose spill changed, and the old
 * spills whose cells are cleared unless `values` sets them (ranges, so a ref of A1:XFD1048576 costs only the cells
 * the file holds).
 */
export interface SheetPatch {
  values: ReadonlyMap<string, CellResult>;
  refs: ReadonlyMap<string, string>;
  clear?: readonly { anchor: string; ref: string }[];
  /** formulas that spill now but were plain formulas in the file: anchor -> spill (they become dynamic arrays) */
  arrays?: ReadonlyMap<string, string>;
}

/** t= and the children replacing <v> for a value; `formula` cells use t="str" for text, others inline text. */
function valueXml(v: CellResult, formula: boolean): { t?: string; inner: string } {
  if (v === null || v === undefined) return { inner: "" };
  if (typeof v === "number") return Number.isFinite(v) ? { inner: `<v>${v}</v>` } : { t: "e", inner: "<v>#NUM!</v>" };
  if (typeof v === "boolean") return { t: "b", inner: `<v>${v ? 1 : 0}</v>` };
  if (typeof v === "string")
    return formula
      ? { t: "str", inner: `<v>${escapeXml(v)}</v>` }
      : { t: "inlineStr", inner: `<is><t xml:space="preserve">${escapeXml(v)}</t></is>` };
  return { t: "e", inner: `<v>${FILE_ERRORS.includes(v.error) ? v.error : "#VALUE!"}</v>` };
}

const F = /<f\b[^>]*\/>|<f\b[^>]*>[\s\S]*?<\/f>/;
const V = /<v>[\s\S]*?<\/v>|<v\/>/;
const IS = /<is>[\s\S]*?<\/is>/;

export type Patched = { xml: string } | { problem: string };

/**
 * Patches one worksheet's XML: cached values, array refs, formulas that now spill marked as dynamic arrays
 * (`cm`: the file's dynamic-array cell-metadata index), and cells the file lacks created in row and column order
 * (with their row's or column's style) with the <dimension> grown to them. A `problem` when the patch cannot be
 * applied without changing a formula (a shared formula that now spills).
 */
export function patchSheetXml(xml: string, patch: SheetPatch, opts: { sheet?: string; cm?: number } = {}): Patched {
  const sheet = opts.sheet ?? "the sheet";
  const cleared = (patch.clear ?? []).map((c) => ({ anchor: c.anchor, box: parseRangeOrThrow(c.ref) }));
  const inCleared = (ref: string) => {
    if (cleared.length === 0) return false;
    const { row: r, col: c } = parseCellOrThrow(ref);
    return cleared.some(
      (x) => x.anchor !== ref && r >= x.box.top && r <= x.box.bottom && c >= x.box.left && c <= x.box.right,
    );
  };
  const wanted = new Map<number, number[]>();
  for (const [ref, v] of patch.values) {
    if (v === null) continue; // a blank result needs no cell
    const { row, col } = parseCellOrThrow(ref);
    const cols = wanted.get(row) ?? [];
    cols.push(col);
    wanted.set(row, cols);
  }
  for (const cols of wanted.values()) cols.sort((a, b) => a - b);
  const data = sheetDataOf(xml);
  if (!data) {
    if (wanted.size === 0) return { xml };
    return { problem: `sheet '${sheet}' has no <sheetData> to hold its values` };
  }
  let problem: string | undefined;
  const edit = (ref: string, attrs: string, body: string | undefined): string | undefined => {
    if (!patch.values.has(ref)) {
      if (!inCleared(ref)) return undefined;
      const rest = (body ?? "").replace(V, "").replace(IS, "");
      return `<c${attrs.replace(/\s+t="[^"]*"/, "")}>${rest}</c>`;
    }
    const inner = body ?? "";
    const f = F.exec(inner)?.[0];
    let fXml = f ?? "";
    let a = attrs.replace(/\s+t="[^"]*"/, "");
    const newRef = patch.refs.get(ref);
    if (f && newRef) fXml = f.replace(/\bref="[^"]*"/, `ref="${newRef}"`);
    const spill = patch.arrays?.get(ref);
    if (f && spill) {
      // a formula that spills now but was saved as a plain formula becomes a dynamic array, as Excel saves one
      if (/\bt="shared"/.test(f)) {
        problem ??= `${sheet}!${ref}: its formula is shared with other cells and now spills over ${spill}; the file cannot be patched without rewriting those formulas`;
      } else if (opts.cm === undefined) {
        problem ??= `${sheet}!${ref}: its formula now spills over ${spill}, and the file's metadata has no dynamic-array record to mark it with`;
      } else {
        const open = /^<f\b([^>]*?)(\/?)>/.exec(f)!;
        const kept = open[1].replace(/\s+(t|ref)="[^"]*"/g, "");
        fXml = `<f t="array" ref="${spill}"${kept}${open[2]}>${f.slice(open[0].length)}`;
        if (!/\bcm="/.test(a)) a += ` cm="${opts.cm}"`;
      }
    }
    const { t, inner: v } = valueXml(patch.values.get(ref)!, f !== undefined);
    const rest = inner.replace(F, "").replace(V, "").replace(IS, "");
    return `<c${a}${t ? ` t="${t}"` : ""}>${fXml}${v}${rest}</c>`;
  };
  const styleOf = defaultStyles(xml, data.inner);
  const create = (ref: string) => {
    const { row, col } = parseCellOrThrow(ref);
    const s = styleOf(row, col);
    const { t, inner } = valueXml(patch.values.get(ref)!, false);
    return `<c r="${ref}"${s ? ` s="${s}"` : ""}${t ? ` t="${t}"` : ""}>${inner}</c>`;
  };
  const rows = editRows(data.inner, { edit, wanted, create });
  if (problem) return { problem };
  const out = data.before + rows.inner + data.after;
  return { xml: rows.bottom ? growDimension(out, rows.bottom, rows.right) : out };
}

/** The cm= index of the file's dynamic-array cell metadata (XLDAPR), or undefined when it has none. */
export function dynamicArrayCm(metadata: string): number | undefined {
  const types = [...metadata.matchAll(/<metadataType\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);
  const t = types.indexOf("XLDAPR") + 1;
  if (t === 0) return undefined;
  const future = /<futureMetadata\b[^>]*\bname="XLDAPR"[^>]*>([\s\S]*?)<\/futureMetadata>/.exec(metadata)?.[1] ?? "";
  const v = [...future.matchAll(/<bk>([\s\S]*?)<\/bk>/g)].findIndex((m) => /\bfDynamic="1"/.test(m[1]));
  if (v < 0) return undefined;
  const cells = /<cellMetadata\b[^>]*>([\s\S]*?)<\/cellMetadata>/.exec(metadata)?.[1] ?? "";
  const i = [...cells.matchAll(/<bk>([\s\S]*?)<\/bk>/g)].findIndex((m) =>
    new RegExp(`<rc\\b(?=[^>]*\\bt="${t}")(?=[^>]*\\bv="${v}")[^>]*/>`).test(m[1]),
  );
  return i < 0 ? undefined : i + 1;
}

/**
 * The original package with new cached values, or the first problem that stops it (nothing is then written:
 * the caller refuses, naming the sheet and cell, rather than re-serialise and lose parts).
 */
export async function patchPackage(
  original: Buffer,
  patches: ReadonlyMap<string, SheetPatch>,
): Promise<{ data: Buffer } | { problem: string }> {
  const zip = await JSZip.loadAsync(original);
  const parts = await sheetParts(zip);
  let cm: number | undefined;
  if ([...patches.values()].some((p) => p.arrays?.size)) {
    const metadata = await zip.file(META_PART)?.async("string");
    if (metadata === undefined) {
      await addDynamicArrayMetadata(zip);
      cm = 1;
    } else cm = dynamicArrayCm(metadata);
  }
  for (const [sheet, patch] of patches) {
    const part = parts.get(sheet);
    const file = part ? zip.file(part) : null;
    if (!file) return { problem: `sheet '${sheet}': its worksheet part is missing from the package` };
    const r = patchSheetXml(await file.async("string"), patch, { sheet, cm });
    if ("problem" in r) return r;
    zip.file(part!, r.xml);
  }
  return {
    data: await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } }),
  };
}

/**
 * The patches for snapshots of a workbook read from a file (`arrays`: its array formulas as saved, by sheet).
 * A formula that spills now but was not an array formula in the file is listed in `arrays` (it becomes one).
 */
export function patchesOf(
  snaps: readonly SheetSnapshot[],
  arrays: ReadonlyMap<string, ReadonlyMap<string, string>>,
): Map<string, SheetPatch> {
  const out = new Map<string, SheetPatch>();
  for (const s of snaps) {
    const values = new Map<string, CellResult>();
    const refs = new Map<string, string>();
    const newArrays = new Map<string, string>();
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
      if (!old.has(anchor)) newArrays.set(anchor, ref);
      else if (old.get(anchor) !== ref) refs.set(anchor, ref);
      for (const cell of cellsOf(ref)) values.set(cell, valueAt(cell));
    }
    for (const [anchor, ref] of old) if (!s.spills.has(anchor) && ref.includes(":")) refs.set(anchor, anchor);
    // old spills: their cells are cleared unless set above
    const clear = [...old].filter(([, ref]) => ref.includes(":")).map(([anchor, ref]) => ({ anchor, ref }));
    out.set(s.name, { values, refs, clear, arrays: newArrays });
  }
  return out;
}
