// Publish as a separate file: the chosen sheets' values (no formulas), number formats kept, a Total row
// under each option and a summary, built as xlsx in the pane (src/model/publishBook.ts + src/publish/xlsx.ts)
// and opened as a new workbook (Excel.createWorkbook) or downloaded (preview). The open workbook is not changed.
import { parseRangeOrThrow, rangeA1 } from "../../util/a1";
import { publishBook, type OptionTotal, type SheetRead } from "../../model/publishBook";
import type { BlockTotal } from "../../model/publish";
import { publishedXlsx } from "../../publish/xlsx";
import type { WorkbookPort } from "../ports/WorkbookPort";
import type { ModelInfo } from "../workbook/discover";
import type { Progress } from "./createModel";

export interface PublishFileResult {
  fileName: string;
  sheets: string[];
  totals: OptionTotal[];
  blocks: BlockTotal[];
}

/** Base64 of bytes, in chunks (a whole file through String.fromCharCode(...bytes) overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export function publishedFileName(when: Date): string {
  return `SEND model published ${when.toISOString().slice(0, 10)}.xlsx`;
}

export async function publishFile(
  port: WorkbookPort,
  model: ModelInfo,
  sheets: string[],
  progress: Progress = () => {},
  when = new Date(),
): Promise<PublishFileResult> {
  if (sheets.length === 0) throw new Error("Choose at least one sheet to publish.");
  const reads: SheetRead[] = [];
  const total = sheets.length + 1;
  for (const [i, name] of sheets.entries()) {
    const used = await port.usedRange(name);
    if (!used) {
      reads.push({ name, values: [] });
      continue;
    }
    // from A1, so every cell keeps its address in the published copy
    const range = rangeA1({
      top: 1,
      left: 1,
      bottom: parseRangeOrThrow(used).bottom,
      right: parseRangeOrThrow(used).right,
    });
    reads.push({
      name,
      values: await port.readValues(name, range),
      formulas: await port.readFormulas(name, range),
      formats: await port.readNumberFormats(name, range),
    });
    progress(i + 1, total, `Read ${name}`);
  }
  const book = publishBook({ sheets: reads, when, institutions: model.institutions?.count ?? 0 });
  const fileName = publishedFileName(when);
  await port.openNewWorkbook(toBase64(await publishedXlsx(book.sheets)), fileName);
  progress(total, total, `Made ${fileName}`);
  return { fileName, sheets: book.sheets.map((s) => s.name), totals: book.totals, blocks: book.blocks };
}
