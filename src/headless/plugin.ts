// The HyperFormula host: one FunctionPlugin generated from the registry, so SEND.ALLOCATE … SEND.CHECK compute in
// HyperFormula exactly what they compute in Excel (both call wrapper.invoke).
//
// Spills. HyperFormula fixes an array formula's size when the formula is entered, by calling the function's
// sizeOfResultArrayMethod before evaluation. Ours evaluates the arguments (this.evaluateAst) and asks the registry
// for the exact size for those values — 1 × 1 when the formula fails as a whole, so a failing formula never claims
// (or is blocked by) its neighbours. But values change after entry (a rates table gains an option, proj.years
// changes), and at build time a formula may be sized before the sheets it reads exist. So at evaluation the result is
// fitted to the size HyperFormula reserved (HyperFormula throws on a larger array), and a formula whose result no
// longer fits is recorded; HeadlessWorkbook re-enters those formulas (`takeResizes`) so they spill at their new size,
// as Excel's dynamic arrays do. Used inside another formula (=SUM(SEND.FIT(…))) the full result is returned.
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import type { ImplementedFunctions } from "hyperformula";
import enUS from "hyperformula/i18n/languages/enUS";
import type { ErrorKind, SendError } from "../engine/errors";
import { isSendError } from "../engine/errors";
import type { Cell, Grid, OutCell } from "../engine/types";
import { freezeGrid } from "../functions/args";
import { isGrid, NAMESPACE, REGISTRY, shapeOf, widthOf, type Result } from "../functions/registry";
import { invoke, resultSize, type HostValue } from "../functions/wrapper";
import {
  AST,
  evaluateArg,
  keepStateShape,
  reservedSize,
  graphOf,
  rangeVertexOf,
  sizedGraphOf,
  type Address,
  type AstNode,
  type ProcedureAst,
  type RangeVertexLike,
  type SizedGraph,
  type State,
  type StringAst,
} from "./hfInternals";

const HF_ERROR: Record<ErrorKind, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#NUM!": ErrorType.NUM,
};

/** How an error cell inside a range argument reaches the wrapper: as its text, e.g. "#DIV/0!". */
const ERROR_TEXT: Record<string, string> = {
  CYCLE: "#CYCLE!",
  DIV_BY_ZERO: "#DIV/0!",
  ERROR: "#ERROR!",
  NA: "#N/A",
  NAME: "#NAME?",
  NUM: "#NUM!",
  REF: "#REF!",
  SPILL: "#SPILL!",
  VALUE: "#VALUE!",
  LIC: "#LIC!",
};

type HfValue = number | string | boolean | CellError | typeof EmptyValue | SimpleRangeValue;

export function sendError(e: SendError): CellError {
  return new CellError(HF_ERROR[e.kind], e.message);
}

function toCell(v: unknown): Cell {
  if (v === EmptyValue || v === undefined || v === null) return null;
  if (v instanceof CellError) return ERROR_TEXT[v.type] ?? `#${v.type}!`;
  if (typeof v === "object" && "val" in (v as object)) return (v as { val: number }).val; // dates, currency, percent
  return v as Cell;
}

type HfScalar = number | string | boolean | CellError | typeof EmptyValue;

function toHf(c: OutCell): HfScalar {
  if (c === null) return EmptyValue;
  return isSendError(c) ? sendError(c) : c;
}

/** The first `rows` × `cols` of a result in HyperFormula's terms, short rows padded with blanks (a loop per row: a
 * spill writes back every cell of every recalculation). */
function hfRows(grid: readonly (readonly OutCell[])[], rows: number, cols: number): HfScalar[][] {
  const out: HfScalar[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const src = grid[r];
    const line: HfScalar[] = new Array(cols);
    for (let c = 0; c < cols; c++) line[c] = toHf(src[c] ?? null);
    out[r] = line;
  }
  return out;
}

/** Formulas whose result no longer fits the size HyperFormula reserved, per engine (keyed by its dependency graph). */
const resizes = new WeakMap<object, Map<string, Address>>();

function noteResize(graph: object, at: Address): void {
  let m = resizes.get(graph);
  if (!m) resizes.set(graph, (m = new Map()));
  m.set(`${at.sheet}:${at.row}:${at.col}`, at);
}

