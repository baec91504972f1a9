// Property tests (fast-check, seeded): laws every allocation must obey whatever the rates and counts.
import fc from "fast-check";
import {
  allocateTotal,
  band,
  check,
  COMPONENTS,
  D,
  isSendError,
  parseRates,
  PHASES,
  project,
  readTable,
  resolveOption,
  SendError,
  SETTINGS,
  type Allocation,
  type Cell,
  type Dec,
  type Grid,
  type Phase,
} from "./api";
import { allocateAll, allocateRow, compareOptions, option } from "./pipeline";

const SEED = 20240401;
const RUNS = 150;
const params = (numRuns = RUNS) => ({ seed: SEED, numRuns });

// ---------------------------------------------------------------- generators
const BANDS = ["1", "2", "band3"];
const SENIF = ["a", "b"];
const PH = ["primary", "secondary"];

/** A money rate with at most 2 decimal places, so every product below is exact. */
const money = (max = 20000) => fc.integer({ min: 0, max: max * 100 }).map((p) => p / 100);
const share = fc.integer({ min: 0, max: 100 }).map((p) => p / 100);
/** Months whose twelfths terminate (0.1, 0.25, 0.4, 0.5 …): pro-rating introduces no repeating decimals. */
const MONTHS = [0, 1.2, 3, 4.8, 6, 9, 12];

/** Every key an allocation can read, with a random value; some top-ups are left to fall back to topup.all. */
const ratesRows = fc
  .record({
    shares: fc.tuple(...["be", "fsm", "fsm6", "idaci", "lpa", "eal", "lumpsum"].map(() => share)),
    threshold: share,
    weeks: fc.integer({ min: 1, max: 52 }),
    feMult: fc.tuple(fc.integer({ min: 50, max: 200 }), fc.integer({ min: 80, max: 130 })),
    values: fc.array(money(), { minLength: 200, maxLength: 200 }),
    dropSettingTopups: fc.array(fc.boolean(), { minLength: SETTINGS.length, maxLength: SETTINGS.length }),
  })
  .map(({ shares, threshold, weeks, feMult, values, dropSettingTopups }) => {
    const rows: [string, Cell][] = [];
    let i = 0;
    const next = () => values[i++ % values.length];
    for (const k of ["be.primary", "be.ks3", "be.ks4"]) rows.push([k, next()]);
    for (const p of PH) {
      for (const f of ["fsm", "fsm6", "lpa", "eal", "lumpsum"]) rows.push([`${f}.${p}`, next()]);
      for (const b of "abcdef") rows.push([`idaci.${p}.${b}`, next()]);
    }
    ["be", "fsm", "fsm6", "idaci", "lpa", "eal", "lumpsum"].forEach((f, j) => rows.push([`notional.${f}`, shares[j]]));
    for (const k of ["place.special", "place.ap", "place.rb.occupied", "place.rb.unoccupied", "place.fe"])
      rows.push([k, next()]);
    SETTINGS.forEach((s, j) => {
      if (!dropSettingTopups[j]) for (const b of BANDS) rows.push([`topup.${s}.${b}`, next()]);
    });
    for (const b of BANDS) rows.push([`topup.all.${b}`, next()]);
    rows.push(
      ["ei.sensupport", next()],
      ["ei.perpupil", next()],
      ["ei.highneeds.threshold", threshold],
      ["ei.highneeds.rate", next()],
      ["ei.notional.guarantee", next()],
    );
    rows.push(["ey.daf", next()], ["ey.weeks", weeks], ...SENIF.map((b): [string, Cell] => [`ey.senif.${b}`, next()]));
    rows.push(["fe.rate", next()], ["fe.weighting", feMult[0] / 100], ["fe.area", feMult[1] / 100]);
    return rows;
  });

const grid = (rows: [string, Cell][], extra: [string, Cell][] = []): Grid => [["Factor", "A"], ...rows, ...extra];

const FIELDS = [
  "Name",
  "Phase",
  "Primary Pupils",
  "KS3 Pupils",
  "KS4 Pupils",
  "FSM",
  "FSM6",
  ..."ABCDEF".split("").map((b) => `IDACI ${b}`),
  "LPA",
  "EAL",
  "SEN Support",
  ...BANDS.map((b) => `EHCP ${b}`),
  "Places",
  "Occupied",
  "DAF",
  ...SENIF.map((b) => `SENIF ${b}`),
  "Students",
  "Months",
];

