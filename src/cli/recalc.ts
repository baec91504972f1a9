// `send-model recalc IN.xlsx [--out OUT.xlsx] [--json]`: evaluate every formula headlessly.
import { refuseOverwrite, writeFileAtomic } from "../headless/io/files";
import { patchesOf, patchPackage } from "../headless/io/patchValues";
import { formulaResults, loadHostIsolated, markFailed, sheetsForWrite, snapshot } from "../headless/io/bridge";
import { DEFAULT_ZIP_LIMITS, readXlsx, writeXlsx, type CellResult } from "../headless/xlsx";
import { progress, type CliIo } from "./io";
import { summarise, summaryJson, summaryText } from "./summary";

/** One JSON object, one key per line, keys in the order given (sheet order, then row-major). */
export function resultsJson(entries: readonly [string, CellResult][]): string {
  if (entries.length === 0) return "{}\n";
  return `{\n${entries.map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(",\n")}\n}\n`;
}

/**
 * Evaluates the workbook; resolves to the number of cells the headless engine could not evaluate (each
 * shows #VALUE! with a message naming the cell and the limit, and is listed on stderr).
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
  const { wb, failed, rewritten } = loadHostIsolated(book, { maxCells: opts.maxCells });
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
    // only the cached values change; everything else in the file is kept byte for byte when possible
    const patches = book.bytes ? patchesOf(snaps, new Map(book.sheets.map((s) => [s.name, s.arrays]))) : undefined;
    const patched = patches && book.bytes ? await patchPackage(book.bytes, patches) : undefined;
    if (patched) writeFileAtomic(opts.out, patched, [input]);
    else await writeXlsx(opts.out, sheetsForWrite(snaps), { base: book.source, protect: [input] });
    say(
      `wrote ${opts.out}${patched ? "" : " (re-serialised: a spill grew past the cells the file has; charts and other parts exceljs cannot read are not kept)"}`,
    );
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
    const kept = failed.filter((f) => f.value !== undefined).length;
    const shownAs =
      kept === 0
        ? "shown as #VALUE!"
        : kept === failed.length
          ? "they keep the values Excel saved: they link to other workbooks"
          : `${kept} keep the values Excel saved (links to other workbooks), the others show #VALUE!`;
    io.err(
      `send-model: ${failed.length} cell${failed.length === 1 ? "" : "s"} could not be evaluated (${shownAs}); every other cell was evaluated (exit code 3)\n`,
    );
  }
  return failed.length;
}
