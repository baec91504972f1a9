// explainFormula: parse a SEND formula, read its ranges through a port, re-run with a trace.
import type { Cell } from "../../src/engine/types";
import { CANNOT_EXPLAIN, explainFormula, parseSendFormula, splitRef } from "../../src/functions/explain";
import { HeadlessWorkbook } from "../../src/headless";
import { BASELINE, INSTITUTIONS, OPTION_B, RATES } from "../headless/functions/fixture";

const wb = HeadlessWorkbook.create({
  Rates: RATES,
  Institutions: INSTITUTIONS,
  "My sheet": [[100], [200], [300]],
  Calc: [],
  Mixed: [
    ["Name", "Phase", "Places"],
    ["Sp", "Special", 2],
    ["Ap", "AP", 2],
  ],
});
const reads: string[] = [];

/** A port's reader: the headless workbook, error cells as their text. */
async function read(ref: string): Promise<Cell[][]> {
  reads.push(ref);
  const { sheet, range } = splitRef(ref);
  return wb.getValues(sheet!, range).map((r) => r.map((v) => (v !== null && typeof v === "object" ? v.error : v)));
}

beforeEach(() => {
  reads.length = 0;
});

describe("parseSendFormula", () => {
  test("references, quoted strings, numbers, booleans, empty arguments", () => {
    expect(
      parseSendFormula(`=SEND.ALLOCATE(Rates!$A$1:$G$80,"Option ""B""",Institutions!$A$1:$AH$1,Institutions!A5:AH5)`),
    ).toEqual({
      fn: "SEND.ALLOCATE",
      args: [
        { kind: "ref", sheet: "Rates", range: "A1:G80" },
        { kind: "string", value: 'Option "B"' },
        { kind: "ref", sheet: "Institutions", range: "A1:AH1" },
        { kind: "ref", sheet: "Institutions", range: "A5:AH5" },
      ],
    });
    expect(parseSendFormula("=send.fit( 'My sheet'!B:B , -1.5e3, , 5%, TRUE )").args).toEqual([
      { kind: "ref", sheet: "My sheet", range: "B:B" },
      { kind: "number", value: -1500 },
      { kind: "empty" },
      { kind: "number", value: 0.05 },
      { kind: "boolean", value: true },
    ]);
    expect(parseSendFormula("=SEND.FACTORS()")).toEqual({ fn: "SEND.FACTORS", args: [] });
    expect(parseSendFormula("=@SEND.PROJECT(A1:E40, 'It''s'!C3, 3:5)").args).toEqual([
      { kind: "ref", sheet: null, range: "A1:E40" },
      { kind: "ref", sheet: "It's", range: "C3" },
      { kind: "ref", sheet: null, range: "3:5" },
    ]);
  });

  test.each([
    '=SEND.ALLOCATE(A1:B2,"x",C1&"",D1)',
    "=SEND.PAYBACK(100,SUM(A1:A3))",
    "=SEND.PAYBACK(100,50)+1",
    "=SEND.PAYBACK(100,50",
    '=SEND.BAND(A1,"x)',
    "=SEND.BAND(Rates,1,2)",
  ])("%s cannot be explained", (f) => {
    expect(() => parseSendFormula(f)).toThrow();
  });
});

