// Per-cell isolation: a formula the headless engine cannot take (over Excel's limits, or over HyperFormula's
// smaller recursion limit) becomes #VALUE! in its own cell, with a message naming the cell and the limit, and
// every other cell is still evaluated. Cells that refer to it see the error, as they would in Excel.
import { HyperFormula } from "hyperformula";
import { cellA1 } from "../../util/a1";
import { textCell, type CellResult, type RawCell } from "./cells";
import { clipRanges, type SheetBounds } from "./clipRanges";
import { scanFormula } from "./formulaLimits";
import { CellBudget } from "./cellBudget";
import { nameTable } from "./nameUse";
import { bareRange } from "./bareRange";
import { linkedBooks, linkProblem } from "./externalLinks";
import type { DefinedName } from "./definedNames";
import { DEFAULT_ZIP_LIMITS } from "./zipGuard";
import { expandTables, type TableDef } from "./tables";

export interface FailedCell {
  sheet: string;
  /** the cell, e.g. "B7" */
  a1: string;
  /** the formula as read from the file */
  formula: string;
  /** "Sheet!B7: the formula nests 600 levels of parentheses; Excel allows 64" */
  message: string;
  /**
   * Excel's cached value, kept as the cell's value (and given to the engine, so dependents use it): the formula
   * refers to something the engine cannot follow (a structured reference, another workbook), not over a limit
   */
  kept?: CellResult;
}

/** What stands in the engine for a cell it cannot take: an error value, so dependents show an error too. */
export const FAILED_CELL_CONTENT = "#VALUE!";

const cachedText = (v: Exclude<CellResult, null>) =>
  typeof v === "object" ? v.error : typeof v === "string" ? JSON.stringify(v) : String(v);

/** A cached value as the engine's content for its cell (text that looks like a formula stays text). */
function cachedContent(v: Exclude<CellResult, null>): RawCell {
  if (typeof v === "object") return v.error;
  return typeof v === "string" ? textCell(v) : v;
}

const isFormula = (v: RawCell): v is string => typeof v === "string" && v.startsWith("=");

export interface Isolated {
  sheets: { name: string; cells: RawCell[][] }[];
  failed: FailedCell[];
  /** formulas given to the engine in another (equivalent) text: restored when the workbook is written */
  rewritten: { sheet: string; a1: string; formula: string }[];
  /** sheets (lower-case) some reference was trimmed to */
  clipped: Set<string>;
  /** the defined names the engine can take (bad ones are errors in the cells that use them) */
  names: DefinedName[];
}

export interface IsolateOptions {
  /** the workbook's defined names */
  names?: readonly DefinedName[];
  /** the cells all formulas' ranges may cover together (io/cellBudget.ts); --max-cells */
  maxCells?: number;
  /** the workbook's tables: structured references to them are given to the engine as their cells */
  tables?: readonly TableDef[];
  /** linked workbooks' file names by link number ([1] -> "Plan.xlsx"), for messages (io/externalLinks.ts) */
  links?: ReadonlyMap<number, string>;
}

