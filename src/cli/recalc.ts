// `send-model recalc IN.xlsx [--out OUT.xlsx] [--json]`: evaluate every formula headlessly.
import { FileProblem, refuseOverwrite, writeFileAtomic } from "../headless/io/files";
import { patchesOf, patchPackage } from "../headless/io/patchValues";
import { formulaResults, loadHostIsolated, markFailed, snapshot } from "../headless/io/bridge";
import { DEFAULT_ZIP_LIMITS, readXlsx, type CellResult } from "../headless/xlsx";
import type { FailedCell } from "../headless/io/isolate";
import { readTables } from "../headless/io/tables";
import { progress, type CliIo } from "./io";
import { summarise, summaryJson, summaryText } from "./summary";

/** One JSON object, one key per line, keys in the order given (sheet order, then row-major). */
export function resultsJson(entries: readonly [string, CellResult][]): string {
  if (entries.length === 0) return "{}\n";
  return `{\n${entries.map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(",\n")}\n}\n`;
}

/** How the cells not evaluated show: #VALUE!, or Excel's cached value where the file has one that is kept. */
function shownAs(failed: readonly FailedCell[]): string {
  const kept = failed.filter((f) => f.kept !== undefined).length;
  if (kept === 0) return "shown as #VALUE!";
  if (kept === failed.length) return "keeping Excel's cached values";
  return `${kept} keeping Excel's cached values, the others shown as #VALUE!`;
}

/**
 * Evaluates the workbook; resolves to the number of cells the headless engine could not evaluate (each is listed
 * on stderr naming the cell and the limit, and shows #VALUE!, or keeps Excel's cached value when its formula
 * refers to what the engine cannot follow: a structured reference, another workbook).
 */
export async function runRecalc(
  input: string,
  opts: { out?: string; json?: boolean; summary?: boolean; maxBytes?: number; maxCells?: number },
  io: CliIo,
  quiet: boolean,
): Promise<number> {
  const say = progress(io, quiet);
  if (opts.out) refuseOverwrite(opts.out, [input]); // before any work
  say(`reading ${input}`);
  const book = await readXlsx(input, {
    // checks the package again: the library never trusts its caller
    maxBytes: opts.maxBytes ?? DEFAULT_ZIP_LIMITS.maxBytes,
    maxCells: opts.maxCells ?? DEFAULT_ZIP_LIMITS.maxCells,
  });
  const tables = book.bytes ? await readTables(book.bytes) : [];
  const { wb, failed, rewritten } = loadHostIsolated(book, { maxCells: opts.maxCells, tables });
  const snaps = snapshot(wb);
  markFailed(snaps, failed, rewritten);
  const results = formulaResults(snaps);
  const errors = results.filter(([, v]) => v !== null && typeof v === "object").length;
  say(`evaluated ${results.length} formula and spilled cells in ${snaps.length} sheets (${errors} showing an error)`);
  if (opts.summary) {
    const rows = summarise(
      results,
      snaps.map((s) => s.name),
    );
    io.out(opts.json ? summaryJson(rows) : summaryText(rows));
  } else if (opts.json) io.out(resultsJson(results));
  if (opts.out) {
    // only the cached values change (new cells where a spill grew); everything else is kept byte for byte
    const arrays = new Map(book.sheets.map((s) => [s.name, s.arrays]));
    const patched = book.bytes
      ? await patchPackage(book.bytes, patchesOf(snaps, arrays))
      : { problem: "the workbook's original bytes were not kept" };
    if ("problem" in patched)
      throw new FileProblem(`cannot write ${opts.out}: ${patched.problem} (nothing was written)`);
    writeFileAtomic(opts.out, patched.data, [input]);
    say(`wrote ${opts.out}`);
  }
  if (!opts.json && !opts.out && !opts.summary) {
    io.out(
      `${input}: ${results.length} formula and spilled cells evaluated in ${snaps.length} sheets, ${errors} showing an error.\n` +
        "Use --json to print every value, or --out FILE to save the recalculated workbook.\n",
    );
  }
  if (failed.length > 0) {
    const shown = failed.slice(0, 20);
    for (const f of shown) io.err(`send-model: cannot evaluate ${f.message}\n`);
    if (failed.length > shown.length) io.err(`send-model: … and ${failed.length - shown.length} more\n`);
    io.err(
      `send-model: ${failed.length} cell${failed.length === 1 ? "" : "s"} could not be evaluated (${shownAs(failed)}); every other cell was evaluated (exit code 3)\n`,
    );
  }
  return failed.length;
}
