// The school list `send-model import` reads, as guarded as recalc's workbook: an xlsx file passes the same zip
// guard (sizes, ratio, cells) before exceljs inflates it; a CSV file is read in 1 MB pieces with byte, row and cell
// budgets, so a huge file is refused before memory grows. Not a regular file (FIFO, device, folder): refused.
import fs from "node:fs";
import { FileProblem } from "../headless/io/files";
import { inputChunks, openInput, readInput, type InputSpec } from "../headless/io/inputFile";
import { checkZip } from "../headless/io/zipGuard";
import { IMPORT_LIMITS } from "./importLimits";
import { readCsv, readSource, SourceProblem, type SourceFile } from "../import/source";

const ZIP_MAGIC = 0x04034b50;

/** The first bytes of the file (after the checks of openInput). */
function headOf(file: string, spec: InputSpec): Buffer {
  const { fd } = openInput(file, spec);
  try {
    const head = Buffer.alloc(4);
    return head.subarray(0, fs.readSync(fd, head, 0, 4, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** The file's sheets; throws a FileProblem naming the file and the limit or line when it cannot be used. */
export async function readImportSource(file: string, limits: Partial<typeof IMPORT_LIMITS> = {}): Promise<SourceFile> {
  const maxBytes = limits.maxBytes ?? IMPORT_LIMITS.maxBytes;
  const maxCells = limits.maxCells ?? IMPORT_LIMITS.maxCells;
  const maxRows = limits.maxRows ?? IMPORT_LIMITS.maxRows;
  const spec: InputSpec = { maxBytes, raise: "raise it with --max-bytes" };
  try {
    const head = headOf(file, spec);
    if (head.length === 4 && head.readUInt32LE(0) === ZIP_MAGIC) {
      const bytes = readInput(file, spec);
      await checkZip(bytes, file, { maxBytes, maxCells });
      const src = await readSource(file, bytes);
      const big = src.sheets.find((s) => s.rows.length > maxRows);
      if (big)
        throw new FileProblem(
          `${file}: sheet '${big.name}' has ${big.rows.length.toLocaleString("en-GB")} rows (limit ${maxRows.toLocaleString("en-GB")}): split the file, or raise the limit with --max-rows`,
        );
      return src;
    }
    if (/\.xlsx?$/i.test(file)) return await readSource(file, head); // refused: "not an xlsx workbook"
    return readCsv(
      file,
      () => inputChunks(file, spec),
      { maxRows, maxCells },
      { rows: "--max-rows", cells: "--max-cells" },
    );
  } catch (e) {
    if (e instanceof SourceProblem) throw new FileProblem(e.message);
    throw e;
  }
}
