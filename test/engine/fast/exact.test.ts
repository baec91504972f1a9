// The fast path's arithmetic kernel against decimal.js, over 1,050,000 seeded random cases: products, sums,
// the Months/12 + round.to step (with half-way ties made on purpose, negative amounts, units 0.01, 1 and
// others), parsing of JS numbers, the boundary division m / 10^k, and COMPARE's Change division.
// Every result the kernel gives must equal decimal.js exactly; every NaN ("fall back") must be a real
// overflow of the checked steps, never a spurious one.
import { D, roundMoney, type Dec } from "../../../src/engine/money";
import { Acc, divRound, MAX, parseDec, parseNumber, roundUnits, toDouble } from "../../../src/engine/fast/exact";

/** where the parsers put their value (the kernel writes into the caller's own) */
const R = { m: 0, k: 0 };
import { rng, type Rng } from "./random";

const B = BigInt;
const BMAX = B(MAX);
const big10 = (n: number) => B(10) ** B(n);
const dec = (m: number, k: number): Dec => new D(`${m}e-${k}`);
const babs = (x: bigint) => (x < 0n ? -x : x);

/** a random scaled value: mostly ≤ 12 digits, sometimes up to 15 or right below 2^53; random sign */
function value(r: Rng, maxK = 6): [number, number] {
  let m = r.chance(0.05) ? MAX - r.int(0, 1000) : r.digits(r.chance(0.8) ? 12 : 15);
  if (r.chance(0.3)) m = -m;
  return [m, r.int(0, maxK)];
}

/** 12/M terminates for these Months, so (q + ½) × unit × 12 / M is an exact decimal: a made-up tie */
const TIE_MONTHS = ["12", "6", "4", "3", "2.4", "1.5", "1.2", "0.75", "8", "9.6", "7.5"];
const UNITS = ["0.01", "1", "0.01", "1", "0.05", "0.1", "0.25", "5", "0.001", "0.5", "100"];

const decMemo = new Map<string, Dec>();
const decOf = (s: string): Dec => decMemo.get(s) ?? decMemo.set(s, new D(s)).get(s)!;

/** a decimal numeral as [m, k] (through the kernel's own parser: checked against decimal.js above and below) */
const scaledMemo = new Map<string, [number, number]>();
function scaled(s: string): [number, number] {
  let v = scaledMemo.get(s);
  if (!v) {
    if (!parseDec(new D(s), R)) throw new Error(`cannot parse ${s}`);
    v = [R.m, R.k];
    if (!new D(`${v[0]}e-${v[1]}`).eq(s)) throw new Error(`${s} parsed as ${v[0]}e-${v[1]}`);
    scaledMemo.set(s, v);
  }
  return v;
}

