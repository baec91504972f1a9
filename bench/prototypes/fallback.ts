// The engine's own path for one row of a table, used by the prototypes whenever the fast reader is
// unsure, so every error (and its message) is exactly the engine's.
import { fieldReader, allocateTotal, toNumber, SendError, cellText, isBlank, type Option, type Cell } from "../../src/engine";
import { normLabel } from "../../src/engine/normalize";

export type RowResult = number | null | SendError;

export function engineRow(header: readonly Cell[], opt: Option, values: readonly Cell[], r: number, arg = "table"): RowResult {
  const reader = fieldReader(header, arg);
  if (reader instanceof SendError) return reader;
  const nameCol = header.findIndex((h) => normLabel(cellText(h)) === "name");
  const name = nameCol >= 0 && !isBlank(values[nameCol]) ? cellText(values[nameCol]) : null;
  const inst = reader.read(values, `${arg} row ${r}${name ? ` ('${name}')` : ""}`);
  if (inst instanceof SendError) return inst;
  const t = allocateTotal(opt, inst);
  return t instanceof SendError ? t : toNumber(t);
}
