// PROTOTYPE (bench-only): SEND.TOPUP in batch with a pre-resolved (setting, band) → scaled-integer rate
// table and exact integer arithmetic: rate·10^s × fte·100 × months·100 / (12·10^(s+4)), rounded half-up
// to round.to. Pupils it is unsure of (a months or fte with more than 2 decimals, text, an unknown
// band, an overflow) go through the Decimal path, so results are the same digits.
import { parseRates, resolveOption, findTopupRate, SendError, cellText, isBlank, type Cell, type Grid } from "../../src/engine";
import { normLabel } from "../../src/engine/normalize";
import { fixed } from "./plan";
import { coreTopupAll, topupOne } from "../lib/core";
import { PHASES, SETTINGS, SETTING_OF_PHASE, type Setting } from "../../src/engine/types";

const MAX = Number.MAX_SAFE_INTEGER;
const hundredths = (c: Cell, dflt: number): number => {
  if (isBlank(c)) return dflt;
  if (typeof c !== "number" || !(c >= 0)) return -1;
  const h = Math.round(c * 100);
  return h / 100 === c ? h : -1;
};

export function fastTopupAll(rates: Grid, option: Cell, pupils: readonly (readonly Cell[])[]): (number | SendError)[] | SendError {
  const t = parseRates(rates);
  if (t instanceof SendError) return t;
  const opt = resolveOption(t, option);
  if (opt instanceof SendError) return opt;
  const u = fixed(opt.roundTo);
  if (!u) return coreTopupAll(rates, option, pupils);
  const settingOf = new Map<string, Setting>([
    ...SETTINGS.map((s): [string, Setting] => [s, s]),
    ...PHASES.map((p): [string, Setting] => [normLabel(p), SETTING_OF_PHASE[p]]),
  ]);
  // (setting text, band cell) → { rate integer, scale }, memoised on the raw values
  const memo = new Map<string, { i: number; d2: number; mul: number } | null>();
  const lookup = (setting: Cell, band: Cell) => {
    const key = `${typeof setting}:${String(setting)}\u0000${typeof band}:${String(band)}`;
    let v = memo.get(key);
    if (v === undefined) {
      const s = settingOf.get(normLabel(cellText(setting)));
      const r = s && findTopupRate(opt, s, cellText(band));
      const f = r ? fixed(r.value) : null;
      if (f) {
        // amount in units of round.to = i·F·M / (12·10^(s+4)) · 10^du / unitInt
        const extra = u.s - f.s - 4;
        v = { i: f.i, mul: extra > 0 ? 10 ** extra : 1, d2: 2 * 12 * u.i * (extra < 0 ? 10 ** -extra : 1) };
      } else v = null;
      memo.set(key, v);
    }
    return v;
  };
  const slowOne = (p: readonly Cell[]) => topupOne(opt, p);
  const out: (number | SendError)[] = new Array(pupils.length);
  const scaleOut = 10 ** u.s;
  for (let k = 0; k < pupils.length; k++) {
    const p = pupils[k];
    const rate = lookup(p[0], p[1]);
    const m = hundredths(p[2], 1200), f = hundredths(p[3], 100);
    if (rate && m >= 0 && m <= 1200 && f >= 0) {
      const n = rate.i * f * m * rate.mul * 2 + rate.d2 / 2;
      if (n <= MAX && rate.d2 <= MAX) {
        const q = (n - (n % rate.d2)) / rate.d2;
        const total = q * u.i;
        if (total <= MAX) { out[k] = total / scaleOut; continue; }
      }
    }
    out[k] = slowOne(p);
  }
  return out;
}
