// Excel tables (xl/tables/*.xml) and the structured references that name them, for the headless engine, which has
// neither: `Table1[Amount]` becomes the column's data cells ('Data'!$A$2:$A$4), `Table1[[#This Row],[Amount]]` the
// cell of the formula's own row, `Table1[#All]`, `[#Headers]`, `[#Totals]`, `[[#Headers],[#Data],[Col]]` and column
// ranges `[[A]:[C]]` what Excel documents. Any form not understood here is left as written: the cell then keeps
// Excel's cached value and is counted as not recalculated (io/isolate.ts), never given a guessed range.
import path from "node:path";
import JSZip from "jszip";
import { sheetParts } from "./dynamicArrays";
import { cellA1, parseRange, sheetRef } from "../../util/a1";
import { unescapeXml } from "./xmlText";
import { quotedEnd } from "./formulaText";

export interface TableDef {
  /** the name formulas use (displayName) */
  name: string;
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  headerRows: number;
  totalsRows: number;
  /** column names, left to right */
  columns: string[];
}

const attr = (xml: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(xml)?.[1];

/** The package's tables, by the worksheet that holds each; [] when there are none or the package is unreadable. */
export async function readTables(data: Buffer): Promise<TableDef[]> {
  const out: TableDef[] = [];
  try {
    const zip = await JSZip.loadAsync(data);
    for (const [sheet, part] of await sheetParts(zip)) {
      const rels = await zip
        .file(`${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`)
        ?.async("string");
      if (!rels) continue;
      for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
        const target = attr(m[0], "Target");
        if (!target || !/\/table"$/.test(`${attr(m[0], "Type")}"`)) continue;
        const file = target.startsWith("/")
          ? target.slice(1)
          : path.posix.normalize(`${path.posix.dirname(part)}/${target}`);
        const xml = await zip.file(file)?.async("string");
        const table = xml && tableOf(xml, sheet);
        if (table) out.push(table);
      }
    }
  } catch {
    return []; // the reader reports a damaged package in its own words
  }
  return out;
}

function tableOf(xml: string, sheet: string): TableDef | undefined {
  const open = /<table\b[^>]*>/.exec(xml)?.[0] ?? "";
  const name = attr(open, "displayName") ?? attr(open, "name");
  const box = parseRange(attr(open, "ref") ?? "");
  if (!name || !box || !Number.isFinite(box.bottom) || !Number.isFinite(box.right)) return undefined;
  const columns = [...xml.matchAll(/<tableColumn\b[^>]*>/g)].map((m) => unescapeXml(attr(m[0], "name") ?? ""));
  if (columns.length !== box.right - box.left + 1) return undefined;
  return {
    name: unescapeXml(name),
    sheet,
    ...box,
    headerRows: Number(attr(open, "headerRowCount") ?? 1),
    totalsRows: Number(attr(open, "totalsRowCount") ?? 0),
    columns,
  };
}

/** The items of a structured reference's brackets: specials (#All, #This Row…) and one column or a column range. */
interface Spec {
  specials: string[];
  columns: string[];
}

/** Reads `inner` (what stands between Table1[ and its closing ]); undefined for a form not understood. */
function specOf(inner: string): Spec | undefined {
  const text = inner.trim();
  if (text === "") return { specials: [], columns: [] };
  if (text.startsWith("#")) return { specials: [text.slice(1).toLowerCase()], columns: [] };
  if (text.startsWith("@")) {
    const rest = specOf(text.slice(1));
    return rest && rest.specials.length === 0 ? { specials: ["this row"], columns: rest.columns } : undefined;
  }
  if (!text.startsWith("[")) return { specials: [], columns: [unescapeName(text)] };
  const specials: string[] = [];
  const columns: string[] = [];
  let i = 0;
  let range = false;
  while (i < text.length) {
    if (text[i] !== "[") return undefined;
    const end = closing(text, i);
    if (end < 0) return undefined;
    const item = text.slice(i + 1, end);
    if (item.startsWith("#")) specials.push(item.slice(1).toLowerCase());
    else if (columns.length === 0 || range) columns.push(unescapeName(item));
    else return undefined;
    range = false;
    i = end + 1;
    while (text[i] === " ") i++;
    if (i >= text.length) break;
    if (text[i] === ":" && columns.length === 1) range = true;
    else if (text[i] !== ",") return undefined;
    i++;
    while (text[i] === " ") i++;
  }
  return { specials, columns };
}

/** A column name with Excel's escapes ('[ '] '# '') removed. */
const unescapeName = (s: string) => s.replace(/'(.)/g, "$1");

/** Index of the ] closing the [ at `open` (a ' escapes the next character); -1 when there is none. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") i++;
    else if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return i;
  }
  return -1;
}

/** The rows a set of specials covers, for a formula in `row`; undefined for a combination Excel does not allow. */
function rowsOf(t: TableDef, specials: readonly string[], row: number): { top: number; bottom: number } | undefined {
  const first = t.top + t.headerRows;
  const last = t.bottom - t.totalsRows;
  const key = [...specials].sort().join(",");
  const rows: Record<string, { top: number; bottom: number } | undefined> = {
    "": { top: first, bottom: last },
    data: { top: first, bottom: last },
    all: { top: t.top, bottom: t.bottom },
    headers: t.headerRows ? { top: t.top, bottom: t.top } : undefined,
    totals: t.totalsRows ? { top: t.bottom, bottom: t.bottom } : undefined,
    "data,headers": { top: t.top, bottom: last },
    "data,totals": { top: first, bottom: t.bottom },
    "this row": row >= first && row <= last ? { top: row, bottom: row } : undefined,
  };
  const r = Object.hasOwn(rows, key) ? rows[key] : undefined;
  return r && r.top <= r.bottom ? r : undefined;
}

/** The A1 reference a structured reference stands for, or undefined when it is not understood. */
function resolve(t: TableDef, spec: Spec, row: number): string | undefined {
  const rows = rowsOf(t, spec.specials, row);
  if (!rows) return undefined;
  const index = (name: string) => t.columns.findIndex((c) => c.toLowerCase() === name.toLowerCase());
  const cols = spec.columns.map(index);
  if (cols.some((c) => c < 0)) return undefined;
  const left = t.left + (cols.length ? Math.min(...cols) : 0);
  const right = cols.length ? t.left + Math.max(...cols) : t.right;
  const a = cellA1(rows.top, left, true);
  const b = cellA1(rows.bottom, right, true);
  return sheetRef(t.sheet, a === b ? a : `${a}:${b}`);
}

const NAME = /[A-Za-z_\\][\w.\\]*$/;

/**
 * The formula with every structured reference to a known table written as its cells, for a formula in `row`;
 * a reference not understood is left as written (the caller then keeps Excel's cached value).
 */
export function expandTables(formula: string, tables: readonly TableDef[], row: number): string {
  const lower = formula.toLowerCase();
  if (!tables.some((t) => lower.includes(t.name.toLowerCase()))) return formula;
  const byName = new Map(tables.map((t) => [t.name.toLowerCase(), t]));
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = quotedEnd(formula, i);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === "[") {
      const name = NAME.exec(out)?.[0];
      const table = name ? byName.get(name.toLowerCase()) : undefined;
      const end = closing(formula, i);
      if (table && end > 0) {
        const spec = specOf(formula.slice(i + 1, end));
        const ref = spec && resolve(table, spec, row);
        if (ref) {
          out = out.slice(0, out.length - name!.length) + ref;
          i = end + 1;
          continue;
        }
      }
      if (end > 0) {
        out += formula.slice(i, end + 1); // left as written
        i = end + 1;
        continue;
      }
    }
    if (!/[\w.\\]/.test(ch)) out = bareTable(out, byName, ch);
    out += ch;
    i++;
  }
  return bareTable(out, byName, "");
}

/** `out` with a bare table name at its end (=SUM(Table1): the table's data) written as its cells. */
function bareTable(out: string, byName: ReadonlyMap<string, TableDef>, next: string): string {
  if (next === "(" || next === "!" || next === "[") return out; // a function, a sheet, a structured reference
  const name = NAME.exec(out)?.[0];
  const table = name ? byName.get(name.toLowerCase()) : undefined;
  if (!table || /[!'$]$/.test(out.slice(0, out.length - name!.length))) return out;
  const ref = resolve(table, { specials: [], columns: [] }, 0);
  return ref ? out.slice(0, out.length - name!.length) + ref : out;
}
