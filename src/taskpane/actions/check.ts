// Run SEND.CHECK: keep a live check formula on a Checks sheet (adding one if the model has none)
// and read its rows back, each pointing at the rates cell to look at.
import { cellA1, parseRangeOrThrow } from "../../util/a1";
import { checkFormula } from "../../model/checks";
import { uniqueSheetName } from "../../model/sheetNames";
import { normKey } from "../../engine/normalize";
import { isErrorValue, type CellValue, type WorkbookPort } from "../ports/WorkbookPort";
import { findOption, keyRow, refsFor, type ModelInfo } from "../workbook/discover";
import type { Confirm } from "../workbook/confirm";
import { transact } from "../workbook/transaction";

export interface Problem {
  option: string;
  key: string;
  problem: string;
  /** the rates cell to select, when the problem names one */
  cell: { sheet: string; address: string } | null;
}

export interface CheckResult {
  sheet: string;
  ok: boolean;
  problems: Problem[];
  error?: string;
}

const text = (v: CellValue | undefined) => (v === null || v === undefined ? "" : isErrorValue(v) ? v.error : String(v));

export async function runCheck(port: WorkbookPort, model: ModelInfo, confirm: Confirm): Promise<CheckResult> {
  const rates = model.rates;
  if (!rates) throw new Error("There is no rates table in this workbook.");
  let sheet = model.checks;
  if (!sheet) {
    const name = uniqueSheetName(model.sheets, "Checks");
    await transact(port, confirm, async (tx) => {
      await tx.addSheet(name);
      await tx.write({
        sheet: name,
        kind: "formulas",
        blocks: [{ topLeft: "A1", rows: [[checkFormula(rates.ref, undefined, refsFor(model)?.table)]] }],
      });
    });
    sheet = name;
  }
  return readChecks(port, rates, sheet);
}

/** The rows a Checks sheet's SEND.CHECK shows now (read only: nothing is added or written). */
export async function readChecks(
  port: WorkbookPort,
  rates: NonNullable<ModelInfo["rates"]>,
  sheet: string,
): Promise<CheckResult> {
  const used = (await port.usedRange(sheet)) ?? "A1";
  const r = parseRangeOrThrow(used);
  const values = await port.readValues(sheet, `A1:C${Math.max(r.bottom, 1)}`);
  const first = values[0]?.[0];
  if (first !== undefined && isErrorValue(first))
    return { sheet, ok: false, problems: [], error: `${first.error}${first.message ? ` ${first.message}` : ""}` };
  const rows = values.filter((row) => row.some((v) => text(v) !== ""));
  if (rows.length === 1 && text(rows[0][0]).toUpperCase() === "OK") return { sheet, ok: true, problems: [] };
  const problems = rows
    .filter((row) => !(normKey(text(row[0])) === "option" && normKey(text(row[1])) === "key"))
    .map((row): Problem => {
      const option = text(row[0]);
      const key = text(row[1]);
      const o = option ? findOption(rates, option) : undefined;
      const kr = key ? keyRow(rates, key) : -1;
      const address =
        o && kr >= 0
          ? cellA1(kr + 1, o.col)
          : o
            ? cellA1(1, o.col)
            : kr >= 0
              ? cellA1(kr + 1, rates.factorCol + 1)
              : null;
      return { option, key, problem: text(row[2]), cell: address ? { sheet: rates.sheet, address } : null };
    });
  return { sheet, ok: problems.length === 0, problems };
}
