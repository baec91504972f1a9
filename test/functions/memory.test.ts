// functions/memory.ts, the function layer's one memory: a changed input is never served a stale value, and every
// cache is bounded. (The content and identity levels of the rates and header caches: wrapper.test.ts "caches".)
import { check } from "../../src/engine/check";
import { SendError } from "../../src/engine/errors";
import { allocateTotals } from "../../src/engine/fast";
import { Range, freezeGrid } from "../../src/functions/args";
import {
  CACHE_SIZE,
  cacheStats,
  clearCaches,
  fieldReaderOf,
  institutionsOf,
  layoutOf,
  ratesAndOptionOf,
  useExactPath,
} from "../../src/functions/memory";
import { invoke } from "../../src/functions/wrapper";
import { HEADER, INSTITUTIONS, RATES } from "../headless/functions/fixture";

const values = (places: number) => [["x", "Special", null, null, null, null, null, places, null, null, null]];
const PLACE_SPECIAL = 10; // the row of place.special; column 2 is Baseline, column 3 Option B (inherits Baseline)

beforeEach(() => clearCaches());

describe("options are remembered with their rates table", () => {
  test("an option is resolved once per table and text, and found again", () => {
    const range = Range.trimmed(RATES);
    const a = ratesAndOptionOf(range, "Option B", "option");
    expect(ratesAndOptionOf(Range.trimmed(RATES.map((r) => [...r])), "Option B", "option")).toBe(a);
    expect(ratesAndOptionOf(range, " option b ", "option")).not.toBe(a); // another spelling: resolved afresh…
    const again = ratesAndOptionOf(range, " option b ", "option");
    if (a instanceof SendError || again instanceof SendError) throw new Error("fixture");
    expect(again.option).toEqual(a.option); // …to the same option
  });

  test("the compiled option is remembered with its option, and a changed rate compiles afresh", () => {
    const a = ratesAndOptionOf(Range.trimmed(RATES), "Baseline", "option");
    const same = ratesAndOptionOf(Range.trimmed(RATES.map((r) => [...r])), "Baseline", "option");
    if (a instanceof SendError || same instanceof SendError) throw new Error("fixture");
    expect(a.compiled).not.toBeNull();
    expect(same.compiled).toBe(a.compiled);
    const changed = RATES.map((r) => [...r]);
    changed[PLACE_SPECIAL][2] = 11000;
    const b = ratesAndOptionOf(Range.trimmed(changed), "Baseline", "option");
    if (b instanceof SendError) throw new Error("fixture");
    expect(b.compiled).not.toBe(a.compiled);
    expect(b.compiled!.rate("place.special")).toEqual({ m: 11000, k: 0 });
    expect(a.compiled!.rate("place.special")).toEqual({ m: 10000, k: 0 });
  });

  test("with the exact path off, options are remembered uncompiled (and the answers are the same)", () => {
    const want = invoke("ALLOCATE", [RATES, "Option B", [[...HEADER]], values(1)]);
    try {
      useExactPath(false);
      const a = ratesAndOptionOf(Range.trimmed(RATES), "Option B", "option");
      if (a instanceof SendError) throw new Error("fixture");
      expect(a.compiled).toBeNull();
      expect(invoke("ALLOCATE", [RATES, "Option B", [[...HEADER]], values(1)])).toBe(want);
    } finally {
      useExactPath(true);
    }
    const b = ratesAndOptionOf(Range.trimmed(RATES), "Option B", "option");
    expect(b instanceof SendError ? b : b.compiled).not.toBeNull(); // not the uncompiled entry of before
  });

  test("an inherited rate changed in the parent's column reaches the child option (a new table, no stale option)", () => {
    const changed = RATES.map((r) => [...r]);
    changed[PLACE_SPECIAL][2] = 12000; // Baseline's place.special; Option B inherits it
    expect(invoke("ALLOCATE", [RATES, "Option B", [[...HEADER]], values(1)])).toBe(10000);
    expect(invoke("ALLOCATE", [changed, "Option B", [[...HEADER]], values(1)])).toBe(12000);
    expect(invoke("ALLOCATE", [RATES, "Option B", [[...HEADER]], values(1)])).toBe(10000);
    // the same through frozen arrays (found by identity, as HyperFormula's range memo hands them)
    const frozenChanged = freezeGrid(changed.map((r) => [...r]));
    expect(invoke("ALLOCATE", [frozenChanged, "Option B", freezeGrid([[...HEADER]]), values(2)])).toBe(24000);
  });

  test("an option added to a table in place is found (content, not identity, keys a plain array)", () => {
    const rates = RATES.map((r) => [...r]);
    expect(ratesAndOptionOf(Range.trimmed(rates), "Notes", "option")).toBeInstanceOf(SendError);
    // the Notes column becomes an option with no rates of its own, inheriting Baseline
    rates.forEach((r, i) => (r[4] = i === 0 ? "Option C" : i === 2 ? "Baseline" : null));
    const r = ratesAndOptionOf(Range.trimmed(rates), "Option C", "option");
    expect(r).not.toBeInstanceOf(SendError);
    expect(invoke("ALLOCATE", [rates, "Option C", [[...HEADER]], values(3)])).toBe(30000);
  });

  test("a table-wide problem fails every option, and is not remembered past the fix", () => {
    const broken = RATES.map((r) => [...r]);
    broken[PLACE_SPECIAL][0] = "place.specail"; // an unknown key
    expect(ratesAndOptionOf(Range.trimmed(broken), "Baseline", "option")).toBeInstanceOf(SendError);
    broken[PLACE_SPECIAL][0] = "place.special";
    expect(ratesAndOptionOf(Range.trimmed(broken), "Baseline", "option")).not.toBeInstanceOf(SendError);
  });

  test("the spellings remembered per table are bounded", () => {
    const range = Range.trimmed(RATES);
    for (let i = 0; i < 300; i++) ratesAndOptionOf(range, `${" ".repeat(i)}Baseline`, "option");
    // past the bound a spelling is resolved every time, and still right
    const late = ratesAndOptionOf(range, `${" ".repeat(299)}Baseline`, "option");
    expect(late).not.toBe(ratesAndOptionOf(range, `${" ".repeat(299)}Baseline`, "option"));
    const first = ratesAndOptionOf(range, "Baseline", "option");
    if (late instanceof SendError || first instanceof SendError) throw new Error("fixture");
    expect(late.option).toEqual(first.option);
  });
});