const count = fc.oneof(
  fc.integer({ min: 0, max: 600 }),
  fc.integer({ min: 0, max: 6000 }).map((x) => x / 10),
  fc.constant(0),
);
const institution = fc
  .record({
    phase: fc.constantFrom<Phase>(...PHASES),
    counts: fc.array(count, { minLength: FIELDS.length - 5, maxLength: FIELDS.length - 5 }),
    places: fc.integer({ min: 0, max: 200 }),
    occupiedShare: fc.integer({ min: 0, max: 100 }),
    months: fc.constantFrom(...MONTHS),
  })
  .map(({ phase, counts, places, occupiedShare, months }) => {
    // pupils, FSM/FSM6, IDACI, LPA/EAL/SEN Support, EHCP
    const bandCounts = counts.slice(0, 3 + 2 + 6 + 3 + BANDS.length);
    const rest = counts.slice(bandCounts.length);
    const values: Cell[] = [
      "X",
      phase,
      ...bandCounts,
      places,
      Math.floor((places * occupiedShare) / 100),
      rest[0],
      rest[1],
      rest[2],
      rest[3],
      months,
    ];
    return values;
  });

const amounts = (a: Allocation) => a.components.map((c) => c.amount);
function ok<T>(x: T | SendError): T {
  if (isSendError(x)) throw new Error(x.toString());
  return x;
}
function scaled(values: Cell[], k: number): Cell[] {
  // every count (not Name, Phase or Months) × k, exactly (as text: 182.2 × 3 is 546.5999… in floating point)
  return values.map((v, i) => (i < 2 || i === values.length - 1 ? v : new D(v as number).times(k).toString()));
}

