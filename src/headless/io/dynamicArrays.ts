// Marks array formulas as Excel dynamic arrays (spills) in an xlsx package written by exceljs.
//
// Excel 365 stores a spilling formula as `<c r="A1" cm="1"><f t="array" ref="A1:E9">…</f><v>…</v></c>`:
// `t="array"` with the spill's extent, plus `cm="1"` pointing at the XLDAPR "dynamic array" cell-metadata
// record in xl/metadata.xml. The other cells of the spill hold plain cached values. Without cm="1" the
// same XML is a legacy CSE array (fixed size, shown as {=…}). exceljs writes t="array"/ref but knows
// nothing of cm or metadata.xml, so this adds them to its output.
import JSZip from "jszip";
import { unescapeXml } from "./xmlText";

export const META_PART = "xl/metadata.xml";
const META_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml";
const META_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata";

// One metadata type (XLDAPR), one future-metadata block (fDynamic=1), one cell-metadata record: cm="1".
const METADATA_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" ' +
  'pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" ' +
  'coerce="1" cellMeta="1"/></metadataTypes>' +
  '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}">' +
  '<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>';

/** Sheet name -> worksheet part path (e.g. "xl/worksheets/sheet2.xml"), from workbook.xml and its rels. */
export async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file("xl/workbook.xml")?.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
  if (!workbook || !rels) throw new Error("package has no xl/workbook.xml");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) out.set(unescapeXml(name), part);
  }
  return out;
}

/** Adds cm="1" to the <c> element of each anchor (which must already carry <f t="array" ref=…>). */
export function markCells(sheetXml: string, anchors: ReadonlySet<string>): { xml: string; marked: number } {
  let marked = 0;
  const xml = sheetXml.replace(
    /<c r="([A-Z]+[0-9]+)"([^>]*?)(\/?)>/g,
    (whole, ref: string, attrs: string, selfClosing: string) => {
      if (selfClosing || !anchors.has(ref) || /\bcm="/.test(attrs)) return whole;
      marked++;
      return `<c r="${ref}"${attrs} cm="1">`;
    },
  );
  return { xml, marked };
}

/**
 * Rewrites an xlsx package so the given anchors (sheet name -> set of A1 addresses) are dynamic-array
 * formulas, adding xl/metadata.xml with its content type and workbook relationship when needed.
 */
export async function markDynamicArrays(
  xlsx: Buffer | Uint8Array,
  anchors: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const parts = await sheetParts(zip);
  let total = 0;
  for (const [sheet, cells] of anchors) {
    if (cells.size === 0) continue;
    const part = parts.get(sheet);
    if (!part) throw new Error(`no worksheet part for sheet ${sheet}`);
    const xml = await zip.file(part)!.async("string");
    const r = markCells(xml, cells);
    total += r.marked;
    zip.file(part, r.xml);
  }
  if (total > 0 && !zip.file(META_PART)) await addDynamicArrayMetadata(zip);
  return deterministicZip(zip);
}

/** Adds xl/metadata.xml (one dynamic-array record: cm="1") with its content type and workbook relationship. */
export async function addDynamicArrayMetadata(zip: JSZip): Promise<void> {
  zip.file(META_PART, METADATA_XML);
  const types = await zip.file("[Content_Types].xml")!.async("string");
  if (!types.includes('PartName="/xl/metadata.xml"')) {
    zip.file(
      "[Content_Types].xml",
      types.replace("</Types>", `<Override PartName="/xl/metadata.xml" ContentType="${META_CONTENT_TYPE}"/></Types>`),
    );
  }
  const relsPath = "xl/_rels/workbook.xml.rels";
  const rels = await zip.file(relsPath)!.async("string");
  if (!rels.includes(META_REL_TYPE)) {
    const ids = [...rels.matchAll(/\bId="rId(\d+)"/g)].map((m) => Number(m[1]));
    const id = `rId${Math.max(0, ...ids) + 1}`;
    zip.file(
      relsPath,
      rels.replace(
        "</Relationships>",
        `<Relationship Id="${id}" Type="${META_REL_TYPE}" Target="metadata.xml"/></Relationships>`,
      ),
    );
  }
}

/** The package's bytes with a fixed timestamp on every entry: the same sheets give byte-identical files. */
export function deterministicZip(zip: JSZip): Promise<Buffer> {
  for (const entry of Object.values(zip.files)) entry.date = FIXED_DATE;
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** Zip entry time (DOS time starts in 1980). */
// jszip writes DOS time from the UTC fields: same bytes in every time zone
const FIXED_DATE = new Date(Date.UTC(1980, 0, 1, 12));

/** Anchors marked cm="1" in a package (sheet name -> addresses): for tests and diagnostics. */
export async function dynamicArrayAnchors(xlsx: Buffer | Uint8Array): Promise<Map<string, string[]>> {
  const zip = await JSZip.loadAsync(xlsx);
  const out = new Map<string, string[]>();
  for (const [sheet, part] of await sheetParts(zip)) {
    const xml = (await zip.file(part)?.async("string")) ?? "";
    const found = [...xml.matchAll(/<c r="([A-Z]+[0-9]+)"[^>]*\bcm="1"[^>]*>/g)].map((m) => m[1]);
    out.set(sheet, found);
  }
  return out;
}
