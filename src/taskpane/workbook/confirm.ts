// The overwrite policy as the screens use it: try the write; if it would change non-empty cells,
// ask the user (listing the cells) and only then write with confirmOverwrite.
import { colLetters } from "../../util/a1";
import type { Block, RawCell, WorkbookPort, WriteRequest } from "../ports/WorkbookPort";

export type Confirm = (addresses: string[]) => Promise<boolean>;

/** Thrown when the user keeps the existing cells: nothing was written. */
export class OverwriteDeclined extends Error {
  constructor(readonly addresses: string[]) {
    super(`Nothing was written: ${addresses.length} existing cell${addresses.length === 1 ? "" : "s"} kept.`);
  }
}

export async function writeConfirmed(port: WorkbookPort, req: WriteRequest, confirm: Confirm): Promise<string[]> {
  const first = await port.write(req);
  if (first.ok) return first.touched;
  if (!(await confirm(first.addresses))) throw new OverwriteDeclined(first.addresses);
  const second = await port.write({ ...req, confirmOverwrite: true });
  if (!second.ok) throw new Error("The workbook refused a confirmed write.");
  return second.touched;
}

/** Groups single-cell writes (1-based row/col) into vertical runs, one block per run. */
export function cellBlocks(cells: { row: number; col: number; value: RawCell }[]): Block[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const blocks: { col: number; row: number; values: RawCell[] }[] = [];
  for (const c of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && last.col === c.col && last.row + last.values.length === c.row) last.values.push(c.value);
    else blocks.push({ col: c.col, row: c.row, values: [c.value] });
  }
  return blocks.map((b) => ({ topLeft: `${colLetters(b.col)}${b.row}`, rows: b.values.map((v) => [v]) }));
}