/** Engine that turns OFFSET with constant arguments into the range it stands for (as HyperFormula will). */
function offsetReader(sheetNames: readonly string[]): (formula: string) => string {
  let probe: HyperFormula | undefined;
  return (formula) => {
    if (!/\bOFFSET\s*\(/i.test(formula)) return formula;
    probe ??= HyperFormula.buildFromSheets(Object.fromEntries(sheetNames.map((n) => [n, []])), {
      licenseKey: "gpl-v3",
      maxRows: 1_048_576,
      maxColumns: 16_384,
    });
    try {
      return probe.normalizeFormula(formula);
    } catch {
      return formula; // the engine reports it in the cell
    }
  };
}

/**
 * The sheets' cells ready for HyperFormula: formulas over a limit replaced by an error value (listed in
 * `failed`), exponent literals rewritten, huge ranges trimmed to `bounds` (io/clipRanges.ts). Rows are copied
 * only when one of their cells changes.
 */
export function isolateFormulas(
  sheets: readonly { name: string; cells: RawCell[][]; cached?: CellResult[][] }[],
  bounds: ReadonlyMap<string, SheetBounds> = new Map(),
  opts: IsolateOptions = {},
): Isolated {
  const failed: FailedCell[] = [];
  const rewritten: Isolated["rewritten"] = [];
  const clipped = new Set<string>();
  const names = nameTable(
    opts.names ?? [],
    sheets.map((s) => s.name),
    bounds,
  );
  // a name pointing into another workbook makes the cells using it links too
  const nameExpressions = new Map((opts.names ?? []).map((n) => [n.name.toLowerCase(), n.expression]));
  const budget = new CellBudget(opts.maxCells ?? DEFAULT_ZIP_LIMITS.maxCells);
  const withOffsets = offsetReader(sheets.map((s) => s.name));
  const out = sheets.map((s, sheetIndex) => {
    const cells = s.cells.map((row, r) => {
      let copy: RawCell[] | undefined;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (!isFormula(v)) continue;
        const a1 = cellA1(r + 1, c + 1);
        const links = [
          ...new Set([
            ...linkedBooks(v),
            ...names.usesIn(v, sheetIndex).flatMap((u) => linkedBooks(nameExpressions.get(u.name.toLowerCase()) ?? "")),
          ]),
        ];
        if (links.length) {
          // a link to another workbook: Excel's cached result stays, in the cell and for the cells that use it
          const kept = s.cached?.[r]?.[c] ?? null;
          const message = `${s.name}!${a1}: ${linkProblem(links, opts.links ?? new Map(), kept !== null)}`;
          failed.push({ sheet: s.name, a1, formula: v, message, ...(kept !== null && { kept }) });
          (copy ??= row.slice())[c] = kept === null ? FAILED_CELL_CONTENT : cachedContent(kept);
          continue;
        }
        const scan = scanFormula(expandTables(v, opts.tables ?? [], r + 1));
        const badName = scan.problem ? undefined : names.usesIn(v, sheetIndex).find((u) => u.problem);
        let problem = scan.problem ?? (badName && `it uses the defined name ${badName.name}, and ${badName.problem}`);
        let next: RawCell = scan.text;
        if (!problem) {
          // the engine reads the formula with its names written out and OFFSET(…) of constants as the range it stands
          // for, every range trimmed: so a range costs the same whatever names it, and ROWS(Name) sees the name's shape
          const read = withOffsets(names.expand(scan.text, sheetIndex));
          const clip = clipRanges(read, s.name, bounds);
          problem = clip.problem ?? budget.charge(clip.areas);
          const via = names.usesIn(v, sheetIndex).map((u) => u.name);
          if (problem && via.length) problem += ` (through the defined name ${via.join(", ")})`;
          next = clip.text;
          clip.clipped.forEach((x) => clipped.add(x));
          // a formula that is a range spills it, as in Excel 365 (io/bareRange.ts)
          const bare = problem ? undefined : bareRange(next);
          if (bare && "problem" in bare) problem = bare.problem;
          else if (bare) next = bare.text;
        }
        const kept = scan.unsupported ? (s.cached?.[r]?.[c] ?? null) : null;
        if (problem && kept !== null) {
          const message = `${s.name}!${a1}: ${problem}; Excel's cached value (${cachedText(kept)}) is kept`;
          failed.push({ sheet: s.name, a1, formula: v, message, kept });
          next = cachedContent(kept);
        } else if (problem) {
          failed.push({ sheet: s.name, a1, formula: v, message: `${s.name}!${a1}: ${problem}` });
          next = FAILED_CELL_CONTENT;
        } else if (next !== v) rewritten.push({ sheet: s.name, a1, formula: v });
        if (next !== v) (copy ??= row.slice())[c] = next;
      }
      return copy ?? row;
    });
    return { name: s.name, cells };
  });
  return { sheets: out, failed, rewritten, clipped, names: names.usable };
}

/** True for the error a too-deep recursion throws (V8: "Maximum call stack size exceeded"). */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/**
 * The safety net behind the limits: when building the engine still overflowed, finds the formulas
 * HyperFormula cannot parse one by one and isolates them too. Returns how many it found.
 */
export function isolateUnparsable(sheets: { name: string; cells: RawCell[][] }[], failed: FailedCell[]): number {
  const probe = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  let found = 0;
  try {
    for (const s of sheets) {
      for (let r = 0; r < s.cells.length; r++) {
        for (let c = 0; c < s.cells[r].length; c++) {
          const v = s.cells[r][c];
          if (!isFormula(v)) continue;
          try {
            probe.validateFormula(v);
          } catch (e) {
            if (!isStackOverflow(e)) continue;
            const a1 = cellA1(r + 1, c + 1);
            failed.push({
              sheet: s.name,
              a1,
              formula: v,
              message: `${s.name}!${a1}: the formula is too deeply nested for the headless engine (Excel can evaluate it: recalculate this workbook in Excel, or simplify the formula)`,
            });
            s.cells[r] = s.cells[r].slice(); // never edit the caller's rows
            s.cells[r][c] = FAILED_CELL_CONTENT;
            found++;
          }
        }
      }
    }
  } finally {
    probe.destroy();
  }
  return found;
}