// ---------------------------------------------------------------- properties
describe("allocation laws", () => {
  test("Total is the sum of the BREAKDOWN components, each a multiple of round.to", () => {
    fc.assert(
      fc.property(ratesRows, institution, fc.constantFrom(0.01, 1, 0.05), (rows, values, unit) => {
        const a = ok(allocateRow(grid(rows, [["round.to", unit]]), "A", FIELDS, values));
        expect(a.components.map((c) => c.name)).toEqual(COMPONENTS.map((c) => c.name));
        expect(a.components.reduce((s, c) => s.plus(c.amount), new D(0)).eq(a.total)).toBe(true);
        for (const c of a.components) expect(c.amount.div(unit).isInteger()).toBe(true);
        expect(a.components.every((c) => !c.amount.isNeg() || c.amount.isZero())).toBe(true);
      }),
      params(),
    );
  });

  test("scaling every count by k scales every unrounded component by k (lump sum aside)", () => {
    // round.to 1e-12 with 2-dp rates, 1-dp counts and terminating twelfths: rounding changes nothing
    fc.assert(
      fc.property(ratesRows, institution, fc.constantFrom(2, 3, 7, 0.5, 2.5, 10), (rows, values, k) => {
        const noLump = rows.map(([key, v]): [string, Cell] => [key, key === "notional.lumpsum" ? 0 : v]);
        const g = grid(noLump, [["round.to", 1e-12]]);
        const base = ok(allocateRow(g, "A", FIELDS, values));
        const big = ok(allocateRow(g, "A", FIELDS, scaled(values, k)));
        amounts(base).forEach((x, i) => expect(amounts(big)[i].toString()).toBe(x.times(k).toString()));
      }),
      params(),
    );
  });

  test("scaling at pence: each component is within half a penny × (k + 1) of k × the original", () => {
    fc.assert(
      fc.property(ratesRows, institution, fc.integer({ min: 2, max: 9 }), (rows, values, k) => {
        const noLump = rows.map(([key, v]): [string, Cell] => [key, key === "notional.lumpsum" ? 0 : v]);
        const base = ok(
          allocateRow(
            grid(noLump),
            "A",
            FIELDS,
            values.map((v, i) => (i === values.length - 1 ? 7 : v)),
          ),
        );
        const big = ok(
          allocateRow(
            grid(noLump),
            "A",
            FIELDS,
            scaled(values, k).map((v, i) => (i === values.length - 1 ? 7 : v)),
          ),
        );
        amounts(base).forEach((x, i) =>
          expect(
            amounts(big)
              [i].minus(x.times(k))
              .abs()
              .lte(new D("0.005").times(k + 1)),
          ).toBe(true),
        );
      }),
      params(80),
    );
  });

  test("Months split a year: m and 12 − m months add up to the year (plus DAF, paid once a year in full), to within a penny per component", () => {
    fc.assert(
      fc.property(ratesRows, institution, fc.integer({ min: 0, max: 12 }), (rows, values, m) => {
        const g = grid(rows);
        const at = (months: number) =>
          ok(
            allocateRow(
              g,
              "A",
              FIELDS,
              values.map((v, i) => (i === values.length - 1 ? months : v)),
            ),
          );
        const [a, b, year] = [at(m), at(12 - m), at(12)];
        // DAF is the one term Months does not pro-rate: both parts of the year get it in full
        const daf =
          values[FIELDS.indexOf("Phase")] === "Early Years"
            ? new D(Number(values[FIELDS.indexOf("DAF")] ?? 0) || 0).times(
                new D(Number(rows.find(([k]) => k === "ey.daf")?.[1] ?? 0)),
              )
            : new D(0);
        year.components.forEach((c, i) => {
          const extra = c.name === "Early years" ? daf : new D(0);
          expect(
            a.components[i].amount.plus(b.components[i].amount).minus(c.amount).minus(extra).abs().lte(new D("0.01")),
          ).toBe(true);
        });
      }),
      params(80),
    );
  });

  test("an option inheriting everything from its parent gives identical results", () => {
    fc.assert(
      fc.property(ratesRows, institution, (rows, values) => {
        const g: Grid = [["Factor", "A", "Copy"], ["inherits", null, "A"], ...rows.map(([k, v]) => [k, v, null])];
        const a = ok(allocateRow(g, "A", FIELDS, values));
        const copy = ok(allocateRow(g, "Copy", FIELDS, values));
        expect(amounts(copy).map(String)).toEqual(amounts(a).map(String));
      }),
      params(80),
    );
  });

  test("an option overriding every rate with its parent's value gives identical results", () => {
    fc.assert(
      fc.property(ratesRows, institution, (rows, values) => {
        const g: Grid = [["Factor", "A", "Same"], ["inherits", null, "A"], ...rows.map(([k, v]) => [k, v, v])];
        expect(ok(allocateRow(g, "Same", FIELDS, values)).total.eq(ok(allocateRow(g, "A", FIELDS, values)).total)).toBe(
          true,
        );
      }),
      params(40),
    );
  });

  test("header spelling (case, spaces, '_', '-') never changes the result", () => {
    const mangle = fc.array(fc.constantFrom("upper", "lower", "underscore", "dash", "pad"), {
      minLength: FIELDS.length,
      maxLength: FIELDS.length,
    });
    fc.assert(
      fc.property(ratesRows, institution, mangle, (rows, values, how) => {
        const fields = FIELDS.map((f, i) => {
          switch (how[i]) {
            case "upper":
              return f.toUpperCase();
            case "lower":
              return f.toLowerCase();
            case "underscore":
              return f.replace(/ /g, "_");
            case "dash":
              return f.replace(/ /g, "-");
            default:
              return `  ${f} `;
          }
        });
        const a = ok(allocateRow(grid(rows), "A", FIELDS, values));
        expect(ok(allocateRow(grid(rows), "A", fields, values)).total.eq(a.total)).toBe(true);
      }),
      params(60),
    );
  });
});

describe("SEND.COMPARE laws", () => {
  const table = fc.array(institution, { minLength: 1, maxLength: 6 });
  test("Total row = column sums; Difference = B − A; Change = Difference / A, blank when A = 0", () => {
    fc.assert(
      fc.property(ratesRows, ratesRows, table, (rowsA, rowsB, insts) => {
        const keys = new Map<string, [Cell, Cell]>();
        for (const [k, v] of rowsA) keys.set(k, [v, null]);
        for (const [k, v] of rowsB) keys.set(k, [keys.get(k)?.[0] ?? null, v]);
        const g: Grid = [["Factor", "A", "B"], ...[...keys].map(([k, [a, b]]) => [k, a, b])];
        const cmp = compareOptions(g, "A", "B", [FIELDS, ...insts]);
        if (isSendError(cmp)) throw new Error(cmp.toString());
        let sa = new D(0),
          sb = new D(0);
        for (const r of cmp.rows) {
          const [a, b] = [r.a as Dec, r.b as Dec];
          sa = sa.plus(a);
          sb = sb.plus(b);
          expect((r.difference as Dec).eq(b.minus(a))).toBe(true);
          if (a.isZero()) expect(r.change).toBeNull();
          else expect((r.change as Dec).eq(b.minus(a).div(a))).toBe(true);
        }
        expect((cmp.total.a as Dec).eq(sa)).toBe(true);
        expect((cmp.total.b as Dec).eq(sb)).toBe(true);
        expect((cmp.total.difference as Dec).eq(sb.minus(sa))).toBe(true);
        // each row equals ALLOCATEALL of the same option
        const allA = allocateAll(g, "A", [FIELDS, ...insts]) as Dec[];
        cmp.rows.forEach((r, i) => expect((r.a as Dec).eq(allA[i])).toBe(true));
      }),
      params(40),
    );
  });
});

