// Links to other workbooks. Excel stores `='C:\Budgets\[Plan.xlsx]My Sheet'!A1` as `'[1]My Sheet'!A1` (or
// `[1]Sheet1!A1` when the sheet name needs no quotes): [1] is the first <externalReference> of xl/workbook.xml,
// whose part (xl/externalLinks/externalLink1.xml) holds the linked file's name in its relationships and Excel's
// cached copy of the cells used. The headless engine cannot open the other workbook, so such a cell keeps Excel's
// cached result (what Excel itself shows until the link is updated), and is reported as not recalculated.
import JSZip from "jszip";
import { unescapeXml } from "./xmlText";

/** Text literals ("…") blanked, same length: links are looked for in code and 'sheet' names only. */
const maskStrings = (f: string) => f.replace(/"(?:[^"]|"")*"/g, (m) => `"${" ".repeat(m.length - 2)}"`);

// [n] opening a quoted sheet name ('[1]My Sheet'!), or before a sheet name or "!" ([1]Sheet1!, [1]!Name)
const LINK = /'\[(\d+)\][^']*(?:''[^']*)*'!|(?<![A-Za-z0-9_.\]])\[(\d+)\](?:[A-Za-z_][A-Za-z0-9_.]*)?!/g;

/** The external-link numbers ([1] -> 1) a formula refers to, in order, without repeats; empty when none. */
export function linkedBooks(formula: string): number[] {
  if (!formula.includes("[")) return [];
  const out: number[] = [];
  for (const m of maskStrings(formula).matchAll(LINK)) {
    const n = Number(m[1] ?? m[2]);
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/** Relationship id -> target, of a .rels part. */
function relTargets(rels: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of (rels ?? "").matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id && target) out.set(id, unescapeXml(target));
  }
  return out;
}

/** The linked workbooks' file names by link number (1 -> "Plan.xlsx"), as far as the package says. */
export async function readExternalLinks(data: Buffer): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  try {
    const zip = await JSZip.loadAsync(data);
    const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
    const refs = [...workbook.matchAll(/<externalReference\b[^>]*>/g)].map((m) => attr(m[0], "r:id"));
    if (refs.length === 0) return out;
    const parts = relTargets(await zip.file("xl/_rels/workbook.xml.rels")?.async("string"));
    for (const [i, id] of refs.entries()) {
      const part = id ? parts.get(id) : undefined;
      if (!part) continue;
      const path = part.startsWith("/") ? part.slice(1) : `xl/${part}`;
      const dirAndName = /^(.*\/)?([^/]+)$/.exec(path)!;
      const rels = await zip.file(`${dirAndName[1] ?? ""}_rels/${dirAndName[2]}.rels`)?.async("string");
      const target = [...relTargets(rels).values()][0];
      if (target)
        out.set(
          i + 1,
          decodeURIComponent(target.replace(/^file:\/+/, ""))
            .split(/[\\/]/)
            .pop() || target,
        );
    }
  } catch {
    // a package exceljs reads is judged there; without names the message gives the link number only
  }
  return out;
}

/** The problem sentence for a cell linking to other workbooks (names of the files when known). */
export function linkProblem(links: readonly number[], files: ReadonlyMap<number, string>, kept: boolean): string {
  const which = links.map((n) => (files.has(n) ? `[${n}] ${files.get(n)}` : `[${n}]`)).join(", ");
  return (
    `it refers to another workbook (${which}), which the headless engine cannot open: ` +
    (kept
      ? "the cell keeps the value Excel saved with the file (update the link and recalculate in Excel to refresh it)"
      : "the file holds no saved value for it (recalculate in Excel with the linked workbook at hand)")
  );
}
