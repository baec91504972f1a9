// `recalc --summary`: per sheet, how many formula (and spilled) cells there are, the total of their
// numeric results and how many show an error, by error code. Lets a reviewer compare two runs at a glance.
import { D } from "../engine/money";
import type { CellResult } from "../headless/xlsx";

export interface SheetSummary {
  sheet: string;
  cells: number;
  numbers: number;
  total: number;
  errors: number;
  errorCodes: Record<string, number>;
}

/** Entries are "Sheet!A1" -> value, as formulaResults gives them (sheet order kept). */
export function summarise(entries: readonly [string, CellResult][], sheets: readonly string[]): SheetSummary[] {
  const by = new Map<
    string,
    {
      cells: number;
      numbers: number;
      total: InstanceType<typeof D>;
      errors: number;
      errorCodes: Record<string, number>;
    }
  >();
  for (const s of sheets) by.set(s, { cells: 0, numbers: 0, total: new D(0), errors: 0, errorCodes: {} });
  for (const [ref, v] of entries) {
    const sheet = ref.slice(0, ref.lastIndexOf("!"));
    const s = by.get(sheet);
    if (!s) continue;
    s.cells++;
    if (typeof v === "number") {
      s.numbers++;
      s.total = s.total.plus(v);
    } else if (v !== null && typeof v === "object") {
      s.errors++;
      s.errorCodes[v.error] = (s.errorCodes[v.error] ?? 0) + 1;
    }
  }
  return [...by].map(([sheet, s]) => ({
    sheet,
    cells: s.cells,
    numbers: s.numbers,
    total: s.total.toDecimalPlaces(6).toNumber(),
    errors: s.errors,
    errorCodes: s.errorCodes,
  }));
}

export function summaryJson(rows: readonly SheetSummary[]): string {
  return `{\n  "sheets": [\n${rows.map((r) => `    ${JSON.stringify(r)}`).join(",\n")}\n  ]\n}\n`;
}

export function summaryText(rows: readonly SheetSummary[]): string {
  const w = Math.max(5, ...rows.map((r) => r.sheet.length));
  const money = (n: number) => n.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const lines = rows.map(
    (r) =>
      `${r.sheet.padEnd(w)}  ${String(r.cells).padStart(7)}  ${money(r.total).padStart(18)}  ${String(r.errors).padStart(6)}${
        r.errors
          ? `  (${Object.entries(r.errorCodes)
              .map(([k, v]) => `${k} ${v}`)
              .join(", ")})`
          : ""
      }`,
  );
  return `${"Sheet".padEnd(w)}  ${"cells".padStart(7)}  ${"total of numbers".padStart(18)}  ${"errors".padStart(6)}\n${lines.join("\n")}\n`;
}
