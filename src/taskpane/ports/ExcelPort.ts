// WorkbookPort over Office.js. Every call is one Excel.run batch; failures propagate to the caller
// (the screen shows them) — nothing here swallows an error.
import { parseRangeOrThrow, sheetRef, splitRef } from "../../util/a1";
import { clipToUsed } from "./clip";
import { blockAddress, forHost, overwrites, rectangular, spillOffset, toEngineCell } from "./cells";
import type {
  CellValue,
  ChartSpec,
  ChartType,
  CompareOperator,
  ConditionalFormatSpec,
  ExplainFn,
  Explanation,
  RangeSnapshot,
  RawCell,
  Selection,
  WorkbookPort,
  WriteRequest,
  WriteResult,
} from "./WorkbookPort";

const CHART_TYPES: Record<ChartType, Excel.ChartType> = {
  line: "Line" as Excel.ChartType,
  columnClustered: "ColumnClustered" as Excel.ChartType,
  barClustered: "BarClustered" as Excel.ChartType,
};
const OPERATORS: Record<CompareOperator, string> = {
  lessThan: "LessThan",
  greaterThan: "GreaterThan",
  equalTo: "EqualTo",
  lessThanOrEqual: "LessThanOrEqual",
  greaterThanOrEqual: "GreaterThanOrEqual",
};
/** Custom functions compute asynchronously: a fresh formula reads as #BUSY! for a moment. */
const PENDING = new Set(["#BUSY!", "#GETTING_DATA"]);

export interface ExcelPortOptions {
  explain: ExplainFn;
  /**
   * How to poll while results are pending: the first wait, growing ×1.5 per poll up to maxDelayMs. There is no
   * give-up: a pending value is never returned as a result (a timeout would read a slow recalculation of a large
   * model as a failure, and Fit would undo a column that was only still calculating). onCalculating listeners
   * hear when the wait starts and ends, so the pane can say "still calculating".
   */
  settle?: { delayMs: number; maxDelayMs: number };
  sleep?: (ms: number) => Promise<void>;
}

/** "Sheet1!B3" or "'My sheet'!B3:C4" -> the part after the sheet name. */
function localAddress(address: string): string {
  return splitRef(address).range;
}

function toCellValues(values: unknown[][], types: string[][]): CellValue[][] {
  return values.map((r, i) =>
    r.map((v, j) => {
      if (types[i]?.[j] === "Error") return { error: String(v) };
      if (v === "" || v === undefined) return null;
      return v as CellValue;
    }),
  );
}

/**
 * A cell as `range.formulas` must receive it to come back as it was. `formulas` gives a formula's text
 * but a constant's value, so text such as "=x" looks like a formula there: a cell is a formula only when
 * its formula text differs from its value. Text that Excel would parse gets the apostrophe prefix.
 */
export function restorable(formula: unknown, value: unknown): RawCell {
  if (formula === "" || formula === null || formula === undefined) return null;
  if (typeof formula !== "string") return formula as RawCell;
  if (formula.startsWith("=") && formula !== value) return formula;
  if (formula.startsWith("'") && formula.slice(1) === value) return formula; // already prefixed
  return forHost(formula, "values");
}

function grid<T>(range: string, value: T): T[][] {
  const r = parseRangeOrThrow(range);
  return Array.from({ length: r.bottom - r.top + 1 }, () => Array<T>(r.right - r.left + 1).fill(value));
}

export class ExcelPort implements WorkbookPort {
  readonly kind = "excel" as const;
  private readonly settle: { delayMs: number; maxDelayMs: number };
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly calculatingListeners = new Set<(calculating: boolean) => void>();
  private waits = 0;

  constructor(private readonly opts: ExcelPortOptions) {
    this.settle = opts.settle ?? { delayMs: 250, maxDelayMs: 2000 };
    this.sleep = opts.sleep ?? ((ms) => new Promise((res) => setTimeout(res, ms)));
  }

  onCalculating(listener: (calculating: boolean) => void): () => void {
    this.calculatingListeners.add(listener);
    return () => this.calculatingListeners.delete(listener);
  }

  private notifyCalculating(delta: 1 | -1): void {
    const before = this.waits > 0;
    this.waits += delta;
    if (before !== this.waits > 0) for (const l of this.calculatingListeners) l(this.waits > 0);
  }

