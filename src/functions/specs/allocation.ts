// SEND.ALLOCATE, SEND.BREAKDOWN, SEND.ALLOCATEALL, SEND.COMPARE: institutions under options (contract sections 4, 5).
// Totals go through the engine's exact fast path (engine/fast: scaled integers, falling back to decimal.js for
// anything it cannot do exactly; identical numbers and the same errors); BREAKDOWN and explanations use allocate().
import { allocate } from "../../engine/allocate";
import { allocateBlock, parseBlock, type BlockChoice, type BlockRow } from "../../engine/blocks";
import { compareWith } from "../../engine/compare";
import { E, SendError } from "../../engine/errors";
import { allocateRowTotal, compareTable, type CompareRowValues } from "../../engine/fast";
import type { Layout } from "../../engine/fast/layout";
import { fieldReader, readTable } from "../../engine/fields";
import type { Option } from "../../engine/rates";
import type { CompareRow } from "../../engine/compare";
import { toNumber, type Dec } from "../../engine/money";
import type { Cell, Institution, OutCell, OutGrid } from "../../engine/types";
import type { Args, Range } from "../args";
import { blockRowsOf, headerRowOf, institutionsOf, tableLayoutOf, type RatesAndOption } from "../memory";
import type { FunctionSpec, ParamSpec, Result, Size } from "../spec";
import { num, OPTION_PARAM, RATES_PARAM, ratesAndOption, vectorOf } from "./common";

const FIELDS: ParamSpec = {
  name: "fields",
  type: "range",
  group: "row",
  description: "The institution header row (Name, Phase, Primary Pupils, EHCP Band 1, Places, ...).",
};
const VALUES: ParamSpec = {
  name: "values",
  type: "range",
  group: "row",
  description: "The institution's values, one under each header in fields.",
};
const BLOCK: ParamSpec = {
  name: "block",
  type: "text",
  optional: true,
  description: "Only this funding block: High needs, Schools, 16-19 or Early years (default All, the Total).",
};
const TABLE: ParamSpec = {
  name: "table",
  type: "range",
  description: "The institutions table: the header row, then one row per institution.",
};

/** The resolved option, the (remembered) header layout and the values row of ALLOCATE / BREAKDOWN's arguments. */
function optionLayoutValues(a: Args): { ro: RatesAndOption; layout: Layout; values: readonly Cell[] } | SendError {
  const ro = ratesAndOption(a);
  if (ro instanceof SendError) return ro;
  const fields = headerRowOf(a.range("fields"), "fields");
  if (fields instanceof SendError) return fields;
  const values = vectorOf(a.range("values"), "values");
  if (values instanceof SendError) return values;
  if (fields.cells.length !== values.length)
    return E.shapeMismatch("fields", "values", fields.cells.length, values.length);
  const layout = fields.layout;
  return layout instanceof SendError ? layout : { ro, layout, values };
}

/** The resolved option and the institution of one header row + values row (BREAKDOWN, explanations). */
export function optionAndInstitution(a: Args): { option: Option; inst: Institution } | SendError {
  const olv = optionLayoutValues(a);
  if (olv instanceof SendError) return olv;
  const inst = olv.layout.reader.read(olv.values, "values");
  return inst instanceof SendError ? inst : { option: olv.ro.option, inst };
}

export const ALLOCATE: FunctionSpec = {
  name: "ALLOCATE",
  description: "The total SEND funding of one institution under one option of a rates table.",
  help:
    "Reads the institution's counts (pupils, FSM, EHCPs by band, places, ...) from a header row and a values row, " +
    "applies every component rule of the option (notional SEN, place funding, top-up, early intervention, early years, " +
    "FE element 1), rounds each component to round.to and returns their sum.",
  parameters: [RATES_PARAM, OPTION_PARAM, FIELDS, VALUES, BLOCK],
  result: "scalar",
  run(a): Result {
    const olv = optionLayoutValues(a);
    if (olv instanceof SendError) return olv;
    const block = blockOf(a);
    if (block === "All") return allocateRowTotal(olv.ro, olv.layout, olv.values, "values");
    if (block instanceof SendError) return block;
    const inst = olv.layout.reader.read(olv.values, "values");
    if (inst instanceof SendError) return inst;
    const amount = allocateBlock(olv.ro.option, inst, block);
    return amount instanceof SendError ? amount : num(amount);
  },
};

export const BREAKDOWN: FunctionSpec = {
  name: "BREAKDOWN",
  description:
    "One institution's funding by component: a 7 × 3 spill of component, block and amount, ending with Total.",
  help:
    "The same calculation as SEND.ALLOCATE, shown component by component: Notional SEN, Place funding, Top-up, " +
    "Early intervention, Early years, FE element 1 and Total, each with its DSG block and rounded amount.",
  parameters: [RATES_PARAM, OPTION_PARAM, FIELDS, VALUES],
  result: "matrix",
  run(a): Result {
    const oi = optionAndInstitution(a);
    if (oi instanceof SendError) return oi;
    const alloc = allocate(oi.option, oi.inst);
    if (alloc instanceof SendError) return alloc;
    const rows: OutGrid = alloc.components.map((c) => [c.name, c.block, num(c.amount)]);
    rows.push(["Total", null, num(alloc.total)]);
    return rows;
  },
};

