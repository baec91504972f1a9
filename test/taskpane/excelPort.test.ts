// ExcelPort against office-addin-mock: the exact ranges, values, formulas and formats it writes, and
// that it writes nothing over existing cells without confirmation.
import { OfficeMockObject } from "office-addin-mock";
import { ExcelPort } from "../../src/taskpane/ports/ExcelPort";
import type { ExplainFn } from "../../src/taskpane/ports/WorkbookPort";

type Dict = Record<string, unknown>;

/** A range the code under test may ask for; anything else throws "unexpected range". */
function range(
  init: { values?: unknown[][]; formulas?: unknown[][]; valueTypes?: string[][] } = {},
  log: string[] = [],
  name = "",
) {
  return {
    values: init.values ?? [[""]],
    formulas: init.formulas ?? init.values ?? [[""]],
    valueTypes:
      init.valueTypes ??
      (init.values ?? [[""]]).map((r) =>
        r.map((v) => (v === "" ? "Empty" : typeof v === "number" ? "Double" : "String")),
      ),
    numberFormat: [[]],
    select() {
      log.push(`select ${name}`);
    },
  };
}

function sheetMock(ranges: Record<string, Dict>, log: string[], extra: Dict = {}) {
  return {
    ranges,
    getRange(this: { ranges: Dict }, a: string) {
      const r = this.ranges[a];
      if (!r) throw new Error(`unexpected range ${a}`);
      return r;
    },
    activate() {
      log.push("activate");
    },
    ...extra,
  };
}

function makeExcel(sheets: Record<string, Dict>, workbookExtra: Dict = {}) {
  const data = {
    context: {
      workbook: {
        worksheets: {
          items: Object.keys(sheets).map((name) => ({ name })),
          ...Object.fromEntries(Object.entries(sheets).map(([n, s]) => [`sheet:${n}`, s])),
          getItem(this: Dict, name: string) {
            const s = this[`sheet:${name}`];
            if (!s) throw new Error(`ItemNotFound: ${name}`);
            return s;
          },
        },
        tables: { items: [{ name: "Institutions" }] },
        ...workbookExtra,
      },
    },
    run: async function (this: { context: unknown }, cb: (ctx: unknown) => Promise<unknown>) {
      return cb(this.context);
    },
  };
  const mock = new OfficeMockObject(data) as unknown as Dict & { context: { workbook: { worksheets: Dict } } };
  (globalThis as Dict).Excel = mock;
  return mock;
}

const sheetOf = (mock: ReturnType<typeof makeExcel>, name: string) =>
  mock.context.workbook.worksheets[`sheet:${name}`] as Dict & { ranges: Record<string, Dict> };
const noExplain: ExplainFn = async () => {
  throw new Error("not expected");
};
const port = (explain: ExplainFn = noExplain) =>
  new ExcelPort({ explain, settle: { delayMs: 0, maxDelayMs: 0 }, sleep: async () => {} });

