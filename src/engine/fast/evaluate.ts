// The exact evaluator of the rules declared in keys.ts (compiled per option and phase by option.ts): each
// component's annual amount as an exact scaled integer, × Months / 12 plus what is paid once a year, rounded to
// round.to in one exact division; Total = the sum of the rounded components, in units of round.to. NaN means
// "not here": a needed rate is missing (the decimal path raises the #N/A) or a value left the exact range.
import { findTopupRate } from "../components/topUp";
import { normKey } from "../normalize";
import { PHASES, SETTING_OF_PHASE } from "../types";
import { Acc, roundUnits, safe } from "./exact";
import type { Layout, RowBuf } from "./layout";
import { NO_RATE, type CompiledComponent, type CompiledOption, type Rate } from "./option";
import { FIRST_BAND, S } from "./slots";

/** One phase of an option bound to a header layout: band rates resolved to the layout's band order. */
interface PhaseBound {
  comps: CompiledComponent[];
  /** top-up rate of each EHCP band (m NaN when the option has none) */
  topupM: Float64Array;
  topupK: Int32Array;
  /** per SENIF band: ey.senif.<band> × ey.weeks (of the component that has the rule) */
  senifM: Float64Array;
  senifK: Int32Array;
}

/** An option bound to a header layout; phases bind on first use. */
export interface Bound {
  o: CompiledOption;
  layout: Layout;
  nEhcp: number;
  nSenif: number;
  phases: (PhaseBound | undefined)[];
}

/** A compiled option bound to a layout: made once per pair and kept on the compiled option (its `bound`). */
export function bind(o: CompiledOption, layout: Layout): Bound {
  let b = o.bound.get(layout);
  if (b === undefined) {
    b = { o, layout, nEhcp: layout.ehcpBands.length, nSenif: layout.senifBands.length, phases: [] };
    o.bound.set(layout, b);
  }
  return b;
}

function bindPhase(b: Bound, p: number): PhaseBound {
  const { o, layout: l } = b;
  const comps = o.phase(p);
  const topupM = new Float64Array(b.nEhcp),
    topupK = new Int32Array(b.nEhcp);
  if (comps.some((c) => c.topup)) {
    l.ehcpBands.forEach((band, i) => {
      const found = findTopupRate(o.option, SETTING_OF_PHASE[PHASES[p]], band);
      const r = found ? o.rate(found.key) : NO_RATE;
      topupM[i] = r.m;
      topupK[i] = r.k;
    });
  }
  const senifM = new Float64Array(b.nSenif),
    senifK = new Int32Array(b.nSenif);
  const senif = comps.find((c) => c.senif)?.senif;
  if (senif) {
    l.senifBands.forEach((band, i) => {
      const r: Rate = o.rate(normKey(`${senif.key}.${band}`));
      const acc = new Acc().set(r.m, r.k).mul(senif.times.m, senif.times.k);
      senifM[i] = acc.m;
      senifK[i] = acc.k;
    });
  }
  return (b.phases[p] = { comps, topupM, topupK, senifM, senifK });
}

/** Fills the derived slots (S.roll, S.unoccupied, S.ehcps) of a row just read. */
function derive(buf: RowBuf, nEhcp: number): void {
  const m = buf.m,
    k = buf.k,
    tmp = buf.tmp;
  tmp
    .set(m[S.primaryPupils], k[S.primaryPupils])
    .add(m[S.ks3Pupils], k[S.ks3Pupils])
    .add(m[S.ks4Pupils], k[S.ks4Pupils]);
  m[S.roll] = tmp.m;
  k[S.roll] = tmp.k;
  tmp.set(m[S.places], k[S.places]).add(-m[S.occupied], k[S.occupied]);
  m[S.unoccupied] = tmp.m;
  k[S.unoccupied] = tmp.k;
  tmp.set(0, 0);
  for (let i = 0; i < nEhcp; i++) tmp.add(m[FIRST_BAND + i], k[FIRST_BAND + i]);
  m[S.ehcps] = tmp.m;
  k[S.ehcps] = tmp.k;
}

/** The row's Total in units of round.to (an exact integer), or NaN to send the row down the decimal path. */
export function evaluate(b: Bound, buf: RowBuf): number {
  const phase = buf.phase;
  const pb = b.phases[phase] ?? bindPhase(b, phase);
  derive(buf, b.nEhcp);
  const m = buf.m,
    k = buf.k;
  const { acc, once, tmp, annualM, annualK } = buf;
  const mm = buf.monthsM,
    mk = buf.monthsK,
    um = b.o.unitM,
    uk = b.o.unitK;
  let units = 0;
  const comps = pb.comps;
  for (let ci = 0; ci < comps.length; ci++) {
    const c = comps[ci];
    acc.set(0, 0);
    once.set(0, 0);
    const slot = c.slot,
      cm = c.m,
      ck = c.k,
      year = c.perYear;
    for (let i = 0; i < slot.length; i++) {
      const v = m[slot[i]];
      if (v !== 0) (year[i] === 1 ? once : acc).add(safe(v * cm[i]), k[slot[i]] + ck[i]);
    }
    if (c.topup) {
      const tm = pb.topupM,
        tk = pb.topupK;
      for (let i = 0; i < b.nEhcp; i++) {
        const v = m[FIRST_BAND + i];
        if (v !== 0) acc.add(safe(v * tm[i]), k[FIRST_BAND + i] + tk[i]);
      }
    }
    if (c.senif) {
      const first = FIRST_BAND + b.nEhcp,
        sm = pb.senifM,
        sk = pb.senifK;
      for (let i = 0; i < b.nSenif; i++) {
        const h = m[first + i];
        if (h !== 0) acc.add(safe(h * sm[i]), k[first + i] + sk[i]);
      }
    }
    if (c.above) {
      // rate × max(0, EHCPs − threshold × pupils)
      const { rate, threshold } = c.above;
      tmp
        .set(m[S.ehcps], k[S.ehcps])
        .add(-safe(threshold.m * m[S.roll]), threshold.k + k[S.roll])
        .atLeastZero();
      acc.add(safe(rate.m * tmp.m), rate.k + tmp.k);
    }
    if (c.guarantee) {
      // max(0, rate × EHCPs − the annual amount of the component it tops up)
      const { rate, against } = c.guarantee;
      tmp
        .set(safe(rate.m * m[S.ehcps]), rate.k + k[S.ehcps])
        .add(-annualM[against], annualK[against])
        .atLeastZero();
      acc.add(tmp.m, tmp.k);
    }
    if (once.m === 0) {
      annualM[ci] = acc.m;
      annualK[ci] = acc.k;
      units += roundUnits(acc.m, acc.k, mm, mk, um, uk);
    } else {
      // (annual × Months + once × 12) / 12, rounded once
      tmp.set(acc.m, acc.k).add(once.m, once.k);
      annualM[ci] = tmp.m;
      annualK[ci] = tmp.k;
      tmp.set(safe(acc.m * mm), acc.k + mk).add(safe(12 * once.m), once.k);
      units += roundUnits(tmp.m, tmp.k, 1, 0, um, uk);
    }
  }
  return safe(units);
}