/** The formulas of this engine to re-enter so they spill at their new size (and forget them). */
export function takeResizes(hf: HyperFormula): Address[] {
  const m = resizes.get(graphOf(hf));
  if (!m || m.size === 0) return [];
  const out = [...m.values()];
  m.clear();
  return out;
}

/**
 * The range memo. Every SEND.ALLOCATE cell of a sheet reads the same Rates range: HyperFormula would build its
 * values afresh for each cell, and the wrapper would then compare them with the cached table's. Instead the host
 * array of a range reference is kept on HyperFormula's own range vertex, in the cache SUM uses for its running
 * totals (RangeVertex function values), which HyperFormula clears whenever a cell of the range changes (the vertex
 * depends on every cell in it). The array is frozen (args.ts freezeGrid), so the wrapper's caches may key it by
 * identity, and it remembers the range's address: rows or columns inserted or removed move or resize the vertex's
 * range, and a memo made for another address is rebuilt, never used (belt and braces: HyperFormula also marks such
 * ranges dirty). test/headless/functions/rangememo.test.ts checks every kind of edit against a fresh workbook.
 */
const MEMO_KEY = "SEND.HOST_ARRAY";
/**
 * A range value kept for the life of the process, so its hidden class outlives a full GC (see args.ts SHAPE_ANCHORS):
 * hostArgs meets one per range memo miss, and HyperFormula keeps none of them (the anchors together are worth about
 * 1.8× on a per-cell recalculation after a full GC: the figures are in args.ts).
 */
export const RANGE_SHAPE_ANCHOR: object = SimpleRangeValue.onlyValues([[0]]);
const REFERENCES = new Set<string>([AST.cellRange, AST.columnRange, AST.rowRange]);
/** Arguments that name cells: for a range parameter they are ranges even when HyperFormula evaluates them to one value.
 * */
const CELL_REFERENCES = new Set<string>([AST.cell, ...REFERENCES]);

interface RangeMemo {
  sheet: number;
  top: number;
  left: number;
  bottom: number;
  right: number;
  grid: Grid;
  height: number;
  width: number;
}

/**
 * Per formula (its vertex), per argument: the range vertex its cell-range reference resolved to, so a recalculation
 * finds the memo without evaluating the reference again (HyperFormula builds a range object, a SimpleRangeValue and a
 * string key per reference, which is most of what a cached cell costs). Used only while the formula's argument is
 * the very same AST node (re-entered or transformed formulas get new ones) and the range vertex is still in the
 * graph; its memo must then match the vertex's current address.
 */
const resolvedArgs = new WeakMap<object, (ResolvedArg | undefined)[]>();
interface ResolvedArg {
  ast: AstNode;
  vertex: RangeVertexLike;
}

function sameAddress(m: RangeMemo, start: Address, end: Address): boolean {
  return (
    m.sheet === start.sheet &&
    m.top === start.row &&
    m.left === start.col &&
    m.bottom === end.row &&
    m.right === end.col &&
    end.sheet === start.sheet
  );
}

/** The memo on a live range vertex, if it was made for the vertex's current address and its sheet's used size. */
function memoGrid(vertex: RangeVertexLike, graph: SizedGraph): Grid | undefined {
  if (vertex.idInGraph === undefined || vertex.idInGraph === null) return undefined;
  const memo = vertex.getFunctionValue(MEMO_KEY) as RangeMemo | undefined;
  return memo !== undefined &&
    sameAddress(memo, vertex.range.start, vertex.range.end) &&
    memo.height === graph.getSheetHeight(memo.sheet) &&
    memo.width === graph.getSheetWidth(memo.sheet)
    ? memo.grid
    : undefined;
}

function hostGrid(v: SimpleRangeValue): Cell[][] {
  return v.data.map((row) => row.map(toCell));
}

/**
 * The host array of a range reference trimmed to its sheet's used range, as Excel trims whole-column and
 * whole-sheet references: `A:XFD` on a 1,000 × 10 sheet costs 1,000 × 10 cells, not 1,000 × 16,384. Cells
 * beyond the used range are blank, so nothing is lost; at least one (blank) cell is kept.
 */
