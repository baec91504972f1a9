// `send-model recalc IN.xlsx [--out OUT.xlsx] [--json]`: evaluate every formula headlessly.
import { refuseOverwrite } from "../headless/io/files";
import { formulaResults, loadHost, sheetsForWrite, snapshot } from "../headless/io/bridge";
import { readXlsx, writeXlsx, type CellResult } from "../headless/xlsx";
import { progress, type CliIo } from "./io";
import { summarise, summaryJson, summaryText } from "./summary";

/** One JSON object, one key per line, keys in the order given (sheet order, then row-major). */
export function resultsJson(entries: readonly [string, CellResult][]): string {
  if (entries.length === 0) return "{}\n";
  return `{\n${entries.map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(",\n")}\n}\n`;
}

export async function runRecalc(input: string, opts: { out?: string; json?: boolean; summary?: boolean }, io: CliIo, quiet: boolean): Promise<void> {
  const say = progress(io, quiet);
  if (opts.out) refuseOverwrite(opts.out, [input]); // before any work
  say(`reading ${input}`);
  const book = await readXlsx(input);
  const wb = loadHost(book);
  const snaps = snapshot(wb);
  const results = formulaResults(snaps);
  const errors = results.filter(([, v]) => v !== null && typeof v === "object").length;
  say(`evaluated ${results.length} formula and spilled cells in ${snaps.length} sheets (${errors} showing an error)`);
  if (opts.summary) {
    const rows = summarise(results, snaps.map((s) => s.name));
    io.out(opts.json ? summaryJson(rows) : summaryText(rows));
  } else if (opts.json) io.out(resultsJson(results));
  if (opts.out) {
    await writeXlsx(opts.out, sheetsForWrite(snaps), { base: book.source, protect: [input] });
    say(`wrote ${opts.out}`);
  }
  if (!opts.json && !opts.out && !opts.summary) {
    io.out(`${input}: ${results.length} formula and spilled cells evaluated in ${snaps.length} sheets, ${errors} showing an error.\n` +
      "Use --json to print every value, or --out FILE to save the recalculated workbook.\n");
  }
}
