// WorkbookPort over an in-browser headless workbook (HyperFormula with the SEND functions), so the
// pane runs in a plain browser. Tables, charts and formats have no headless equivalent: they are kept
// as metadata the preview grid draws.
import { parseCellOrThrow, parseRangeOrThrow, rangeA1, sheetRef, splitRef } from "../../util/a1";
import { downloadBlob } from "./download";
import { blockAddress, forHost, isEmptyCell, overwrites, rectangular, spillOffset, toEngineCell } from "./cells";
import type {
  CellValue,
  ChartSpec,
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

/** What PreviewPort needs of src/headless/workbook.ts's HeadlessWorkbook. */
export interface HeadlessBook {
  sheetNames(): string[];
  addSheet(name: string): void;
  removeSheet(name: string): void;
  setCells(sheet: string, topLeftA1: string, rows: RawCell[][]): void;
  getValues(sheet: string, rangeA1: string): CellValue[][];
  getFormulas(sheet: string, rangeA1: string): RawCell[][];
  usedRange(sheet: string): string | null;
  /** the A1 of the formula whose spill covers a cell not its own, or null */
  spillAnchor?(sheet: string, a1: string): string | null;
}

export interface PreviewMeta {
  tables: { sheet: string; range: string; name: string }[];
  charts: ChartSpec[];
  formats: ConditionalFormatSpec[];
  numberFormats: { sheet: string; range: string; format: string }[];
}

export class PreviewPort implements WorkbookPort {
  readonly kind = "preview" as const;
  readonly meta: PreviewMeta = { tables: [], charts: [], formats: [], numberFormats: [] };
  private selection: { sheet: string; address: string } | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly book: HeadlessBook,
    private readonly explainFn: ExplainFn,
  ) {}

  /** Called after every change (cells, sheets, metadata, selection); returns an unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private changed(): void {
    for (const l of [...this.listeners]) l();
  }

  private requireSheet(sheet: string): void {
    if (!this.book.sheetNames().includes(sheet)) throw new Error(`There is no sheet named '${sheet}'.`);
  }

  async sheetNames(): Promise<string[]> {
    return this.book.sheetNames();
  }
  async tableNames(): Promise<string[]> {
    return this.meta.tables.map((t) => t.name);
  }

  async usedRange(sheet: string): Promise<string | null> {
    this.requireSheet(sheet);
    return this.book.usedRange(sheet);
  }

  async readValues(sheet: string, range: string): Promise<CellValue[][]> {
    this.requireSheet(sheet);
    return this.book.getValues(sheet, range.replace(/\$/g, ""));
  }

  async readFormulas(sheet: string, range: string): Promise<RawCell[][]> {
    this.requireSheet(sheet);
    return this.book.getFormulas(sheet, range.replace(/\$/g, "")).map((r) => r.map((c) => (c === "" ? null : c)));
  }

  async write(req: WriteRequest): Promise<WriteResult> {
    this.requireSheet(req.sheet);
    const targets = req.blocks.map((b) => ({ b, rows: rectangular(b.rows), address: blockAddress(b) }));
    if (!req.confirmOverwrite) {
      const addresses = targets.flatMap((t) => overwrites(req.sheet, t.b, this.book.getFormulas(req.sheet, t.address)));
      if (addresses.length) return { ok: false, reason: "WouldOverwrite", addresses };
    }
    for (const t of targets)
      this.writeBlock(
        req.sheet,
        t.b.topLeft,
        t.rows.map((r) => r.map((c) => forHost(c, req.kind))),
      );
    this.changed();
    return { ok: true, touched: targets.map((t) => sheetRef(req.sheet, t.address)) };
  }

  /**
   * null means "leave as is": one write when every null cell is already blank, else row runs. "" clears
   * the cell as in Excel: the book gets null (HyperFormula would keep "" as an empty-text value).
   */
  private writeBlock(sheet: string, topLeft: string, rows: RawCell[][]): void {
    const p = parseCellOrThrow(topLeft);
    const address = rangeA1({
      top: p.row,
      left: p.col,
      bottom: p.row + rows.length - 1,
      right: p.col + rows[0].length - 1,
    });
    const existing = this.book.getValues(sheet, address);
    const keepsSomething = rows.some((r, i) =>
      r.some((c, j) => c === null && !isEmptyCell(existing[i]?.[j] as RawCell)),
    );
    const clear = (r: RawCell[]) => r.map((c) => (c === "" ? null : c));
    if (!keepsSomething) {
      this.book.setCells(sheet, topLeft, rows.map(clear));
      return;
    }
    rows.forEach((r, i) => {
      let j = 0;
      while (j < r.length) {
        if (r[j] === null) {
          j++;
          continue;
        }
        let k = j;
        while (k < r.length && r[k] !== null) k++;
        this.book.setCells(sheet, rangeA1({ top: p.row + i, left: p.col + j, bottom: p.row + i, right: p.col + j }), [
          clear(r.slice(j, k)),
        ]);
        j = k;
      }
    });
  }

  async addSheet(name: string): Promise<void> {
    if (this.book.sheetNames().some((n) => n.toLowerCase() === name.toLowerCase()))
      throw new Error(`A sheet named '${name}' already exists.`);
    this.book.addSheet(name);
    this.changed();
  }

  async deleteSheet(name: string): Promise<void> {
    this.requireSheet(name);
    this.book.removeSheet(name);
    // what Excel deletes with the sheet
    const keep = <T extends { sheet: string }>(xs: T[]) => xs.filter((x) => x.sheet !== name);
    this.meta.tables = keep(this.meta.tables);
    this.meta.charts = keep(this.meta.charts);
    this.meta.formats = keep(this.meta.formats);
    this.meta.numberFormats = keep(this.meta.numberFormats);
    if (this.selection?.sheet === name) this.selection = null;
    this.changed();
  }

  /** The book's raw contents: formulas, values as entered (text keeps its apostrophe prefix), null. */
  async snapshot(sheet: string, range: string): Promise<RangeSnapshot> {
    this.requireSheet(sheet);
    const r = range.replace(/\$/g, "");
    const cells = this.book.getFormulas(sheet, r).map((row) => row.map((c) => (c === "" ? null : c)));
    // number formats are a list of (range, format) entries here, so the whole list is kept: a rollback
    // restores snapshots newest first, which ends with the list as it was before the action
    return { sheet, range: r, cells, formats: this.meta.numberFormats.map((f) => ({ ...f })) };
  }

  async restore(s: RangeSnapshot): Promise<void> {
    this.requireSheet(s.sheet);
    this.book.setCells(s.sheet, s.range.split(":")[0], s.cells);
    if (Array.isArray(s.formats))
      this.meta.numberFormats = (s.formats as PreviewMeta["numberFormats"]).map((f) => ({ ...f }));
    this.changed();
  }

  async readNumberFormats(sheet: string, range: string): Promise<string[][]> {
    this.requireSheet(sheet);
    const r = parseRangeOrThrow(range.replace(/\$/g, ""));
    const mine = this.meta.numberFormats
      .filter((f) => f.sheet === sheet)
      .map((f) => ({ box: parseRangeOrThrow(f.range), format: f.format }));
    return Array.from({ length: r.bottom - r.top + 1 }, (_, i) =>
      Array.from({ length: r.right - r.left + 1 }, (_, j) => {
        const row = r.top + i,
          col = r.left + j;
        // the last format set over a cell is the one it shows
        const hit = [...mine]
          .reverse()
          .find((f) => row >= f.box.top && row <= f.box.bottom && col >= f.box.left && col <= f.box.right);
        return hit?.format ?? "General";
      }),
    );
  }

  /** Files "opened" as new workbooks: the preview offers each as a download. */
  readonly downloads: { fileName: string; base64: string }[] = [];

  async openNewWorkbook(base64: string, fileName: string): Promise<void> {
    this.downloads.push({ fileName, base64 });
    if (typeof document === "undefined" || typeof URL.createObjectURL !== "function") return; // no browser (tests)
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    downloadBlob(
      new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
      fileName,
    );
  }

  async addTable(sheet: string, range: string, name: string): Promise<string[]> {
    this.requireSheet(sheet);
    if (this.meta.tables.some((t) => t.name.toLowerCase() === name.toLowerCase()))
      throw new Error(`A table named '${name}' already exists.`);
    this.meta.tables.push({ sheet, range, name });
    this.changed();
    return [sheetRef(sheet, range)];
  }

  async addChart(spec: ChartSpec): Promise<string[]> {
    this.requireSheet(spec.sheet);
    if (spec.series.length === 0) throw new Error("a chart needs at least one series");
    this.meta.charts.push(spec);
    this.changed();
    return [sheetRef(spec.sheet, spec.anchor)];
  }

  async addConditionalFormat(spec: ConditionalFormatSpec): Promise<string[]> {
    this.requireSheet(spec.sheet);
    this.meta.formats.push(spec);
    this.changed();
    return [sheetRef(spec.sheet, spec.range)];
  }

  async setNumberFormat(sheet: string, range: string, format: string): Promise<string[]> {
    this.requireSheet(sheet);
    parseRangeOrThrow(range);
    // setting the same format again changes nothing (as in Excel); the latest entry wins in the grid
    this.meta.numberFormats = this.meta.numberFormats.filter(
      (f) => !(f.sheet === sheet && f.range === range && f.format === format),
    );
    this.meta.numberFormats.push({ sheet, range, format });
    this.changed();
    return [sheetRef(sheet, range)];
  }

  async selectRange(sheet: string, range: string): Promise<void> {
    this.requireSheet(sheet);
    this.selection = { sheet, address: range.replace(/\$/g, "") };
    this.changed();
  }

  /** The selected range as the grid shows it. */
  currentSelection(): { sheet: string; address: string } | null {
    return this.selection;
  }

  async getSelection(): Promise<Selection | null> {
    if (!this.selection) return null;
    const { sheet } = this.selection;
    const address = this.selection.address.split(":")[0];
    const own = this.book.getFormulas(sheet, address)[0]?.[0] ?? null;
    const anchor = own === null ? (this.book.spillAnchor?.(sheet, address) ?? null) : null;
    const formula = anchor ? (this.book.getFormulas(sheet, anchor)[0]?.[0] ?? null) : own;
    const value = this.book.getValues(sheet, address)[0]?.[0] ?? null;
    return { sheet, address, formula: formula === "" ? null : formula, value };
  }

  async explain(sheet: string, address: string): Promise<Explanation> {
    let [[formula]] = await this.readFormulas(sheet, address);
    let at: { row: number; col: number } | undefined;
    const anchor = typeof formula === "string" ? null : (this.book.spillAnchor?.(sheet, address) ?? null);
    if (anchor) {
      // one row of a spilled column (an Allocations option): explain it through the spill's own formula
      [[formula]] = await this.readFormulas(sheet, anchor);
      at = spillOffset(anchor, address);
    }
    if (typeof formula !== "string" || !formula.startsWith("="))
      throw new Error(`${sheetRef(sheet, address)} holds no formula`);
    return this.explainFn(
      formula,
      async (ref) => {
        const { sheet: s, range } = splitRef(ref);
        const values = await this.readValues(s ?? sheet, range);
        return values.map((r) => r.map(toEngineCell));
      },
      sheet,
      at,
    );
  }
}
