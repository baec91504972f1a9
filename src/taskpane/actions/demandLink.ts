// Projection from demand: the SEND.FORECAST spills in the workbook (on Demand sheets, or anywhere a user typed one),
// so the Projection screen can feed one to SEND.PROJECT as its third argument, and the history it read as the fourth
// (the census before the forecast's first year, which interpolating that financial year needs).
import { blockRange, cellA1, parseCellOrThrow, parseRangeOrThrow, sheetRef, splitRef } from "../../util/a1";
import type { WorkbookPort } from "../ports/WorkbookPort";

export interface ForecastSpill {
  sheet: string;
  /** the formula's cell */
  anchor: string;
  /** the spill as other formulas read it, sheet-qualified and absolute ("Demand!$S$7:$W$55") */
  ref: string;
  /** the forecast years, oldest first */
  years: number[];
  /** the history SEND.FORECAST reads (its first argument), sheet-qualified; null when that is not a range */
  history: string | null;
}

/** A range, optionally sheet-qualified ("Demand!$A$7:$K$19", "'My sheet'!A1:B4", "A7:K19"). */
const RANGE_REF = /^(?:(?:'(?:[^']|'')+'|[^,()'!]+)!)?\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?\d+$/i;

/** The arguments of a formula's outermost call, split at its top-level commas (quoted text and brackets kept). */
export function callArgs(formula: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  let quote: string | null = null;
  for (const ch of formula.slice(formula.indexOf("(") + 1)) {
    if (quote) {
      cur += ch;
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "(") depth++;
    else if (ch === ")" && depth-- === 0) break;
    else if (ch === "," && depth === 0) {
      out.push(cur.trim());
      cur = "";
      continue;
    }
    cur += ch;
  }
  out.push(cur.trim());
  return out;
}

/** A formula's range argument, qualified with `sheet` when it names none; null when the argument is not a range. */
function rangeArg(arg: string | undefined, sheet: string): string | null {
  if (!arg || !RANGE_REF.test(arg)) return null;
  return arg.includes("!") ? arg : sheetRef(sheet, arg);
}

const MAX_SPILL = 1000;

export async function findForecasts(port: WorkbookPort): Promise<ForecastSpill[]> {
  const out: ForecastSpill[] = [];
  for (const sheet of await port.sheetNames()) {
    const used = await port.usedRange(sheet);
    if (!used) continue;
    const box = parseRangeOrThrow(used);
    const formulas = await port.readFormulas(sheet, used);
    for (let r = 0; r < formulas.length; r++) {
      for (let c = 0; c < formulas[r].length; c++) {
        const f = formulas[r][c];
        if (typeof f !== "string" || !/^=\s*SEND\.FORECAST\s*\(/i.test(f)) continue;
        const anchor = cellA1(box.top + r, box.left + c);
        const values = await port.readValues(sheet, blockRange(anchor, MAX_SPILL, 5));
        const end = values.findIndex((row) => row[0] === null);
        const rows = end < 0 ? values : values.slice(0, end);
        const years = [
          ...new Set(
            rows
              .slice(1)
              .map((row) => row[0])
              .filter((y): y is number => typeof y === "number"),
          ),
        ];
        if (rows.length < 2 || years.length === 0) continue; // a failing forecast: nothing to project from
        const p = parseCellOrThrow(anchor);
        out.push({
          sheet,
          anchor,
          ref: sheetRef(sheet, `${cellA1(p.row, p.col, true)}:${cellA1(p.row + rows.length - 1, p.col + 4, true)}`),
          years,
          history: rangeArg(callArgs(f)[0], sheet),
        });
      }
    }
  }
  return out;
}

/** A forecast named by where its formula is ("Demand!S7"): stays the same when its spill grows or shrinks. */
export function forecastAt(sheet: string, anchor: string): string {
  return sheetRef(sheet, anchor);
}

/**
 * The forecast the latest projection sheet reads (SEND.PROJECT's third argument, by its formula's cell), or null
 * when it took its pupils from the typed counts or there is no projection yet.
 */
export async function lastProjectionForecast(
  port: WorkbookPort,
  projections: readonly string[],
): Promise<string | null> {
  const sheet = projections[projections.length - 1];
  if (!sheet) return null;
  const used = await port.usedRange(sheet);
  if (!used) return null;
  for (const row of await port.readFormulas(sheet, used))
    for (const f of row) {
      if (typeof f !== "string" || !/^=\s*SEND\.PROJECT\s*\(/i.test(f)) continue;
      const forecast = rangeArg(callArgs(f)[2], sheet);
      if (!forecast) return null;
      const { sheet: at = sheet, range } = splitRef(forecast);
      const p = parseCellOrThrow(range.split(":")[0].replace(/\$/g, ""));
      return forecastAt(at, cellA1(p.row, p.col));
    }
  return null;
}
