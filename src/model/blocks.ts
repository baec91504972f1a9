// The Blocks sheet: every institution's funding split by DSG block, one SEND.ALLOCATEALL spill per option and
// block. High Needs is the spend the high-needs budget carries; Schools (notional SEN, already inside school
// budgets), 16-19 (ESFA FE element 1, not DSG) and Early years are memo columns that totals never add in.
import { colLetters } from "../util/a1";
import type { ModelRefs } from "./refs";
import { formulaString, type Rows } from "./types";

/** The blocks in column order; the first is the one totals use. */
export const MODEL_BLOCKS = ["High needs", "Schools", "16-19", "Early years"] as const;
export type ModelBlock = (typeof MODEL_BLOCKS)[number];

/** The memo lines' labels (what a Schools Forum reader sees). */
export const MEMO_LABELS: Record<Exclude<ModelBlock, "High needs">, string> = {
  Schools: "Memo: Schools block (notional SEN, already inside school budgets)",
  "16-19": "Memo: ESFA 16-19 (FE element 1, not DSG)",
  "Early years": "Memo: Early Years block (DAF, SENIF)",
};

export interface BlocksSpec {
  refs: ModelRefs;
  options: readonly string[];
  count: number;
}

export interface BlocksLayout {
  rows: Rows;
  /** 1-based column of one option's block on the Blocks sheet (data rows 2..count+1) */
  col(option: string, block: ModelBlock): number;
  /** the data range of one option's block, e.g. "C2:C301" (unqualified) */
  range(option: string, block: ModelBlock): string;
}

export function blockAllocationFormula(refs: ModelRefs, option: string, block: ModelBlock): string {
  return `=SEND.ALLOCATEALL(${refs.rates},${formulaString(option)},${refs.table},${formulaString(block)})`;
}

const FIRST = 3; // Name, Phase, then option × block

/** Header row, Name and Phase echoed per row, one spilling formula per option and block on row 2. */
export function blocksSheet(s: BlocksSpec): BlocksLayout {
  const col = (option: string, block: ModelBlock) => {
    const k = s.options.indexOf(option);
    if (k < 0) throw new Error(`no option '${option}' on the Blocks sheet`);
    return FIRST + k * MODEL_BLOCKS.length + MODEL_BLOCKS.indexOf(block);
  };
  const header = ["Name", "Phase", ...s.options.flatMap((o) => MODEL_BLOCKS.map((b) => `${o}: ${b}`))];
  const rows: Rows = [header];
  for (let i = 1; i <= s.count; i++) {
    const row: Rows[number] = [`=${s.refs.field(i, "Name")}&""`, `=${s.refs.field(i, "Phase")}&""`];
    if (i === 1)
      for (const o of s.options) for (const b of MODEL_BLOCKS) row.push(blockAllocationFormula(s.refs, o, b));
    rows.push(row);
  }
  return {
    rows,
    col,
    range: (o, b) => `${colLetters(col(o, b))}2:${colLetters(col(o, b))}${s.count + 1}`,
  };
}