// ---------------------------------------------------------------- robustness: any input, no throw, no NaN
const KEYS = [
  "inherits",
  "round.to",
  "place.special",
  "place.ap",
  "place.fe",
  "place.rb.occupied",
  "place.rb.unoccupied",
  "topup.special.1",
  "topup.all.1",
  "topup.mainstream.band3",
  "notional.be",
  "be.primary",
  "ey.daf",
  "ey.senif.a",
  "ey.weeks",
  "fe.rate",
  "fe.weighting",
  "ei.perpupil",
  "ei.highneeds.threshold",
  "band.1",
  "band.2",
  "proj.years",
  "proj.start",
  "proj.grant",
  "proj.special.count",
  "proj.special.cost",
  "proj.inflation",
  "proj.shift",
  "plcae.ap",
  "",
];
const wildCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  fc.constant(undefined),
  fc.integer({ min: -1000, max: 100000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e300, 5e-324),
  fc.boolean(),
  fc.constantFrom("A", "B", "a ", "£1,000", "(5)", "12%", "ten", "1e5", "-", "NaN", "Infinity", "#N/A", " 3 "),
  fc.string({ maxLength: 6 }),
);
const wildRates = fc
  .tuple(
    fc.array(fc.constantFrom<Cell>("Factor", "A", "B", "Description", "a", "", null, "Notes"), {
      minLength: 1,
      maxLength: 4,
    }),
    fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.array(wildCell, { minLength: 0, maxLength: 4 })), { maxLength: 12 }),
  )
  .map(([header, rows]): Grid => [["Factor", ...header], ...rows.map(([k, cells]) => [k, ...cells])]);
/** Valid rates and institutions with a few cells replaced by anything: mostly values, some errors. */
const mutate = <T extends Cell>(xs: readonly T[], muts: [number, Cell][]): Cell[] => {
  const out: Cell[] = [...xs];
  for (const [i, v] of muts) out[i % out.length] = v;
  return out;
};
const nearlyValidRates = fc
  .tuple(ratesRows, fc.array(fc.tuple(fc.nat(), wildCell), { maxLength: 2 }))
  .map(([rows, muts]): Grid => {
    const vs = mutate(
      rows.map((r) => r[1]),
      muts,
    );
    return grid(rows.map(([k], i) => [k, vs[i]]));
  });
const nearlyValidValues = fc
  .tuple(
    institution,
    fc.array(fc.tuple(fc.nat(), fc.oneof(wildCell, fc.constantFrom<Cell>(...PHASES))), { maxLength: 2 }),
  )
  .map(([values, muts]) => mutate(values, muts));
const someRates = fc.oneof({ weight: 1, arbitrary: wildRates }, { weight: 3, arbitrary: nearlyValidRates });
const someOption = fc.oneof({ weight: 3, arbitrary: fc.constant<Cell>("A") }, { weight: 1, arbitrary: wildCell });
const wildFields = fc.array(
  fc.constantFrom<Cell>(...FIELDS, "EHCP", "EHCP x", "SENIF", "URN", "", null, "places", "Phase"),
  { maxLength: 10 },
);
const wildValues = fc.array(fc.oneof(wildCell, fc.constantFrom<Cell>(...PHASES, "special", "Primry")), {
  maxLength: 10,
});

function expectFinite(x: unknown) {
  if (x === null || isSendError(x)) return;
  const n = (x as Dec).toNumber();
  expect(Number.isFinite(n)).toBe(true);
}

