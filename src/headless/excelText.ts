// TEXT as Excel formats numbers and dates, for the format codes officers use: digits and decimals (`0`, `0.00`),
// thousands (`#,##0`, `#,##0.00`), percentages (`0%`, `0.0%`), literal text around the number (`£#,##0.00`,
// `0.0 "years"`), up to three sections (positive;negative;zero) and dates and times (`dd/mm/yyyy`, `d mmmm yyyy`,
// `mmm yyyy`, `yyyy-mm-dd`, `hh:mm`). HyperFormula's own TEXT knows only plain decimals: `TEXT(1234.5,"#,##0.00")`
// gave "1235,##0.00" (Excel: "1,234.50"). A code outside this set is #VALUE! naming it, never a wrong string.
// Numbers round as Excel's ROUND does: half away from zero on the 15-significant-digit decimal Excel shows.
import Decimal from "decimal.js";
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula } from "hyperformula";
import type { ImplementedFunctions } from "hyperformula";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** A format code TEXT cannot honour; the message names it. */
export class UnsupportedFormat extends Error {}

/** Splits a section into literal text and format tokens: quoted text, \x escapes and everything else. */
function literalParts(section: string): { code: string; literals: string[] } {
  const literals: string[] = [];
  const code = section.replace(/"([^"]*)"|\\(.)/g, (_m, quoted: string | undefined, escaped: string | undefined) => {
    literals.push(quoted ?? escaped ?? "");
    return `\u0000${literals.length - 1}\u0000`;
  });
  return { code, literals };
}

const restore = (s: string, literals: readonly string[]) =>
  s.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => literals[Number(i)]);

