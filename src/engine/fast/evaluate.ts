// The component rules of contract section 4 on one fast-read row, mirroring src/engine/components/*.ts
// term for term: annual amount as an exact scaled integer, × Months / 12 and rounded to round.to in one
// exact division, Total = the sum of the rounded components, in units of round.to. NaN means "not
// here": a needed rate is missing (the decimal path raises the #N/A) or a value left the exact range.
import { findTopupRate } from "../components/topUp";
import { normKey } from "../normalize";
import type { Option } from "../rates";
import { PHASES, SETTING_OF_PHASE } from "../types";
import * as exact from "./exact";
import type { Layout, RowBuf } from "./layout";
import { compileOption, NO_RATE, type CompiledOption, type Rate } from "./option";
import * as slots from "./slots";

// Local copies of imported bindings (getters in CommonJS builds; see layout.ts).
const { Acc, roundUnits, safe } = exact;
const { FIRST_BAND, P, S } = slots;

/** An option bound to a header layout: band rates resolved to the layout's band order. */
export interface Bound {
  o: CompiledOption;
  nEhcp: number;
  nSenif: number;
  /** per phase code: top-up rate of each EHCP band (m NaN when the option has none) */
  topupM: Float64Array[];
  topupK: Int32Array[];
  /** per SENIF band: ey.senif.<band> × ey.weeks */
  senifM: Float64Array;
  senifK: Int32Array;
}

const bounds = new WeakMap<Layout, WeakMap<Option, Bound | null>>();

/** The option compiled and bound to a layout (memoised on both); null when the option cannot go fast. */
export function bind(option: Option, layout: Layout): Bound | null {
  let byOption = bounds.get(layout);
  if (!byOption) {
    byOption = new WeakMap();
    bounds.set(layout, byOption);
  }
  let b = byOption.get(option);
  if (b === undefined) {
    const o = compileOption(option);
    b = o && bindLayout(o, layout);
    byOption.set(option, b);
  }
  return b;
}

function bindLayout(o: CompiledOption, l: Layout): Bound {
  const topupM: Float64Array[] = [];
  const topupK: Int32Array[] = [];
  PHASES.forEach((phase, p) => {
    topupM[p] = new Float64Array(l.ehcpBands.length);
    topupK[p] = new Int32Array(l.ehcpBands.length);
    l.ehcpBands.forEach((band, i) => {
      const found = findTopupRate(o.option, SETTING_OF_PHASE[phase], band);
      const r = found ? o.rate(found.key) : NO_RATE;
      topupM[p][i] = r.m;
      topupK[p][i] = r.k;
    });
  });
  const senifM = new Float64Array(l.senifBands.length);
  const senifK = new Int32Array(l.senifBands.length);
  l.senifBands.forEach((band, i) => {
    const r: Rate = o.rate(normKey(`ey.senif.${band}`));
    const acc = new Acc().set(r.m, r.k).mul(o.eyWeeks.m, o.eyWeeks.k);
    senifM[i] = acc.m;
    senifK[i] = acc.k;
  });
  return { o, nEhcp: l.ehcpBands.length, nSenif: l.senifBands.length, topupM, topupK, senifM, senifK };
}

// Scratch accumulators (the engine is single-threaded and nothing here re-enters).
const acc = new Acc();
const roll = new Acc();
const ehcps = new Acc();
const tmp = new Acc();
const ei = new Acc();