describe("explainFormula", () => {
  test("SEND.ALLOCATE: the value and the engine's trace (rates, counts, the option each rate came from)", async () => {
    const x = await explainFormula(
      `=SEND.ALLOCATE(Rates!$A$1:$E$40,"Option B",Institutions!$A$1:$K$1,Institutions!A2:K2)`,
      read,
      "Calc",
    );
    expect(x.fn).toBe("SEND.ALLOCATE");
    expect(x.error).toBeUndefined();
    expect(x.value).toBe(OPTION_B.Alpha);
    expect(reads).toEqual(["Rates!A1:E40", "Institutions!A1:K1", "Institutions!A2:K2"]);
    const be = x.lines.find((l) => l.key === "be.primary")!;
    expect(be).toMatchObject({ component: "Notional SEN", from: "Option B", rate: "3100.33", count: "200" });
    const fsm = x.lines.find((l) => l.key === "fsm.primary")!;
    expect(fsm.from).toBe("Baseline"); // inherited
    expect(x.lines[x.lines.length - 1]).toMatchObject({ component: "Total", amount: String(OPTION_B.Alpha) });
  });

  test("SEND.BREAKDOWN: the grid as its value, and the trace", async () => {
    const x = await explainFormula(
      `=SEND.BREAKDOWN(Rates!A1:E40,"Baseline",Institutions!A1:K1,Institutions!A3:K3)`,
      read,
      "Calc",
    );
    expect((x.value as unknown[][])[6]).toEqual(["Total", null, BASELINE.Beta]);
    expect(x.lines.some((l) => l.key === "place.special" && l.count === "20")).toBe(true);
  });

  test("unqualified references are on the formula's sheet; quoted sheet names work", async () => {
    const x = await explainFormula("=SEND.FIT('My sheet'!A1:A3,1200)", read, "Calc");
    expect(x.value).toEqual([[200], [400], [600]]);
    expect(reads).toEqual(["'My sheet'!A1:A3"]);
    const y = await explainFormula("=SEND.PAYBACK(A1,A2)", read, "My sheet");
    expect(y.value).toBe(0.5);
    expect(reads.slice(1)).toEqual(["'My sheet'!A1", "'My sheet'!A2"]);
  });

  test("other functions: a line per argument and one for the result", async () => {
    const x = await explainFormula(`=SEND.TOPUP(Rates!A1:E40,"Baseline","special","Band 2",6,0.5)`, read, "Calc");
    expect(x.value).toBe(2000);
    expect(x.lines.map((l) => l.label)).toEqual([
      "rates = Rates!A1:E40 (40 × 5 cells)",
      'option = "Baseline"',
      'setting = "special"',
      'band = "Band 2"',
      "months = 6",
      "fte = 0.5",
      "result: 2000",
    ]);
    const p = await explainFormula(`=SEND.PROJECT(Rates!A1:E40,"Baseline")`, read, "Calc");
    expect(p.lines[p.lines.length - 1].label).toBe("result: a spill of 4 × 5 cells");
  });

  test("a failing formula explains its error", async () => {
    const x = await explainFormula(
      `=SEND.ALLOCATE(Rates!A1:E40,"Option C",Institutions!A1:K1,Institutions!A2:K2)`,
      read,
      "Calc",
    );
    expect(x.value).toBeUndefined();
    expect(x.error).toEqual({
      kind: "#VALUE!",
      message: "option: unknown option 'Option C'. Options: 'Baseline', 'Option B'. Did you mean 'Option B'?",
    });
    expect(x.lines[1].label).toBe('option = "Option C"');
  });

  test("a cell of an ALLOCATEALL spill is its row's institution: its value or error, and its own trace", async () => {
    const f = `=SEND.ALLOCATEALL(Rates!A1:E40,"Baseline",Mixed!A:C)`;
    const first = await explainFormula(f, read, "Calc");
    expect(first).toMatchObject({ fn: "SEND.ALLOCATEALL", value: 20000 });
    const perCell = await explainFormula(
      `=SEND.ALLOCATE(Rates!A1:E40,"Baseline",Mixed!A1:C1,Mixed!A2:C2)`,
      read,
      "Calc",
    );
    expect(first.lines).toEqual(perCell.lines);
    expect(first.lines[first.lines.length - 1].component).toBe("Total");
    const second = await explainFormula(f, read, "Calc", { row: 1, col: 0 });
    expect(second.value).toBeUndefined();
    expect(second.error).toEqual({
      kind: "#N/A",
      message: "option 'Baseline' has no rate 'place.ap' (needed for place funding (Places = 2)).",
    });
    const outside = await explainFormula(
      `=SEND.ALLOCATE(Rates!A1:E40,"Baseline",Mixed!A1:C1,Mixed!A2:C2)`,
      read,
      "Calc",
      {
        row: 1,
        col: 0,
      },
    );
    expect(outside.error?.kind).toBe("cannot explain");
  });

  test.each([
    ["=SUM(A1:A3)", "SUM is not a SEND function."],
    ["=SEND.NOPE(1)", "SEND.NOPE is not a SEND function."],
    ["=SEND.PAYBACK(100,A1*2)", "only references, text, numbers and TRUE/FALSE can be explained"],
  ])("%s: cannot explain", async (f, message) => {
    const x = await explainFormula(f, read, "Calc");
    expect(x.error!.kind).toBe(CANNOT_EXPLAIN);
    expect(x.error!.message).toContain(message);
  });

  test("a reader failure is reported, not thrown", async () => {
    const x = await explainFormula("=SEND.PAYBACK(Nowhere!A1,1)", read, "Calc");
    expect(x.error).toEqual({
      kind: CANNOT_EXPLAIN,
      message: expect.stringContaining("could not read Nowhere!A1: no sheet named 'Nowhere'"),
    });
  });
});