const NUMBER = /[#0?][#0?,]*(?:\.[#0?]*)?|\.[#0?]+/;

/** A number section: literal text around one digit pattern, with an optional % (×100). */
function formatNumber(x: number, section: string): string {
  const { code, literals } = literalParts(section);
  const m = NUMBER.exec(code);
  if (!m) {
    if (/[dmyhs]/i.test(code)) throw new UnsupportedFormat(section);
    return restore(code, literals); // a section of text only ("-" for zero, say)
  }
  const before = code.slice(0, m.index);
  const after = code.slice(m.index + m[0].length);
  const around = (before + after).replace(/\u0000\d+\u0000/g, ""); // the literal text's placeholders aside
  if (/[#0?]/.test(around) || /[dmyhs@]/i.test(around)) throw new UnsupportedFormat(section);
  const percent = around.includes("%");
  const pattern = m[0];
  const [intPart, fracPart = ""] = pattern.split(".");
  const grouped = intPart.includes(",") && /[#0?],[#0?]/.test(intPart);
  const trailingCommas = /,+$/.exec(intPart)?.[0].length ?? 0; // each trailing comma divides by 1,000
  const decimals = fracPart.length;
  const minInt = (intPart.replace(/,/g, "").match(/0/g) ?? []).length;
  let d = new Decimal(Math.abs(x).toPrecision(15));
  if (percent) d = d.mul(100);
  if (trailingCommas) d = d.div(new Decimal(1000).pow(trailingCommas));
  const fixed = d.toFixed(decimals, Decimal.ROUND_HALF_UP);
  let [int, frac = ""] = fixed.split(".");
  if (int === "0" && minInt === 0) int = "";
  int = int.padStart(minInt, "0");
  if (grouped) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const optional = (fracPart.match(/#+$/)?.[0].length ?? 0) > 0;
  if (optional) {
    const keep = fracPart.replace(/#+$/, "").length;
    frac = frac.slice(0, keep) + frac.slice(keep).replace(/0+$/, "");
  }
  const number = frac ? `${int}.${frac}` : decimals && !optional ? `${int}.` : int;
  return restore(before + number + after, literals);
}

/** Excel's serial date (1 = 1 January 1900, with Excel's 29 February 1900) as UTC calendar parts. */
function dateParts(serial: number) {
  if (serial < 0 || serial >= 2958466) throw new UnsupportedFormat("a date outside 1900-9999");
  const day = Math.floor(serial);
  const secs = Math.round((serial - day) * 86400);
  let y: number, mo: number, d: number, dow: number;
  if (day === 60)
    [y, mo, d, dow] = [1900, 1, 29, 3]; // the day Excel keeps for Lotus 1-2-3
  else {
    const t = new Date(Date.UTC(1899, 11, day < 60 ? 31 : 30) + day * 86400000);
    [y, mo, d, dow] = [t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), t.getUTCDay()];
  }
  return { y, mo, d, dow, h: Math.floor(secs / 3600), mi: Math.floor(secs / 60) % 60, s: secs % 60 };
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** A date or time section: d, dd, ddd, dddd, m, mm, mmm, mmmm, yy, yyyy, h, hh, m/mm after h or before s, ss. */
function formatDate(x: number, section: string): string {
  const { code, literals } = literalParts(section);
  const p = dateParts(x);
  const tokens = code.match(/\u0000\d+\u0000|d+|m+|y+|h+|s+|[^dmyhs\u0000]+/gi) ?? [];
  const out: string[] = [];
  tokens.forEach((t, i) => {
    const k = t[0].toLowerCase();
    const n = t.length;
    const prev = tokens
      .slice(0, i)
      .reverse()
      .find((x) => /^[dmyhs]/i.test(x));
    const next = tokens.slice(i + 1).find((x) => /^[dmyhs]/i.test(x));
    if (k === "d")
      out.push(n === 1 ? String(p.d) : n === 2 ? pad(p.d) : n === 3 ? DAYS[p.dow].slice(0, 3) : DAYS[p.dow]);
    else if (k === "y") out.push(n <= 2 ? pad(p.y % 100) : String(p.y));
    else if (k === "h") out.push(n === 1 ? String(p.h) : pad(p.h));
    else if (k === "s") out.push(n === 1 ? String(p.s) : pad(p.s));
    else if (k === "m") {
      const minutes = n <= 2 && (/^h/i.test(prev ?? "") || /^s/i.test(next ?? ""));
      if (minutes) out.push(n === 1 ? String(p.mi) : pad(p.mi));
      else if (n === 1) out.push(String(p.mo + 1));
      else if (n === 2) out.push(pad(p.mo + 1));
      else if (n === 3) out.push(MONTHS[p.mo].slice(0, 3));
      else if (n === 4) out.push(MONTHS[p.mo]);
      else out.push(MONTHS[p.mo][0]);
    } else out.push(t);
  });
  return restore(out.join(""), literals);
}

/** A section with no digit placeholder and a date or time letter is a date (Excel reads it so). */
const isDate = (code: string) => !NUMBER.test(code) && /[dmyhs]/i.test(code);

/** TEXT(value, format) as Excel gives it; throws UnsupportedFormat for a code outside the supported set. */
export function excelText(x: number, format: string): string {
  if (format === "") return "";
  if (/^(general|@)$/i.test(format.trim())) return new Decimal(x.toPrecision(15)).toString();
  const sections = format.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/); // semicolons outside quotes
  if (sections.length > 3) throw new UnsupportedFormat(format);
  for (const s of sections) {
    const code = literalParts(s).code;
    // colours and locales ([Red], [$£-809]), fill and padding (*, _), scientific, fractions
    if (/[[*_]|E[+-]/i.test(code) || (!isDate(code) && code.includes("/"))) throw new UnsupportedFormat(format);
  }
  const i = x < 0 && sections.length > 1 ? 1 : x === 0 && sections.length > 2 ? 2 : 0;
  const section = sections[i];
  if (isDate(literalParts(section).code)) return formatDate(x, section);
  const text = formatNumber(x, section);
  return x < 0 && i === 0 ? `-${text}` : text; // the negative section carries its own sign, if any
}

class ExcelTextPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    TEXT: {
      method: "text",
      parameters: [{ argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.STRING }],
    },
  };

  text(
    ast: { args: Parameters<FunctionPlugin["runFunction"]>[0] },
    state: Parameters<FunctionPlugin["runFunction"]>[1],
  ) {
    return this.runFunction(ast.args, state, this.metadata("TEXT"), (x: number, format: string) => {
      try {
        return excelText(x, format);
      } catch (e) {
        if (!(e instanceof UnsupportedFormat)) throw e;
        return new CellError(
          ErrorType.VALUE,
          `TEXT: the format code "${format}" is not one the headless host formats (digits, #,##0, %, literal text, dates)`,
        );
      }
    });
  }
}

let registered = false;
/** Replaces HyperFormula's TEXT with Excel's (once per process). */
export function registerExcelText(): void {
  if (registered) return;
  HyperFormula.unregisterFunction("TEXT");
  HyperFormula.registerFunctionPlugin(ExcelTextPlugin);
  registered = true;
}
