// CSV text -> grid of strings (RFC 4180: quoted fields, doubled quotes, CRLF/LF, embedded newlines). Shared by
// import (institution data) and data (the EHCP history tidy), which must not depend on each other.
// Strips a UTF-8 byte-order mark. Published files (DfE/ESFA extracts) come like this.

export interface CsvResult {
  rows: string[][];
  /** problems that make the file unreliable, e.g. an unterminated quote */
  errors: string[];
}

export function parseCsv(text: string): CsvResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  const errors: string[] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let quoteStartLine = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === "\n") line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
      quoteStartLine = line;
      continue;
    }
    if (c === ",") {
      row.push(field);
      field = "";
      continue;
    }
    if (c === "\r" && src[i + 1] === "\n") continue;
    if (c === "\n" || c === "\r") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      line++;
      continue;
    }
    field += c;
  }
  if (quoted) errors.push(`line ${quoteStartLine}: a quoted field is never closed`);
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { rows, errors };
}
