// PROTOTYPE (bench-only): SEND.ALLOCATEALL with the option pre-resolved into flat coefficients and a
// compiled row reader, but still decimal.js for every amount (same operations as the engine, so the
// results are the engine's to the last digit). Measures what proposals 1-2 buy without the integer path.
import { parseRates, resolveOption, readTable, SendError, toNumber, roundMoney, type Cell, type Grid } from "../../src/engine";
import { allocateAllCore } from "../lib/coreAll";
import { D, ZERO, TWELVE, type Dec } from "../../src/engine/money";
import { compileReader, isBlankRow, F, PHASE_INDEX } from "./reader";
import { makePlan } from "./plan";
import { engineRow, type RowResult } from "./fallback";

const SMALL: Dec[] = Array.from({ length: 4096 }, (_, i) => new D(i));
const dec = (x: number): Dec => (x < 4096 ? SMALL[x] : new D(x));
const P = PHASE_INDEX;

/** Months scale as in src/engine/allocate.ts: (annual × Months) / 12, then round.to. */
export function fastDecimalAllocateAll(rates: Grid, option: Cell, table: Grid): RowResult[] | SendError {
  const t = parseRates(rates);
  if (t instanceof SendError) return t;
  const opt = resolveOption(t, option);
  if (opt instanceof SendError) return opt;
  if (table.length < 2) return readTable(table) as SendError;
  const reader = compileReader(table[0]);
  if (!reader) return allocateAllCore(opt, table);
  const plan = makePlan(opt, reader);
  const months = new Map<number, Dec>();
  const buf = new Float64Array(reader.width);
  const nE = reader.ehcpBands.length;
  const out: RowResult[] = new Array(table.length - 1);

  for (let r = 1; r < table.length; r++) {
    const row = table[r];
    if (isBlankRow(row)) { out[r - 1] = null; continue; }
    if (!reader.read(row, buf)) { out[r - 1] = engineRow(table[0], opt, row, r); continue; }
    const phase = buf[F.phase];
    let m = months.get(buf[F.months100]);
    if (!m) months.set(buf[F.months100], (m = new D(buf[F.months100]).div(100)));
    const round = (annual: Dec) => roundMoney(annual.times(m!).div(TWELVE), plan.roundTo);
    let missing = false;
    const term = (count: number, coef: Dec | null): Dec => {
      if (count === 0) return ZERO;
      if (coef === null) { missing = true; return ZERO; }
      return dec(count).times(coef);
    };
    let total = ZERO;
    // Notional SEN
    let notional = ZERO;
    for (const { slot, coef } of plan.notional[phase]) notional = notional.plus(term(slot < 0 ? 1 : buf[slot], coef));
    total = total.plus(round(notional));
    // Place funding
    let place = ZERO;
    if (phase === P.Special) place = term(buf[F.places], plan.place.special);
    else if (phase === P.AP) place = term(buf[F.places], plan.place.ap);
    else if (phase === P.FE) place = term(buf[F.places], plan.place.fe);
    else if (phase === P["Resource Base"]) place = term(buf[F.occupied], plan.place.rbOcc).plus(term(buf[F.places] - buf[F.occupied], plan.place.rbUnocc));
    total = total.plus(round(place));
    // Top-up
    let topup = ZERO;
    const rates = plan.topup[phase];
    for (let i = 0; i < nE; i++) topup = topup.plus(term(buf[F.first + i], rates[i]));
    total = total.plus(round(topup));
    // Early intervention
    if (phase === P.Primary || phase === P.Secondary) {
      const roll = dec(buf[F.pri] + buf[F.ks3] + buf[F.ks4]);
      const ehcps = dec(buf[F.ehcpSum]);
      const { sens, per, thr, rate, guar } = plan.ei;
      const ei = sens.times(dec(buf[F.sen])).plus(per.times(roll))
        .plus(rate.times(D.max(ZERO, ehcps.minus(thr.times(roll)))))
        .plus(D.max(ZERO, guar.times(ehcps).minus(notional)));
      total = total.plus(round(ei));
    }
    // Early years
    if (phase === P["Early Years"]) {
      let ey = term(buf[F.daf], plan.ey.daf);
      for (let i = 0; i < plan.ey.senif.length; i++) ey = ey.plus(term(buf[F.first + nE + i], plan.ey.senif[i]));
      total = total.plus(round(ey));
    }
    // FE element 1
    if (phase === P.FE && buf[F.students] !== 0) total = total.plus(round(dec(buf[F.students]).times(plan.fe)));
    out[r - 1] = missing ? engineRow(table[0], opt, row, r) : toNumber(total);
  }
  return out;
}
