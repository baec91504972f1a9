// What a worksheet says about ranges, kept away from exceljs. exceljs expands some range-valued parts cell by cell
// on reading: a `<mergeCell ref="C1:XFD1048576"/>` creates 17 billion cell objects (out of memory after 105 s), a
// data validation over the whole sheet never finishes, and a conditional format can fail the whole read. None of
// them changes a computed value, so the reading copy goes without them: merged ranges are returned here (their
// other cells are skipped as inputs, as Excel keeps only the top-left value), validations and conditional formats
// are dropped. Defined names go too (exceljs expands a name over S!$A:$XFD cell by cell): io/definedNames.ts reads
// them from the original package. `recalc --out` patches the original package (io/patchValues.ts): the file keeps
// them all. Cell types exceljs misreads (ISO date cells, shared-string indices past the table) are settled here
// too: io/typedCells.ts.
import JSZip from "jszip";
import { sheetParts } from "./dynamicArrays";
import { checkSharedStrings, datesAsSerials, sharedStringCount } from "./typedCells";

/** Worksheet elements holding ranges that exceljs expands (x14 extensions included). */
const DROPPED =
  /<mergeCells\b[^>]*\/>|<mergeCells\b[\s\S]*?<\/mergeCells>|<dataValidations\b[^>]*\/>|<dataValidations\b[\s\S]*?<\/dataValidations>|<conditionalFormatting\b[\s\S]*?<\/conditionalFormatting>|<extLst\b[\s\S]*?<\/extLst>/g;

export interface ReadingCopy {
  /** the package to give exceljs (the original bytes when nothing had to go) */
  data: Buffer;
  /** merged ranges by sheet name ("C1:XFD1048576") */
  merges: Map<string, string[]>;
}

export async function withoutRangeParts(data: Buffer): Promise<ReadingCopy> {
  const merges = new Map<string, string[]>();
  let zip: JSZip;
  let parts: Map<string, string>;
  try {
    zip = await JSZip.loadAsync(data);
    parts = await sheetParts(zip);
  } catch {
    return { data, merges }; // exceljs reports the damage in its own words
  }
  let changed = false;
  const workbook = await zip.file("xl/workbook.xml")?.async("string");
  const date1904 = /<workbookPr\b[^>]*\bdate1904=["'](1|true)["']/.test(workbook ?? "");
  // exceljs reads the table from this path only
  const strings = sharedStringCount(await zip.file("xl/sharedStrings.xml")?.async("string"));
  if (workbook && /<definedNames\b/.test(workbook)) {
    zip.file(
      "xl/workbook.xml",
      workbook.replace(/<definedNames\b[\s\S]*?<\/definedNames>|<definedNames\b[^>]*\/>/g, ""),
    );
    changed = true;
  }
  for (const [sheet, part] of parts) {
    const file = zip.file(part);
    if (!file) continue;
    const original = await file.async("string");
    checkSharedStrings(original, sheet, strings);
    let xml = datesAsSerials(original, sheet, date1904);
    if (/<(mergeCells|dataValidations|conditionalFormatting|extLst)\b/.test(xml)) {
      const refs = [...xml.matchAll(/<mergeCell\b[^>]*\bref="([^"]+)"/g)].map((m) => m[1]);
      if (refs.length) merges.set(sheet, refs);
      xml = xml.replace(DROPPED, "");
    }
    if (xml === original) continue;
    zip.file(part, xml);
    changed = true;
  }
  if (!changed) return { data, merges };
  return { data: await zip.generateAsync({ type: "nodebuffer", compression: "STORE" }), merges };
}
