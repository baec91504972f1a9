// All-or-nothing writing for one action. Every change an action makes goes through a Transaction: it
// asks once about the existing cells the planned writes would change, snapshots each range just before
// writing it and remembers the sheets it added. When a later step fails (or the user declines an
// overwrite part-way), transact() undoes those writes and sheets, so the workbook is as it was; if even
// that fails, the error lists exactly which ranges and sheets were left changed.
import { sheetRef } from "../../util/a1";
import { blockAddress, overwrites } from "../ports/cells";
import type { RangeSnapshot, WorkbookPort, WriteRequest } from "../ports/WorkbookPort";
import { OverwriteDeclined, type Confirm } from "./confirm";

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const list = (xs: readonly string[]) => xs.join(", ");

/** What an action left changed after a failure it could not fully undo (sheet-qualified ranges, sheet names). */
export interface LeftChanged {
  ranges: string[];
  sheets: string[];
  formats: string[];
}

/** A step failed; `undone` says whether the workbook is back as it was, `left` what still differs. */
export class WriteFailed extends Error {
  constructor(
    readonly reason: unknown,
    readonly undone: boolean,
    readonly left: LeftChanged,
    undoError?: unknown,
  ) {
    super(WriteFailed.describe(reason, undone, left, undoError));
  }

  private static describe(reason: unknown, undone: boolean, left: LeftChanged, undoError: unknown): string {
    if (undone) return `${message(reason)}\nNothing was changed: the workbook is as it was before.`;
    const parts = [
      left.ranges.length ? `cells still changed: ${list(left.ranges)}` : "",
      left.sheets.length ? `sheets added: ${list(left.sheets)}` : "",
      left.formats.length ? `formats, tables or charts added on: ${list(left.formats)}` : "",
    ].filter(Boolean);
    return `${message(reason)}\nThe workbook was left partly changed (${parts.join("; ")})${undoError ? `; undoing failed: ${message(undoError)}` : ""}.`;
  }
}

export class Transaction {
  private readonly added: string[] = [];
  private readonly snapshots: RangeSnapshot[] = [];
  /** formats, tables and charts on sheets that existed before: restoring cells does not remove them */
  private readonly decorations: string[] = [];
  private readonly confirmed = new Set<string>();
  /** every range written, formatted or decorated, sheet-qualified, in order */
  readonly touched: string[] = [];

  constructor(
    readonly port: WorkbookPort,
    private readonly confirm: Confirm,
  ) {}

  get changedAnything(): boolean {
    return this.added.length + this.snapshots.length + this.decorations.length > 0;
  }

  private isAdded(sheet: string): boolean {
    return this.added.some((s) => s.toLowerCase() === sheet.toLowerCase());
  }

  /** One question about every existing cell these writes would change; declining throws before anything is written. */
  async confirmAll(reqs: WriteRequest[]): Promise<void> {
    const sheets = new Set((await this.port.sheetNames()).map((s) => s.toLowerCase()));
    const addresses: string[] = [];
    for (const req of reqs) {
      if (!sheets.has(req.sheet.toLowerCase()) || this.isAdded(req.sheet)) continue;
      for (const b of req.blocks)
        addresses.push(...overwrites(req.sheet, b, await this.port.readFormulas(req.sheet, blockAddress(b))));
    }
    await this.ask([...new Set(addresses)]);
  }

  private async ask(addresses: string[]): Promise<void> {
    const fresh = addresses.filter((a) => !this.confirmed.has(a));
    if (fresh.length === 0) return;
    if (!(await this.confirm(fresh))) throw new OverwriteDeclined(fresh);
    for (const a of fresh) this.confirmed.add(a);
  }

  async addSheet(name: string): Promise<void> {
    await this.port.addSheet(name);
    this.added.push(name);
  }

  /** Writes after snapshotting what it replaces; asks about overwrites not confirmed already. */
  async write(req: WriteRequest): Promise<string[]> {
    const snaps: RangeSnapshot[] = [];
    if (!this.isAdded(req.sheet))
      for (const b of req.blocks) snaps.push(await this.port.snapshot(req.sheet, blockAddress(b)));
    this.snapshots.push(...snaps);
    let result = await this.port.write({ ...req, confirmOverwrite: false });
    if (!result.ok) {
      try {
        await this.ask(result.addresses);
      } catch (e) {
        // nothing of this request was written: its snapshots need no undoing
        this.snapshots.splice(this.snapshots.length - snaps.length, snaps.length);
        throw e;
      }
      result = await this.port.write({ ...req, confirmOverwrite: true });
      if (!result.ok) throw new Error("The workbook refused a confirmed write.");
    }
    this.touched.push(...result.touched);
    return result.touched;
  }

  /** A number format, undone with the cells (the range is snapshotted first, formats included). */
  async setNumberFormat(sheet: string, range: string, format: string): Promise<string[]> {
    if (!this.isAdded(sheet)) this.snapshots.push(await this.port.snapshot(sheet, range));
    const ranges = await this.port.setNumberFormat(sheet, range, format);
    this.touched.push(...ranges);
    return ranges;
  }

  /**
   * A table, chart or conditional format: on an added sheet it goes with the sheet; on a sheet that
   * existed it cannot be undone, so it is recorded for the error to name.
   */
  async decorate(sheet: string, apply: () => Promise<string[]>): Promise<string[]> {
    const ranges = await apply();
    this.touched.push(...ranges);
    if (!this.isAdded(sheet)) this.decorations.push(...ranges);
    return ranges;
  }

  /** Restores every snapshot (newest first) and removes every added sheet; reports what could not be undone. */
  async rollback(): Promise<{ left: LeftChanged; error?: unknown }> {
    const left: LeftChanged = { ranges: [], sheets: [], formats: [...this.decorations] };
    let error: unknown;
    for (const s of [...this.snapshots].reverse()) {
      try {
        await this.port.restore(s);
      } catch (e) {
        error ??= e;
        left.ranges.unshift(sheetRef(s.sheet, s.range));
      }
    }
    for (const name of [...this.added].reverse()) {
      try {
        await this.port.deleteSheet(name);
      } catch (e) {
        error ??= e;
        left.sheets.unshift(name);
      }
    }
    return { left, error };
  }
}

/**
 * Runs an action's writes as one unit. On failure the workbook is put back as it was and the error
 * says so (a declined overwrite stays an OverwriteDeclined); if it cannot be put back, a WriteFailed
 * lists what was left changed.
 */
export async function transact<T>(
  port: WorkbookPort,
  confirm: Confirm,
  body: (tx: Transaction) => Promise<T>,
): Promise<T> {
  const tx = new Transaction(port, confirm);
  try {
    return await body(tx);
  } catch (e) {
    if (!tx.changedAnything) throw e;
    const { left, error } = await tx.rollback();
    const undone = left.ranges.length + left.sheets.length + left.formats.length === 0;
    if (undone && e instanceof OverwriteDeclined) throw e;
    throw new WriteFailed(e, undone, left, error);
  }
}