describe("ExcelPort reads", () => {
  it("lists sheets and tables", async () => {
    makeExcel({ Rates: sheetMock({}, []), Allocations: sheetMock({}, []) });
    expect(await port().sheetNames()).toEqual(["Rates", "Allocations"]);
    expect(await port().tableNames()).toEqual(["Institutions"]);
  });

  it("reads values with error cells as errors and blanks as null", async () => {
    makeExcel({
      Rates: sheetMock(
        { "A1:C1": range({ values: [["Factor", 3, "#N/A"]], valueTypes: [["String", "Double", "Error"]] }) },
        [],
      ),
    });
    expect(await port().readValues("Rates", "A1:C1")).toEqual([["Factor", 3, { error: "#N/A" }]]);
  });

  /** Sheet S: A1 reads #BUSY! for the first `busyReads` reads, then 42. Returns how many reads were made. */
  function busyFor(busyReads: number): () => number {
    const busy = range({ values: [["#BUSY!"]], valueTypes: [["Error"]] });
    const done = range({ values: [[42]] });
    let calls = 0;
    makeExcel({
      S: {
        ...sheetMock({}, []),
        busy,
        done,
        getRange(this: Dict) {
          return ++calls <= busyReads ? this.busy : this.done;
        },
      },
    });
    return () => calls;
  }

  it("waits for custom functions still computing (#BUSY!)", async () => {
    const calls = busyFor(1);
    expect(await port().readValues("S", "A1")).toEqual([[42]]);
    expect(calls()).toBe(2);
  });

  it("never gives up on #BUSY!: polls with a growing, capped delay and says it is still calculating", async () => {
    const calls = busyFor(60); // far beyond the old 20 × 250 ms give-up
    const sleeps: number[] = [];
    const heard: boolean[] = [];
    const p = new ExcelPort({
      explain: noExplain,
      settle: { delayMs: 250, maxDelayMs: 2000 },
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    const off = p.onCalculating((c) => heard.push(c));
    expect(await p.readValues("S", "A1")).toEqual([[42]]);
    off();
    expect(calls()).toBe(61);
    expect(sleeps.slice(0, 4)).toEqual([250, 375, 563, 845]);
    expect(Math.max(...sleeps)).toBe(2000);
    expect(heard).toEqual([true, false]);
  });

  it("gives the used range without the sheet name, or null for a blank sheet", async () => {
    makeExcel({
      Full: sheetMock({}, [], {
        used: { address: "Full!A1:F20", values: [[""]] },
        getUsedRange(this: Dict) {
          return this.used;
        },
      }),
      Blank: sheetMock({}, [], {
        used: { address: "Blank!A1", values: [[""]] },
        getUsedRange(this: Dict) {
          return this.used;
        },
      }),
      "My sheet": sheetMock({}, [], {
        used: { address: "'My sheet'!A1", values: [["x"]] },
        getUsedRange(this: Dict) {
          return this.used;
        },
      }),
    });
    expect(await port().usedRange("Full")).toBe("A1:F20");
    expect(await port().usedRange("Blank")).toBeNull();
    expect(await port().usedRange("My sheet")).toBe("A1");
  });

  it("reads the active cell", async () => {
    makeExcel(
      {},
      {
        active: {
          address: "'Compare A vs B'!C2",
          formulas: [["=SEND.COMPARE(1)"]],
          values: [["#VALUE!"]],
          valueTypes: [["Error"]],
        },
        getActiveCell(this: Dict) {
          return this.active;
        },
      },
    );
    expect(await port().getSelection()).toEqual({
      sheet: "Compare A vs B",
      address: "C2",
      formula: "=SEND.COMPARE(1)",
      value: { error: "#VALUE!" },
    });
  });
});

describe("ExcelPort writes", () => {
  it("writes formulas to exactly the block's range and returns it", async () => {
    const mock = makeExcel({
      Allocations: sheetMock(
        {
          "A1:C2": range({
            values: [
              ["", "", ""],
              ["", "", ""],
            ],
          }),
        },
        [],
      ),
    });
    const rows = [
      ["Name", "Phase", "Option A"],
      [
        '=Institutions!A2&""',
        '=Institutions!C2&""',
        '=SEND.ALLOCATE(Rates!$A$1:$Z$200,"Option A",Institutions!$A$1:$X$1,Institutions!A2:X2)',
      ],
    ];
    const result = await port().write({ sheet: "Allocations", kind: "formulas", blocks: [{ topLeft: "A1", rows }] });
    expect(result).toEqual({ ok: true, touched: ["Allocations!A1:C2"] });
    expect(sheetOf(mock, "Allocations").ranges["A1:C2"].formulas).toEqual(rows);
  });

  it("refuses to overwrite non-empty cells without confirmation, and lists them", async () => {
    const existing = [
      [1000, ""],
      ["", "=SEND.ALLOCATE(x)"],
    ];
    const mock = makeExcel({
      "Rates (2)": sheetMock(
        {
          "F2:G3": range({
            values: [
              [1000, ""],
              ["", 5],
            ],
            formulas: existing,
          }),
        },
        [],
      ),
    });
    const req = {
      sheet: "Rates (2)",
      kind: "values" as const,
      blocks: [
        {
          topLeft: "F2",
          rows: [
            [1200, 7],
            [null, 9],
          ],
        },
      ],
    };
    expect(await port().write(req)).toEqual({
      ok: false,
      reason: "WouldOverwrite",
      addresses: ["'Rates (2)'!F2", "'Rates (2)'!G3"],
    });
    const r = sheetOf(mock, "Rates (2)").ranges["F2:G3"];
    expect(r.formulas).toEqual(existing);
    expect(r.values).toBe("Error, property was not loaded"); // never loaded, never assigned

    expect(await port().write({ ...req, confirmOverwrite: true })).toEqual({
      ok: true,
      touched: ["'Rates (2)'!F2:G3"],
    });
    // null leaves a cell as it is (Office.js semantics)
    expect(r.values).toEqual([
      [1200, 7],
      [null, 9],
    ]);
  });

  it("does not ask when the new content equals the old", async () => {
    makeExcel({ Rates: sheetMock({ B2: range({ values: [[6000]] }) }, []) });
    expect(await port().write({ sheet: "Rates", kind: "values", blocks: [{ topLeft: "B2", rows: [[6000]] }] })).toEqual(
      { ok: true, touched: ["Rates!B2"] },
    );
  });

  it("writes input text that looks like a formula as text", async () => {
    const mock = makeExcel({ Review: sheetMock({ "A1:E1": range({ values: [["", "", "", "", ""]] }) }, []) });
    await port().write({
      sheet: "Review",
      kind: "values",
      blocks: [{ topLeft: "A1", rows: [["=cmd|'/c calc'!A1", "+44 20", "-x", "@SUM(1)", "plain"]] }],
    });
    expect(sheetOf(mock, "Review").ranges["A1:E1"].values).toEqual([
      ["'=cmd|'/c calc'!A1", "'+44 20", "'-x", "'@SUM(1)", "plain"],
    ]);
  });

  it("keeps the pane's own formulas as formulas but escapes other formula-like text in a formulas write", async () => {
    const mock = makeExcel({ S: sheetMock({ "A1:B1": range({ values: [["", ""]] }) }, []) });
    await port().write({
      sheet: "S",
      kind: "formulas",
      blocks: [{ topLeft: "A1", rows: [["=SEND.CHECK(Rates!$A$1:$Z$200)", "-5% option"]] }],
    });
    expect(sheetOf(mock, "S").ranges["A1:B1"].formulas).toEqual([["=SEND.CHECK(Rates!$A$1:$Z$200)", "'-5% option"]]);
  });

  it("fails loudly for a missing sheet", async () => {
    makeExcel({});
    await expect(
      port().write({ sheet: "Nope", kind: "values", blocks: [{ topLeft: "A1", rows: [[1]] }] }),
    ).rejects.toThrow("ItemNotFound: Nope");
  });

  it("adds sheets and tables", async () => {
    const log: string[] = [];
    const table = {};
    const mock = makeExcel({
      Institutions: sheetMock({}, log, {
        table,
        tables: {
          add(this: Dict, address: string, headers: boolean) {
            log.push(`table ${address} ${headers}`);
            return this.parentTable;
          },
          parentTable: table,
        },
      }),
    });
    (mock.context.workbook.worksheets as Dict).add = (name: string) => {
      log.push(`add ${name}`);
    };
    await port().addSheet("Rates (2)");
    expect(await port().addTable("Institutions", "A1:X7", "Institutions2")).toEqual(["Institutions!A1:X7"]);
    expect(log).toEqual(["add Rates (2)", "table A1:X7 true"]);
    expect(((sheetOf(mock, "Institutions").tables as Dict).parentTable as Dict).name).toBe("Institutions2");
  });

  it("sets one number format on every cell of a range", async () => {
    const mock = makeExcel({ Allocations: sheetMock({ "C2:D4": range() }, []) });
    expect(await port().setNumberFormat("Allocations", "C2:D4", "#,##0.00")).toEqual(["Allocations!C2:D4"]);
    expect(sheetOf(mock, "Allocations").ranges["C2:D4"].numberFormat).toEqual([
      ["#,##0.00", "#,##0.00"],
      ["#,##0.00", "#,##0.00"],
      ["#,##0.00", "#,##0.00"],
    ]);
  });

  it("adds cell-value conditional formats", async () => {
    const log: string[] = [];
    const cf = () => ({ cellValue: { format: { font: {}, fill: {} } } });
    let n = 0;
    const target = {
      ...range(),
      conditionalFormats: {
        cf0: cf(),
        cf1: cf(),
        add(this: Dict, type: string) {
          log.push(`add ${type}`);
          return this[`cf${n++}`];
        },
      },
    };
    const mock = makeExcel({ Cmp: sheetMock({ "D2:E7": target }, log) });
    expect(
      await port().addConditionalFormat({
        sheet: "Cmp",
        range: "D2:E7",
        rules: [
          { operator: "lessThan", value: 0, fontColor: "#9C0006", fillColor: "#FFC7CE" },
          { operator: "greaterThan", value: 0, fontColor: "#006100" },
        ],
      }),
    ).toEqual(["Cmp!D2:E7"]);
    const cfs = sheetOf(mock, "Cmp").ranges["D2:E7"].conditionalFormats as Record<
      string,
      { cellValue: Dict & { format: { font: Dict; fill: Dict } } }
    >;
    expect(log).toEqual(["add CellValue", "add CellValue"]);
    expect(cfs.cf0.cellValue.rule).toEqual({ formula1: "=0", operator: "LessThan" });
    expect(cfs.cf0.cellValue.format.font.color).toBe("#9C0006");
    expect(cfs.cf0.cellValue.format.fill.color).toBe("#FFC7CE");
    expect(cfs.cf1.cellValue.rule).toEqual({ formula1: "=0", operator: "GreaterThan" });
    expect(cfs.cf1.cellValue.format.fill.color).toBeUndefined();
  });

  it("adds a native chart with one series per range and shared categories", async () => {
    const log: string[] = [];
    const ranges = { "A3:A7": range(), "E3:E7": range(), "K3:K7": range() };
    const nameOf = (r: unknown) => Object.entries(sheetOf(mock, "Projection").ranges).find(([, v]) => v === r)?.[0];
    const chart = {
      title: {},
      setPosition(a: string, b: string) {
        log.push(`position ${a} ${b}`);
      },
      series: {
        s0: {
          setXAxisValues(r: unknown) {
            log.push(`s0 x ${nameOf(r)}`);
          },
        },
        s1: {
          setValues(r: unknown) {
            log.push(`s1 values ${nameOf(r)}`);
          },
          setXAxisValues(r: unknown) {
            log.push(`s1 x ${nameOf(r)}`);
          },
        },
        getItemAt(this: Dict, i: number) {
          log.push(`item ${i}`);
          return this.s0;
        },
        add(this: Dict, name: string) {
          log.push(`add series ${name}`);
          return this.s1;
        },
      },
    };
    const mock = makeExcel({
      Projection: sheetMock(ranges, log, {
        charts: {
          chart,
          add(this: Dict, type: string, r: unknown, by: string) {
            log.push(`chart ${type} ${nameOf(r)} ${by}`);
            return this.chart;
          },
        },
      }),
    });
    expect(
      await port().addChart({
        sheet: "Projection",
        type: "line",
        title: "Cumulative balance",
        categories: "A3:A7",
        series: [
          { name: "Unmitigated", values: "E3:E7" },
          { name: "Mitigated", values: "K3:K7" },
        ],
        anchor: "A10:K27",
      }),
    ).toEqual(["Projection!A10:K27"]);
    expect(log).toEqual([
      "chart Line E3:E7 Columns",
      "position A10 K27",
      "item 0",
      "s0 x A3:A7",
      "add series Mitigated",
      "s1 values K3:K7",
      "s1 x A3:A7",
    ]);
    const c = (sheetOf(mock, "Projection").charts as Dict).chart as { title: Dict; series: { s0: Dict } };
    expect(c.title.text).toBe("Cumulative balance");
    expect(c.series.s0.name).toBe("Unmitigated");
  });

  it("selects a range on its sheet", async () => {
    const log: string[] = [];
    makeExcel({ Rates: sheetMock({ G14: range({}, log, "G14") }, log) });
    await port().selectRange("Rates", "G14");
    expect(log).toEqual(["activate", "select G14"]);
  });
});

describe("ExcelPort.explain", () => {
  const used = (address: string) => ({
    used: { address, values: [["x"]] },
    getUsedRange(this: Dict) {
      return this.used;
    },
  });

  it("hands the cell's formula to explain and reads each referenced range from its own sheet", async () => {
    const formula = '=SEND.ALLOCATE(Rates!$A$1:$B$2,"X",Institutions!$A$1:$B$1,Institutions!A2:B2)';
    makeExcel({
      Allocations: sheetMock({ C2: range({ formulas: [[formula]], values: [[5]] }) }, []),
      Rates: sheetMock(
        {
          "A1:B2": range({
            values: [
              ["Factor", "X"],
              ["be.primary", 3562],
            ],
          }),
        },
        [],
        used("Rates!A1:D9"),
      ),
      Institutions: sheetMock(
        { "A1:B1": range({ values: [["Name", "Phase"]] }), "A2:B2": range({ values: [["School", ""]] }) },
        [],
        used("Institutions!A1:B3"),
      ),
    });
    const seen: unknown[] = [];
    const explain: ExplainFn = async (f, read, sheet) => {
      seen.push(f, sheet, await read("Rates!$A$1:$B$2"), await read("Institutions!A2:B2"));
      return { fn: "ALLOCATE", value: 5, lines: [] };
    };
    expect(await port(explain).explain("Allocations", "C2")).toEqual({ fn: "ALLOCATE", value: 5, lines: [] });
    expect(seen).toEqual([
      formula,
      "Allocations",
      [
        ["Factor", "X"],
        ["be.primary", 3562],
      ],
      [["School", null]],
    ]);
  });

  it("reads only the used part of a reference: a whole column is not 5 million cells", async () => {
    const formula = '=SEND.ALLOCATEALL(Rates!A:B,"X",Institutions!A:B)';
    makeExcel({
      Allocations: sheetMock({ C2: range({ formulas: [[formula]], values: [[5]] }) }, []),
      Rates: sheetMock({ "A1:B2": range({ values: [["Factor", "X"]] }) }, [], used("Rates!A1:B2")),
      Institutions: sheetMock({ "A1:B3": range({ values: [["Name", "Phase"]] }) }, [], used("Institutions!B2:B3")),
    });
    const explain: ExplainFn = async (_f, read) => {
      await read("Rates!A:B"); // sheetMock throws on any other address
      await read("Institutions!$A:$B");
      return { fn: "ALLOCATEALL", value: 5, lines: [] };
    };
    expect(await port(explain).explain("Allocations", "C2")).toEqual({ fn: "ALLOCATEALL", value: 5, lines: [] });
  });

  it("refuses a cell without a formula", async () => {
    makeExcel({ S: sheetMock({ A1: range({ values: [[3]] }) }, []) });
    await expect(port().explain("S", "A1")).rejects.toThrow("S!A1 holds no formula");
  });
});
