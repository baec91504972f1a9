// PROTOTYPE (bench-only): SEND.ALLOCATEALL with exact scaled-integer arithmetic in plain doubles.
// Every rate becomes an integer at a fixed power of ten chosen per component when the option is
// compiled; counts are integers; Months is an integer number of hundredths. A component's annual
// amount is then an exact integer A at scale 10^S, and the rounded amount in units of round.to is
// floor((2·A·M + d) / 2d) with d = 12·100·unit·10^S — all exact while every value stays ≤ 2^53
// (checked once per component). Anything else (a rate with more than 8 decimals, an overflow, a row
// the compiled reader is unsure of, a missing rate) falls back to the engine for that row.
import { parseRates, resolveOption, readTable, SendError, type Cell, type Grid, type Option } from "../../src/engine";
import type { Dec } from "../../src/engine/money";
import { allocateAllCore } from "../lib/coreAll";
import { compileReader, isBlankRow, F, PHASE_INDEX } from "./reader";
import { fixed, makePlan, type Plan } from "./plan";
import { engineRow, type RowResult } from "./fallback";

const MAX = Number.MAX_SAFE_INTEGER;
const P = PHASE_INDEX;
/** marker coefficient: the option lacks this rate */
const MISSING = -1;

/** Coefficients of one component, all at the same scale 10^s. */
interface Scaled { s: number; c: number[] }

function pow10(n: number): number { return 10 ** n; }

/** Puts Decimals (or null) on one common integer scale; null when some value cannot be. */
function scaled(xs: (Dec | null)[]): Scaled | null {
  const fs = xs.map((x) => (x === null ? null : fixed(x)));
  if (fs.some((f, i) => f === null && xs[i] !== null)) return null;
  const s = Math.max(0, ...fs.map((f) => (f ? f.s : 0)));
  const c = fs.map((f) => (f === null ? MISSING : f.i * pow10(s - f.s)));
  return c.every((v) => v === MISSING || (v >= 0 && v <= MAX)) ? { s, c } : null;
}

interface IntPlan {
  unitInt: number; unitDp: number;
  /** per phase: notional coefficients aligned with plan.notional[phase] */
  notional: (Scaled | null)[];
  place: Scaled; // [special, ap, fe, rbOcc, rbUnocc]
  topup: (Scaled | null)[];
  /** EI: [sens, per, rate·10^?…] prepared in eiParts */
  ei: { s: number; sens: number; per: number; rate: number; thr: number; thrS: number; guar: number; notionalMul: number[] } | null;
  ey: Scaled; // [daf, senif…]
  fe: Scaled;
}

function intPlan(plan: Plan): IntPlan | null {
  const u = fixed(plan.roundTo);
  if (!u) return null;
  const notional = plan.notional.map((terms) => scaled(terms.map((t) => t.coef)));
  const p = plan.place;
  const place = scaled([p.special, p.ap, p.fe, p.rbOcc, p.rbUnocc]);
  const topup = plan.topup.map((rs) => scaled(rs));
  const ey = scaled([plan.ey.daf, ...plan.ey.senif]);
  const fe = scaled([plan.fe]);
  if (!place || !ey || !fe) return null;
  // EI at one scale that also holds the notional amount (it subtracts notional SEN)
  const e = plan.ei;
  const f = [e.sens, e.per, e.rate, e.thr, e.guar].map(fixed);
  let ei: IntPlan["ei"] = null;
  if (f.every((x) => x !== null)) {
    const [sens, per, rate, thr, guar] = f as { i: number; s: number }[];
    const ns = notional.map((n) => (n ? n.s : 0));
    const s = Math.max(sens.s, per.s, rate.s + thr.s, guar.s, ...ns);
    ei = {
      s, thr: thr.i, thrS: pow10(thr.s),
      sens: sens.i * pow10(s - sens.s), per: per.i * pow10(s - per.s), rate: rate.i * pow10(s - rate.s - thr.s),
      guar: guar.i * pow10(s - guar.s), notionalMul: ns.map((x) => pow10(s - x)),
    };
    if (![ei.sens, ei.per, ei.rate, ei.guar].every((v) => v <= MAX)) ei = null;
  }
  return { unitInt: u.i, unitDp: u.s, notional, place, topup, ei, ey, fe };
}

/** `fellBack`, when given, is filled with true for each row handed to the engine (for verify.ts). */
/** A row evaluator compiled for one option and one header row: the total as a number, or undefined
 *  when this row needs the engine (the caller falls back). null when nothing can be compiled. */
export type FastRow = (row: readonly Cell[]) => number | undefined;

