// exceljs fails on some valid packages it does not need for a recalculation: openpyxl's charts and comments
// ("Cannot read properties of undefined (reading 'anchors')"), a table without a style ("reading 'theme'").
// The reader then retries on a copy without drawings, charts, comments and tables (their cells stay). Only the
// reading copy loses them: `recalc --out` patches the original package (io/patchValues.ts), so they are kept.
import JSZip from "jszip";

const DROPPED = /^xl\/(drawings|charts|tables|comments|threadedComments|persons)\/|^xl\/comments\d*\.xml$|vmlDrawing/i;

export async function readableCopy(data: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  for (const name of Object.keys(zip.files)) if (DROPPED.test(name)) zip.remove(name);
  for (const name of Object.keys(zip.files)) {
    if (/^xl\/worksheets\/_rels\/[^/]+\.rels$/.test(name)) {
      const rels = await zip.file(name)!.async("string");
      zip.file(
        name,
        rels.replace(
          /<Relationship\b[^>]*Type="[^"]*\/(drawing|comments|vmlDrawing|table|threadedComment)"[^>]*\/>/g,
          "",
        ),
      );
    } else if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      const xml = await zip.file(name)!.async("string");
      zip.file(
        name,
        xml
          .replace(/<(drawing|legacyDrawing|legacyDrawingHF)\b[^>]*\/>/g, "")
          .replace(/<tableParts\b[\s\S]*?(<\/tableParts>|\/>)/g, ""),
      );
    }
  }
  return zip.generateAsync({ type: "nodebuffer" });
}
