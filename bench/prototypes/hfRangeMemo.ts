// PROTOTYPE (bench-only): what scenario 4 loses per SEND.ALLOCATE cell, and two fixes, measured as two
// extra functions registered in the same HyperFormula:
//  SENDX.ALLOCATE — the plugin memoises each range argument's host array on HyperFormula's own range
//    vertex (RangeVertex.setFunctionValue, the cache SUM uses; HyperFormula clears it when any cell of the
//    range changes). The 212 × 26 Rates range is then read once per recalculation instead of once per cell.
//    The call still goes through wrapper.invoke (content hash of the rates per call).
//  SENDY.ALLOCATE — the same, plus identity-keyed parse caches (WeakMap from the memoised array to its
//    parsed rates table / field reader) in front of the content hash, so a cell costs one row read and
//    one allocation (the engine's own fast path, src/engine/fast allocateRowTotal, when it is there;
//    else the bench's integer prototype, fastPence.ts; both fall back to decimal.js).
import { FunctionPlugin, FunctionArgumentType, HyperFormula, SimpleRangeValue, CellError, EmptyValue, ErrorType } from "hyperformula";
import type { ImplementedFunctions } from "hyperformula";
import {
  parseRates, resolveOption, fieldReader, allocateTotal, toNumber, SendError, cellText,
  type Cell, type RatesTable, type Option,
} from "../../src/engine";
import type { FieldReader } from "../../src/engine/fields";
import { loadModule, type Invoke } from "../lib/hosts";
import { compileFastRow, type FastRow } from "./fastPence";

const KEY = "SEND.HOST";
type Host = Cell | Cell[][];
let invoke: Invoke | null = null;

const HF_ERROR: Record<string, ErrorType> = { "#VALUE!": ErrorType.VALUE, "#N/A": ErrorType.NA, "#NUM!": ErrorType.NUM };
const toHf = (x: unknown): number | string | boolean | CellError | typeof EmptyValue => {
  if (x === null || x === undefined) return EmptyValue;
  if (x instanceof SendError) return new CellError(HF_ERROR[x.kind], x.message);
  if (Array.isArray(x)) return toHf(x[0]?.[0]);
  return x as number | string | boolean;
};
const toCell = (v: unknown): Cell => {
  if (v === EmptyValue || v === undefined || v === null) return null;
  if (v instanceof CellError) return `#${v.type}!`;
  if (typeof v === "object" && "val" in (v as object)) return (v as { val: number }).val;
  return v as Cell;
};

const ratesById = new WeakMap<object, { table: RatesTable | SendError; options: Map<string, ReturnType<typeof resolveOption>> }>();
const readersById = new WeakMap<object, FieldReader | SendError>();

const fastByFields = new WeakMap<object, Map<unknown, FastRow | null>>();
type RowTotal = (o: Option, reader: FieldReader, values: readonly Cell[], where: string) => number | SendError;
const engineFast = loadModule<{ allocateRowTotal?: RowTotal }>("../../src/engine/fast")?.allocateRowTotal ?? null;
export const SENDY_ROW_PATH = engineFast ? "src/engine/fast allocateRowTotal" : "bench integer prototype (fastPence.ts)";

/** One row's total, fast: the engine's fast path when present, else the bench prototype; null = use decimal. */
function fastRow(opt: Option, reader: FieldReader, fields: Cell[][], values: Cell[]): unknown {
  if (engineFast) return engineFast(opt, reader, values, "values");
  let byOpt = fastByFields.get(fields);
  if (!byOpt) fastByFields.set(fields, (byOpt = new Map()));
  let fast = byOpt.get(opt);
  if (fast === undefined) byOpt.set(opt, (fast = compileFastRow(opt, fields[0])));
  const v = fast?.(values);
  return v === undefined ? null : v;
}

function allocateByIdentity(host: Host[]): unknown {
  const [rates, option, fields, values] = host as [Cell[][], Cell, Cell[][], Cell[][]];
  let r = ratesById.get(rates);
  if (!r) ratesById.set(rates, (r = { table: parseRates(rates), options: new Map() }));
  if (r.table instanceof SendError) return r.table;
  const name = cellText(option);
  let opt = r.options.get(name);
  if (!opt) r.options.set(name, (opt = resolveOption(r.table, option)));
  if (opt instanceof SendError) return opt;
  let reader = readersById.get(fields);
  if (!reader) readersById.set(fields, (reader = fieldReader(fields[0], "fields")));
  if (reader instanceof SendError) return reader;
  const f = fastRow(opt, reader, fields, values[0]);
  if (f !== null) return f;
  const inst = reader.read(values[0], "values");
  if (inst instanceof SendError) return inst;
  const t = allocateTotal(opt, inst);
  return t instanceof SendError ? t : toNumber(t);
}

interface Ast { type: string; args: Ast[] }
interface RangeVertexLike { getFunctionValue(k: string): unknown; setFunctionValue(k: string, v: unknown): void }

export class RangeMemoPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    "SENDX.ALLOCATE": { method: "viaInvoke", parameters: Array(4).fill({ argumentType: FunctionArgumentType.ANY, optionalArg: true }), vectorizationForbidden: true },
    "SENDY.ALLOCATE": { method: "viaIdentity", parameters: Array(4).fill({ argumentType: FunctionArgumentType.ANY, optionalArg: true }), vectorizationForbidden: true },
  };

  private args(ast: Ast, state: unknown): Host[] | CellError {
    const out: Host[] = [];
    const evaluate = this.evaluateAst as unknown as (a: Ast, s: unknown) => unknown;
    for (const a of ast.args) {
      const v = evaluate.call(this, a, state);
      if (v instanceof SimpleRangeValue) {
        const range = (v as unknown as { range?: { start: unknown; end: unknown } }).range;
        const graph = this.dependencyGraph as unknown as { getRange(s: unknown, e: unknown): RangeVertexLike | undefined };
        const vertex = range ? graph.getRange(range.start, range.end) : undefined;
        let host = vertex?.getFunctionValue(KEY) as Cell[][] | undefined;
        if (!host) {
          host = v.data.map((row) => row.map(toCell));
          vertex?.setFunctionValue(KEY, host);
        }
        out.push(host);
      } else if (v instanceof CellError) return v;
      else out.push(toCell(v));
    }
    return out;
  }

  viaInvoke(ast: Ast, state: unknown) {
    const host = this.args(ast, state);
    return host instanceof CellError ? host : toHf(invoke!("ALLOCATE", host));
  }

  viaIdentity(ast: Ast, state: unknown) {
    const host = this.args(ast, state);
    return host instanceof CellError ? host : toHf(allocateByIdentity(host));
  }

}

export function registerRangeMemo(inv: Invoke): void {
  invoke = inv;
  if (HyperFormula.getFunctionPlugin("SENDX.ALLOCATE") === RangeMemoPlugin) return;
  const names = { "SENDX.ALLOCATE": "SENDX.ALLOCATE", "SENDY.ALLOCATE": "SENDY.ALLOCATE"};
  HyperFormula.registerFunctionPlugin(RangeMemoPlugin, { enGB: names, ...(HyperFormula.getRegisteredLanguagesCodes().includes("enUS") ? { enUS: names } : {}) });
}
