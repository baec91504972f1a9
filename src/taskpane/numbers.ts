// The pane's one way to read what an officer types as a number and to show money and shares. Parsing
// hands the digits to the engine's cell reader (src/engine/coerce.ts: "£1,234", "12.5%", "(5)") and
// adds only what people type but cells never hold: "£5m", "5.2m", "£750k", "1.2bn". Display only:
// nothing here rounds the model's numbers.
import { readNumber } from "../engine/coerce";
import { toNumber } from "../engine/money";
import type { CellValue } from "./ports/WorkbookPort";

export type Parsed = { ok: true; value: number } | { ok: false; message: string };

export interface ParseOptions {
  /** what the field is called, for the message ("Budget") */
  label: string;
  /**
   * "money": a plain amount ("£5m", "5,000,000"); a "%" is refused.
   * "percent": a share typed as percentage points ("3%" or "3" -> 0.03).
   * "fraction": a share typed as a fraction or a percentage ("0.03" or "3%" -> 0.03).
   * "number": a count or other plain number ("%" refused, no m/k suffix).
   */
  kind?: "money" | "percent" | "fraction" | "number";
  /** bounds on the parsed value (a share's bounds are fractions: 0.05 = 5%) */
  min?: number;
  max?: number;
}

const SCALE: Record<string, number> = { k: 1e3, m: 1e6, bn: 1e9 };
const SUFFIX = /^(.*\d)\s*(k|m|mn|bn)$/i;
const EXAMPLES: Record<NonNullable<ParseOptions["kind"]>, string> = {
  money: "for example £5m, 5,000,000 or 5.2m",
  percent: "for example 3% or -0.5%",
  fraction: "for example 3% or 0.03",
  number: "for example 120",
};

function bound(v: number, o: ParseOptions, kind: NonNullable<ParseOptions["kind"]>): string {
  const show = (x: number) =>
    kind === "percent" || kind === "fraction"
      ? `${+(x * 100).toFixed(6)}%`
      : kind === "money"
        ? formatMoney(x, { whole: Number.isInteger(x) })
        : String(x);
  return o.min !== undefined && v < o.min
    ? `${o.label} must be at least ${show(o.min)}.`
    : o.max !== undefined && v > o.max
      ? `${o.label} must be at most ${show(o.max)}.`
      : "";
}

/** What the officer typed, as a number, or a message naming the field and showing what it accepts. */
export function parseNumberInput(input: string, opts: ParseOptions): Parsed {
  const kind = opts.kind ?? "money";
  const raw = input.trim();
  const fail = (why: string): Parsed => ({ ok: false, message: `${opts.label}: ${why} (${EXAMPLES[kind]}).` });
  if (raw === "") return fail("enter a value");
  let text = raw.replace(/\s+/g, "");
  let scale = 1;
  const m = SUFFIX.exec(text);
  if (m && kind === "money") {
    text = m[1];
    scale = SCALE[m[2].toLowerCase() === "mn" ? "m" : m[2].toLowerCase()];
  }
  // "-£5" and "£-5" both reach the engine; it reads "£" only after a sign
  const read = readNumber(text.replace(/^£([-+])/, "$1£"));
  if (read.kind !== "number") return fail(`'${raw}' is not a number`);
  const hasPercent = text.includes("%");
  // scaled as a decimal, so "1.234m" is exactly 1,234,000
  let value = toNumber(read.value.times(scale));
  if (hasPercent && (kind === "money" || kind === "number"))
    return fail(`'${raw}' is a percentage, not ${kind === "money" ? "an amount" : "a number"}`);
  if (kind === "percent" && !hasPercent) value /= 100;
  // the engine already turned "3%" into 0.03
  const out = bound(value, opts, kind);
  return out ? { ok: false, message: out } : { ok: true, value };
}

const moneyFmt = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const wholeFmt = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const plain = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 6 });

/** Any cell as text: errors by their code, numbers with thousands separators. */
export function formatCell(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return v.error;
  if (typeof v === "number") return plain.format(v);
  return String(v);
}

/** "£1,234.56", "-£5.00"; `whole` drops the pence for totals shown at a glance. */
export function formatMoney(v: CellValue | undefined, opts: { whole?: boolean } = {}): string {
  if (typeof v !== "number") return formatCell(v);
  const s = (opts.whole ? wholeFmt : moneyFmt).format(Math.abs(v));
  return `${v < 0 ? "-" : ""}£${s}`;
}

/** A share (0.031) as "3.1%". */
export function formatPercent(v: CellValue | undefined, digits = 1): string {
  return typeof v === "number" ? `${(v * 100).toFixed(digits)}%` : formatCell(v);
}

/** A value in a rate's unit: money units get £, fractions a %, everything else as a number. */
export function formatInUnit(v: CellValue | undefined, unit: string): string {
  if (typeof v !== "number") return formatCell(v);
  if (unit.startsWith("£")) return formatMoney(v);
  if (/fraction/.test(unit)) return formatPercent(v, 2).replace(/\.?0+%$/, "%");
  return formatCell(v);
}
