// SEND.ALLOCATEALL through the engine core for an already-resolved option.
import { allocateTotal } from "../../src/engine/allocate";
import { SendError } from "../../src/engine/errors";
import { readTable } from "../../src/engine/fields";
import { toNumber } from "../../src/engine/money";
import type { Option } from "../../src/engine/rates";
import type { Grid } from "../../src/engine/types";

export function allocateAllCore(opt: Option, table: Grid): (number | null | SendError)[] | SendError {
  const rows = readTable(table);
  if (rows instanceof SendError) return rows;
  return rows.map((r) => {
    if (r.institution === null) return null;
    if (r.institution instanceof SendError) return r.institution;
    const total = allocateTotal(opt, r.institution);
    return total instanceof SendError ? total : toNumber(total);
  });
}