  sheetNames(): Promise<string[]> {
    return Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items");
      await ctx.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  tableNames(): Promise<string[]> {
    return Excel.run(async (ctx) => {
      const tables = ctx.workbook.tables;
      tables.load("items");
      await ctx.sync();
      return tables.items.map((t) => t.name);
    });
  }

  usedRange(sheet: string): Promise<string | null> {
    return Excel.run(async (ctx) => {
      // getUsedRange returns A1 for a blank sheet, so a lone A1 is checked for content
      const used = ctx.workbook.worksheets.getItem(sheet).getUsedRange(true);
      used.load("address");
      await ctx.sync();
      const local = localAddress(used.address);
      if (local !== "A1") return local;
      used.load("values");
      await ctx.sync();
      return used.values[0][0] === "" ? null : local;
    });
  }

  /** The range's values once no cell is pending (#BUSY!): Excel's own signal that a custom function is still
   * computing. Polls with a growing delay and never gives up (see ExcelPortOptions.settle). */
  async readValues(sheet: string, range: string): Promise<CellValue[][]> {
    let delay = this.settle.delayMs;
    let waiting = false;
    try {
      for (;;) {
        const values = await this.readValuesOnce(sheet, range);
        const pending = values.some((r) => r.some((v) => v !== null && typeof v === "object" && PENDING.has(v.error)));
        if (!pending) return values;
        if (!waiting) this.notifyCalculating(1);
        waiting = true;
        await this.sleep(delay);
        delay = Math.min(this.settle.maxDelayMs, Math.round(delay * 1.5));
      }
    } finally {
      if (waiting) this.notifyCalculating(-1);
    }
  }

  private readValuesOnce(sheet: string, range: string): Promise<CellValue[][]> {
    return Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(sheet).getRange(range);
      r.load(["values", "valueTypes"]);
      await ctx.sync();
      return toCellValues(r.values, r.valueTypes as string[][]);
    });
  }

  readFormulas(sheet: string, range: string): Promise<RawCell[][]> {
    return Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(sheet).getRange(range);
      r.load("formulas");
      await ctx.sync();
      return r.formulas.map((row) => row.map((f) => (f === "" ? null : (f as RawCell))));
    });
  }

  write(req: WriteRequest): Promise<WriteResult> {
    return Excel.run(async (ctx): Promise<WriteResult> => {
      const ws = ctx.workbook.worksheets.getItem(req.sheet);
      const targets = req.blocks.map((b) => ({
        b,
        rows: rectangular(b.rows),
        address: blockAddress(b),
        range: ws.getRange(blockAddress(b)),
      }));
      if (!req.confirmOverwrite) {
        for (const t of targets) t.range.load("formulas");
        await ctx.sync();
        const addresses = targets.flatMap((t) => overwrites(req.sheet, t.b, t.range.formulas as RawCell[][]));
        if (addresses.length) return { ok: false, reason: "WouldOverwrite", addresses };
      }
      for (const t of targets) {
        const rows = t.rows.map((r) => r.map((c) => forHost(c, req.kind))) as (string | number | boolean)[][];
        if (req.kind === "formulas") t.range.formulas = rows;
        else t.range.values = rows;
      }
      await ctx.sync();
      return { ok: true, touched: targets.map((t) => sheetRef(req.sheet, t.address)) };
    });
  }

  addSheet(name: string): Promise<void> {
    return Excel.run(async (ctx) => {
      ctx.workbook.worksheets.add(name);
      await ctx.sync();
    });
  }

  deleteSheet(name: string): Promise<void> {
    return Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(name).delete();
      await ctx.sync();
    });
  }

  snapshot(sheet: string, range: string): Promise<RangeSnapshot> {
    return Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(sheet).getRange(range);
      r.load(["formulas", "values", "numberFormat"]);
      await ctx.sync();
      return {
        sheet,
        range,
        cells: r.formulas.map((row, i) => row.map((f, j) => restorable(f, r.values[i]?.[j]))),
        formats: r.numberFormat,
      };
    });
  }

  restore(s: RangeSnapshot): Promise<void> {
    return Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(s.sheet).getRange(s.range);
      r.formulas = s.cells.map((row) => row.map((c) => (c === null ? "" : c)));
      if (Array.isArray(s.formats)) r.numberFormat = s.formats as string[][];
      await ctx.sync();
    });
  }

  addTable(sheet: string, range: string, name: string): Promise<string[]> {
    return Excel.run(async (ctx) => {
      const table = ctx.workbook.worksheets.getItem(sheet).tables.add(range, true);
      table.name = name;
      await ctx.sync();
      return [sheetRef(sheet, range)];
    });
  }

  addChart(spec: ChartSpec): Promise<string[]> {
    if (spec.series.length === 0) throw new Error("a chart needs at least one series");
    return Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(spec.sheet);
      const [first, ...rest] = spec.series;
      const chart = ws.charts.add(CHART_TYPES[spec.type], ws.getRange(first.values), "Columns" as Excel.ChartSeriesBy);
      chart.title.text = spec.title;
      const [from, to] = spec.anchor.split(":");
      chart.setPosition(from, to ?? from);
      const s0 = chart.series.getItemAt(0);
      s0.name = first.name;
      s0.setXAxisValues(ws.getRange(spec.categories));
      for (const x of rest) {
        const s = chart.series.add(x.name);
        s.setValues(ws.getRange(x.values));
        s.setXAxisValues(ws.getRange(spec.categories));
      }
      await ctx.sync();
      return [sheetRef(spec.sheet, spec.anchor)];
    });
  }

  addConditionalFormat(spec: ConditionalFormatSpec): Promise<string[]> {
    return Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem(spec.sheet).getRange(spec.range);
      for (const rule of spec.rules) {
        const cf = range.conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
        if (rule.fontColor) cf.cellValue.format.font.color = rule.fontColor;
        if (rule.fillColor) cf.cellValue.format.fill.color = rule.fillColor;
        cf.cellValue.rule = {
          formula1: `=${rule.value}`,
          operator: OPERATORS[rule.operator] as Excel.ConditionalCellValueOperator,
        };
      }
      await ctx.sync();
      return [sheetRef(spec.sheet, spec.range)];
    });
  }

  setNumberFormat(sheet: string, range: string, format: string): Promise<string[]> {
    return Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(sheet).getRange(range).numberFormat = grid(range, format);
      await ctx.sync();
      return [sheetRef(sheet, range)];
    });
  }

  readNumberFormats(sheet: string, range: string): Promise<string[][]> {
    return Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(sheet).getRange(range);
      r.load("numberFormat");
      await ctx.sync();
      return r.numberFormat.map((row) => row.map((f) => String(f ?? "General")));
    });
  }

  async openNewWorkbook(base64: string): Promise<void> {
    if (typeof Office !== "undefined" && !Office.context.requirements.isSetSupported("ExcelApi", "1.8")) {
      throw new Error(
        "This version of Excel cannot open a new workbook from an add-in (it needs ExcelApi 1.8): use the values-only copy inside this workbook instead.",
      );
    }
    await Excel.createWorkbook(base64);
  }

  selectRange(sheet: string, range: string): Promise<void> {
    return Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(range).select();
      await ctx.sync();
    });
  }

  async getSelection(): Promise<Selection | null> {
    const sel = await Excel.run(async (ctx) => {
      const cell = ctx.workbook.getActiveCell();
      cell.load(["address", "formulas", "values", "valueTypes"]);
      await ctx.sync();
      const { sheet, range } = splitRef(cell.address);
      if (!sheet) return null;
      const f = cell.formulas[0][0];
      return {
        sheet,
        address: range,
        formula: f === "" ? null : (f as RawCell),
        value: toCellValues(cell.values, cell.valueTypes as string[][])[0][0],
      };
    });
    if (!sel || (typeof sel.formula === "string" && sel.formula.startsWith("="))) return sel;
    const parent = await this.spillParent(sel.sheet, sel.address);
    return parent ? { ...sel, formula: parent.formula } : sel;
  }

  /** The formula cell whose spill covers `address` and its formula (ExcelApi 1.12), or null. */
  private spillParent(sheet: string, address: string): Promise<{ address: string; formula: RawCell } | null> {
    // spill parents came with ExcelApi 1.12 (before it, Excel has no spilled cells to ask about)
    if (typeof Office === "undefined" || !Office.context.requirements.isSetSupported("ExcelApi", "1.12"))
      return Promise.resolve(null);
    return Excel.run(async (ctx) => {
      const parent = ctx.workbook.worksheets.getItem(sheet).getRange(address).getSpillParentOrNullObject();
      parent.load(["address", "formulas"]);
      await ctx.sync();
      if (parent.isNullObject) return null;
      return { address: splitRef(parent.address).range, formula: parent.formulas[0][0] as RawCell };
    });
  }

  async explain(sheet: string, address: string): Promise<Explanation> {
    let [[formula]] = await this.readFormulas(sheet, address);
    let at: { row: number; col: number } | undefined;
    if (typeof formula !== "string" || !formula.startsWith("=")) {
      // one row of a spilled column (an Allocations option): explain it through the spill's own formula
      const parent = await this.spillParent(sheet, address);
      if (parent) {
        formula = parent.formula;
        at = spillOffset(parent.address, address);
      }
    }
    if (typeof formula !== "string" || !formula.startsWith("="))
      throw new Error(`${sheetRef(sheet, address)} holds no formula`);
    return this.opts.explain(
      formula,
      async (ref) => {
        const { sheet: s, range } = splitRef(ref);
        const on = s ?? sheet;
        // only the used part: a whole-column reference would be refused (5 million cells a read)
        const values = await this.readValues(on, clipToUsed(range, await this.usedRange(on)));
        return values.map((r) => r.map(toEngineCell));
      },
      sheet,
      at,
    );
  }
}
