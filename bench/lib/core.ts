// SEND.ALLOCATEALL and SEND.TOPUP semantics straight through the engine core (no custom-function layer):
// what the bench times when the registry is not there, and what the smoke test checks the reference against.
import { cellText, isBlank, readNumber } from "../../src/engine/coerce";
import { findTopupRate } from "../../src/engine/components/topUp";
import { SendError } from "../../src/engine/errors";
import { D, roundMoney, toNumber } from "../../src/engine/money";
import { parseRates, resolveOption, type Option } from "../../src/engine/rates";
import { PHASES, SETTINGS, SETTING_OF_PHASE, type Cell, type Grid, type Setting } from "../../src/engine/types";
import { normLabel } from "../../src/engine/normalize";
import { allocateAllCore } from "./coreAll";
import { loadModule } from "./hosts";

export type CoreResult = number | null | SendError;

export function coreAllocateAll(rates: Grid, option: Cell, table: Grid): CoreResult[] | SendError {
  const t = parseRates(rates);
  if (t instanceof SendError) return t;
  const opt = resolveOption(t, option);
  if (opt instanceof SendError) return opt;
  return allocateAllCore(opt, table);
}

const TWELVE = new D(12);
const ONE = new D(1);
const SETTING_BY_NAME = new Map<string, Setting>([
  ...SETTINGS.map((s): [string, Setting] => [s, s]),
  ...PHASES.map((p): [string, Setting] => [normLabel(p), SETTING_OF_PHASE[p]]),
]);

/** SEND.TOPUP for one pupil [setting, band, months, fte] under a resolved option: rate × fte × months / 12. */
export function topupOne(opt: Option, pupil: readonly Cell[]): number | SendError {
  const [setting, band, months, fte] = pupil;
  const s = SETTING_BY_NAME.get(normLabel(cellText(setting)));
  const r = s && findTopupRate(opt, s, cellText(band));
  if (!r) return new SendError("#N/A", `no top-up rate for ${String(setting)} ${String(band)}`);
  const m = isBlank(months) ? TWELVE : readNumber(months);
  const f = isBlank(fte) ? ONE : readNumber(fte);
  const mv = m instanceof D ? m : m.kind === "number" ? m.value : null;
  const fv = f instanceof D ? f : f.kind === "number" ? f.value : null;
  if (mv === null || fv === null) return new SendError("#VALUE!", "months and fte must be numbers");
  if (mv.lt(0) || mv.gt(12) || fv.lt(0)) return new SendError("#NUM!", "months must be 0 to 12 and fte 0 or more");
  return toNumber(roundMoney(r.value.times(fv).times(mv).div(TWELVE), opt.roundTo));
}

/**
 * SEND.TOPUP over many pupils, the batch way: the option resolved once, then per pupil rate × fte ×
 * months / 12, rounded by the option's round.to. A setting may be a phase name, as SEND.TOPUP accepts.
 */
export function coreTopupAll(
  rates: Grid,
  option: Cell,
  pupils: readonly (readonly Cell[])[],
): (number | SendError)[] | SendError {
  const t = parseRates(rates);
  if (t instanceof SendError) return t;
  const opt = resolveOption(t, option);
  if (opt instanceof SendError) return opt;
  const out: (number | SendError)[] = new Array(pupils.length);
  for (let i = 0; i < pupils.length; i++) out[i] = topupOne(opt, pupils[i]);
  return out;
}

type TopupAmount = (
  o: Option,
  s: Setting,
  band: string,
  months: number | null,
  fte: number | null,
) => number | SendError;

/**
 * SEND.TOPUP over many pupils through the engine's own exact fast path (src/engine/fast topupAmount, what
 * the registry's TOPUP calls), the option resolved once; null when that module is not there.
 */
export function engineFastTopupAll():
  ((rates: Grid, option: Cell, pupils: readonly (readonly Cell[])[]) => (number | SendError)[] | SendError) | null {
  const m = loadModule<{ topupAmount?: TopupAmount }>("../../src/engine/fast");
  const amount = m?.topupAmount;
  if (!amount) return null;
  const n = (c: Cell): number | null => (isBlank(c) ? null : typeof c === "number" ? c : Number(c));
  return (rates, option, pupils) => {
    const t = parseRates(rates);
    if (t instanceof SendError) return t;
    const opt = resolveOption(t, option);
    if (opt instanceof SendError) return opt;
    const out: (number | SendError)[] = new Array(pupils.length);
    for (let i = 0; i < pupils.length; i++) {
      const [setting, band, months, fte] = pupils[i];
      const s = SETTING_BY_NAME.get(normLabel(cellText(setting)));
      out[i] = s
        ? amount(opt, s, cellText(band), n(months), n(fte))
        : new SendError("#VALUE!", `unknown setting ${String(setting)}`);
    }
    return out;
  };
}