export function compileFastRow(opt: Option, header: readonly Cell[]): FastRow | null {
  const reader = compileReader(header);
  const plan = reader && makePlan(opt, reader);
  const ip = plan && intPlan(plan);
  if (!reader || !plan || !ip) return null;
  const { unitInt, unitDp } = ip;
  // rounding divisor per scale s: the amount in units of round.to is A·M·10^unitDp / (1200·unitInt·10^s)
  const divs = new Map<number, { mul: number; d2: number }>();
  const div = (s: number) => {
    let v = divs.get(s);
    if (!v) {
      const extra = unitDp - s; // multiply the numerator when the unit is finer than the scale
      v = { mul: extra > 0 ? pow10(extra) : 1, d2: 2 * 1200 * unitInt * (extra < 0 ? pow10(-extra) : 1) };
      divs.set(s, v);
    }
    return v;
  };
  let bad = false;
  /** round half-up of A·M / (1200·10^s) to units of round.to (A, M ≥ 0 integers) */
  const round = (a: number, m: number, s: number): number => {
    const { mul, d2 } = div(s);
    const n = a * m * mul * 2 + d2 / 2;
    if (!(n <= MAX) || !(d2 <= MAX)) { bad = true; return 0; }
    return (n - (n % d2)) / d2;
  };
  const buf = new Float64Array(reader.width);
  const nE = reader.ehcpBands.length;
  const nS = reader.senifBands.length;
  const scaleOut = pow10(unitDp);
  let missing = false;
  const term = (count: number, coef: number) => {
    if (count === 0) return 0;
    if (coef === MISSING) { missing = true; return 0; }
    return count * coef;
  };

  return (row) => {
    if (!reader.read(row, buf)) return undefined;
    const phase = buf[F.phase];
    const m = buf[F.months100];
    bad = false;
    missing = false;
    let q = 0;
    // Notional SEN
    let notional = 0;
    const ns = ip.notional[phase];
    const terms = plan.notional[phase];
    if (terms.length) {
      if (!ns) return undefined;
      for (let i = 0; i < terms.length; i++) notional += term(terms[i].slot < 0 ? 1 : buf[terms[i].slot], ns.c[i]);
      if (!(notional <= MAX)) return undefined;
      q += round(notional, m, ns.s);
    }
    // Place funding
    const pc = ip.place.c;
    let place = 0;
    if (phase === P.Special) place = term(buf[F.places], pc[0]);
    else if (phase === P.AP) place = term(buf[F.places], pc[1]);
    else if (phase === P.FE) place = term(buf[F.places], pc[2]);
    else if (phase === P["Resource Base"]) place = term(buf[F.occupied], pc[3]) + term(buf[F.places] - buf[F.occupied], pc[4]);
    if (place) q += round(place, m, ip.place.s);
    // Top-up
    const tu = ip.topup[phase];
    let topup = 0;
    if (tu) for (let i = 0; i < nE; i++) topup += term(buf[F.first + i], tu.c[i]);
    else for (let i = 0; i < nE; i++) if (buf[F.first + i] !== 0) return undefined;
    if (topup) q += round(topup, m, tu!.s);
    // Early intervention
    if (phase === P.Primary || phase === P.Secondary) {
      const e = ip.ei;
      if (!e) return undefined;
      const roll = buf[F.pri] + buf[F.ks3] + buf[F.ks4];
      const ehcps = buf[F.ehcpSum];
      const above = Math.max(0, ehcps * e.thrS - e.thr * roll);
      const gap = Math.max(0, e.guar * ehcps - notional * e.notionalMul[phase]);
      const a = e.sens * buf[F.sen] + e.per * roll + e.rate * above + gap;
      if (!(a <= MAX && e.guar * ehcps <= MAX && notional * e.notionalMul[phase] <= MAX)) return undefined;
      q += round(a, m, e.s);
    }
    // Early years
    if (phase === P["Early Years"]) {
      const c = ip.ey.c;
      let ey = term(buf[F.daf], c[0]);
      for (let i = 0; i < nS; i++) ey += term(buf[F.first + nE + i], c[1 + i]);
      if (ey) q += round(ey, m, ip.ey.s);
    }
    // FE element 1
    if (phase === P.FE && buf[F.students] !== 0) q += round(buf[F.students] * ip.fe.c[0], m, ip.fe.s);
    const total = q * unitInt;
    if (bad || missing || !(place <= MAX && topup <= MAX && total <= MAX)) return undefined;
    return total / scaleOut;
  };
}

/** `fellBack`, when given, is filled with true for each row handed to the engine (for verify.ts). */
export function fastPenceAllocateAll(rates: Grid, option: Cell, table: Grid, fellBack?: boolean[]): RowResult[] | SendError {
  const t = parseRates(rates);
  if (t instanceof SendError) return t;
  const opt = resolveOption(t, option);
  if (opt instanceof SendError) return opt;
  if (table.length < 2) return readTable(table) as SendError;
  const fast = compileFastRow(opt, table[0]);
  if (!fast) {
    fellBack?.fill(true, 0, table.length - 1);
    return allocateAllCore(opt, table);
  }
  const out: RowResult[] = new Array(table.length - 1);
  for (let r = 1; r < table.length; r++) {
    const row = table[r];
    if (isBlankRow(row)) { out[r - 1] = null; continue; }
    const v = fast(row);
    if (v !== undefined) { out[r - 1] = v; continue; }
    if (fellBack) fellBack[r - 1] = true;
    out[r - 1] = engineRow(table[0], opt, row, r);
  }
  return out;
}
