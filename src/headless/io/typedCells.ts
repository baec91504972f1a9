// Cell types exceljs misreads, settled in the worksheet XML before exceljs sees it.
//
// - A date cell (`t="d"`) holds ISO 8601 text (`<v>2024-03-01T00:00:00</v>`, ECMA-376 Part 1, 18.18.11 ST_CellType).
//   exceljs reads it as parseFloat(text) = 2024. Excel reads it as the date's serial number (45352), the number a
//   formula sees, shown with the cell's number format. The reading copy stores that number instead (the cell keeps
//   its style, so its format), so every reader downstream sees Excel's value. Text that is not such a date is
//   refused naming the cell: Excel itself will not open the file.
// - A shared-string cell (`t="s"`) holds an index into xl/sharedStrings.xml. exceljs reads an index past the table
//   as the number itself (no table) or fails on it. Excel refuses the file; so does the host, naming the cell.
import { FileProblem } from "./files";
import { unescapeXml } from "./xmlText";

/** A damaged cell: the sheet, the cell and what is wrong, for the caller to prefix with the file's name. */
export class CellTypeProblem extends FileProblem {}

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30); // serial 0 with Excel's phantom 29 February 1900 counted (from 1 March)
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// date, optional time; or a time alone. Seconds and their fraction optional; "Z" (UTC) accepted, other offsets not:
// Excel stores dates without a zone.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?Z?)?$/;
const ISO_TIME = /^T?(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?Z?$/;

/** The fraction of a day a time is, or undefined when it is not a time of day. */
function dayFraction(h: string, m: string, s = "0", frac = ""): number | undefined {
  const hours = Number(h);
  const minutes = Number(m);
  const seconds = Number(s) + (frac ? Number(`0${frac}`) : 0);
  if (hours > 23 || minutes > 59 || seconds >= 60) return undefined;
  return (hours * 3600 + minutes * 60 + seconds) / 86_400;
}

/**
 * Excel's serial number for an ISO 8601 date, date-time or time (1900 or 1904 date system), or a sentence saying
 * why the text is not one Excel can hold.
 */
export function isoToSerial(text: string, date1904 = false): number | string {
  const t = text.trim();
  const time = ISO_TIME.exec(t);
  if (time) return dayFraction(time[1], time[2], time[3], time[4]) ?? "not a time of day";
  const m = ISO_DATE.exec(t);
  if (!m) return "not an ISO 8601 date (2024-03-01 or 2024-03-01T09:30:00)";
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const phantom = !date1904 && year === 1900 && month === 2 && day === 29; // Excel's serial 60
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1] || (month === 2 && day === 29 && !leap)) {
    if (!phantom) return "not a day of the calendar";
  }
  const fraction = m[4] === undefined ? 0 : dayFraction(m[4], m[5], m[6], m[7]);
  if (fraction === undefined) return "not a time of day";
  let days: number;
  if (phantom) days = 60;
  else if (date1904) days = (Date.UTC(year, month - 1, day) - EPOCH_1904) / MS_PER_DAY;
  else {
    days = (Date.UTC(year, month - 1, day) - EPOCH_1900) / MS_PER_DAY;
    if (days < 61) days -= 1; // before 1 March 1900 Excel counts from 1 January 1900 = 1
  }
  const first = date1904 ? "1904-01-01" : "1900-01-01";
  if (days < (date1904 ? 0 : 1)) return `before ${first}, the first date Excel can hold`;
  if (year > 9999) return "after 9999-12-31, the last date Excel can hold";
  return days + fraction;
}

const DATE_CELL = /<c\b([^>]*?)\s+t=(["'])d\2([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const SHARED_CELL = /<c\b([^>]*?)\bt=(["'])s\2[^>]*>\s*<v(?:\s[^>]*)?>([^<]*)<\/v>/g;
const VALUE = /<v(?:\s[^>]*)?>([^<]*)<\/v>/;
const cellName = (attrs: string) => /\br=["']([^"']+)["']/.exec(attrs)?.[1] ?? "(a cell without an address)";

/**
 * A worksheet's XML with its date cells (t="d") stored as Excel's serial numbers; throws CellTypeProblem naming
 * the cell when a date cell's text is not a date Excel can hold.
 */
export function datesAsSerials(xml: string, sheet: string, date1904: boolean): string {
  if (!/\bt=["']d["']/.test(xml)) return xml;
  return xml.replace(DATE_CELL, (whole, before: string, _q: string, after: string, body: string | undefined) => {
    const attrs = `${before}${after}`;
    if (body === undefined) return `<c${attrs}/>`;
    const v = VALUE.exec(body);
    if (!v) return `<c${attrs}>${body}</c>`;
    const serial = isoToSerial(unescapeXml(v[1]), date1904);
    if (typeof serial === "string")
      throw new CellTypeProblem(
        `sheet '${sheet}' cell ${cellName(attrs)} is a date cell holding '${unescapeXml(v[1]).slice(0, 40)}', ${serial}`,
      );
    return `<c${attrs}>${body.replace(VALUE, `<v>${serial}</v>`)}</c>`;
  });
}

/** How many strings a shared-string table (xl/sharedStrings.xml) holds: its <si> items. */
export function sharedStringCount(sst: string | undefined): number {
  if (!sst) return 0;
  let n = 0;
  for (let i = sst.indexOf("<si"); i >= 0; i = sst.indexOf("<si", i + 3)) {
    const next = sst[i + 3];
    if (next === ">" || next === " " || next === "/" || next === "\t" || next === "\n" || next === "\r") n++;
  }
  return n;
}

/** Throws CellTypeProblem naming the first shared-string cell whose index is not in the table of `count` strings. */
export function checkSharedStrings(xml: string, sheet: string, count: number): void {
  if (!/\bt=["']s["']/.test(xml)) return;
  for (const m of xml.matchAll(SHARED_CELL)) {
    const text = m[3].trim();
    const index = /^\d+$/.test(text) ? Number(text) : NaN;
    if (index < count) continue;
    const table =
      count === 0 ? "the workbook has no shared strings" : `its table holds ${count.toLocaleString("en-GB")}`;
    throw new CellTypeProblem(
      `sheet '${sheet}' cell ${cellName(m[1])} refers to shared string ${Number.isNaN(index) ? `'${text.slice(0, 20)}'` : index}, ` +
        `but ${table} (strings are numbered from 0); the file is damaged`,
    );
  }
}
