import { PreviewPort } from "../../src/taskpane/ports/PreviewPort";
import { discoverModel, effectiveValue, refsFor } from "../../src/taskpane/workbook/discover";
import { cellBlocks, OverwriteDeclined, writeConfirmed } from "../../src/taskpane/workbook/confirm";
import { validateRate } from "../../src/taskpane/workbook/validation";
import { forHost } from "../../src/taskpane/ports/cells";
import { planModel } from "../../src/model/model";
import { createModel, CHUNK_ROWS } from "../../src/taskpane/actions/createModel";
import { MemoryBook } from "./helpers/memoryBook";
import { NATIONAL } from "./helpers/setup";

async function model(count: number) {
  const book = new MemoryBook();
  const port = new PreviewPort(book, async () => ({ fn: "", lines: [] }));
  const plan = planModel({
    existing: [],
    national: NATIONAL,
    candidates: [{ name: "Option A", inherits: "Local (sample)" }],
    sample: { count },
  });
  const progress: string[] = [];
  await createModel(
    port,
    plan,
    async () => false,
    (d, t, label) => progress.push(`${d}/${t} ${label}`),
  );
  return { port, book, plan, progress };
}

describe("createModel + discoverModel", () => {
  it("writes long sheets in chunks, reporting progress, and finds the model again", async () => {
    const { port, plan, progress } = await model(CHUNK_ROWS + 5);
    expect(progress.filter((p) => p.includes("Wrote Institutions"))).toEqual([
      `6/12 Wrote Institutions rows 1-100`,
      `7/12 Wrote Institutions rows 101-106`,
    ]);
    expect(progress[progress.length - 1]).toBe("12/12 Formatted allocations");
    const m = await discoverModel(port);
    expect(m.rates?.sheet).toBe("Rates");
    expect(m.rates?.options.map((o) => [o.name, o.inherits])).toEqual([
      [NATIONAL, null],
      ["Local (sample)", NATIONAL],
      ["Option A", "Local (sample)"],
      ["Unmitigated", "Local (sample)"],
      ["Mitigated", "Unmitigated"],
    ]);
    expect(m.rates?.ref).toBe(plan.refs.rates);
    expect(m.institutions).toMatchObject({ sheet: "Institutions", count: 105 });
    expect(m.institutions?.names[0]).toBe("Synthetic Primary 01");
    expect(m.allocations).toEqual({
      sheet: "Allocations",
      columns: [
        { option: "Local (sample)", col: 3 },
        { option: "Option A", col: 4 },
      ],
      count: 105,
      width: 4,
    });
    expect(m.checks).toBe("Checks");
    expect(refsFor(m)?.table).toBe(plan.refs.table);
    expect(effectiveValue(m.rates!, "Option A", "topup.special.band1")).toEqual({
      value: 11088,
      from: "Local (sample)",
    });
    expect(effectiveValue(m.rates!, "Option A", "place.special")).toEqual({ value: 10000, from: NATIONAL });
    expect(effectiveValue(m.rates!, "Option A", "no.such.key")).toBeNull();
  });

  it("finds an older model's per-cell SEND.ALLOCATE columns, and never a Blocks sheet's spills", async () => {
    const per = (i: number, o: string) =>
      `=SEND.ALLOCATE(Rates!$A$1:$Z$200,"${o}",Institutions!$A$1:$C$1,Institutions!A${i + 1}:C${i + 1})`;
    const port = new PreviewPort(
      new MemoryBook({
        Rates: [
          ["Factor", "Description", "Unit", "National", "Option A"],
          ["topup.mainstream.band1", "Top-up", "£/pupil", 4000, null],
        ],
        Institutions: [
          ["Name", "Phase", "EHCP Band 1"],
          ["Ash", "Primary", 2],
          ["Oak", "Primary", 1],
        ],
        Blocks: [
          ["Name", "Phase", "National: Schools"],
          [
            '=Institutions!A2&""',
            '=Institutions!B2&""',
            '=SEND.ALLOCATEALL(Rates!$A$1:$Z$200,"National",Institutions!$A$1:$C$3,"Schools")',
          ],
        ],
        Allocations: [
          ["Name", "Phase", "National", "Option A"],
          ['=Institutions!A2&""', '=Institutions!B2&""', per(1, "National"), per(1, "Option A")],
          ['=Institutions!A3&""', '=Institutions!B3&""', per(2, "National"), per(2, "Option A")],
        ],
      }),
      async () => ({ fn: "", lines: [] }),
    );
    const m = await discoverModel(port);
    expect(m.allocations).toEqual({
      sheet: "Allocations",
      columns: [
        { option: "National", col: 3 },
        { option: "Option A", col: 4 },
      ],
      count: 2,
      width: 4,
    });
    expect(m.rates?.ref).toBe("Rates!$A$1:$Z$200");
  });

  it("refuses to run a stale plan over sheets that now exist", async () => {
    const { port, plan } = await model(2);
    await expect(createModel(port, plan, async () => true)).rejects.toThrow("A sheet named 'Rates' already exists");
  });
});