export const ALLOCATEALL: FunctionSpec = {
  name: "ALLOCATEALL",
  description: "The total funding of every institution in a table under one option: one value per data row.",
  help:
    "Spills one Total per data row of the table (the header row is first). A row with a problem shows its own " +
    "error without stopping the others; an all-blank row stays blank.",
  parameters: [RATES_PARAM, OPTION_PARAM, TABLE, BLOCK],
  result: "matrix",
  run(a): Result {
    const ro = ratesAndOption(a);
    if (ro instanceof SendError) return ro;
    const block = blockOf(a);
    if (block instanceof SendError) return block;
    const table = a.range("table");
    if (block !== "All") return blockColumn(ro.option, table, block);
    // remembered with the table (a frozen host array) for SEND.CHECK over the same table and option
    const totals = institutionsOf(table, "table").totals(ro);
    return totals instanceof SendError ? totals : totals.map((t): OutCell[] => [t]);
  },
  /**
   * One row per data row of the table, without computing them (a host sizes the spill before evaluating it, and a
   * workbook's build sizes every ALLOCATEALL again when it re-enters it): 1 × 1 when the whole formula fails, as `run`
   * does for the rates, the option, the block, an empty table and a bad header (allocateTotals and readTable alike).
   */
  size(a): Size {
    if (ratesAndOption(a) instanceof SendError || blockOf(a) instanceof SendError) return ONE_CELL;
    const grid = a.range("table").grid();
    if (grid.length < 2 || fieldReader(grid[0], "table") instanceof SendError) return ONE_CELL;
    return { rows: grid.length - 1, cols: 1 };
  },
};

const ONE_CELL: Size = { rows: 1, cols: 1 };

export const COMPARE: FunctionSpec = {
  name: "COMPARE",
  description:
    "Every institution's total under two options side by side, with the difference, the change and a Total row.",
  help:
    "Spills a header row (Name, option A, option B, Difference, Change), one row per institution (its Name, " +
    "else Row k) and a Total row. Change is (B - A) / A, blank when A is 0. A row that fails shows its error, and " +
    "so does the Total row.",
  parameters: [
    RATES_PARAM,
    {
      name: "optionA",
      type: "text",
      blankOk: true,
      description: "The first option (the baseline the change is measured from).",
    },
    { name: "optionB", type: "text", blankOk: true, description: "The second option (the candidate)." },
    TABLE,
    BLOCK,
  ],
  result: "matrix",
  run(a): Result {
    const ra = ratesAndOption(a, "optionA");
    if (ra instanceof SendError) return ra;
    const rb = ratesAndOption(a, "optionB");
    if (rb instanceof SendError) return rb;
    const block = blockOf(a);
    if (block instanceof SendError) return block;
    const table = a.range("table");
    if (block !== "All") return blockComparison(ra.option, rb.option, table, block);
    const grid = table.grid();
    const c = compareTable(ra, rb, grid, "table", tableLayoutOf(grid, "table"));
    if (c instanceof SendError) return c;
    const line = (r: CompareRowValues): OutCell[] => [r.name, r.a, r.b, r.difference, r.change];
    return [[...c.header], ...c.rows.map(line), line(c.total)];
  },
};

/** The block argument (blank or absent: All, the contract's Total). */
function blockOf(a: Args): BlockChoice | SendError {
  return parseBlock(a.text("block"));
}

/** ALLOCATEALL for one block: the decimal path row by row (the fast path computes Totals only). */
function blockColumn(option: Option, table: Range, block: BlockChoice): OutGrid | SendError {
  const rows = blockRowsOf(table, option, "table");
  if (rows instanceof SendError) return rows;
  return rows.map((r): OutCell[] => [r === null || r instanceof SendError ? r : num(r[block])]);
}

/** COMPARE for one block: the same rows, Total and Change rule as the contract's COMPARE, on that block's amounts. */
function blockComparison(optA: Option, optB: Option, range: Range, block: BlockChoice): OutGrid | SendError {
  const table = readTable(range.grid(), "table");
  if (table instanceof SendError) return table;
  const rowsA = blockRowsOf(range, optA, "table");
  const rowsB = blockRowsOf(range, optB, "table");
  if (rowsA instanceof SendError) return rowsA;
  if (rowsB instanceof SendError) return rowsB;
  // the precomputed rows, looked up by the institution compare() is totalling (same table, same order)
  const index = new Map(table.map((r, i) => [r.institution, i]));
  const pick = (rows: BlockRow[]) => (_: Option, inst: Institution) => {
    const r = rows[index.get(inst)!];
    return r === null ? allocateBlock(_, inst, block) : r instanceof SendError ? r : r[block];
  };
  const c = compareWith(optA, optB, table, pick(rowsA), pick(rowsB));
  const out = (x: Dec | SendError | null): OutCell => (x === null || x instanceof SendError ? x : num(x));
  const line = (r: CompareRow): OutCell[] => [
    r.name,
    out(r.a),
    out(r.b),
    out(r.difference),
    r.change === null || r.change instanceof SendError ? r.change : toNumber(r.change),
  ];
  return [
    [c.header[0], `${c.header[1]} (${block})`, `${c.header[2]} (${block})`, c.header[3], c.header[4]],
    ...c.rows.map(line),
    line(c.total),
  ];
}