/** The row's Total in units of round.to (an exact integer), or NaN to send the row down the decimal path. */
export function evaluate(b: Bound, buf: RowBuf): number {
  const { o } = b;
  const m = buf.m, k = buf.k, phase = buf.phase;
  const mm = buf.monthsM, mk = buf.monthsK, um = o.unitM, uk = o.unitK;
  let units = 0;
  const mainstream = phase === P.primary || phase === P.secondary;

  // Notional SEN: Σ count × unit value × share (coefficients compiled as unit value × share)
  let notionalM = 0, notionalK = 0;
  if (mainstream) {
    const terms = o.notional[phase === P.primary ? 0 : 1];
    acc.set(0, 0);
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i];
      const c = m[t.slot];
      if (c !== 0) acc.add(safe(c * t.m), k[t.slot] + t.k);
    }
    notionalM = acc.m;
    notionalK = acc.k;
    units += roundUnits(notionalM, notionalK, mm, mk, um, uk);
  }

  // Place funding
  if (phase === P.special || phase === P.ap || phase === P.fe) {
    const places = m[S.places];
    if (places !== 0) {
      const r = phase === P.special ? o.place.special : phase === P.ap ? o.place.ap : o.place.fe;
      units += roundUnits(safe(places * r.m), k[S.places] + r.k, mm, mk, um, uk);
    }
  } else if (phase === P.resourceBase) {
    acc.set(0, 0);
    const occ = m[S.occupied];
    if (occ !== 0) acc.add(safe(occ * o.place.rbOccupied.m), k[S.occupied] + o.place.rbOccupied.k);
    tmp.set(m[S.places], k[S.places]).add(-occ, k[S.occupied]); // Places − Occupied
    if (tmp.m !== 0) acc.add(safe(tmp.m * o.place.rbUnoccupied.m), tmp.k + o.place.rbUnoccupied.k);
    units += roundUnits(acc.m, acc.k, mm, mk, um, uk);
  }

  // Top-up: Σ EHCP <band> × top-up rate of the phase's setting
  const tm = b.topupM[phase], tk = b.topupK[phase];
  acc.set(0, 0);
  ehcps.set(0, 0);
  for (let i = 0; i < b.nEhcp; i++) {
    const c = m[FIRST_BAND + i];
    if (c !== 0) {
      acc.add(safe(c * tm[i]), k[FIRST_BAND + i] + tk[i]);
      ehcps.add(c, k[FIRST_BAND + i]);
    }
  }
  units += roundUnits(acc.m, acc.k, mm, mk, um, uk);

  // Early intervention (Primary/Secondary)
  if (mainstream) {
    const { sens, per, thr, rate, guar } = o.ei;
    roll.set(m[S.primaryPupils], k[S.primaryPupils]).add(m[S.ks3Pupils], k[S.ks3Pupils]).add(m[S.ks4Pupils], k[S.ks4Pupils]);
    ei.set(safe(sens.m * m[S.senSupport]), sens.k + k[S.senSupport]);
    ei.add(safe(per.m * roll.m), per.k + roll.k);
    // rate × max(0, EHCPs − threshold × pupils)
    tmp.set(ehcps.m, ehcps.k).add(-safe(thr.m * roll.m), thr.k + roll.k).atLeastZero();
    ei.add(safe(rate.m * tmp.m), rate.k + tmp.k);
    // max(0, guarantee × EHCPs − Notional SEN)
    tmp.set(safe(guar.m * ehcps.m), guar.k + ehcps.k).add(-notionalM, notionalK).atLeastZero();
    ei.add(tmp.m, tmp.k);
    units += roundUnits(ei.m, ei.k, mm, mk, um, uk);
  }

  // Early years: DAF × ey.daf + Σ SENIF hours × ey.senif.<band> × ey.weeks
  if (phase === P.earlyYears) {
    acc.set(0, 0);
    const daf = m[S.daf];
    if (daf !== 0) acc.add(safe(daf * o.eyDaf.m), k[S.daf] + o.eyDaf.k);
    const first = FIRST_BAND + b.nEhcp;
    for (let i = 0; i < b.nSenif; i++) {
      const h = m[first + i];
      if (h !== 0) acc.add(safe(h * b.senifM[i]), k[first + i] + b.senifK[i]);
    }
    units += roundUnits(acc.m, acc.k, mm, mk, um, uk);
  }

  // FE element 1: Students × fe.rate × fe.weighting × fe.area
  if (phase === P.fe) {
    const st = m[S.students];
    if (st !== 0) units += roundUnits(safe(st * o.fe.m), k[S.students] + o.fe.k, mm, mk, um, uk);
  }

  return safe(units);
}
