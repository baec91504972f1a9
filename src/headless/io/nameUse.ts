// Defined names checked one by one, so a bad name is an error in the cells that use it and every other name keeps
// working (a name of 600 parentheses used to drop every name of the workbook; a 1,400-operator name overflowed the
// stack and ended the whole recalculation). A name is held to the limits of a cell formula (io/formulaLimits.ts);
// its ranges are trimmed to the used range like a cell's, and a formula using it is judged (shape-sensitive use,
// cell budget) with the name's reference written in place, as the engine will read it.
import type { DefinedName } from "./definedNames";
import { scanFormula } from "./formulaLimits";
import { clipRanges, type SheetBounds } from "./clipRanges";

export interface NameUse {
  name: string;
  /** why the engine cannot take the name; undefined for a sound name */
  problem?: string;
}

export interface NameTable {
  /** the sound names, for the engine (huge ranges trimmed to the used range) */
  usable: DefinedName[];
  /** the names a formula of sheet `sheetIndex` uses */
  usesIn(formula: string, sheetIndex: number): NameUse[];
  /** the formula with each sound name it uses written out (for judging its ranges, never for the engine) */
  expand(formula: string, sheetIndex: number): string;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const maskStrings = (f: string) => f.replace(/"(?:[^"]|"")*"/g, (m) => `"${" ".repeat(m.length - 2)}"`);
/** A reference and nothing else: written out without parentheses (so `=Big` is still a formula returning a range). */
const SINGLE_REF = /^(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)?!?\$?[A-Za-z]{0,3}\$?\d*(?::\$?[A-Za-z]{0,3}\$?\d*)?$/;

export function nameTable(
  names: readonly DefinedName[],
  sheetNames: readonly string[],
  bounds: ReadonlyMap<string, SheetBounds>,
): NameTable {
  const byKey = new Map<string, { def: DefinedName; body: string; problem?: string }[]>();
  const usable: DefinedName[] = [];
  for (const def of names) {
    const scan = scanFormula(def.expression);
    const body = scan.text.replace(/^=/, "");
    let problem = scan.problem;
    let expression = scan.text;
    if (!problem) {
      // trimmed as a range inside a function (where only its values matter); shape-sensitive uses are judged per cell
      const own = sheetNames[def.sheetIndex ?? 0] ?? "";
      const clip = clipRanges(`=(${body})`, own, bounds, true);
      if (clip.problem) problem = clip.problem;
      else expression = `=${clip.text.slice(2, -1)}`;
    }
    const key = def.name.toLowerCase();
    byKey.set(key, [...(byKey.get(key) ?? []), { def, body, problem }]);
    if (!problem) usable.push({ ...def, expression });
  }
  const pattern =
    byKey.size === 0
      ? undefined
      : new RegExp(
          `(?<![A-Za-z0-9_.!$'\\]\\\\])(${[...byKey.values()]
            .map((v) => esc(v[0].def.name))
            .sort((a, b) => b.length - a.length)
            .join("|")})(?![A-Za-z0-9_.(!\\[])`,
          "gi",
        );
  const find = (name: string, sheetIndex: number) => {
    const all = byKey.get(name.toLowerCase()) ?? [];
    return all.find((n) => n.def.sheetIndex === sheetIndex) ?? all.find((n) => n.def.sheetIndex === undefined);
  };
  const matches = (formula: string) => (pattern ? [...maskStrings(formula).matchAll(pattern)] : []);
  return {
    usable,
    usesIn(formula, sheetIndex) {
      const out: NameUse[] = [];
      for (const m of matches(formula)) {
        const n = find(m[1], sheetIndex);
        if (n && !out.some((u) => u.name === n.def.name)) out.push({ name: n.def.name, problem: n.problem });
      }
      return out;
    },
    expand(formula, sheetIndex) {
      let out = "";
      let last = 0;
      for (const m of matches(formula)) {
        const n = find(m[1], sheetIndex);
        if (!n || n.problem) continue;
        const body = n.body.trim();
        out += formula.slice(last, m.index) + (SINGLE_REF.test(body) ? body : `(${body})`);
        last = m.index! + m[0].length;
      }
      return last === 0 ? formula : out + formula.slice(last);
    },
  };
}