function trimmedGrid(v: SimpleRangeValue, graph: SizedGraph): Cell[][] {
  const range = v.range;
  if (range === undefined) return hostGrid(v);
  const { start, end } = range;
  const bottom = Math.max(start.row, Math.min(end.row, graph.getSheetHeight(start.sheet) - 1));
  const right = Math.max(start.col, Math.min(end.col, graph.getSheetWidth(start.sheet) - 1));
  if (bottom === end.row && right === end.col) return hostGrid(v); // nothing to trim
  const out: Cell[][] = new Array(bottom - start.row + 1);
  for (let row = start.row; row <= bottom; row++) {
    const line: Cell[] = new Array(right - start.col + 1);
    for (let col = start.col; col <= right; col++) {
      const value = graph.getCellValue({ sheet: start.sheet, row, col });
      line[col - start.col] = value instanceof SimpleRangeValue ? ERROR_TEXT.VALUE : toCell(value);
    }
    out[row - start.row] = line;
  }
  return out;
}

export class SendPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {};

  /**
   * Arguments as host values; a scalar argument that is an error propagates (as in Excel). A reference given to a
   * range parameter is a range even when it names one cell (S!A1, S!A1:A1): HyperFormula hands over that cell's
   * value, Excel a 1 × 1 range, so a blank cell is [[null]] (not "argument missing") and an error cell is read as
   * its text by the wrapper (not propagated), as in Excel.
   */
  private hostArgs(ast: ProcedureAst, state: State, rangeParam: readonly boolean[]): HostValue[] | CellError {
    const formula = state.formulaVertex;
    let resolved = formula === undefined ? undefined : resolvedArgs.get(formula);
    const args = ast.args;
    const out: HostValue[] = new Array(args.length);
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      const type = arg.type;
      if (type === AST.empty) {
        out[i] = null;
        continue;
      }
      if (type === AST.string) {
        out[i] = (arg as StringAst).value;
        continue;
      } // what evaluating it gives
      if (type === AST.cellRange && resolved !== undefined) {
        const r = resolved[i];
        const grid = r !== undefined && r.ast === arg ? memoGrid(r.vertex, this.sizedGraph()) : undefined;
        if (grid !== undefined) {
          out[i] = grid;
          continue;
        }
      }
      const v = evaluateArg(this, arg, state) as HfValue;
      if (v instanceof SimpleRangeValue) {
        if (!REFERENCES.has(type)) {
          out[i] = hostGrid(v);
          continue;
        }
        const vertex = this.rangeVertex(v);
        out[i] = vertex === undefined ? trimmedGrid(v, this.sizedGraph()) : this.memoised(v, vertex);
        if (vertex !== undefined && type === AST.cellRange && formula !== undefined) {
          if (resolved === undefined) resolvedArgs.set(formula, (resolved = []));
          resolved[i] = { ast: arg, vertex };
        }
      } else if (
        rangeParam[i] === true &&
        CELL_REFERENCES.has(type) &&
        !(v instanceof CellError && v.type === ErrorType.REF)
      ) {
        out[i] = [[toCell(v)]]; // (a #REF! here is the reference itself gone: Excel shows #REF! without calling us)
      } else if (v instanceof CellError) {
        return v;
      } else {
        out[i] = toCell(v);
      }
    }
    return out;
  }

  private rangeVertex(v: SimpleRangeValue): RangeVertexLike | undefined {
    return rangeVertexOf(this, v);
  }

  private sizedGraph(): SizedGraph {
    return sizedGraphOf(this);
  }

  /** The host array of an evaluated range reference: the one kept on its range vertex, or a new one kept there. */
  private memoised(v: SimpleRangeValue, vertex: RangeVertexLike): Grid {
    const { start, end } = v.range!;
    const memo = vertex.getFunctionValue(MEMO_KEY) as RangeMemo | undefined;
    if (memo !== undefined && sameAddress(memo, start, end) && memoGrid(vertex, this.sizedGraph()) === memo.grid)
      return memo.grid;
    const grid = freezeGrid(trimmedGrid(v, this.sizedGraph()));
    const graph = this.sizedGraph();
    vertex.setFunctionValue(MEMO_KEY, {
      sheet: start.sheet,
      top: start.row,
      left: start.col,
      bottom: end.row,
      right: end.col,
      grid,
      height: graph.getSheetHeight(start.sheet),
      width: graph.getSheetWidth(start.sheet),
    });
    return grid;
  }

  /** sizeOfResultArrayMethod for every SEND function with a matrix result. */
  sendSize(name: string, ast: ProcedureAst, state: State): ArraySize {
    try {
      const host = this.hostArgs(ast, state, RANGE_PARAMS[name]);
      if (host instanceof CellError) return ArraySize.scalar();
      let size: { rows: number; cols: number };
      if (SIZED.has(name)) size = resultSize(name, host);
      else {
        // the size is the result's shape: keep the result for the evaluation that follows
        const result = invoke(name, host);
        sizedResult = { name, host, result };
        size = shapeOf(result);
      }
      const { rows, cols } = size;
      return rows === 1 && cols === 1 ? ArraySize.scalar() : new ArraySize(cols, rows);
    } catch {
      // a referenced formula not computed yet (build order): size it as one cell; evaluation notes the resize
      return ArraySize.scalar();
    }
  }

  /** The method of every SEND function. */
  sendCall(name: string, ast: ProcedureAst, state: State): HfValue {
    keepStateShape(state);
    const host = this.hostArgs(ast, state, RANGE_PARAMS[name]);
    if (host instanceof CellError) return host;
    const handed = sizedResult;
    if (handed !== undefined && handed.name === name && sameArgs(handed.host, host, TRIMMED_PARAMS[name])) {
      sizedResult = undefined;
      return this.fitted(handed.result, ast, state);
    }
    if (SIZED.has(name)) {
      // sized as one cell (its inputs were not computed when it was entered) but its own size says more: it is
      // re-entered to spill at that size and computed then, so not now (a workbook's build re-enters every such
      // SEND.ALLOCATEALL: its Totals were computed twice)
      const reserved = reservedSize(ast, state);
      if (reserved !== null && reserved.height === 1 && reserved.width === 1) {
        const { rows, cols } = resultSize(name, host);
        if (rows !== 1 || cols !== 1) return this.spillLater(rows, cols, state);
      }
    }
    return this.fitted(invoke(name, host), ast, state);
  }

  /** #SPILL! for a formula whose result needs more cells than were reserved, noted to be re-entered. */
  private spillLater(rows: number, cols: number, state: State): CellError {
    noteResize(graphOf(this), state.formulaAddress);
    return new CellError(
      ErrorType.SPILL,
      `the result needs ${rows} × ${cols} cells; it spills when the workbook recalculates`,
    );
  }

  /** The result in HyperFormula's terms, fitted to the reserved size when this call is the whole formula. */
  private fitted(result: Result, ast: ProcedureAst, state: State): HfValue {
    const reserved = reservedSize(ast, state);
    if (!isGrid(result)) {
      // the per-cell path (2,000 SEND.ALLOCATE cells): no shapes built
      if (reserved && (reserved.height !== 1 || reserved.width !== 1)) noteResize(graphOf(this), state.formulaAddress);
      return toHf(result);
    }
    const want = shapeOf(result);
    if (reserved && (want.rows !== reserved.height || want.cols !== reserved.width)) {
      noteResize(graphOf(this), state.formulaAddress);
    }
    const grid = result;
    const rows = grid.length;
    const cols = widthOf(grid); // not Math.max(...rows): a 600,000-row spill would overflow the stack
    if (rows === 0 || cols === 0) return EmptyValue;
    if (rows === 1 && cols === 1) return toHf(grid[0][0]);
    if (reserved) {
      if (reserved.height === 1 && reserved.width === 1) return this.spillLater(rows, cols, state);
      const h = Math.min(rows, reserved.height);
      const w = Math.min(cols, reserved.width);
      return SimpleRangeValue.onlyValues(hfRows(grid, h, w));
    }
    return SimpleRangeValue.onlyValues(hfRows(grid, rows, cols));
  }
}

