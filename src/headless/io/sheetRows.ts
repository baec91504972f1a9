// Walks a worksheet's <sheetData> row by row and cell by cell, so `recalc --out` can change cells the file has
// and add the ones it lacks (a spill that grew) without re-serialising anything else. Rows and cells keep their
// order (new ones go where Excel would put them), every attribute and child the edit does not concern is kept,
// and positions are worked out for rows and cells that leave out r= (the format allows it).
import { cellA1, colLetters, colNumber } from "../../util/a1";

/** What to do with one existing cell: undefined keeps it as it is. */
export type CellEdit = (ref: string, attrs: string, body: string | undefined) => string | undefined;

export interface RowEdit {
  /** rewrites an existing cell (or keeps it) */
  edit: CellEdit;
  /** cells that must exist, by row: their columns in ascending order (the ones the file lacks are created) */
  wanted: ReadonlyMap<number, readonly number[]>;
  /** the XML of a created cell (a <c> element with its r=) */
  create: (ref: string) => string;
}

export interface EditedRows {
  inner: string;
  /** the bottom row and right column of the created cells (0 when none was created) */
  bottom: number;
  right: number;
}

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const attr = (attrs: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];

/** The sheetData element's content and where it sits; undefined when the part has none. */
export function sheetDataOf(xml: string): { before: string; inner: string; after: string } | undefined {
  const open = /<sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) return undefined;
  const start = open.index + open[0].length;
  if (open[1] === "/")
    return { before: `${xml.slice(0, open.index)}<sheetData>`, inner: "", after: `</sheetData>${xml.slice(start)}` };
  const end = xml.indexOf("</sheetData>", start);
  if (end < 0) return undefined;
  return { before: xml.slice(0, start), inner: xml.slice(start, end), after: xml.slice(end) };
}

/** The columns a row's spans="1:5" (or "1:3 7:9") covers; undefined without spans. */
function spansOf(attrs: string): { min: number; max: number } | undefined {
  const spans = attr(attrs, "spans");
  if (!spans) return undefined;
  const nums = spans
    .split(/[\s:]+/)
    .map(Number)
    .filter(Number.isFinite);
  return nums.length ? { min: Math.min(...nums), max: Math.max(...nums) } : undefined;
}

/** The sheetData content with its cells edited and the cells it lacks created, in row and column order. */
export function editRows(inner: string, { edit, wanted, create }: RowEdit): EditedRows {
  let bottom = 0;
  let right = 0;
  /** one row's cells edited and the missing ones merged in column order; the columns created */
  const editRow = (r: number, body: string): { body: string; created: number[] } => {
    const cols = wanted.get(r) ?? [];
    const created: number[] = [];
    let next = 0;
    let col = 0;
    let out = "";
    let last = 0;
    const emit = (upTo: number) => {
      let xml = "";
      for (; next < cols.length && cols[next] < upTo; next++) {
        created.push(cols[next]);
        xml += create(cellA1(r, cols[next]));
      }
      return xml;
    };
    for (const m of body.matchAll(CELL)) {
      const ref = attr(m[1], "r");
      col = ref ? colNumber(ref.replace(/\d+$/, "")) : col + 1;
      out += body.slice(last, m.index) + emit(col);
      if (next < cols.length && cols[next] === col) next++; // the file has it
      out += edit(ref ?? cellA1(r, col), m[1], m[2]) ?? m[0];
      last = m.index + m[0].length;
    }
    const tail = body.slice(last);
    const ext = tail.indexOf("<extLst");
    const rest = emit(Infinity);
    if (created.length) {
      bottom = Math.max(bottom, r);
      right = Math.max(right, created[created.length - 1]);
    }
    return { body: ext < 0 ? out + tail + rest : out + tail.slice(0, ext) + rest + tail.slice(ext), created };
  };
  const newRows = [...wanted.keys()].sort((a, b) => a - b);
  let next = 0;
  const newRow = (r: number) => {
    const { body, created } = editRow(r, "");
    return created.length ? `<row r="${r}">${body}</row>` : "";
  };
  let r = 0;
  let out = "";
  let last = 0;
  for (const m of inner.matchAll(ROW)) {
    const n = attr(m[1], "r");
    r = n ? Number(n) : r + 1;
    out += inner.slice(last, m.index);
    while (next < newRows.length && newRows[next] < r) out += newRow(newRows[next++]);
    if (next < newRows.length && newRows[next] === r) next++;
    const { body, created } = editRow(r, m[2] ?? "");
    if (m[2] === undefined && created.length === 0) out += m[0];
    else out += `<row${widenSpans(m[1], created)}>${body}</row>`;
    last = m.index + m[0].length;
  }
  out += inner.slice(last);
  while (next < newRows.length) out += newRow(newRows[next++]);
  return { inner: out, bottom, right };
}

/** A row's attributes with spans widened to its created cells. */
function widenSpans(attrs: string, created: readonly number[]): string {
  const spans = created.length ? spansOf(attrs) : undefined;
  if (!spans) return attrs;
  const min = Math.min(spans.min, created[0]);
  const max = Math.max(spans.max, created[created.length - 1]);
  return attrs.replace(/\bspans="[^"]*"/, `spans="${min}:${max}"`);
}

/** The worksheet's <dimension ref> grown to cover the given cells (kept when it already does, or is absent). */
export function growDimension(xml: string, bottom: number, right: number): string {
  return xml.replace(/(<dimension\b[^>]*\bref=")([^"]*)(")/, (whole, open: string, ref: string, close: string) => {
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
    if (!m) return whole;
    const left = colNumber(m[1]);
    const top = Number(m[2]);
    const oldRight = m[3] ? colNumber(m[3]) : left;
    const oldBottom = m[4] ? Number(m[4]) : top;
    if (bottom <= oldBottom && right <= oldRight) return whole;
    const end = `${colLetters(Math.max(right, oldRight))}${Math.max(bottom, oldBottom)}`;
    return `${open}${m[1]}${m[2]}:${end}${close}`;
  });
}

/** Style index a new cell takes: its row's (customFormat="1") or its column's (<col style>), as Excel shows it. */
export function defaultStyles(xml: string, inner: string): (row: number, col: number) => string | undefined {
  const rows = new Map<number, string>();
  let r = 0;
  for (const m of inner.matchAll(/<row\b([^>]*?)\/?>/g)) {
    const n = attr(m[1], "r");
    r = n ? Number(n) : r + 1;
    const s = attr(m[1], "s");
    if (s && attr(m[1], "customFormat") === "1") rows.set(r, s);
  }
  const cols = [...(/<cols\b[\s\S]*?<\/cols>/.exec(xml)?.[0] ?? "").matchAll(/<col\b([^>]*?)\/?>/g)].flatMap((m) => {
    const style = attr(m[1], "style");
    const min = Number(attr(m[1], "min"));
    const max = Number(attr(m[1], "max"));
    return style && style !== "0" ? [{ min, max, style }] : [];
  });
  return (row, col) => rows.get(row) ?? cols.find((c) => col >= c.min && col <= c.max)?.style;
}
