// functions/memory.ts, the function layer's one memory: a changed input is never served a stale value, and every
// cache is bounded. (The content and identity levels of the rates and header caches: wrapper.test.ts "caches".)
import { SendError } from "../../src/engine/errors";
import { Range, freezeGrid } from "../../src/functions/args";
import { CACHE_SIZE, cacheStats, clearCaches, fieldReaderOf, ratesAndOptionOf } from "../../src/functions/memory";
import { invoke } from "../../src/functions/wrapper";
import { HEADER, RATES } from "../headless/functions/fixture";

const values = (places: number) => [["x", "Special", null, null, null, null, null, places, null, null, null]];
const PLACE_SPECIAL = 10; // the row of place.special; column 2 is Baseline, column 3 Option B (inherits Baseline)

beforeEach(() => clearCaches());

describe("options are remembered with their rates table", () => {
  test("an option is resolved once per table and text, and found again", () => {
    const range = Range.trimmed(RATES);
    const a = ratesAndOptionOf(range, "Option B", "option");
    expect(ratesAndOptionOf(Range.trimmed(RATES.map((r) => [...r])), "Option B", "option")).toBe(a);
    expect(ratesAndOptionOf(range, " option b ", "option")).not.toBe(a); // another spelling: resolved afresh…
    expect(ratesAndOptionOf(range, " option b ", "option")).toEqual(a); // …to the same option
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
    expect(late).toEqual(ratesAndOptionOf(range, "Baseline", "option"));
  });
});

describe("header readers", () => {
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
