// A formula that is a range and nothing else (`=A1:A3`, `=Sheet2!B1:B5`, `=(A1:A3)`, or a name for a range once
// written out) spills the range's values in Excel 365, as any formula returning several values does
// (Microsoft Support, "Dynamic array formulas and spilled array behavior"). HyperFormula refuses a bare range
// ("Cell range not allowed", #VALUE!) but spills an array result, so the engine is given `IF(ISBLANK(r),0,r)`:
// the range's values, a blank cell as 0, as Excel shows a reference to a blank cell. The workbook written back and
// every formula shown keep the text as written (the loader lists the cell in Isolated.rewritten).
//
// A whole column or row (`=A:A`, `=1:3`) spills to the sheet's last row or column in Excel (1,048,576 values for
// one column): the engine reads such references only to the used range, so it would spill fewer cells. That is
// an error in the cell naming the exact range to use instead, never a shorter spill.

const END = String.raw`\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}|\$?\d+`;
const BARE = new RegExp(
  String.raw`^=\s*((?:\(\s*)*)((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(${END}):(${END})((?:\s*\))*)\s*$`,
);

export type BareRange = { text: string } | { problem: string } | undefined;

const kind = (end: string) => (/\d$/.test(end) ? (/[A-Za-z]/.test(end) ? "cell" : "row") : "column");

/**
 * For a formula that is one range reference: the formula the engine spills it with (`text`), or why it cannot
 * (`problem`, a whole column or row). Undefined for any other formula.
 */
export function bareRange(formula: string): BareRange {
  const m = BARE.exec(formula);
  if (!m) return undefined;
  const [, open, sheet = "", a, b, close] = m;
  if ((open.match(/\(/g) ?? []).length !== (close.match(/\)/g) ?? []).length) return undefined;
  const ka = kind(a);
  if (ka !== kind(b)) return undefined;
  const ref = `${sheet}${a}:${b}`;
  if (ka !== "cell")
    return {
      problem:
        `the formula is the whole ${ka === "column" ? "column" : "row"} range ${ref}, which Excel spills to the ` +
        `sheet's last ${ka === "column" ? "row" : "column"}; the headless engine spills exact ranges only ` +
        `(write it as ${ka === "column" ? `${sheet}${a}1:${b}100` : `${sheet}A${a}:Z${b}`}, with the rows and columns you need)`,
    };
  return { text: `=IF(ISBLANK(${ref}),0,${ref})` };
}