describe("header readers and layouts", () => {
  test("a header row's layout is remembered with its reader; a changed header is a new layout", () => {
    const a = layoutOf(HEADER);
    if (a instanceof SendError) throw new Error(a.toString());
    expect(layoutOf([...HEADER])).toBe(a);
    expect(fieldReaderOf([...HEADER])).toBe(a.reader);
    const swapped = HEADER.map((h, i) => (i === 5 ? HEADER[6] : i === 6 ? HEADER[5] : h)); // EHCP bands swapped
    const b = layoutOf(swapped);
    if (b instanceof SendError) throw new Error(b.toString());
    expect(b).not.toBe(a);
    expect(b.ehcpBands).toEqual([...a.ehcpBands].reverse());
  });

  test("a table whose header changes in place is read under its new header", () => {
    const table = INSTITUTIONS.map((r) => [...r]);
    const before = invoke("ALLOCATEALL", [RATES, "Baseline", table]) as unknown[][];
    expect(before[1][0]).toBe(305000); // Beta: 5 in Band 1, 10 in Band 2
    [table[0][5], table[0][6]] = [table[0][6], table[0][5]]; // now 5 in Band 2, 10 in Band 1
    const after = invoke("ALLOCATEALL", [RATES, "Baseline", table]) as unknown[][];
    expect(after[1][0]).toBe(200000 + 5 * 8000 + 10 * 5000);
  });

  test("a changed header is a new reader; the cache is bounded", () => {
    const a = fieldReaderOf(HEADER);
    const renamed = HEADER.map((h, i) => (i === 7 ? "Notes" : h));
    expect(fieldReaderOf(renamed)).not.toBe(a);
    expect(fieldReaderOf([...HEADER])).toBe(a);
    for (let i = 0; i < CACHE_SIZE + 1; i++) fieldReaderOf([...HEADER, `Extra ${i}`]);
    const built = cacheStats.readersBuilt;
    fieldReaderOf([...HEADER, "Extra 0"]); // evicted: built again
    expect(cacheStats.readersBuilt).toBe(built + 1);
  });
});

