// Reading a rates table: options, ignored columns, section headings, inheritance and validation.
import {
  D,
  findOptionName,
  isSendError,
  optionFromGrid,
  parseRates,
  readRatesTable,
  resolveOption,
  type Grid,
  type Option,
  type RatesTable,
} from "./api";
import { inheritanceChain, optionProblems, type Option as RatesOption } from "../../src/engine/rates";
import { normKey } from "../../src/engine/normalize";

const rateOf = (option: RatesOption, key: string) => option.rates.get(normKey(key));

function table(g: Grid): RatesTable {
  const t = parseRates(g);
  if (isSendError(t)) throw new Error(t.toString());
  return t;
}
function opt(g: Grid, name: string | null): Option {
  const o = optionFromGrid(g, name);
  if (isSendError(o)) throw new Error(o.toString());
  return o;
}

const G: Grid = [
  ["Factor", "Description", "Unit", "Baseline", "Source", "Option B", "Notes", "Option C", null],
  ["inherits", "", "", null, "", "Baseline", "", "option b", null],
  [null, "Place funding", null, null, null, null, null, null, null],
  ["place.special", "special place", "£", 10000, "https://example", null, "", 12000, null],
  ["topup.special.Band 3", "", "£", "£5,000", "", 7000, "", null, null],
  ["round.to", "", "£", null, "", 1, "", null, null],
  ["", "", "", "", "", "", "", "", ""],
];

