// The cells of a written workbook that show an error, named on stderr: `publish` and `plan` exit 3 when any figure
// they write is an error (a review copy must never carry #VALUE! silently), as `recalc` does for cells it could not
// evaluate.
import type { SheetSnapshot } from "../headless/io/bridge";
import type { CliIo } from "./io";
import { cellA1 } from "../util/a1";

const SHOWN = 20;

/** "Sheet!B7" and its error for every cell of the snapshots that shows an error, in sheet then row order. */
export function errorCells(snaps: readonly SheetSnapshot[]): { cell: string; error: string; message: string }[] {
  const out: { cell: string; error: string; message: string }[] = [];
  for (const s of snaps) {
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || typeof v !== "object") return;
        out.push({ cell: `${s.name}!${cellA1(r + 1, c + 1)}`, error: v.error, message: v.message });
      }),
    );
  }
  return out;
}

/** Lists the error cells on stderr (the first few with their messages); returns how many there are. */
export function reportErrorCells(snaps: readonly SheetSnapshot[], what: string, io: CliIo): number {
  const errors = errorCells(snaps);
  if (errors.length === 0) return 0;
  for (const e of errors.slice(0, SHOWN))
    io.err(
      `send-model: ${e.cell} shows ${e.error}${e.message ? `: ${e.message.replace(/^[^:]*![A-Z]+\d+: /, "")}` : ""}\n`,
    );
  if (errors.length > SHOWN) io.err(`send-model: … and ${errors.length - SHOWN} more\n`);
  io.err(
    `send-model: ${errors.length} figure${errors.length === 1 ? "" : "s"} of ${what} ${errors.length === 1 ? "is an error" : "are errors"} (exit code 3)\n`,
  );
  return errors.length;
}