describe("fast-path arithmetic kernel ≡ decimal.js", () => {
  test("products: exact when not NaN; NaN only when |a × b| > 2^53 − 1 (200,000 cases)", () => {
    const r = rng(101);
    let bad = 0,
      nan = 0;
    const examples: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      const [am, ak] = value(r),
        [bm, bk] = value(r);
      const acc = new Acc().set(am, ak).mul(bm, bk);
      const exact = B(am) * B(bm);
      if (Number.isNaN(acc.m)) {
        nan++;
        if (babs(exact) <= BMAX) {
          bad++;
          examples.push(`spurious NaN ${am}e-${ak} × ${bm}e-${bk}`);
        }
      } else if (
        B(acc.m) !== exact ||
        acc.k !== ak + bk ||
        (i % 4 === 0 && !dec(acc.m, acc.k).eq(dec(am, ak).times(dec(bm, bk))))
      ) {
        bad++;
        examples.push(`${am}e-${ak} × ${bm}e-${bk} gave ${acc.m}e-${acc.k}`);
      }
    }
    expect(examples.slice(0, 5)).toEqual([]);
    expect(bad).toBe(0);
    expect(nan).toBeGreaterThan(10_000); // the guard is exercised
  });

  test("sums after aligning scales: exact when not NaN; NaN only on a real overflow (200,000 cases)", () => {
    const r = rng(102);
    let bad = 0,
      nan = 0;
    const examples: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      const [am, ak] = value(r, 9),
        [bm, bk] = value(r, 9);
      const acc = new Acc().set(am, ak).add(bm, bk);
      const K = Math.max(ak, bk);
      const [a, b] = [B(am) * big10(K - ak), B(bm) * big10(K - bk)];
      if (Number.isNaN(acc.m)) {
        nan++;
        if (babs(a) <= BMAX && babs(b) <= BMAX && babs(a + b) <= BMAX) {
          bad++;
          examples.push(`spurious NaN ${am}e-${ak} + ${bm}e-${bk}`);
        }
      } else if (
        acc.k !== K ||
        B(acc.m) !== a + b ||
        (i % 4 === 0 && !dec(acc.m, acc.k).eq(dec(am, ak).plus(dec(bm, bk))))
      ) {
        bad++;
        examples.push(`${am}e-${ak} + ${bm}e-${bk} gave ${acc.m}e-${acc.k}`);
      }
    }
    expect(examples.slice(0, 5)).toEqual([]);
    expect(bad).toBe(0);
    expect(nan).toBeGreaterThan(5_000);
  });

  test("Months/12 and rounding to round.to, half away from zero, ties made on purpose (400,000 cases)", () => {
    const r = rng(103);
    let bad = 0,
      nan = 0,
      ties = 0,
      negatives = 0;
    const examples: string[] = [];
    for (let i = 0; i < 400_000; i++) {
      const unit = r.pick(UNITS);
      let annual: Dec;
      let months: string;
      const tie = r.chance(0.3);
      if (tie) {
        // a tie: annual × months / 12 = (q + ½) × unit exactly
        months = r.pick(TIE_MONTHS);
        const q = r.digits(r.chance(0.9) ? 9 : 13);
        annual = new D(2 * q + 1).div(2).times(unit).times(12).div(months);
      } else {
        months = r.chance(0.3)
          ? "12"
          : r.chance(0.5)
            ? String(r.int(0, 12))
            : new D(r.int(0, 12000)).div(1000).toString();
        const [m, k] = value(r, 6);
        annual = dec(m, k);
      }
      if (r.chance(0.3)) annual = annual.neg();
      if (annual.isNeg()) negatives++;
      if (!parseDec(annual, R)) continue; // (a tie made from a 13-digit q can exceed 2^53: not a kernel input)
      const [am, ak] = [R.m, R.k];
      const [mm, mk] = scaled(months);
      const [um, uk] = scaled(unit);
      const q = roundUnits(am, ak, mm, mk, um, uk);
      if (tie) ties++;
      const want = roundMoney(annual.times(decOf(months)).div(12), decOf(unit));
      if (Number.isNaN(q)) {
        nan++;
        // the guard's own arithmetic, exactly: it may only give up when a checked value exceeds 2^53 − 1
        const full = mm === 12 && mk === 0;
        const e = uk - ak - mk;
        const num = (full ? B(am) : B(am) * B(mm)) * (e > 0 ? big10(e) : 1n);
        const den = (full ? B(um) : B(um) * 12n) * (e < 0 ? big10(-e) : 1n);
        if (babs(num) * 2n + den <= BMAX && (full || babs(B(am) * B(mm)) <= BMAX) && Math.abs(e) <= 22) {
          bad++;
          examples.push(`spurious NaN ${annual} × ${months}/12 to ${unit}`);
        }
      } else if (!want.eq(decOf(unit).times(q))) {
        bad++;
        examples.push(`${annual} × ${months}/12 to ${unit}: fast ${q} units, decimal ${want}`);
      }
    }
    expect(examples.slice(0, 5)).toEqual([]);
    expect(bad).toBe(0);
    expect(ties).toBeGreaterThan(80_000);
    expect(negatives).toBeGreaterThan(100_000);
    expect(nan).toBeGreaterThan(1_000);
  });

  test("divRound: round half away from zero, on the exact rational (50,000 cases)", () => {
    const r = rng(104);
    for (let i = 0; i < 50_000; i++) {
      const den = r.digits(r.chance(0.5) ? 4 : 12) + 1;
      const num =
        (r.chance(0.5) ? -1 : 1) * (r.chance(0.2) ? Math.floor(den / 2) * (2 * r.int(0, 1000) + 1) : r.digits(14));
      const q = divRound(num, den);
      const want = new D(num).div(den).toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber();
      if (!Number.isNaN(q) && q !== want) throw new Error(`${num}/${den}: ${q} vs ${want}`);
    }
  });

  test("parsing a JS number gives the value new Decimal(x) reads (100,000 cases)", () => {
    const r = rng(105);
    let parsed = 0;
    for (let i = 0; i < 100_000; i++) {
      const kind = r.int(0, 5);
      const x =
        kind === 0
          ? r.digits(15) / 10 ** r.int(0, 8) // money-like: 1234.5, 0.05
          : kind === 1
            ? r.next() * 10 ** r.int(-6, 16) // any double
            : kind === 2
              ? r.int(0, 100) / r.pick([3, 7, 10, 12, 100]) // 1/3 and friends
              : kind === 3
                ? (1 - r.pick([0.4, 0.7, 0.9])) * r.int(1, 9) // 0.6000000000000001
                : kind === 4
                  ? r.digits(15) * 10 ** r.int(0, 8) // large, up to 1e23
                  : -(r.digits(6) / 100);
      const ok = parseNumber(x, R);
      const d = new D(x);
      if (ok) {
        parsed++;
        if (!dec(R.m, R.k).eq(d) || Math.abs(R.m) > MAX || R.k > 22) throw new Error(`${x} parsed as ${R.m}e-${R.k}`);
      } else if (d.decimalPlaces() <= 22 && d.times(new D(10).pow(d.decimalPlaces())).abs().lte(MAX)) {
        throw new Error(`${x} (${d}) is representable but was refused`);
      }
    }
    expect(parsed).toBeGreaterThan(65_000);
  });

  test("the boundary: m / 10^k is the double Decimal#toNumber gives (50,000 cases)", () => {
    const r = rng(106);
    for (let i = 0; i < 50_000; i++) {
      const m = (r.chance(0.5) ? -1 : 1) * (r.chance(0.1) ? MAX - r.int(0, 1e6) : r.digits(15));
      const k = r.int(0, 22);
      const want = dec(m, k).toNumber();
      if (toDouble(m, k) !== want) throw new Error(`${m}e-${k}: ${toDouble(m, k)} vs ${want}`);
    }
  });

  test("COMPARE's Change: p / a in doubles is the double of decimal.js's 40-digit quotient (50,000 cases)", () => {
    const r = rng(107);
    for (let i = 0; i < 50_000; i++) {
      const a = r.chance(0.1) ? MAX - r.int(0, 1e6) : r.chance(0.1) ? 2 ** r.int(1, 52) : r.digits(r.int(1, 15)) + 1;
      const p = (r.chance(0.5) ? -1 : 1) * (r.chance(0.1) ? MAX - r.int(0, 1e6) : r.digits(r.int(1, 15)));
      const want = new D(p).div(a).toNumber();
      if (p / a !== want) throw new Error(`${p}/${a}: ${p / a} vs ${want}`);
    }
  });
});