describe("writeConfirmed", () => {
  it("asks only when needed and throws OverwriteDeclined when the user keeps the cells", async () => {
    const book = new MemoryBook({ S: [[1]] });
    const port = new PreviewPort(book, async () => ({ fn: "", lines: [] }));
    const asked: string[][] = [];
    expect(
      await writeConfirmed(
        port,
        { sheet: "S", kind: "values", blocks: [{ topLeft: "B1", rows: [[2]] }] },
        async (a) => {
          asked.push(a);
          return true;
        },
      ),
    ).toEqual(["S!B1"]);
    expect(asked).toEqual([]);
    await expect(
      writeConfirmed(port, { sheet: "S", kind: "values", blocks: [{ topLeft: "A1", rows: [[3]] }] }, async (a) => {
        asked.push(a);
        return false;
      }),
    ).rejects.toBeInstanceOf(OverwriteDeclined);
    expect(book.getValues("S", "A1")).toEqual([[1]]);
    expect(
      await writeConfirmed(
        port,
        { sheet: "S", kind: "values", blocks: [{ topLeft: "A1", rows: [[3]] }] },
        async (a) => {
          asked.push(a);
          return true;
        },
      ),
    ).toEqual(["S!A1"]);
    expect(asked).toEqual([["S!A1"], ["S!A1"]]);
    expect(book.getValues("S", "A1")).toEqual([[3]]);
  });

  it("groups single cells into vertical runs", () => {
    expect(
      cellBlocks([
        { row: 3, col: 2, value: 1 },
        { row: 2, col: 2, value: 0 },
        { row: 5, col: 2, value: 3 },
        { row: 1, col: 4, value: "x" },
      ]),
    ).toEqual([
      { topLeft: "B2", rows: [[0], [1]] },
      { topLeft: "B5", rows: [[3]] },
      { topLeft: "D1", rows: [["x"]] },
    ]);
  });
});

describe("validateRate", () => {
  const options = ["National 2024-25", "Option A"];
  it("accepts money with £ and commas, and percentages only for fractions", () => {
    expect(validateRate("be.primary", "£3,562.50", options)).toMatchObject({ ok: true, value: 3562.5 });
    expect(validateRate("notional.be", "5%", options)).toMatchObject({ ok: true, value: 0.05 });
    expect(validateRate("notional.be", "0.05", options)).toMatchObject({ ok: true, value: 0.05 });
    expect(validateRate("be.primary", "5%", options)).toEqual({
      ok: false,
      message: "be.primary is in £/pupil, not a percentage.",
    });
  });
  it("checks bounds and numbers", () => {
    expect(validateRate("round.to", "0", options)).toEqual({
      ok: false,
      message: "round.to must be more than 0 (£); you entered 0.",
    });
    expect(validateRate("ey.weeks", "60", options)).toEqual({
      ok: false,
      message: "ey.weeks must be at least 0 and at most 52 (weeks); you entered 60.",
    });
    expect(validateRate("place.special", "ten", options)).toEqual({
      ok: false,
      message: "'ten' is not a number (place.special is in £/place/year).",
    });
    expect(validateRate("proj.opening", "-4,000,000", options)).toMatchObject({ ok: true, value: -4000000 });
  });
  it("suggests the nearest key for a typo and treats blank as clear", () => {
    expect(validateRate("plcae.special", "1", options)).toEqual({
      ok: false,
      message: "'plcae.special' is not a rates key. Did you mean 'place.special'?",
    });
    expect(validateRate("place.special", " ", options)).toMatchObject({ ok: true, value: null });
  });
  it("checks inherits names an option other than itself", () => {
    expect(validateRate("inherits", "option a", options, "B")).toMatchObject({ ok: true, value: "Option A" });
    expect(validateRate("inherits", "Option A", options, "Option A")).toEqual({
      ok: false,
      message: "An option cannot inherit from itself.",
    });
    expect(validateRate("inherits", "Nope", options).ok).toBe(false);
  });
  it("reads money as an officer types it", () => {
    expect(validateRate("proj.grant", "£1.2m", options)).toMatchObject({ ok: true, value: 1200000 });
    expect(validateRate("proj.grant.growth", "3%", options)).toMatchObject({ ok: true, value: 0.03 });
  });
});

describe("forHost", () => {
  it("escapes text Excel would read as a formula", () => {
    expect(["=a", "+1", "-b", "@c", "'d", "e", 5, null].map((c) => forHost(c, "values"))).toEqual([
      "'=a",
      "'+1",
      "'-b",
      "'@c",
      "''d",
      "e",
      5,
      null,
    ]);
    expect(forHost("=SEND.CHECK(x)", "formulas")).toBe("=SEND.CHECK(x)");
  });
});