describe("table structure", () => {
  test("options are the non-blank headers other than Factor, Description, Unit, Source and Notes, in column order", () => {
    const t = table(G);
    expect(t.optionNames).toEqual(["Baseline", "Option B", "Option C"]);
    expect([...t.keys.keys()]).toEqual(["inherits", "place.special", "topup.special.band3", "round.to"]);
    expect(t.keys.get("topup.special.band3")?.key).toBe("topup.special.Band 3"); // as written, for messages
  });

  test("the Factor column may be anywhere and spelt in any case", () => {
    const t = table([
      ["Baseline", "FACTOR "],
      [10000, "place.ap"],
    ]);
    expect(t.optionNames).toEqual(["Baseline"]);
    expect(rateOf(resolveOption(t, "") as Option, "place.ap")?.value.toString()).toBe("10000");
  });

  test("ragged rows (shorter than the header) read as blank cells", () => {
    const o = opt(
      [
        ["Factor", "A", "B"],
        ["inherits", null, "A"],
        ["place.ap", 5],
      ],
      "B",
    );
    expect(rateOf(o, "place.ap")?.value.toString()).toBe("5");
  });

  test("table-wide problems: no Factor column, no options, empty grid, duplicate options and keys, unknown keys", () => {
    const msg = (g: Grid) => {
      const t = parseRates(g);
      return isSendError(t) ? `${t.kind} ${t.message}` : "ok";
    };
    expect(msg([])).toMatch(/#VALUE! rates: needs a header row/);
    expect(msg([["Key", "A"]])).toMatch(/no 'Factor' column.*'Key', 'A'/);
    expect(
      msg([
        ["Factor", "Description", "Notes"],
        ["place.ap", "", ""],
      ]),
    ).toMatch(/no option columns/);
    expect(
      msg([
        ["Factor", "A", " a"],
        ["place.ap", 1, 2],
      ]),
    ).toMatch(/option 'a' appears in more than one column/);
    expect(
      msg([
        ["Factor", "A"],
        ["place.ap", 1],
        ["PLACE.AP", 2],
      ]),
    ).toMatch(/key 'PLACE.AP' appears twice \(rows 2 and 3\)/);
    expect(
      msg([
        ["Factor", "A"],
        ["place.ap", 1],
        ["plcae.ap", 2],
      ]),
    ).toMatch(/unknown key 'plcae.ap' in row 3. Did you mean 'place.ap'\?/);
  });

  test("readRatesTable collects every table problem; parseRates fails on the first", () => {
    const g: Grid = [
      ["Factor", "A", "a"],
      ["x.y", 1, 1],
      ["place.ap", 1, 1],
      ["place.ap", 1, 1],
    ];
    const t = readRatesTable(g);
    if (isSendError(t)) throw new Error(t.message);
    expect(t.tableProblems.map((p) => p.error.message)).toEqual([
      "rates: option 'a' appears in more than one column.",
      "rates: unknown key 'x.y' in row 2.",
      "rates: key 'place.ap' appears twice (rows 3 and 4).",
    ]);
    expect(t.tableProblems.map((p) => [p.row, p.col])).toEqual([
      [0, 2],
      [1, 0],
      [3, 0],
    ]);
    expect((parseRates(g) as { message: string }).message).toBe(t.tableProblems[0].error.message);
  });
});

describe("choosing an option", () => {
  const t = () => table(G);
  test("case-insensitive and trimmed; the header text is returned", () => {
    expect(findOptionName(t(), "  option B ")).toBe("Option B");
    expect(findOptionName(t(), "BASELINE")).toBe("Baseline");
  });
  test("blank only with exactly one option", () => {
    expect(
      findOptionName(
        table([
          ["Factor", "Notes", "Only"],
          ["place.ap", "", 1],
        ]),
        null,
      ),
    ).toBe("Only");
    const e = findOptionName(t(), "");
    expect(isSendError(e) && e.message).toBe(
      "option: name an option; the table has 3: 'Baseline', 'Option B', 'Option C'.",
    );
  });
  test("unknown: every option listed, the nearest suggested, the argument named", () => {
    const e = findOptionName(t(), "Option D", "optionB");
    expect(isSendError(e) && e.message).toBe(
      "optionB: unknown option 'Option D'. Options: 'Baseline', 'Option B', 'Option C'. Did you mean 'Option B'?",
    );
  });
  test("a number option name matches its header", () => {
    expect(
      findOptionName(
        table([
          ["Factor", 2024, 2025],
          ["place.ap", 1, 2],
        ]),
        2025,
      ),
    ).toBe("2025");
  });
});

describe("inheritance", () => {
  test("chains and where each value came from", () => {
    const c = opt(G, "Option C");
    expect(c.chain).toEqual(["Option C", "Option B", "Baseline"]);
    expect(rateOf(c, "place.special")).toMatchObject({ from: "Option C", row: 3, col: 7 });
    expect(rateOf(c, "topup.special.band3")).toMatchObject({ from: "Option B", key: "topup.special.Band 3" });
    expect(rateOf(c, "TOPUP.special.band 3")?.value.toString()).toBe("7000");
    expect(c.roundTo.toString()).toBe("1");
    const b = opt(G, "Option B");
    expect(rateOf(b, "place.special")).toMatchObject({ from: "Baseline" });
    expect((rateOf(b, "place.special")!.value as InstanceType<typeof D>).toString()).toBe("10000");
    expect(opt(G, "Baseline").roundTo.toString()).toBe("0.01"); // default
  });

  test("inherits is not a rate", () => {
    expect(rateOf(opt(G, "Option B"), "inherits")).toBeUndefined();
  });

  test("an explicit 0 is a value, a blank or whitespace cell is not", () => {
    const g: Grid = [
      ["Factor", "A", "B", "C"],
      ["inherits", null, "A", "A"],
      ["place.ap", 10000, 0, "  "],
    ];
    expect(rateOf(opt(g, "B"), "place.ap")?.value.toString()).toBe("0");
    expect(rateOf(opt(g, "C"), "place.ap")?.value.toString()).toBe("10000");
  });

  test("cycles and unknown parents", () => {
    const t = table([
      ["Factor", "A", "B", "C", "D"],
      ["inherits", "B", "C", "A", "Nope"],
    ]);
    const chain = inheritanceChain(t, "A");
    expect(isSendError(chain) && chain.message).toBe("inheritance cycle: A -> B -> C -> A.");
    const unknown = inheritanceChain(t, "D");
    expect(isSendError(unknown) && unknown.message).toBe("option 'D' inherits from unknown option 'Nope'.");
    expect(isSendError(resolveOption(t, "b"))).toBe(true);
  });

  test("resolving keeps no state: an option resolved twice is equal, made afresh (functions/memory.ts remembers)", () => {
    const t = table(G);
    const a = resolveOption(t, "option c");
    expect(a).toEqual(resolveOption(t, "Option C"));
    expect(a).not.toBe(resolveOption(t, "Option C"));
  });
});

describe("values", () => {
  test("numbers as text, percentages and accounting brackets are read; text is #VALUE!; out of range is #NUM!", () => {
    const g: Grid = [
      ["Factor", "A", "B", "C", "D"],
      ["notional.be", "5%", null, null, null],
      ["place.ap", "£10,000", "x", "(5)", null],
      ["round.to", null, null, null, 0],
    ];
    expect(rateOf(opt(g, "A"), "notional.be")?.value.toString()).toBe("0.05");
    expect(rateOf(opt(g, "A"), "place.ap")?.value.toString()).toBe("10000");
    const b = resolveOption(table(g), "B");
    expect(isSendError(b) && `${b.kind} ${b.message}`).toBe(
      "#VALUE! rate 'place.ap' of option 'B' is not a number: 'x'.",
    );
    const c = resolveOption(table(g), "C");
    expect(isSendError(c) && `${c.kind} ${c.message}`).toBe(
      "#NUM! rate 'place.ap' of option 'C' is -5; it must be at least 0.",
    );
    const d = resolveOption(table(g), "D");
    expect(isSendError(d) && `${d.kind} ${d.message}`).toBe(
      "#NUM! rate 'round.to' of option 'D' is 0; it must be more than 0.",
    );
  });

  test("optionProblems lists every bad cell of one option (its own cells only)", () => {
    const g: Grid = [
      ["Factor", "A", "B"],
      ["inherits", null, "A"],
      ["place.ap", "x", null],
      ["notional.be", 2, 3],
      ["place.fe", "y", 1],
    ];
    const t = table(g);
    expect(optionProblems(t, "A").map((p) => [p.key, p.error.kind, p.row, p.col])).toEqual([
      ["place.ap", "#VALUE!", 2, 1],
      ["notional.be", "#NUM!", 3, 1],
      ["place.fe", "#VALUE!", 4, 1],
    ]);
    expect(optionProblems(t, "B").map((p) => p.key)).toEqual(["notional.be"]);
  });

  test("booleans are not rates", () => {
    const o = optionFromGrid(
      [
        ["Factor", "A"],
        ["place.ap", true],
      ],
      "A",
    );
    expect(isSendError(o) && o.message).toContain("'TRUE'");
  });
});
