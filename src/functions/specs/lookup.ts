// SEND.TOPUP, SEND.BAND, SEND.FACTORS, SEND.CHECK: reading a rates table rather than an institution.
import { band } from "../../engine/band";
import { check } from "../../engine/check";
import { E, SendError } from "../../engine/errors";
import { factorsTable } from "../../engine/factors";
import { topupAmount, type FastOption } from "../../engine/fast";
import type { Dec } from "../../engine/money";
import { normLabel } from "../../engine/normalize";
import { PHASES, SETTINGS, SETTING_OF_PHASE, type OutCell, type OutGrid, type Setting } from "../../engine/types";
import type { Args } from "../args";
import { institutionsOf, ratesAndOptionOf, ratesTableOf } from "../memory";
import type { FunctionSpec, Result, Size } from "../spec";
import { OPTION_PARAM, RATES_PARAM, ratesAndOption } from "./common";
import { elementAt, isSingle, liftShape, numberElement, textElement, type Lifted, type LiftShape } from "./lift";

/** A top-up setting from a setting name or a phase name (Special -> special, Primary -> mainstream). */
export function settingOf(text: string): Setting | SendError {
  const n = normLabel(text);
  const direct = SETTINGS.find((s) => s === n);
  if (direct) return direct;
  const phase = PHASES.find((p) => normLabel(p) === n);
  if (phase) return SETTING_OF_PHASE[phase];
  return E.unknownName("setting", text, [...SETTINGS, ...PHASES]);
}

/** SEND.TOPUP's lifted parameters (one group: trimmed to a common extent, broadcast together). */
const EACH = "each";
const LIFTED = ["setting", "band", "months", "fte"] as const;
const SETTING_REQUIRED = E.argRequired("setting");
const BAND_REQUIRED = E.argRequired("band");

/** The one top-up of a call whose lifted arguments are single values: what SEND.TOPUP always computed. */
function topupOne(a: Args, [s, b, m, f]: Lifted[]): Result {
  // the wrapper's order: each argument's own error first (setting, band, months, fte), then the rates and option
  const settingText = textElement(elementAt(s, 0, 0), SETTING_REQUIRED);
  if (settingText instanceof SendError) return settingText;
  const bandText = textElement(elementAt(b, 0, 0), BAND_REQUIRED);
  if (bandText instanceof SendError) return bandText;
  const months = numberElement(elementAt(m, 0, 0), "months", false);
  if (months instanceof SendError) return months;
  const fte = numberElement(elementAt(f, 0, 0), "fte", false);
  if (fte instanceof SendError) return fte;
  const ro = ratesAndOption(a);
  if (ro instanceof SendError) return ro;
  const setting = settingOf(settingText as string);
  if (setting instanceof SendError) return setting;
  // rate × fte × months / 12 rounded to round.to; months 0..12 (default 12), fte ≥ 0 (default 1); exact fast path
  return topupAmount(ro, setting, bandText as string, months, fte);
}

// Local copies of imported bindings for the per-element loop (getters in CommonJS builds; see lift.ts).
const amountOf = topupAmount;
const cellAt = elementAt;
const asText = textElement;
const asNumber = numberElement;
const SendErrorClass = SendError;

/**
 * One top-up per element, each exactly what topupOne gives for that element's cells: the option resolved once,
 * settings read once per spelling, numbers kept as numbers for the engine's fast path (600,000 pupils in one call).
 */
function topupEach(ro: FastOption, { rows, cols, args: [s, b, m, f] }: LiftShape): OutGrid {
  const settings = new Map<string, Setting | SendError>();
  const at = (r: number, c: number): OutCell => {
    const settingText = asText(cellAt(s, r, c), SETTING_REQUIRED);
    if (settingText instanceof SendErrorClass) return settingText;
    const bandText = asText(cellAt(b, r, c), BAND_REQUIRED);
    if (bandText instanceof SendErrorClass) return bandText;
    const months = asNumber(cellAt(m, r, c), "months", true);
    if (months instanceof SendErrorClass) return months;
    const fte = asNumber(cellAt(f, r, c), "fte", true);
    if (fte instanceof SendErrorClass) return fte;
    let setting = settings.get(settingText as string);
    if (setting === undefined) settings.set(settingText as string, (setting = settingOf(settingText as string)));
    if (setting instanceof SendErrorClass) return setting;
    return amountOf(ro, setting, bandText as string, months, fte);
  };
  const out: OutCell[][] = new Array(rows);
  if (cols === 1) {
    for (let r = 0; r < rows; r++) out[r] = [at(r, 0)];
    return out;
  }
  for (let r = 0; r < rows; r++) {
    const row: OutCell[] = new Array(cols);
    for (let c = 0; c < cols; c++) row[c] = at(r, c);
    out[r] = row;
  }
  return out;
}

