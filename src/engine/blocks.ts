// Funding blocks: which grant pays each component, and totals restricted to one block.
// Only High needs is money the authority's high-needs budget spends. Notional SEN sits inside school budgets
// (Schools block), FE element 1 is ESFA/DfE 16-19 money (not DSG) and DAF/SENIF are the Early Years block:
// those are memo lines, never added to High Needs spend. The optional `block` argument of SEND.ALLOCATE,
// SEND.ALLOCATEALL and SEND.COMPARE selects one of them; without it the functions return the contract's Total.
import { allocate } from "./allocate";
import { E, SendError } from "./errors";
import { sum, type Dec } from "./money";
import { normLabel } from "./normalize";
import type { Option } from "./rates";
import { readTable } from "./fields";
import { COMPONENTS, type Grid, type Institution } from "./types";

/** The block names BREAKDOWN shows, plus "All" (the Total). */
export const BLOCKS = ["High needs", "Schools", "16-19", "Early years"] as const;
export type Block = (typeof BLOCKS)[number];
export type BlockChoice = Block | "All";

/** What a block is, in words: the memo-line labels of the model sheets and reports. */
export const BLOCK_LABELS: Record<Block, string> = {
  "High needs": "High Needs block (DSG): place funding, top-up, early intervention",
  Schools: "Memo: Schools block, notional SEN already inside school budgets",
  "16-19": "Memo: ESFA 16-19 (DfE), FE element 1, not DSG",
  "Early years": "Memo: Early Years block (DSG), DAF and SENIF",
};

// keys are normLabel'd (case, spaces, '-' and '_' ignored): "High Needs", "high-needs" and "HN" all match
const ALIASES: Record<string, BlockChoice> = {
  highneeds: "High needs",
  hn: "High needs",
  hnb: "High needs",
  highneedsblock: "High needs",
  schools: "Schools",
  schoolsblock: "Schools",
  notionalsen: "Schools",
  "1619": "16-19",
  esfa: "16-19",
  esfa1619: "16-19",
  fe: "16-19",
  feelement1: "16-19",
  earlyyears: "Early years",
  ey: "Early years",
  earlyyearsblock: "Early years",
  all: "All",
  total: "All",
  allblocks: "All",
};

/** A block argument: blank is "All"; an unknown name is #VALUE! naming the argument and the nearest block. */
export function parseBlock(text: string, arg = "block"): BlockChoice | SendError {
  const t = normLabel(text);
  if (t === "") return "All";
  return Object.hasOwn(ALIASES, t) ? ALIASES[t] : E.unknownName(arg, text, [...BLOCKS, "All"]); // "constructor" is no block
}

/** The components of one block (BREAKDOWN order). */
export function componentsOf(block: Block): string[] {
  return COMPONENTS.filter((c) => c.block === block).map((c) => c.name);
}

/** An institution's amount in one block: the sum of that block's rounded components (the same pennies as BREAKDOWN). */
export function allocateBlock(option: Option, inst: Institution, block: BlockChoice): Dec | SendError {
  const a = allocate(option, inst);
  if (a instanceof SendError) return a;
  if (block === "All") return a.total;
  return sum(a.components.filter((c) => c.block === block).map((c) => c.amount));
}

/** One row's amount per block and its Total (or the row's error; null for an all-blank row). */
export type BlockRow = Readonly<Record<BlockChoice, Dec>> | SendError | null;

/** An allocation's amounts by block, and its Total under "All". */
function byBlock(option: Option, inst: Institution): BlockRow {
  const a = allocate(option, inst);
  if (a instanceof SendError) return a;
  const out: Record<string, Dec> = { All: a.total };
  for (const b of BLOCKS) out[b] = sum(a.components.filter((c) => c.block === b).map((c) => c.amount));
  return out as Record<BlockChoice, Dec>;
}

/**
 * Every data row of a table (header row first) by block: the decimal path of SEND.ALLOCATEALL, row errors kept.
 * (A sheet asks for one table under one option once per block column: src/functions/memory.ts keeps the rows.)
 */
export function blockRowsOfTable(option: Option, grid: Grid, arg = "table"): BlockRow[] | SendError {
  const rows = readTable(grid, arg);
  return rows instanceof SendError
    ? rows
    : rows.map((r): BlockRow =>
        r.institution === null || r.institution instanceof SendError ? r.institution : byBlock(option, r.institution),
      );
}
