// How the preview grid shows a cell: the number format and conditional formats recorded by PreviewPort.
import { parseCellOrThrow, parseRangeOrThrow } from "../../util/a1";
import type { CellValue } from "../ports/WorkbookPort";
import type { PreviewMeta } from "../ports/PreviewPort";

function inRange(range: string, row: number, col: number): boolean {
  const r = parseRangeOrThrow(range);
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

export function displayValue(v: CellValue, format: string | undefined): string {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v !== "number") return v;
  if (format?.includes("%")) return `${(v * 100).toFixed((format.split(".")[1] ?? "").replace("%", "").length)}%`;
  if (format?.includes("#,##0")) {
    const dp = format.includes(".00") ? 2 : 0;
    const s = Math.abs(v).toLocaleString("en-GB", { minimumFractionDigits: dp, maximumFractionDigits: dp });
    return `${v < 0 ? "-" : ""}${format.includes("£") ? "£" : ""}${s}`;
  }
  return String(v);
}

/** The number format and colours that apply to one cell of a sheet (last rule recorded wins). */
export function cellStyle(
  meta: PreviewMeta,
  sheet: string,
  address: string,
  v: CellValue,
): { format?: string; color?: string; background?: string } {
  const { row, col } = parseCellOrThrow(address);
  const out: { format?: string; color?: string; background?: string } = {};
  for (const f of meta.numberFormats) if (f.sheet === sheet && inRange(f.range, row, col)) out.format = f.format;
  if (typeof v === "number") {
    for (const cf of meta.formats) {
      if (cf.sheet !== sheet || !inRange(cf.range, row, col)) continue;
      for (const rule of cf.rules) {
        const hit =
          rule.operator === "lessThan"
            ? v < rule.value
            : rule.operator === "greaterThan"
              ? v > rule.value
              : rule.operator === "equalTo"
                ? v === rule.value
                : rule.operator === "lessThanOrEqual"
                  ? v <= rule.value
                  : v >= rule.value;
        if (hit) {
          if (rule.fontColor) out.color = rule.fontColor;
          if (rule.fillColor) out.background = rule.fillColor;
        }
      }
    }
  }
  return out;
}
