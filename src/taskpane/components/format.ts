// How results are shown in the pane (display only: no rounding of the model's numbers).
import type { CellValue } from "../ports/WorkbookPort";

const money = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const plain = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 6 });

export function formatCell(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return v.error;
  if (typeof v === "number") return plain.format(v);
  return String(v);
}

export function formatMoney(v: CellValue | undefined): string {
  return typeof v === "number" ? money.format(v) : formatCell(v);
}

export function formatPercent(v: CellValue | undefined): string {
  return typeof v === "number" ? `${(v * 100).toFixed(1)}%` : formatCell(v);
}
