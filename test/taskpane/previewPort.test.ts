import { PreviewPort } from "../../src/taskpane/ports/PreviewPort";
import { MemoryBook, echoCalc } from "./helpers/memoryBook";

const explain = async () => ({ fn: "X", lines: [] });

describe("PreviewPort", () => {
  it("writes blocks, returns exactly the ranges touched, and notifies listeners", async () => {
    const book = new MemoryBook({ S: [] });
    const port = new PreviewPort(book, explain);
    let changes = 0;
    const stop = port.subscribe(() => changes++);
    expect(
      await port.write({
        sheet: "S",
        kind: "formulas",
        blocks: [
          { topLeft: "B2", rows: [[1, 2], [3]] },
          { topLeft: "E1", rows: [["=SEND.X()"]] },
        ],
      }),
    ).toEqual({ ok: true, touched: ["S!B2:C3", "S!E1"] });
    expect(book.getFormulas("S", "B2:C3")).toEqual([
      [1, 2],
      [3, null],
    ]);
    expect(changes).toBe(1);
    stop();
    await port.write({ sheet: "S", kind: "values", blocks: [{ topLeft: "A1", rows: [["x"]] }] });
    expect(changes).toBe(1);
  });

  it("refuses to overwrite without confirmation and leaves null cells as they are", async () => {
    const book = new MemoryBook({ S: [[1, 2, 3]] });
    const port = new PreviewPort(book, explain);
    const req = { sheet: "S", kind: "values" as const, blocks: [{ topLeft: "A1", rows: [[9, null, 3, 4]] }] };
    expect(await port.write(req)).toEqual({ ok: false, reason: "WouldOverwrite", addresses: ["S!A1"] });
    expect(book.getValues("S", "A1:D1")).toEqual([[1, 2, 3, null]]);
    expect(await port.write({ ...req, confirmOverwrite: true })).toEqual({ ok: true, touched: ["S!A1:D1"] });
    expect(book.getValues("S", "A1:D1")).toEqual([[9, 2, 3, 4]]);
  });

  it("does not break a spill when writing around it", async () => {
    const book = new MemoryBook({ S: [] }, (f, at, b) => (f === "=SPILL()" ? [[1], [2], [3]] : echoCalc(f, at, b)));
    const port = new PreviewPort(book, explain);
    await port.write({ sheet: "S", kind: "formulas", blocks: [{ topLeft: "A1", rows: [["=SPILL()"]] }] });
    // A2 holds a spilled value: a null there must not write anything over it
    await port.write({ sheet: "S", kind: "values", blocks: [{ topLeft: "A2", rows: [[null, "note"]] }] });
    expect(book.getValues("S", "A1:B3")).toEqual([
      [1, null],
      [2, "note"],
      [3, null],
    ]);
  });

  it("keeps formula-like input text as text", async () => {
    const book = new MemoryBook({ S: [] });
    const port = new PreviewPort(book, explain);
    await port.write({ sheet: "S", kind: "values", blocks: [{ topLeft: "A1", rows: [["=1+1", "@x", "'quoted"]] }] });
    expect(book.getFormulas("S", "A1:C1")).toEqual([["'=1+1", "'@x", "''quoted"]]);
    expect(await port.readValues("S", "A1:C1")).toEqual([["=1+1", "@x", "'quoted"]]);
  });

  it("records tables, charts, formats and the selection; rejects duplicates and unknown sheets", async () => {
    const port = new PreviewPort(new MemoryBook({ S: [[1]] }), explain);
    await port.addTable("S", "A1:B3", "T");
    await expect(port.addTable("S", "A1:B3", "t")).rejects.toThrow("already exists");
    await expect(port.addSheet("s")).rejects.toThrow("already exists");
    await expect(port.readValues("Nope", "A1")).rejects.toThrow("There is no sheet named 'Nope'.");
    expect(await port.tableNames()).toEqual(["T"]);
    await port.setNumberFormat("S", "A1:A3", "0.0%");
    expect(port.meta.numberFormats).toEqual([{ sheet: "S", range: "A1:A3", format: "0.0%" }]);
    await port.selectRange("S", "$A$1");
    expect(await port.getSelection()).toEqual({ sheet: "S", address: "A1", formula: 1, value: 1 });
  });

  it("explains a formula cell with its ranges read from the book", async () => {
    const book = new MemoryBook({ S: [["=SEND.X(T!A1:B1)"]], T: [[5, "a"]] }, () => [[0]]);
    const port = new PreviewPort(book, async (f, read, sheet) => ({
      fn: f,
      value: await read("T!$A$1:$B$1"),
      lines: [],
      error: { kind: sheet, message: "" },
    }));
    expect(await port.explain("S", "A1")).toEqual({
      fn: "=SEND.X(T!A1:B1)",
      value: [[5, "a"]],
      lines: [],
      error: { kind: "S", message: "" },
    });
    await expect(port.explain("T", "A1")).rejects.toThrow("T!A1 holds no formula");
  });
});