/**
 * The result a size method computed (a function without FunctionSpec#size is sized by computing it), handed to the
 * evaluation of the same call that HyperFormula makes next, so SEND.CHECK at entry is computed once, not twice. Taken
 * only for the same function on the same arguments, compared cell by cell (at entry HyperFormula has no range vertex
 * yet, so the evaluation reads new arrays, and may read trailing blank cells of a range that the entry trimmed: the
 * wrapper trims a range parameter outside a group to its content too): the functions are pure. One slot, replaced
 * by the next size computed; comparing 15,000 cells costs a fraction of a millisecond, the computation it saves tens.
 */
let sizedResult: { name: string; host: readonly HostValue[]; result: Result } | undefined;

function sameArgs(a: readonly HostValue[], b: readonly HostValue[], rangeParam: readonly boolean[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (!Array.isArray(x) || !Array.isArray(y) || !sameGrid(x as Grid, y as Grid, rangeParam[i] === true)) return false;
  }
  return true;
}

/** Same cells; with `padded`, a missing cell and a null one are the same (trailing blanks of a range parameter). */
function sameGrid(a: Grid, b: Grid, padded: boolean): boolean {
  if (!padded && a.length !== b.length) return false;
  const rows = Math.max(a.length, b.length);
  for (let r = 0; r < rows; r++) {
    const x: readonly Cell[] = a[r] ?? [];
    const y: readonly Cell[] = b[r] ?? [];
    if (x === y) continue;
    if (!padded && x.length !== y.length) return false;
    const cols = Math.max(x.length, y.length);
    for (let c = 0; c < cols; c++) if ((x[c] ?? null) !== (y[c] ?? null)) return false;
  }
  return true;
}

