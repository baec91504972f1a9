// Every use of HyperFormula's unexported internals, in one place (issue 12). The SEND plugin needs four things
// HyperFormula's public API does not offer: the AST of a call's arguments and evaluating one of them
// (FunctionPlugin#evaluateAst), the formula being computed (its vertex: the AST root and the array size reserved
// for its spill), the range vertex a reference resolved to (dependencyGraph.getRange) with its function-value
// cache, and the dependency graph's identity (to note formulas to re-enter). HyperFormula is pinned to an exact
// version in package.json; test/headless/hfInternals.test.ts checks each of these against that version and fails
// loudly, naming the internal, when an upgrade changes one.
import type { FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";

/** The HyperFormula version these internals were written against (package.json pins it exactly). */
export const HF_VERSION = "3.5.0";

/** The parts of an argument's AST node we read. */
export interface AstNode {
  type: string;
}
export interface ProcedureAst extends AstNode {
  args: AstNode[];
  procedureName: string;
}
export interface StringAst extends AstNode {
  value: string;
}
export interface Address {
  sheet: number;
  row: number;
  col: number;
}

/** The interpreter state HyperFormula hands a plugin method. */
export interface State {
  formulaAddress: Address;
  formulaVertex?: { formula?: unknown; array?: { size?: { width: number; height: number } } };
}

/** AST node types: an empty argument, a string literal, and the references. */
export const AST = {
  empty: "EMPTY",
  string: "STRING",
  cell: "CELL_REFERENCE",
  cellRange: "CELL_RANGE",
  columnRange: "COLUMN_RANGE",
  rowRange: "ROW_RANGE",
} as const;

/** A range vertex: the graph node of a range reference, with the cache HyperFormula clears when a cell changes. */
export interface RangeVertexLike {
  range: { start: Address; end: Address };
  /** undefined once HyperFormula has removed the vertex from its graph */
  idInGraph?: number;
  getFunctionValue(key: string): unknown;
  setFunctionValue(key: string, value: unknown): void;
}
interface GraphLike {
  getRange(start: Address, end: Address): RangeVertexLike | undefined;
}

type Evaluate = (this: FunctionPlugin, a: AstNode, s: State) => unknown;

/** Evaluates one argument's AST in the plugin's interpreter (FunctionPlugin#evaluateAst, protected). */
export function evaluateArg(plugin: FunctionPlugin, ast: AstNode, state: State): unknown {
  return (plugin as unknown as { evaluateAst: Evaluate }).evaluateAst.call(plugin, ast, state);
}

/** The range vertex of an evaluated range reference, if the graph has one. */
export function rangeVertexOf(plugin: FunctionPlugin, v: SimpleRangeValue): RangeVertexLike | undefined {
  const range = v.range;
  const graph = (plugin as unknown as { dependencyGraph: GraphLike }).dependencyGraph;
  return range === undefined ? undefined : graph.getRange(range.start, range.end);
}

/** The sheet sizes and cell values of the plugin's dependency graph (used to trim ranges to the used range). */
export interface SizedGraph {
  getSheetHeight(sheet: number): number;
  getSheetWidth(sheet: number): number;
  getCellValue(a: Address): unknown;
}

/** The plugin's dependency graph, seen through the three methods that trim a range to its sheet's used range. */
export function sizedGraphOf(plugin: FunctionPlugin): SizedGraph {
  return (plugin as unknown as { dependencyGraph: SizedGraph }).dependencyGraph;
}

/** The identity of a plugin's (or an engine's) dependency graph: per-engine bookkeeping is keyed by it. */
export function graphOf(owner: FunctionPlugin | HyperFormula): object {
  return (owner as unknown as { dependencyGraph: object }).dependencyGraph;
}

/**
 * One interpreter state kept alive for the life of the process, made like the first one HyperFormula hands the
 * plugin (see functions/args.ts SHAPE_ANCHORS): HyperFormula makes a state per formula and drops it, so at a full GC
 * its hidden class would die and every function of the per-cell path compiled against it be deoptimised (with the
 * other anchors, worth about 1.8× on a per-cell recalculation after a full GC: the figures are in args.ts).
 */
let stateAnchor: object | undefined;

export function keepStateShape(state: State): void {
  if (stateAnchor !== undefined) return;
  const Ctor = (state as object).constructor as new (address: Address, arrays: boolean, vertex: undefined) => object;
  const a = state.formulaAddress;
  stateAnchor = new Ctor({ sheet: a.sheet, row: a.row, col: a.col }, false, undefined);
}

/** The size of a formula that does not spill. */
const ONE_CELL: Readonly<{ width: number; height: number }> = Object.freeze({ width: 1, height: 1 });

/**
 * The spill size reserved for this call when it is the whole formula (the vertex's AST root), else null. Allocates
 * nothing: it runs for every SEND cell of a recalculation.
 */
export function reservedSize(ast: AstNode, state: State): Readonly<{ width: number; height: number }> | null {
  const vertex = state.formulaVertex;
  if (vertex === undefined || vertex.formula !== ast) return null;
  return vertex.array?.size ?? ONE_CELL;
}

/** Whether this call is the whole formula (the vertex's AST root), and the spill size reserved for it. */
export function formulaRoot(
  ast: AstNode,
  state: State,
): { isRoot: boolean; reserved: Readonly<{ width: number; height: number }> | null } {
  const reserved = reservedSize(ast, state);
  return { isRoot: reserved !== null, reserved };
}

/** The spill of the array formula whose corner is `a` (once computed): its size. */
export function spillAt(hf: HyperFormula, a: Address): { width: number; height: number } | undefined {
  const spill = hf.dependencyGraph.arrayMapping.getArrayByCorner(a);
  return spill && spill.isComputed() ? { width: spill.width, height: spill.height } : undefined;
}

/** The corner of every array formula of the engine. */
export function arrayCorners(hf: HyperFormula): Address[] {
  return [...hf.dependencyGraph.arrayMapping.arrayMapping.values()].map((v) => v.leftCorner);
}

/**
 * The addresses of a sheet that hold something in the engine (a value, a formula, a spilled result, or an empty
 * placeholder), without visiting the blank rest of its area: a sheet holding A1 and XFD1048576 costs two visits,
 * not 17 billion. Unordered.
 */
export function occupiedCells(hf: HyperFormula, sheet: number): Address[] {
  const mapping = (
    hf as unknown as { dependencyGraph: { addressMapping: { sheetEntries(s: number): Iterable<[Address, unknown]> } } }
  ).dependencyGraph.addressMapping;
  const out: Address[] = [];
  for (const [a] of mapping.sheetEntries(sheet)) out.push({ sheet, row: a.row, col: a.col });
  return out;
}

/**
 * Values out exactly as computed. smartRounding is on for its comparisons (15 significant digits, as Excel), but it
 * would also round every value read out of the engine, and a custom function's double must reach the file as is
 * (Excel keeps all its digits). The exporter (one class, shared by every engine) keeps them.
 */
export function exportExactValues(hf: HyperFormula): void {
  const exporter = (hf as unknown as { _exporter: object })._exporter;
  const proto = Object.getPrototypeOf(exporter) as { cellValueRounding?: (v: number) => number };
  if (typeof proto.cellValueRounding !== "function")
    throw new Error(`HyperFormula ${HF_VERSION} internals changed: Exporter#cellValueRounding is missing`);
  proto.cellValueRounding = (v: number) => v;
}

interface StorageMapping {
  addSheetOrChangeStrategy(sheet: number, boundaries: { width: number; height: number; fill: number }): object;
  getStrategyForSheetOrThrow(sheet: number): { mapping: unknown };
}
const storageOf = (hf: HyperFormula) =>
  (hf as unknown as { dependencyGraph: { addressMapping: StorageMapping } }).dependencyGraph.addressMapping;

/**
 * Stores a sheet just added (empty, so dense: `hf.addSheet` gives every new sheet a dense placeholder) the way
 * `buildFromSheets` stores a sheet of this fill: through the engine's address-mapping policy
 * (AddressMapping#addSheetOrChangeStrategy, what buildFromSheets and addSheet themselves call). The size given is
 * 0 × 0 (the storage grows with its cells): HyperFormula visits every address of a sheet's size when its content
 * is replaced, so a sheet holding A1 and XFD1048576 must not start at that size.
 */
export function storeAs(hf: HyperFormula, sheet: number, fill: number): void {
  const mapping = storageOf(hf);
  if (typeof mapping.addSheetOrChangeStrategy !== "function")
    throw new Error(`HyperFormula ${HF_VERSION} internals changed: AddressMapping#addSheetOrChangeStrategy is missing`);
  mapping.addSheetOrChangeStrategy(sheet, { width: 0, height: 0, fill });
}

/** How a sheet is stored: "sparse" (maps of the cells it holds) or "dense" (an array per row, as wide as the sheet). */
export function storageKind(hf: HyperFormula, sheet: number): "sparse" | "dense" {
  // SparseStrategy keeps a Map of rows; DenseStrategy an array of them
  return storageOf(hf).getStrategyForSheetOrThrow(sheet).mapping instanceof Map ? "sparse" : "dense";
}
