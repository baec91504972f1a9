// Defined names (Rate, Amounts, Sheet-scoped names) for the headless engine, read from xl/workbook.xml: exceljs
// keeps only names that are plain ranges and forgets their scope. Built-in names (_xlnm.Print_Area …) are skipped.
import JSZip from "jszip";
import { unescapeXml } from "./xmlText";

export interface DefinedName {
  name: string;
  /** the formula the name stands for, with "=" (e.g. "=Rates!$A$1:$E$40", "=0.05") */
  expression: string;
  /** the sheet (by position) a local name belongs to; undefined for a workbook name */
  sheetIndex?: number;
}

export async function readDefinedNames(data: Buffer): Promise<DefinedName[]> {
  let xml: string | undefined;
  try {
    xml = await (await JSZip.loadAsync(data)).file("xl/workbook.xml")?.async("string");
  } catch {
    return [];
  }
  if (!xml) return [];
  const out: DefinedName[] = [];
  for (const m of xml.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    if (!name || /^_xlnm\./i.test(name) || /\bhidden="(1|true)"/.test(m[1])) continue;
    const local = /\blocalSheetId="(\d+)"/.exec(m[1])?.[1];
    const text = unescapeXml(m[2]).trim();
    if (!text || /#REF!/.test(text)) continue;
    out.push({
      name: unescapeXml(name),
      expression: `=${text.replace(/^_xlfn\./g, "")}`,
      sheetIndex: local === undefined ? undefined : Number(local),
    });
  }
  return out;
}
