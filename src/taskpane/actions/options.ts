// Options screen actions: add an option that inherits from another (with its Allocations column, so
// Compare, Fit, Publish and the review summary all see it at once), and set one rate.
import { cellA1, colLetters } from "../../util/a1";
import { parseRangeOrThrow, splitRef } from "../../util/a1";
import { normOption } from "../../engine/normalize";
import type { Block, RawCell, WorkbookPort } from "../ports/WorkbookPort";
import { findOption, keyRow, refsFor, type ModelInfo, type OptionInfo, type RatesInfo } from "../workbook/discover";
import { firstValue, optionChain } from "../../model/inheritance";
import { allocationFormula } from "../../model/allocations";
import { MONEY_FORMAT } from "./createModel";
import { validateRate } from "../workbook/validation";
import type { Confirm } from "../workbook/confirm";
import { transact } from "../workbook/transaction";

/** Last column (1-based) the model's formulas read from the rates sheet. */
export function refLastCol(rates: RatesInfo): number {
  const { range } = splitRef(rates.ref);
  return parseRangeOrThrow(range.replace(/\$/g, "")).right;
}

/** A new key row at the bottom: Factor, Description, Unit filled from the catalogue. */
function newKeyRow(rates: RatesInfo, key: string, description: string, unit: string, row: number): Block {
  const cells: RawCell[] = Array(Math.max(rates.factorCol, rates.descriptionCol, rates.unitCol) + 1).fill(null);
  cells[rates.factorCol] = key;
  if (rates.descriptionCol >= 0) cells[rates.descriptionCol] = description;
  if (rates.unitCol >= 0) cells[rates.unitCol] = unit;
  return { topLeft: `A${row}`, rows: [cells] };
}

/**
 * Adds the option's column to the rates table and, given the model, a spilling SEND.ALLOCATEALL column for it on
 * the Allocations sheet (after the last used column), all in one transaction.
 */
export async function addOption(
  port: WorkbookPort,
  rates: RatesInfo,
  name: string,
  inherits: string,
  confirm: Confirm,
  model?: ModelInfo | null,
): Promise<string[]> {
  const n = name.trim();
  if (n === "") throw new Error("Give the new option a name.");
  if (findOption(rates, n)) throw new Error(`There is already an option called '${n}'.`);
  const parent = findOption(rates, inherits);
  if (!parent) throw new Error(`'${inherits}' is not an option in the rates table.`);
  const col = Math.max(rates.cols, ...rates.options.map((o) => o.col)) + 1;
  if (col > refLastCol(rates))
    throw new Error(
      `The model's formulas read the rates table up to column ${colLetters(refLastCol(rates))}; there is no room for another option.`,
    );
  const blocks: Block[] = [{ topLeft: cellA1(1, col), rows: [[n]] }];
  let row = keyRow(rates, "inherits") + 1;
  if (row === 0) {
    row = rates.rows + 1;
    blocks.push(newKeyRow(rates, "inherits", "Option whose values fill this option's blank cells", "option name", row));
  }
  blocks.push({ topLeft: cellA1(row, col), rows: [[parent.name]] });
  const alloc = model?.allocations;
  const refs = model ? refsFor(model) : null;
  return transact(port, confirm, async (tx) => {
    await tx.write({ sheet: rates.sheet, kind: "values", blocks });
    if (alloc && refs) {
      const c = alloc.width + 1;
      const letter = colLetters(c);
      // the header is a name (text even when it starts with "="); the formula below it is the pane's own and
      // spills one Total per institution (older per-cell models get the same: the column reads the same table)
      await tx.write({ sheet: alloc.sheet, kind: "values", blocks: [{ topLeft: `${letter}1`, rows: [[n]] }] });
      if (alloc.count > 0) {
        await tx.write({
          sheet: alloc.sheet,
          kind: "formulas",
          blocks: [{ topLeft: `${letter}2`, rows: [[allocationFormula(refs, n)]] }],
        });
        await tx.setNumberFormat(alloc.sheet, `${letter}2:${letter}${alloc.count + 1}`, MONEY_FORMAT);
      }
    }
    return [...tx.touched];
  });
}

export interface RateEdit {
  option: string;
  key: string;
  input: string;
}

/** Validates then writes one rate (a blank input clears the cell, so the option inherits again). */
export async function setRate(
  port: WorkbookPort,
  rates: RatesInfo,
  edit: RateEdit,
  confirm: Confirm,
): Promise<string[]> {
  const option = findOption(rates, edit.option);
  if (!option) throw new Error(`'${edit.option}' is not an option in the rates table.`);
  const v = validateRate(
    edit.key,
    edit.input,
    rates.options.map((o) => o.name),
    option.name,
  );
  if (!v.ok) throw new Error(v.message);
  const blocks: Block[] = [];
  let row = keyRow(rates, edit.key) + 1;
  if (row === 0) {
    if (v.value === null) return [];
    row = rates.rows + 1;
    blocks.push(newKeyRow(rates, edit.key.trim(), v.info.description, v.info.unit, row));
  }
  blocks.push({ topLeft: cellA1(row, option.col), rows: [[v.value === null ? "" : v.value]] });
  return transact(port, confirm, (tx) => tx.write({ sheet: rates.sheet, kind: "values", blocks }));
}

/** Keys an option sets itself, with what its parent chain would give instead. */
export function differences(
  rates: RatesInfo,
  optionName: string,
): { key: string; value: RawCell; parent: RawCell; parentFrom: string | null; row: number }[] {
  const chain = optionChain(rates.options, optionName);
  if (chain.length === 0) return [];
  const out = [];
  for (const { key, row } of rates.keys) {
    if (normOption(key) === "inherits") continue;
    // a value typed in: blanks and error cells give nothing
    const typed = (o: OptionInfo): RawCell => {
      const v = rates.grid[row]?.[o.col - 1];
      return v === undefined || v === "" || typeof v === "object" ? null : v;
    };
    const v = typed(chain[0]);
    if (v === null) continue;
    const inherited = firstValue(chain.slice(1), typed);
    out.push({ key, value: v, parent: inherited?.value ?? null, parentFrom: inherited?.from ?? null, row });
  }
  return out;
}
