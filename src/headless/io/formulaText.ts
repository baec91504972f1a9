// Formula text as stored in an xlsx file vs as typed in a cell.
//
// Excel saves an Office.js custom function under a `_xldudf_` name: `=SEND.ALLOCATE(…)` is stored as
// `_xldudf_SEND_ALLOCATE(…)` (namespace and name joined by "_"). A file that holds the bare typed text
// `SEND.ALLOCATE(…)` opens as #NAME? and stays so even after the add-in loads (see OfficeDev/office-js
// reports on "_xldudf_"), so the writer stores the `_xldudf_` form and the reader turns it back.
// Functions newer than Excel 2007 are stored with an `_xlfn.` prefix; the reader drops it and the writer
// adds it for the few such functions a model is likely to use.

/** Splits a formula into code and literal parts ("strings" and 'sheet names'), so edits never touch literals. */
function segments(formula: string): { text: string; code: boolean }[] {
  const out: { text: string; code: boolean }[] = [];
  let i = 0;
  let start = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      if (i > start) out.push({ text: formula.slice(start, i), code: true });
      let j = i + 1;
      for (; j < formula.length; j++) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch)
            j++; // doubled quote inside the literal
          else break;
        }
      }
      out.push({ text: formula.slice(i, j + 1), code: false });
      i = j + 1;
      start = i;
    } else i++;
  }
  if (start < formula.length) out.push({ text: formula.slice(start), code: true });
  return out;
}

function mapCode(formula: string, edit: (code: string) => string): string {
  return segments(formula)
    .map((s) => (s.code ? edit(s.text) : s.text))
    .join("");
}

/** Newer functions Excel stores as `_xlfn.NAME` (only those a model here may plausibly use). */
const XLFN = [
  "XLOOKUP",
  "XMATCH",
  "SEQUENCE",
  "FILTER",
  "SORT",
  "SORTBY",
  "UNIQUE",
  "LET",
  "IFS",
  "SWITCH",
  "MAXIFS",
  "MINIFS",
  "CONCAT",
  "TEXTJOIN",
  "IFNA",
  "STDEV.S",
  "STDEV.P",
  "VAR.S",
  "VAR.P",
  "CEILING.MATH",
  "FLOOR.MATH",
  "RANK.EQ",
  "PERCENTILE.INC",
  "DAYS",
  "XOR",
];

// A name must not continue another name or follow a sheet prefix (Sheet1!); the "(" after it is not consumed,
// so nested calls (IFNA(XLOOKUP(…))) are all found.
const B = "(?<![A-Za-z0-9_.!])";
const P = "(?=\\s*\\()";
const SEND_CALL = new RegExp(`${B}SEND\\.([A-Za-z][A-Za-z0-9]*)${P}`, "gi");
const XLFN_CALL = new RegExp(`${B}(${XLFN.map((n) => n.replace(".", "\\.")).join("|")})${P}`, "gi");
const UDF_CALL = new RegExp(`${B}(?:_xll\\.)?_xldudf_SEND_([A-Za-z][A-Za-z0-9]*)${P}`, "gi");
const XLL_SEND_CALL = new RegExp(`${B}_xll\\.SEND\\.([A-Za-z][A-Za-z0-9]*)${P}`, "gi");
const XLFN_PREFIX = /_xlfn\.(?:_xlws\.)?/gi;
const SINGLE = /_xlfn\.SINGLE\(/gi;

/** Typed formula (without "=") -> the text stored in the file's <f> element. */
export function toFileFormula(formula: string): string {
  return mapCode(formula, (code) =>
    code
      .replace(SEND_CALL, (_m, name: string) => `_xldudf_SEND_${name.toUpperCase()}`)
      .replace(XLFN_CALL, (_m, name: string) => `_xlfn.${name.toUpperCase()}`),
  );
}

/** Stored <f> text -> the formula as typed (without "="): `_xldudf_SEND_X(` -> `SEND.X(`, `_xlfn.` dropped. */
export function fromFileFormula(stored: string): string {
  return mapCode(stored, (code) =>
    code
      .replace(UDF_CALL, (_m, name: string) => `SEND.${name.toUpperCase()}`)
      .replace(XLL_SEND_CALL, (_m, name: string) => `SEND.${name.toUpperCase()}`)
      // `@x` in a dynamic-array formula is stored as _xlfn.SINGLE(x); a plain (x) gives the same scalar here
      .replace(SINGLE, "(")
      .replace(XLFN_PREFIX, ""),
  );
}

/** True when the formula calls a SEND function (typed form). */
export function callsSend(formula: string): boolean {
  return segments(formula).some((s) => s.code && new RegExp(SEND_CALL.source, "i").test(s.text));
}

/** The index just past the quoted span ("text" or 'Sheet name') that starts at `i`; a doubled quote stays inside. */
export function quotedEnd(formula: string, i: number): number {
  const q = formula[i];
  let j = i + 1;
  for (; j < formula.length; j++) {
    if (formula[j] !== q) continue;
    if (formula[j + 1] === q) j++;
    else break;
  }
  return j + 1;
}
