// SEND.CHECK: every problem of a rates table as rows (Option, Key, Problem), pointing at the cell.
import { check, isSendError, type CheckProblem, type Grid } from "./api";
import { planModel } from "../../src/model/model";

const run = (g: Grid, option: string | null = null): CheckProblem[] => {
  const r = check(g, option);
  if (isSendError(r)) throw new Error(r.message);
  return r;
};

describe("SEND.CHECK", () => {
  test("OK is an empty list", () => {
    expect(
      run([
        ["Factor", "A", "B"],
        ["inherits", null, "A"],
        ["place.ap", 10000, null],
        ["round.to", 1, 0.01],
      ]),
    ).toEqual([]);
  });

  test("each problem names option and key and points at its cell (0-based row and column)", () => {
    const p = run([
      ["Factor", "Notes", "A", "B"],
      ["place.ap", "", "ten", 5],
      ["plcae.fe", "", 1, 1],
      ["notional.be", "", 0.5, 2],
    ]);
    expect(p).toEqual([
      {
        option: "(all)",
        key: "plcae.fe",
        problem: "rates: unknown key 'plcae.fe' in row 3. Did you mean 'place.fe'?",
        row: 2,
        col: 0,
      },
      {
        option: "A",
        key: "place.ap",
        problem: "rate 'place.ap' of option 'A' is not a number: 'ten'.",
        row: 1,
        col: 2,
      },
      {
        option: "B",
        key: "notional.be",
        problem: "rate 'notional.be' of option 'B' is 2; it must be at least 0 and at most 1.",
        row: 3,
        col: 3,
      },
    ]);
  });

  test("an option with a bad inherits shows it once, on its inherits cell", () => {
    const p = run([
      ["Factor", "A", "B"],
      ["place.ap", 1, null],
      ["inherits", "B", "A"],
    ]);
    expect(p.map((x) => [x.option, x.key, x.row, x.col])).toEqual([
      ["A", "inherits", 2, 1],
      ["B", "inherits", 2, 2],
    ]);
    expect(p[0].problem).toBe("inheritance cycle: A -> B -> A.");
  });

  test("warnings about valid values that will surprise", () => {
    const p = run([
      ["Factor", "A"],
      ["notional.idaci", 0.5],
      ["idaci.primary.a", 1],
      ["notional.be", 0],
      ["ei.notional.guarantee", 6001],
    ]);
    expect(p.map((x) => x.key)).toEqual(["notional.idaci", "ei.notional.guarantee"]);
    expect(p[0].problem).toContain("idaci.primary.b"); // every missing unit value is named
    expect(p[0].problem).toContain("idaci.secondary.f");
    expect(p[0].problem).not.toContain("idaci.primary.a,");
    expect(p[1].problem).toBe("ei.notional.guarantee (6001) is more than element2.threshold (6000, the default).");
  });

  test("a named option: only that option's cells, plus what it inherits from unchecked ancestors", () => {
    const g: Grid = [
      ["Factor", "A", "B", "C"],
      ["inherits", null, "A", "B"],
      ["place.ap", "TBC", null, null],
      ["place.fe", "x", 6000, null],
      ["place.special", 1, 1, "y"],
    ];
    expect(run(g, "C").map((x) => [x.option, x.key, x.row, x.col])).toEqual([
      ["C", "place.special", 4, 3],
      ["C", "place.ap", 2, 1],
    ]); // place.fe is overridden by B
    expect(run(g, "C")[1].problem).toBe("rate 'place.ap' of option 'A' is not a number: 'TBC'. (inherited from 'A')");
    // checking every option lists A's cells once, under A
    expect(run(g).map((x) => [x.option, x.key])).toEqual([
      ["A", "place.ap"],
      ["A", "place.fe"],
      ["C", "place.special"],
    ]);
  });

  test("an unknown option argument is an error; a blank one checks every option", () => {
    const e = check(
      [
        ["Factor", "A"],
        ["place.ap", 1],
      ],
      "Z",
    );
    expect(isSendError(e) && e.kind).toBe("#VALUE!");
    expect(
      run(
        [
          ["Factor", "A", "B"],
          ["place.ap", "x", "y"],
        ],
        "",
      ).map((x) => x.option),
    ).toEqual(["A", "B"]);
  });

  test("a table without a Factor column is an error, not a list", () => {
    expect(isSendError(check([["Key", "A"]], null))).toBe(true);
  });
});

describe("options that allocate alike share their Totals in the institutions check", () => {
  // the pane's New model: Local (sample), Candidate A (inherits it), Unmitigated (Local + proj.* keys) and Mitigated
  // (Unmitigated + more proj.* keys), with the special top-ups and place.rb.unoccupied dropped so rows lack rates
  const plan = planModel({
    existing: [],
    national: "National 2024-25",
    candidates: [{ name: "Candidate A", inherits: "Local (sample)" }],
    sample: { count: 200 },
  });
  const sheet = (role: string) => plan.sheets.find((s) => s.role === role)!.rows as Grid;
  const table = sheet("institutions");
  const dropped = (grid: Grid) =>
    grid.filter((row) => !/^(topup\.special\.|place\.rb\.unoccupied$)/.test(String(row[0])));
  /** the table's missing-rate problems for one option (no row or column in the rates: they come from the table) */
  const fromTable = (ps: CheckProblem[] | ReturnType<typeof check>, option: string) =>
    (ps as CheckProblem[]).filter((p) => p.option === option && p.row === null && p.col === null).map((p) => p.problem);

  test("each option lacks the same rates for the same rows checked alone as checked with the others", () => {
    const rates = dropped(sheet("rates"));
    const all = check(rates, "", "rates", "option", table, "table");
    expect(isSendError(all)).toBe(false);
    const local = fromTable(all, "Local (sample)");
    expect(local.join("\n")).toContain("needs rate 'place.rb.unoccupied'");
    expect(local.join("\n")).toContain("topup.special.");
    for (const option of ["Local (sample)", "Candidate A", "Unmitigated", "Mitigated"]) {
      const alone = check(rates, option, "rates", "option", table, "table");
      expect(fromTable(all, option)).toEqual(fromTable(alone, option));
      expect(fromTable(all, option)).toEqual(local);
    }
  });

  test("an option with a rate of its own the others lack is not given their problems", () => {
    const rates = dropped(sheet("rates")).map((row) => [...row]);
    const header = rates[0].map(String);
    const at = rates.findIndex((row) => row[0] === "place.rb.fullyoccupied" || row[0] === "place.rb.occupied");
    const added = [
      ...rates.slice(0, at),
      header.map((h) => (h === "Factor" ? "place.rb.unoccupied" : h === "Candidate A" ? 9000 : null)),
      ...rates.slice(at),
    ];
    const all = check(added, "", "rates", "option", table, "table");
    const mine = fromTable(all, "Candidate A").join("\n");
    expect(mine).not.toContain("place.rb.unoccupied");
    expect(fromTable(all, "Unmitigated").join("\n")).toContain("needs rate 'place.rb.unoccupied'");
    expect(fromTable(all, "Candidate A")).toEqual(
      fromTable(check(added, "Candidate A", "rates", "option", table, "table"), "Candidate A"),
    );
  });
});