describe("the rows of a table by block", () => {
  const beta = (out: unknown) => (out as unknown[][])[1][0];

  test("a table changed in place is computed afresh (a plain array is never remembered by identity)", () => {
    const table = INSTITUTIONS.map((r) => [...r]);
    expect(beta(invoke("ALLOCATEALL", [RATES, "Baseline", table, "High needs"]))).toBe(305000);
    table[2][7] = 30; // Beta's Places: 20 -> 30
    expect(beta(invoke("ALLOCATEALL", [RATES, "Baseline", table, "High needs"]))).toBe(405000);
    expect(beta(invoke("ALLOCATEALL", [RATES, "Baseline", table, "All"]))).toBe(405000);
  });

  test("a frozen table is remembered by identity under each option; another frozen table is its own", () => {
    const frozen = freezeGrid(INSTITUTIONS.map((r) => [...r]));
    const first = invoke("ALLOCATEALL", [RATES, "Baseline", frozen, "High needs"]);
    expect(beta(first)).toBe(305000);
    expect(beta(invoke("ALLOCATEALL", [RATES, "Option B", frozen, "High needs"]))).toBe(307500);
    expect(invoke("ALLOCATEALL", [RATES, "Baseline", frozen, "High needs"])).toEqual(first);
    const changed = freezeGrid(INSTITUTIONS.map((r, i) => (i === 2 ? r.map((c, j) => (j === 7 ? 30 : c)) : [...r])));
    expect(beta(invoke("ALLOCATEALL", [RATES, "Baseline", changed, "High needs"]))).toBe(405000);
  });
});

describe("what an institution table gave (rows, its own problems, each option's Totals)", () => {
  const problems = (out: unknown) => JSON.stringify(out);
  const withoutPlaceSpecial = () =>
    RATES.map((r, i) => (i === PLACE_SPECIAL ? r.map((c, j) => (j === 2 ? null : c)) : [...r]));

  test("a frozen table's rows and problems are read once; a plain array is read afresh", () => {
    const frozen = freezeGrid(INSTITUTIONS.map((r) => [...r]));
    const a = institutionsOf(Range.trimmed(frozen));
    expect(institutionsOf(Range.trimmed(frozen)).rows()).toBe(a.rows());
    expect(institutionsOf(Range.trimmed(frozen)).problems()).toBe(a.problems());
    const plain = INSTITUTIONS.map((r) => [...r]);
    expect(institutionsOf(Range.trimmed(plain)).rows()).not.toBe(institutionsOf(Range.trimmed(plain)).rows());
  });

  test("ALLOCATEALL and CHECK share an option's Totals on a frozen table; a changed rate is never served them", () => {
    const table = Range.trimmed(freezeGrid(INSTITUTIONS.map((r) => [...r])));
    const ro = ratesAndOptionOf(Range.trimmed(RATES), "Baseline", "option");
    if (ro instanceof SendError) throw new Error("fixture");
    const t = institutionsOf(table).totals(ro);
    expect(institutionsOf(table).totals(ro)).toBe(t);
    const changed = RATES.map((r) => [...r]);
    changed[PLACE_SPECIAL][2] = 11000;
    const rc = ratesAndOptionOf(Range.trimmed(changed), "Baseline", "option");
    if (rc instanceof SendError) throw new Error("fixture");
    const u = institutionsOf(table).totals(rc);
    expect(u).not.toBe(t);
    expect(u).toEqual(allocateTotals(rc, table.grid(), "table"));
    expect(u).not.toEqual(t);
  });

  test("SEND.CHECK on a frozen table sees a rate removed and put back (the same table, other rates)", () => {
    const table = freezeGrid(INSTITUTIONS.map((r) => [...r]));
    const ok = problems(invoke("CHECK", [RATES, "Baseline", table]));
    // the Totals of the unchanged rates, remembered on the table by ALLOCATEALL, are not the ones CHECK reads next
    invoke("ALLOCATEALL", [RATES, "Baseline", table]);
    const missing = problems(invoke("CHECK", [withoutPlaceSpecial(), "Baseline", table]));
    expect(missing).toContain("needs rate 'place.special'");
    const engine = check(withoutPlaceSpecial(), "Baseline", "rates", "option", INSTITUTIONS, "table");
    if (engine instanceof SendError) throw new Error("fixture");
    expect(missing).toBe(problems([["Option", "Key", "Problem"], ...engine.map((p) => [p.option, p.key, p.problem])]));
    expect(problems(invoke("CHECK", [RATES, "Baseline", table]))).toBe(ok);
  });

  test("SEND.CHECK on a plain table changed in place reads it afresh", () => {
    const table = INSTITUTIONS.map((r) => [...r]);
    const before = problems(invoke("CHECK", [RATES, "Baseline", table]));
    table[0][10] = "Colour"; // URN (ignored by design) becomes a header no formula reads
    const after = problems(invoke("CHECK", [RATES, "Baseline", table]));
    expect(after).not.toBe(before);
    expect(after).toContain("'Colour'");
  });
});

