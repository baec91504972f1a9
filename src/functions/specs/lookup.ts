// SEND.TOPUP, SEND.BAND, SEND.FACTORS, SEND.CHECK: reading a rates table rather than an institution.
import { band } from "../../engine/band";
import { check } from "../../engine/check";
import { E, SendError } from "../../engine/errors";
import { factorsTable } from "../../engine/factors";
import { topupAmount } from "../../engine/fast";
import type { Dec } from "../../engine/money";
import { normLabel } from "../../engine/normalize";
import { PHASES, SETTINGS, SETTING_OF_PHASE, type Setting } from "../../engine/types";
import type { FunctionSpec, Result } from "../spec";
import { OPTION_PARAM, RATES_PARAM, ratesAndOption } from "./common";


/** A top-up setting from a setting name or a phase name (Special -> special, Primary -> mainstream). */
export function settingOf(text: string): Setting | SendError {
  const n = normLabel(text);
  const direct = SETTINGS.find((s) => s === n);
  if (direct) return direct;
  const phase = PHASES.find((p) => normLabel(p) === n);
  if (phase) return SETTING_OF_PHASE[phase];
  return E.unknownName("setting", text, [...SETTINGS, ...PHASES]);
}

export const TOPUP: FunctionSpec = {
  name: "TOPUP",
  description: "The element 3 top-up for one pupil at a setting and band: rate × fte × months / 12, rounded.",
  help: "Looks up topup.<setting>.<band> (falling back to topup.all.<band>) in the option. The setting may be a "
    + "setting (mainstream, rb, special, ap, fe, ey, isp) or a phase (Primary, Special, Resource Base, ...). "
    + "months (0 to 12) defaults to 12 and fte to 1.",
  parameters: [
    RATES_PARAM, OPTION_PARAM,
    { name: "setting", type: "text", description: "The setting (mainstream, rb, special, ap, fe, ey, isp) or a phase name." },
    { name: "band", type: "text", description: "The top-up band label, e.g. Band 3 or 3." },
    { name: "months", type: "number", optional: true, description: "Months funded, 0 to 12 (default 12)." },
    { name: "fte", type: "number", optional: true, description: "Full-time equivalent, 0 or more (default 1)." },
  ],
  result: "scalar",
  run(a): Result {
    const ro = ratesAndOption(a);
    if (ro instanceof SendError) return ro;
    const setting = settingOf(a.text("setting"));
    if (setting instanceof SendError) return setting;
    // rate × fte × months / 12 rounded to round.to; months 0..12 (default 12), fte ≥ 0 (default 1); exact fast path
    return topupAmount(ro.option, setting, a.text("band"), a.number("months"), a.number("fte"));
  },
};

export const BAND: FunctionSpec = {
  name: "BAND",
  description: "The top-up band for an assessment score: the band with the highest band.<band> threshold not above it.",
  help: "Reads the option's band.<band> keys (the lowest score of each band) and returns the label of the highest "
    + "band whose threshold is at most the score. A score below the lowest band is #N/A.",
  parameters: [
    RATES_PARAM, OPTION_PARAM,
    { name: "score", type: "number", description: "The assessment score." },
  ],
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
  help: "Spills every key a rates table may hold, with what it means, its unit and the phases or functions that "
    + "read it. Placeholders: <ph> is primary or secondary, <setting> a top-up setting, <band> a band label.",
  parameters: [],
  result: "matrix",
  run: (): Result => FACTORS_TABLE.map((row) => [...row]),
  size: () => ({ rows: FACTORS_TABLE.length, cols: FACTORS_TABLE[0].length }),
};

export const CHECK: FunctionSpec = {
  name: "CHECK",
  description: "Every problem in a rates table (or one option of it), one row each, or OK when there are none.",
  help: "Lists unknown or duplicate keys, values that are not numbers or out of range, inheritance problems and "
    + "values that will surprise (a notional share with no unit values), as rows of Option, Key and Problem.",
  parameters: [
    RATES_PARAM,
    { name: "option", type: "text", optional: true, description: "Check only this option (default: every option)." },
  ],
  result: "matrix",
  run(a): Result {
    const problems = check(a.range("rates").grid(), a.text("option"), "rates", "option");
    if (problems instanceof SendError) return problems;
    if (problems.length === 0) return "OK";
    return [["Option", "Key", "Problem"], ...problems.map((p) => [p.option, p.key, p.problem])];
  },
};
