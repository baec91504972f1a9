// The README's "How to add a factor", followed literally: one entry in the key catalogue (keys.ts) with its
// term, and nothing else. Here the entry is added by a fixture, in a fresh module registry, before anything
// reads the catalogue; every function that allocates, on both paths, must then see the made-up factor.
import type { KeyInfo } from "../../src/engine/keys";
import type { Cell, Grid } from "./api";

/** A made-up factor: early intervention per FSM pupil, Primary/Secondary, default 0. */
const MADE_UP: KeyInfo = {
  key: "ei.fsm",
  description: "Early intervention per FSM pupil (made up by a test)",
  unit: "£/pupil",
  appliesTo: "Primary, Secondary",
  kind: "number",
  min: 0,
  default: 0,
  term: { component: "Early intervention", phases: ["Primary", "Secondary"], count: "fsm", what: "FSM" },
};

type Api = {
  invoke: (name: string, args: unknown[]) => unknown;
  useExactPath: (on: boolean) => void;
};

function withMadeUpFactor(): Api {
  let api: Api | undefined;
  jest.isolateModules(() => {
    const keys = require("../../src/engine/keys") as { KEY_CATALOGUE: KeyInfo[] };
    keys.KEY_CATALOGUE.push(MADE_UP);
    const { invoke } = require("../../src/functions/wrapper");
    const { useExactPath } = require("../../src/functions/memory");
    api = { invoke, useExactPath };
  });
  return api!;
}

const RATES: Grid = [
  ["Factor", "Base", "With"],
  ["be.primary", 3000, 3000],
  ["ei.fsm", null, 250.5],
];
const FIELDS: Cell[] = ["Name", "Phase", "Primary Pupils", "FSM", "Months"];
const OAK: Cell[] = ["Oak", "Primary", 100, 10, 6];
const ELM: Cell[] = ["Elm", "Special", 0, 10, 12];
// Oak under With: 10 × 250.5 = 2,505 a year, × 6/12 = 1,252.50; Base has no ei.fsm (default 0); a Special school never
// gets it
const OAK_EI = 1252.5;

describe.each([
  ["exact", true],
  ["decimal", false],
] as const)("a made-up factor added by one catalogue entry, %s path", (_p, exact) => {
  const { invoke, useExactPath } = withMadeUpFactor();
  beforeAll(() => useExactPath(exact));
  afterAll(() => useExactPath(true));

  test("ALLOCATE and BREAKDOWN", () => {
    expect(invoke("ALLOCATE", [RATES, "With", [FIELDS], [OAK]])).toBe(OAK_EI);
    expect(invoke("ALLOCATE", [RATES, "Base", [FIELDS], [OAK]])).toBe(0);
    const rows = invoke("BREAKDOWN", [RATES, "With", [FIELDS], [OAK]]) as Cell[][];
    expect(rows.find((r) => r[0] === "Early intervention")?.[2]).toBe(OAK_EI);
  });

  test("ALLOCATEALL", () => {
    expect(invoke("ALLOCATEALL", [RATES, "With", [FIELDS, OAK, ELM]])).toEqual([[OAK_EI], [0]]);
  });

  test("COMPARE", () => {
    const grid = invoke("COMPARE", [RATES, "Base", "With", [FIELDS, OAK, ELM]]) as Cell[][];
    expect(grid[1]).toEqual(["Oak", 0, OAK_EI, OAK_EI, null]);
    expect(grid[2]).toEqual(["Elm", 0, 0, 0, null]);
    expect(grid[3]).toEqual(["Total", 0, OAK_EI, OAK_EI, null]);
  });

  test("SEND.FACTORS lists it", () => {
    expect(invoke("FACTORS", []) as Cell[][]).toContainEqual([
      "ei.fsm",
      MADE_UP.description,
      "£/pupil",
      "Primary, Secondary",
    ]);
  });
});