describe("options that allocate alike share error-free Totals on a frozen table", () => {
  const PROJ_YEARS = RATES.findIndex((r) => r[0] === "proj.years");
  /** the Notes column as Option C: Baseline's rates but for `own` (row → value) */
  const withC = (own: Record<number, number>) =>
    RATES.map((r, i) => {
      const row = [...r];
      row[4] = i === 0 ? "Option C" : i === 2 ? "Baseline" : (own[i] ?? null);
      return row;
    });
  const totalsOf = (rates: typeof RATES, option: string, table: Range) => {
    const ro = ratesAndOptionOf(Range.trimmed(rates), option, "option");
    if (ro instanceof SendError) throw new Error(ro.message);
    return institutionsOf(table).totals(ro);
  };

  test("an option differing only in proj.* keys gets the same Totals; one with a rate of its own does not", () => {
    const table = Range.trimmed(freezeGrid(INSTITUTIONS.map((r) => [...r])));
    const twin = withC({ [PROJ_YEARS]: 7 });
    const base = totalsOf(twin, "Baseline", table);
    expect(totalsOf(twin, "Option C", table)).toBe(base);
    const own = withC({ [PROJ_YEARS]: 7, [PLACE_SPECIAL]: 12000 });
    totalsOf(own, "Baseline", table);
    const c = totalsOf(own, "Option C", table);
    expect(c).not.toBe(base);
    expect(c).toEqual(
      allocateTotals(ratesAndOptionOf(Range.trimmed(own), "Option C", "option") as never, table.grid()),
    );
    expect(invoke("ALLOCATEALL", [own, "Option C", freezeGrid(INSTITUTIONS.map((r) => [...r]))])).toEqual(
      invoke("ALLOCATEALL", [own, "Option C", INSTITUTIONS.map((r) => [...r])]),
    );
  });

  test("Totals holding an error are not shared: the error names its own option", () => {
    const table = freezeGrid(INSTITUTIONS.map((r) => [...r]));
    // without Baseline's place.special, the Special rows fail naming the option
    const rates = withC({ [PROJ_YEARS]: 7 }).map((r, i) =>
      i === PLACE_SPECIAL ? r.map((c, j) => (j === 2 ? null : c)) : r,
    );
    const b = invoke("ALLOCATEALL", [rates, "Baseline", table]) as unknown[][];
    const c = invoke("ALLOCATEALL", [rates, "Option C", table]) as unknown[][];
    expect(String(b[1][0])).toContain("'Baseline'");
    expect(String(c[1][0])).toContain("'Option C'");
    expect(c).toEqual(invoke("ALLOCATEALL", [rates, "Option C", INSTITUTIONS.map((r) => [...r])]));
  });
});
