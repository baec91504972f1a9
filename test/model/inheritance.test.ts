// The pane's and the paper's reading of inheritance goes through the engine's one walk (engine/rates.ts).
import { firstValue, findOptionIn, optionChain } from "../../src/model/inheritance";
import { inheritanceChain, readRatesTable, walkInherits } from "../../src/engine/rates";
import { SendError } from "../../src/engine/errors";
import { optionChanges } from "../../src/model/optionChanges";

const opts = [
  { name: "Baseline", inherits: null },
  { name: "Plan A", inherits: "baseline " },
  { name: "Plan B", inherits: "PLAN A" },
  { name: "Loop 1", inherits: "Loop 2" },
  { name: "Loop 2", inherits: "Loop 1" },
  { name: "Orphan", inherits: "Nowhere" },
];
const names = (name: string) => optionChain(opts, name).map((o) => o.name);

describe("optionChain", () => {
  test("an option, then its ancestors, names matched the contract's way", () => {
    expect(names("plan b")).toEqual(["Plan B", "Plan A", "Baseline"]);
    expect(findOptionIn(opts, " PLAN a")?.name).toBe("Plan A");
  });

  test("stops where the chain breaks: a cycle, an unknown parent, an unknown option", () => {
    expect(names("Loop 1")).toEqual(["Loop 1", "Loop 2"]);
    expect(names("Orphan")).toEqual(["Orphan"]);
    expect(names("Nobody")).toEqual([]);
  });

  test("firstValue takes the first option that holds a value", () => {
    const cells: Record<string, number | null> = { "Plan B": null, "Plan A": null, Baseline: 7 };
    expect(firstValue(optionChain(opts, "Plan B"), (o) => cells[o.name])).toEqual({ value: 7, from: "Baseline" });
    expect(firstValue(optionChain(opts, "Loop 1"), () => null)).toBeNull();
  });
});

describe("walkInherits is the engine's resolver too", () => {
  test("the stop says why the walk ended early", () => {
    const parent = (n: string) => findOptionIn(opts, n)?.inherits ?? null;
    const name = (n: string) => findOptionIn(opts, n)?.name;
    expect(walkInherits("Loop 1", parent, name).stop).toEqual({ kind: "cycle", chain: ["Loop 1", "Loop 2", "Loop 1"] });
    expect(walkInherits("Orphan", parent, name).stop).toEqual({
      kind: "unknownParent",
      option: "Orphan",
      parent: "Nowhere",
    });
    expect(walkInherits("Plan B", parent, name)).toEqual({ chain: ["Plan B", "Plan A", "Baseline"], stop: null });
  });

  test("inheritanceChain turns the stop into the error naming it", () => {
    const grid = [
      ["Factor", "Baseline", "A", "B", "C"],
      ["inherits", null, "B", "A", "Missing"],
    ];
    const t = readRatesTable(grid);
    if (t instanceof SendError) throw new Error(t.message);
    expect(inheritanceChain(t, "Baseline")).toEqual(["Baseline"]);
    const cycle = inheritanceChain(t, "A");
    expect(cycle instanceof SendError && cycle.message).toMatch(/A.*B.*A/);
    const unknown = inheritanceChain(t, "C");
    expect(unknown instanceof SendError && unknown.message).toMatch(/Missing/);
  });
});

describe("optionChanges reads the same chain", () => {
  test("a change is measured against what the parent chain gives; a broken chain gives what it reaches", () => {
    const grid = [
      ["Factor", "Baseline", "Plan A", "Plan B", "Loop"],
      ["inherits", null, "Baseline", "Plan A", "Loop"],
      ["place.special", 10000, null, 10500, 9000],
    ];
    const [, a, b, loop] = optionChanges(grid);
    expect(a.changes).toEqual([]);
    expect(b.changes.map((c) => [c.value, c.parent, c.parentFrom])).toEqual([[10500, 10000, "Baseline"]]);
    expect(loop.changes.map((c) => [c.value, c.parent])).toEqual([[9000, null]]);
  });
});
