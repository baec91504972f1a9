// The SEND calls a formula makes, with their top-level argument texts (no DOM or Node API: the pane uses it).

/** One SEND call in a formula: its function name and its top-level argument texts. */
export interface SendCall {
  fn: string;
  args: string[];
}

/** The top-level arguments of the call whose "(" is at `open` (quotes and nested calls respected). */
function argsAt(formula: string, open: number): { args: string[]; end: number } {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open + 1; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const close = formula.indexOf(ch, i + 1); // "" and '' escapes just re-enter the quote
      i = close < 0 ? formula.length : close;
    } else if (ch === "(") depth++;
    else if (ch === ")" && depth > 0) depth--;
    else if ((ch === "," || ch === ")") && depth === 0) {
      args.push(formula.slice(start, i).trim());
      if (ch === ")") return { args, end: i };
      start = i + 1;
    }
  }
  return { args, end: formula.length };
}

/** Every SEND.<name>( call in a formula, nested ones included. */
export function sendCalls(formula: string): SendCall[] {
  const out: SendCall[] = [];
  const re = /SEND\.([A-Z]+)\(/gi;
  for (let m = re.exec(formula); m; m = re.exec(formula)) {
    out.push({ fn: m[1].toUpperCase(), args: argsAt(formula, m.index + m[0].length - 1).args });
  }
  return out;
}
