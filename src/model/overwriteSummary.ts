// What writing a workbook over an existing one would change, in words an officer can weigh before saying
// yes: options deleted (named, with their typed rates), sheets deleted or added, and per kept sheet how
// many cells change. Never only cell addresses. Pure: the CLI (--force, --update) and the pane both ask it.
import { ratesColumns } from "./rates";
import type { RawCell } from "./types";

/** A sheet's typed contents from A1 (formulas as "=…"). */
export interface BookSheet {
  name: string;
  cells: RawCell[][];
}

export interface OverwriteSummary {
  /** options a Rates sheet had before and not after */
  optionsDeleted: { option: string; sheet: string; typed: number }[];
  sheetsDeleted: { sheet: string; cells: number }[];
  sheetsAdded: string[];
  /** kept sheets whose contents change, and how many cells */
  sheetsChanged: { sheet: string; cells: number }[];
  /** every line, in the order above; empty when nothing changes */
  lines: string[];
}

const blank = (c: RawCell | undefined) => c === null || c === undefined || c === "";
const same = (a: RawCell | undefined, b: RawCell | undefined) => (blank(a) && blank(b)) || a === b;

function filled(cells: readonly (readonly RawCell[])[]): number {
  return cells.reduce((n, r) => n + r.filter((c) => !blank(c)).length, 0);
}

function cellsChanged(a: readonly (readonly RawCell[])[], b: readonly (readonly RawCell[])[]): number {
  let n = 0;
  for (let r = 0; r < Math.max(a.length, b.length); r++) {
    const x = a[r] ?? [];
    const y = b[r] ?? [];
    for (let c = 0; c < Math.max(x.length, y.length); c++) if (!same(x[c], y[c])) n++;
  }
  return n;
}

/** Options of a Rates-like sheet (a Factor column), with how many rates each has typed; none for other sheets. */
function optionsOf(s: BookSheet): { option: string; typed: number }[] {
  try {
    const cols = ratesColumns(s.cells);
    return cols.options.map((o) => ({
      option: o.name,
      typed: s.cells.slice(1).filter((r) => !blank(r[o.col])).length,
    }));
  } catch {
    return [];
  }
}

const key = (s: string) => s.trim().toLowerCase();
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** `done`: the lines say what changed ("was deleted") rather than what would ("would be deleted"). */
export function overwriteSummary(
  before: readonly BookSheet[],
  after: readonly BookSheet[],
  done = false,
): OverwriteSummary {
  const del = done ? "was deleted" : "would be deleted";
  const chg = done ? "changed" : "would change";
  const afterBy = new Map(after.map((s) => [key(s.name), s]));
  const beforeBy = new Set(before.map((s) => key(s.name)));
  const optionsAfter = new Set(after.flatMap((s) => optionsOf(s).map((o) => key(o.option))));
  const out: OverwriteSummary = {
    optionsDeleted: [],
    sheetsDeleted: [],
    sheetsAdded: [],
    sheetsChanged: [],
    lines: [],
  };
  for (const s of before) {
    for (const o of optionsOf(s))
      if (!optionsAfter.has(key(o.option)))
        out.optionsDeleted.push({ option: o.option, sheet: s.name, typed: o.typed });
    const next = afterBy.get(key(s.name));
    if (!next) out.sheetsDeleted.push({ sheet: s.name, cells: filled(s.cells) });
    else {
      const n = cellsChanged(s.cells, next.cells);
      if (n) out.sheetsChanged.push({ sheet: s.name, cells: n });
    }
  }
  out.sheetsAdded = after.filter((s) => !beforeBy.has(key(s.name))).map((s) => s.name);
  for (const o of out.optionsDeleted)
    out.lines.push(`Option '${o.option}' ${del}, with its ${plural(o.typed, "typed rate")} (${o.sheet}).`);
  for (const s of out.sheetsDeleted) out.lines.push(`Sheet '${s.sheet}' ${del} (${plural(s.cells, "filled cell")}).`);
  if (out.sheetsAdded.length) out.lines.push(`New sheets: ${out.sheetsAdded.join(", ")}.`);
  for (const s of out.sheetsChanged) out.lines.push(`Sheet '${s.sheet}': ${plural(s.cells, "cell")} ${chg}.`);
  return out;
}