export const TOPUP: FunctionSpec = {
  name: "TOPUP",
  description:
    "The element 3 top-up for a pupil at a setting and band: rate × fte × months / 12, rounded; a range of pupils gives one each.",
  help:
    "Looks up topup.<setting>.<band> (falling back to topup.all.<band>) in the option. The setting may be a " +
    "setting (mainstream, rb, special, ap, fe, ey, isp) or a phase (Primary, Special, Resource Base, ...). " +
    "months (0 to 12) defaults to 12 and fte to 1. Any of setting, band, months and fte may be a range, as with " +
    "Excel's own functions: the result spills one top-up per cell (a column of pupils gives a column of top-ups). " +
    "A single value goes with every cell, and a column of settings with a row of bands gives every pair. A cell " +
    "with a problem shows its own error; ranges of different lengths are #VALUE!.",
  parameters: [
    RATES_PARAM,
    OPTION_PARAM,
    {
      name: "setting",
      type: "range",
      group: EACH,
      description: "The setting (mainstream, rb, special, ap, fe, ey, isp) or a phase name; or a range of them.",
    },
    {
      name: "band",
      type: "range",
      group: EACH,
      description: "The top-up band label, e.g. Band 3 or 3; or a range of them.",
    },
    {
      name: "months",
      type: "range",
      group: EACH,
      optional: true,
      description: "Months funded, 0 to 12 (default 12); or a range of them.",
    },
    {
      name: "fte",
      type: "range",
      group: EACH,
      optional: true,
      description: "Full-time equivalent, 0 or more (default 1); or a range of them.",
    },
  ],
  result: "matrix",
  run(a): Result {
    const shape = liftShape(a, LIFTED);
    if (shape instanceof SendError) return shape;
    if (isSingle(shape)) return topupOne(a, shape.args);
    const ro = ratesAndOption(a);
    return ro instanceof SendError ? ro : topupEach(ro, shape);
  },
  size(a): Size {
    const shape = liftShape(a, LIFTED);
    if (shape instanceof SendError || isSingle(shape) || ratesAndOption(a) instanceof SendError)
      return { rows: 1, cols: 1 };
    return { rows: shape.rows, cols: shape.cols };
  },
};

export const BAND: FunctionSpec = {
  name: "BAND",
  description: "The top-up band for an assessment score: the band with the highest band.<band> threshold not above it.",
  help:
    "Reads the option's band.<band> keys (the lowest score of each band) and returns the label of the highest " +
    "band whose threshold is at most the score. A score below the lowest band is #N/A.",
  parameters: [RATES_PARAM, OPTION_PARAM, { name: "score", type: "number", description: "The assessment score." }],
  result: "scalar",
  run(a): Result {
    const ro = ratesAndOption(a);
    if (ro instanceof SendError) return ro;
    return band(ro.option, a.number("score") as Dec);
  },
};

const FACTORS_TABLE = factorsTable();

export const FACTORS: FunctionSpec = {
  name: "FACTORS",
  description: "The catalogue of rates-table keys: Key, Description, Unit and Applies to.",
  help:
    "Spills every key a rates table may hold, with what it means, its unit and the phases or functions that " +
    "read it. Placeholders: <ph> is primary or secondary, <setting> a top-up setting, <band> a band label.",
  parameters: [],
  result: "matrix",
  run: (): Result => FACTORS_TABLE.map((row) => [...row]),
  size: () => ({ rows: FACTORS_TABLE.length, cols: FACTORS_TABLE[0].length }),
};

export const CHECK: FunctionSpec = {
  name: "CHECK",
  description:
    "Every problem in a rates table (or one option of it), and optionally in an institution table against it, one row each, or OK when there are none.",
  help:
    "Lists unknown or duplicate keys, values that are not numbers or out of range, inheritance problems and " +
    "values that will surprise (a notional share with no unit values), as rows of Option, Key and Problem. With a table: " +
    "headers the formula ignores, rows it cannot read, counts a phase does not use, EHCP bands with no top-up and rates a phase needs " +
    "(against each local option: a built-in national option is skipped unless it is named or is the only one).",
  parameters: [
    RATES_PARAM,
    { name: "option", type: "text", optional: true, description: "Check only this option (default: every option)." },
    {
      name: "table",
      type: "range",
      optional: true,
      description:
        "Also check this institution table (header row, then one row each) against the rates: ignored headers, bad rows, unused counts, missing top-ups and rates.",
    },
  ],
  result: "matrix",
  run(a): Result {
    // the rates and the institutions as the memory remembers them: after a rate edit the unchanged table is not read
    // again, and an option's Totals are the ones the sheet's ALLOCATEALL of that option computed
    const rates = a.range("rates");
    const table = a.optRange("table");
    const institutions = table ? institutionsOf(table, "table") : null;
    const remembered = (name: string) => {
      const ro = ratesAndOptionOf(rates, name, "option");
      return ro instanceof SendError ? undefined : ro;
    };
    const problems = check(rates.grid(), a.text("option"), "rates", "option", table?.grid() ?? null, "table", {
      rates: ratesTableOf(rates, "rates"),
      option: (name) => remembered(name)?.option,
      ...(institutions && {
        rows: institutions.rows(),
        tableProblems: institutions.problems(),
        totals(name: string) {
          const ro = remembered(name);
          return ro === undefined ? undefined : institutions.totals(ro);
        },
      }),
    });
    if (problems instanceof SendError) return problems;
    if (problems.length === 0) return "OK";
    return [["Option", "Key", "Problem"], ...problems.map((p) => [p.option, p.key, p.problem])];
  },
};
