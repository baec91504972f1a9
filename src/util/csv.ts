// CSV text -> grid of strings (RFC 4180: quoted fields, doubled quotes, CRLF/LF, embedded newlines).
// Strips a byte-order mark. Published files (DfE/ESFA extracts) come like this. The parser takes the text in
// pieces (CsvParser.push), so a file can be read in chunks with a row and a cell budget: it stops at the first row over
// the budget instead of holding a million rows. A quote never closed and a NUL character are errors naming
// the line: the first swallows every later row into one cell, the second means a damaged or UTF-16 file.
// Shared by import (institution data) and data (the EHCP history tidy), which must not depend on each other.

export interface CsvResult {
  rows: string[][];
  /** problems that make the file unreliable, e.g. an unterminated quote */
  errors: string[];
}

/**
 * Rows of a school list the importer takes (raised with --max-rows): an LA's list has hundreds. The model built
 * from it is recalculated at once, which costs about 55 MB and 4 s per 1,000 rows (20,000 rows: 1.1 GB, 86 s), so
 * the default keeps an import within about 600 MB; a bigger file is refused while it is read.
 */
export const MAX_IMPORT_ROWS = 10_000;

export class CsvParser {
  readonly rows: string[][] = [];
  /** which budget a row went past (parsing stopped there), or false */
  over: false | "rows" | "cells" = false;
  private cells = 0;
  private row: string[] = [];
  private field = "";
  private quoted = false;
  private line = 1;
  private quoteStartLine = 0;
  private nulLine = 0;
  private nuls = 0;
  /** a last character whose meaning depends on the next one ('"' in a quoted field, "\r") */
  private carry = "";
  private started = false;

  constructor(
    private readonly maxRows = Infinity,
    private readonly maxCells = Infinity,
    /** "auto": a tab when the first line has tabs and no comma (Excel's "Unicode Text" save), else a comma */
    private delimiter: "," | "\t" | "auto" = ",",
  ) {}

  /** The line the parser has reached (1-based). */
  get lineNumber(): number {
    return this.line;
  }

  push(text: string): void {
    if (this.over) return;
    let src = this.carry + text;
    this.carry = "";
    if (!this.started && src.length > 0) {
      this.started = true;
      if (src.charCodeAt(0) === 0xfeff) src = src.slice(1);
    }
    if (this.delimiter === "auto" && !text.includes("\n")) {
      this.carry = src; // the first line is not complete yet
      return;
    }
    this.scan(src, false);
  }

  end(): CsvResult {
    if (!this.over) this.scan(this.carry, true);
    this.carry = "";
    const errors: string[] = [];
    if (this.nuls > 0)
      errors.push(
        `line ${this.nulLine}: the file holds ${this.nuls.toLocaleString("en-GB")} NUL character(s) (code 0): it is damaged, or UTF-16 without a byte-order mark; save it again from Excel as "CSV UTF-8"`,
      );
    if (this.quoted && !this.over)
      errors.push(
        `line ${this.quoteStartLine}: a quoted field is never closed (every line after it would be one cell); close or remove that quote`,
      );
    if (!this.over && (this.field !== "" || this.row.length > 0 || this.quoted)) {
      this.row.push(this.field);
      this.rows.push(this.row);
    }
    return { rows: this.rows, errors };
  }

  private endRow(): void {
    this.row.push(this.field);
    this.cells += this.row.length;
    if (this.rows.length >= this.maxRows || this.cells > this.maxCells) {
      this.over = this.rows.length >= this.maxRows ? "rows" : "cells";
      return;
    }
    this.rows.push(this.row);
    this.row = [];
    this.field = "";
  }

  private scan(src: string, final: boolean): void {
    if (this.delimiter === "auto") {
      const first = src.slice(0, src.includes("\n") ? src.indexOf("\n") : src.length);
      this.delimiter = first.includes("\t") && !first.includes(",") ? "\t" : ",";
    }
    let field = this.field;
    for (let i = 0; i < src.length; i++) {
      const c = src[i];
      if ((c === '"' || c === "\r") && i + 1 === src.length && !final) {
        this.carry = c; // decided by the next piece's first character
        break;
      }
      if (c === "\0" && this.nuls++ === 0) this.nulLine = this.line;
      if (this.quoted) {
        if (c === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i++;
          } else this.quoted = false;
        } else {
          if (c === "\n") this.line++;
          field += c;
        }
        continue;
      }
      if (c === '"' && field === "") {
        this.quoted = true;
        this.quoteStartLine = this.line;
        continue;
      }
      if (c === this.delimiter) {
        this.row.push(field);
        field = "";
        continue;
      }
      if (c === "\r" && src[i + 1] === "\n") continue;
      if (c === "\n" || c === "\r") {
        this.field = field;
        this.endRow();
        if (this.over) return;
        field = "";
        this.line++;
        continue;
      }
      field += c;
    }
    this.field = field;
  }
}

export function parseCsv(text: string, maxRows = Infinity): CsvResult & { over: CsvParser["over"] } {
  const p = new CsvParser(maxRows);
  p.push(text);
  const r = p.end();
  return { ...r, over: p.over };
}