/** Functions whose size is known without computing their result (FunctionSpec#size). */
const SIZED = new Set(
  REGISTRY.filter((spec) => spec.result === "matrix" && spec.size !== undefined).map((s) => s.name),
);

/** Per function, the range parameters the wrapper trims to their own content (no group: args.ts Range). */
const TRIMMED_PARAMS: Record<string, readonly boolean[]> = Object.fromEntries(
  REGISTRY.map((spec) => [spec.name, spec.parameters.map((p) => p.type === "range" && !p.group)]),
);

/** Per function, which parameters are ranges (a one-cell reference to them reaches the wrapper as a 1 × 1 range). */
const RANGE_PARAMS: Record<string, readonly boolean[]> = Object.fromEntries(
  REGISTRY.map((spec) => [spec.name, spec.parameters.map((p) => p.type === "range")]),
);

/** Method names on the plugin's prototype (HyperFormula requires them to be its own properties). */
function methodName(name: string): string {
  return `send_${name.toLowerCase()}`;
}

for (const spec of REGISTRY) {
  const id = `${NAMESPACE}.${spec.name}`;
  const method = methodName(spec.name);
  const proto = SendPlugin.prototype as unknown as Record<string, unknown>;
  proto[method] = function (this: SendPlugin, ast: ProcedureAst, state: State) {
    return this.sendCall(spec.name, ast, state);
  };
  const meta: ImplementedFunctions[string] = {
    method,
    // every argument arrives as given (ranges as ranges); the wrapper coerces, so HyperFormula must not
    parameters: spec.parameters.map(() => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true })),
    vectorizationForbidden: true,
  };
  if (spec.result === "matrix") {
    proto[`${method}_size`] = function (this: SendPlugin, ast: ProcedureAst, state: State) {
      return this.sendSize(spec.name, ast, state);
    };
    meta.sizeOfResultArrayMethod = `${method}_size`;
  }
  SendPlugin.implementedFunctions[id] = meta;
}

/** The function names in a formula ("SEND.ALLOCATE", …), the same in every language. */
export const SEND_FUNCTION_IDS: readonly string[] = REGISTRY.map((s) => `${NAMESPACE}.${s.name}`);

/** Registers the plugin (and the enUS language) once per process; safe to call any number of times. */
export function registerSendPlugin(): void {
  if (!HyperFormula.getRegisteredLanguagesCodes().includes("enUS")) HyperFormula.registerLanguage("enUS", enUS);
  if (HyperFormula.getFunctionPlugin(SEND_FUNCTION_IDS[0]) === SendPlugin) return;
  const names = Object.fromEntries(SEND_FUNCTION_IDS.map((id) => [id, id]));
  HyperFormula.registerFunctionPlugin(SendPlugin, { enGB: names, enUS: names });
}
