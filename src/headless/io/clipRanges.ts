// Whole-column and whole-sheet references cost what the used range costs. HyperFormula builds its dependency
// structures over the whole area of a reference: SUM(Inst!A:XFD) on a 500-row sheet exhausts a 2 GB heap. Excel
// trims such references to the used range; so does the headless host, by rewriting them before HyperFormula
// parses the formula: `Inst!A:XFD` becomes `Inst!A1:K501` when Inst's used range (spills included: the loader
// builds again if a spill grows a sheet past the bounds it clipped to) ends at K501. Cells beyond the used range
// are blank, so a sum, a lookup or a SEND table reads the same values.
//
// Functions whose answer depends on a range's shape (ROWS, INDEX, OFFSET…), or a formula that *is* the range,
// would give a different number from a trimmed range: for those a huge reference becomes an error naming the
// feature instead (never a different number).
import { colLetters, colNumber } from "../../util/a1";

/**
 * Whole-column and whole-row references smaller than this are left as written (A:A and A:B are cheap for
 * HyperFormula, which reads them to the used range); so are references of this size or less whose shape matters.
 * A cell range (A1:B1040000) reaching past the used range is always trimmed where only its values matter.
 */
export const CLIP_FROM_CELLS = 2_100_000;
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

const SHAPE_FUNCTIONS =
  /\b(ROWS|COLUMNS|ROW|COLUMN|COUNTBLANK|INDEX|OFFSET|AREAS|CELL|TRANSPOSE|MMULT|INDIRECT|SEQUENCE|TAKE|DROP|CHOOSECOLS|CHOOSEROWS|TOCOL|TOROW|WRAPROWS|WRAPCOLS|EXPAND|HSTACK|VSTACK)\s*\(/i;

export interface SheetBounds {
  rows: number;
  cols: number;
}

/** A rectangle of a sheet (lower-case name), 1-based, inclusive. */
export interface Area {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface ClipResult {
  text: string;
  /** every reference of the formula as the engine will read it (whole columns and rows end at the used range) */
  areas: Area[];
  /** sheets (lower-case names) whose references were trimmed */
  clipped: Set<string>;
  /** why the formula cannot be evaluated headlessly, when a huge reference meets a shape-sensitive use */
  problem?: string;
}

/** Text literals blanked (same length), so references are only found in code. */
function maskStrings(f: string): string {
  return f.replace(/"(?:[^"]|"")*"/g, (m) => `"${" ".repeat(m.length - 2)}"`);
}

const REF =
  /(?<![A-Za-z0-9_.$'"!])((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}|\$?\d+):(\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}|\$?\d+)(?![A-Za-z0-9_(!])/g;

interface End {
  col?: number;
  row?: number;
}
function endOf(s: string): End | undefined {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/.exec(s);
  if (!m || (!m[1] && !m[2])) return undefined;
  return { col: m[1] ? colNumber(m[1]) : undefined, row: m[2] ? Number(m[2]) : undefined };
}

/** The sheet a prefix names ("'Q1 data'!" -> "q1 data"), lower-cased; the formula's own sheet without one. */
function sheetOf(prefix: string | undefined, own: string): string {
  if (!prefix) return own.toLowerCase();
  const name = prefix.slice(0, -1);
  return (name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name).toLowerCase();
}

/**
 * Trims every reference that reaches past its sheet's bounds to them (`bounds` by lower-case sheet name; an unknown
 * sheet is left alone, and gives #REF! as before), except where the range's shape matters: there a reference of
 * CLIP_FROM_CELLS or more is a problem, a smaller one is left as written. Lists every range reference as read.
 */
export function clipRanges(
  formula: string,
  ownSheet: string,
  bounds: ReadonlyMap<string, SheetBounds>,
  /** write trimmed ranges as $A$1:$K$501 (a defined name's references must be absolute) */
  absolute = false,
): ClipResult {
  const $ = absolute ? "$" : "";
  const clipped = new Set<string>();
  const areas: Area[] = [];
  if (!formula.includes(":")) return { text: formula, clipped, areas };
  const masked = maskStrings(formula);
  let out = "";
  let last = 0;
  let problem: string | undefined;
  const shapeSensitive = SHAPE_FUNCTIONS.test(masked);
  for (const m of masked.matchAll(REF)) {
    const a = endOf(m[2]);
    const b = endOf(m[3]);
    if (!a || !b || (a.col === undefined) !== (b.col === undefined) || (a.row === undefined) !== (b.row === undefined))
      continue;
    const top = Math.min(a.row ?? 1, b.row ?? 1);
    const bottom = Math.max(a.row ?? MAX_ROWS, b.row ?? MAX_ROWS);
    const left = Math.min(a.col ?? 1, b.col ?? 1);
    const right = Math.max(a.col ?? MAX_COLS, b.col ?? MAX_COLS);
    const sheet = sheetOf(m[1], ownSheet);
    const bound = bounds.get(sheet);
    const newBottom = bound ? Math.max(top, Math.min(bottom, bound.rows)) : bottom;
    const newRight = bound ? Math.max(left, Math.min(right, bound.cols)) : right;
    // whole columns and rows: the engine itself reads them only to the sheet's used range (A:B stays as written)
    const whole = a.row === undefined || a.col === undefined;
    const cells = (bottom - top + 1) * (right - left + 1);
    if (!bound || (newBottom === bottom && newRight === right) || (whole && cells < CLIP_FROM_CELLS)) {
      areas.push({ sheet, top, left, bottom: whole ? newBottom : bottom, right: whole ? newRight : right });
      continue;
    }
    const at = m.index!;
    const depth = [...masked.slice(0, at)].reduce((d, ch) => d + (ch === "(" ? 1 : ch === ")" ? -1 : 0), 0);
    if (shapeSensitive || depth === 0) {
      if (cells < CLIP_FROM_CELLS) {
        areas.push({ sheet, top, left, bottom: whole ? newBottom : bottom, right: whole ? newRight : right });
        continue;
      }
      const ref = formula.slice(at, at + m[0].length);
      problem ??=
        `the range ${ref} covers ${cells.toLocaleString("en-GB")} cells, and ` +
        (depth === 0
          ? "a formula that returns a whole range"
          : "a formula that uses its size or position (ROWS, INDEX, OFFSET…)") +
        " cannot be evaluated headlessly over it; Excel can: recalculate in Excel, or use the exact range";
      continue;
    }
    areas.push({ sheet, top, left, bottom: newBottom, right: newRight });
    out +=
      formula.slice(last, at) +
      (m[1] ? formula.slice(at, at + m[1].length) : "") +
      `${$}${colLetters(left)}${$}${top}:${$}${colLetters(newRight)}${$}${newBottom}`;
    last = at + m[0].length;
    clipped.add(sheet);
  }
  return { text: last === 0 ? formula : out + formula.slice(last), clipped, areas, problem };
}