describe("robustness", () => {
  test("any rates, option, fields and values: a value or an error, never a throw, never NaN or Infinity", () => {
    const row = fc.oneof(
      fc
        .tuple(wildFields, wildValues)
        .map(([f, v]) => [f, v.slice(0, f.length).concat(Array(Math.max(0, f.length - v.length)).fill(null))] as const),
      nearlyValidValues.map((v) => [FIELDS as Cell[], v] as const),
    );
    let computed = 0;
    fc.assert(
      fc.property(someRates, someOption, row, (rates, opt, [fields, values]) => {
        const r = allocateRow(rates, opt, fields, values);
        if (!isSendError(r)) computed++;
        if (!isSendError(r)) {
          expectFinite(r.total);
          r.components.forEach((c) => expectFinite(c.amount));
        } else {
          expect(["#VALUE!", "#N/A", "#NUM!"]).toContain(r.kind);
          expect(r.message.length).toBeGreaterThan(0);
        }
        // a shape mismatch is an error, not a throw
        expect(() => allocateRow(rates, opt, fields, [...values, 1])).not.toThrow();
      }),
      params(400),
    );
    expect(computed).toBeGreaterThan(20); // the generator reaches real allocations, not only errors
  });

  test("any table through ALLOCATEALL and COMPARE, and any rates through CHECK, PROJECT and BAND", () => {
    const table = fc.oneof(
      fc.tuple(wildFields, fc.array(wildValues, { maxLength: 4 })).map(([h, rows]): Grid => [h, ...rows]),
      fc.array(nearlyValidValues, { maxLength: 4 }).map((rows): Grid => [FIELDS, ...rows]),
    );
    fc.assert(
      fc.property(someRates, someOption, someOption, table, wildCell, (rates, a, b, table, score) => {
        const all = allocateAll(rates, a, table);
        if (!isSendError(all)) all.forEach(expectFinite);
        const cmp = compareOptions(rates, a, b, table);
        if (!isSendError(cmp))
          for (const r of [...cmp.rows, cmp.total]) [r.a, r.b, r.difference, r.change].forEach(expectFinite);
        const chk = check(rates, a);
        if (!isSendError(chk)) chk.forEach((p) => expect(typeof p.problem).toBe("string"));
        const opt = option(rates, a);
        if (!isSendError(opt)) {
          const p = project(opt);
          if (!isSendError(p)) p.forEach((y) => [y.income, y.spend, y.inYear, y.cumulative].forEach(expectFinite));
          if (typeof score === "number" && Number.isFinite(score)) band(opt, new D(score));
        }
      }),
      params(300),
    );
  });

  test("random counts, random rates and random months never give NaN, Infinity or a negative amount", () => {
    const bigMoney = fc.oneof(money(), fc.integer({ min: 0, max: 1e9 }), fc.double({ min: 0, max: 1e12, noNaN: true }));
    fc.assert(
      fc.property(
        ratesRows,
        fc.array(fc.tuple(fc.constantFrom("place.special", "topup.all.1", "fe.rate", "ey.daf"), bigMoney), {
          maxLength: 4,
        }),
        institution,
        fc.double({ min: 0, max: 12, noNaN: true }),
        (rows, over, values, months) => {
          const byKey = new Map<string, Cell>(rows);
          for (const [k, v] of over) byKey.set(k, v);
          const inst = values.map((v, i) => (i === values.length - 1 ? months : v));
          const a = ok(allocateRow(grid([...byKey]), "A", FIELDS, inst));
          for (const c of a.components) {
            expectFinite(c.amount);
            expect(c.amount.isNeg() && !c.amount.isZero()).toBe(false);
          }
        },
      ),
      params(100),
    );
  });
});

// the table-driven pipeline and the engine's own table reader agree (ALLOCATEALL = ALLOCATE per row)
test("ALLOCATEALL gives each row's ALLOCATE total", () => {
  fc.assert(
    fc.property(ratesRows, fc.array(institution, { minLength: 1, maxLength: 5 }), (rows, insts) => {
      const g = grid(rows);
      const opt = ok(resolveOption(ok(parseRates(g)), "A"));
      const table = ok(readTable([FIELDS, ...insts]));
      table.forEach((r, i) => {
        const viaTable = allocateTotal(opt, r.institution as never) as Dec;
        expect(viaTable.eq(ok(allocateRow(g, "A", FIELDS, insts[i])).total)).toBe(true);
      });
    }),
    params(40),
  );
});
