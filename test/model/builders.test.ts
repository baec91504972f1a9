import { allocationCall, allocationsSheet } from "../../src/model/allocations";
import { checksSheet } from "../../src/model/checks";
import { compareSheet } from "../../src/model/compare";
import { fitColumn, fitFormula } from "../../src/model/fit";
import { bandsFromRates, institutionsHeader, rowFromRecord } from "../../src/model/institutions";
import { PROJECTION_FIELDS, projectionSheet } from "../../src/model/projection";
import { keyRowIndex, ratesColumns, ratesSheet } from "../../src/model/rates";
import { modelRefs, ratesExtent } from "../../src/model/refs";

const base = [
  ["Factor", "Description", "Unit", "Source", "National"],
  [null, "Schools formula", null, null, null],
  ["be.primary", "Basic entitlement", "£/pupil", "https://x", 3562],
  [null, "Top-up", null, null, null],
  ["topup.special.band1", "Top-up", "£/pupil/year", null, 11000],
  ["topup.special.Band 2", "Top-up", "£/pupil/year", null, 14000],
  ["ey.senif.low", "SENIF", "£/hour", null, 10],
];

describe("institutionsHeader", () => {
  it("lists the contract's fields with the given bands", () => {
    const h = institutionsHeader({ ehcp: ["Band 1", "Band 2"], senif: ["Low"] });
    expect(h.slice(0, 3)).toEqual(["Name", "URN", "Phase"]);
    expect(h).toContain("IDACI F");
    expect(h.filter((x) => x.startsWith("EHCP"))).toEqual(["EHCP Band 1", "EHCP Band 2"]);
    expect(h.filter((x) => x.startsWith("SENIF"))).toEqual(["SENIF Low"]);
    expect(h[h.length - 1]).toBe("Months");
  });
  it("takes band labels from the rates keys", () => {
    expect(bandsFromRates(base)).toEqual({ ehcp: ["Band 1", "Band 2"], senif: ["low"] });
    expect(bandsFromRates([["Factor", "X"]]).ehcp).toEqual(["Band 1", "Band 2", "Band 3"]);
  });
  it("places a record's fields by header, matching headers loosely", () => {
    expect(rowFromRecord(["Name", "Primary Pupils", "FSM"], { name: "A", primary_pupils: 10 })).toEqual([
      "A",
      10,
      null,
    ]);
  });
});

describe("ratesSheet", () => {
  it("appends blank candidate options that inherit, with an inherits row at the top", () => {
    const g = ratesSheet({ base, candidates: [{ name: "Option A", inherits: "National" }] });
    expect(g[0]).toEqual(["Factor", "Description", "Unit", "Source", "National", "Option A"]);
    expect(g[1][1]).toBe("General");
    expect(g[2].slice(0, 1)).toEqual(["inherits"]);
    expect(g[2][5]).toBe("National");
    expect(g[2][4]).toBeNull();
    const be = keyRowIndex(g, "BE.PRIMARY");
    expect(g[be]).toEqual(["be.primary", "Basic entitlement", "£/pupil", "https://x", 3562, null]);
    expect(base[0]).toHaveLength(5); // input untouched
  });
  it("adds missing keys under their section, or a new section at the bottom", () => {
    const g = ratesSheet({
      base,
      keys: [
        { key: "be.ks3", section: "Schools formula" },
        { key: "proj.years", section: "Projection" },
      ],
    });
    expect(keyRowIndex(g, "be.ks3")).toBe(keyRowIndex(g, "be.primary") + 1);
    expect(g[g.length - 2][1]).toBe("Projection");
    expect(g[g.length - 1][0]).toBe("proj.years");
  });
  it("places values by option and key and rejects unknown options or duplicates", () => {
    const g = ratesSheet({
      base,
      candidates: [{ name: "B" }],
      values: { b: { "be.primary": 4000, "ei.sensupport": 100 } },
    });
    expect(g[keyRowIndex(g, "be.primary")][5]).toBe(4000);
    expect(g[keyRowIndex(g, "ei.sensupport")][5]).toBe(100);
    expect(() => ratesSheet({ base, values: { Nope: { x: 1 } } })).toThrow(/Nope/);
    expect(() => ratesSheet({ base, candidates: [{ name: "national" }] })).toThrow(/exists/);
    expect(ratesColumns(g).options.map((o) => o.name)).toEqual(["National", "B"]);
  });
});

const header = institutionsHeader({ ehcp: ["Band 1"], senif: ["Band 1"] });
const refs = modelRefs({
  ratesSheet: "Rates (2)",
  ratesRows: 200,
  ratesCols: 26,
  institutionsSheet: "Institutions",
  header,
  count: 3,
});

describe("references and formulas", () => {
  it("computes ranges from names and sizes", () => {
    expect(header).toHaveLength(24);
    expect(refs.rates).toBe("'Rates (2)'!$A$1:$Z$200");
    expect(refs.table).toBe("Institutions!$A$1:$X$4");
    expect(refs.fields).toBe("Institutions!$A$1:$X$1");
    expect(refs.row(2)).toBe("Institutions!A3:X3");
    expect(refs.field(1, "phase")).toBe("Institutions!C2");
    expect(ratesExtent(40, 6)).toEqual({ rows: 200, cols: 26 });
    expect(ratesExtent(150, 20)).toEqual({ rows: 250, cols: 30 });
  });
  it("writes one spilling SEND.ALLOCATEALL per option, on the first data row", () => {
    const rows = allocationsSheet({ refs, options: ["National", 'Say "hi"'], count: 3 });
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual(["Name", "Phase", "National", 'Say "hi"']);
    expect(rows[1]).toEqual([
      '=Institutions!A2&""',
      '=Institutions!C2&""',
      "=SEND.ALLOCATEALL('Rates (2)'!$A$1:$Z$200,\"National\",Institutions!$A$1:$X$4)",
      '=SEND.ALLOCATEALL(\'Rates (2)\'!$A$1:$Z$200,"Say ""hi""",Institutions!$A$1:$X$4)',
    ]);
    expect(rows[3]).toEqual(['=Institutions!A4&""', '=Institutions!C4&""']);
  });
  it("recognises both layouts' allocation formulas, and not a block's spill", () => {
    expect(allocationCall('=SEND.ALLOCATEALL(Rates!$A$1:$Z$200,"A",Institutions!$A$1:$X$4)')).toEqual({
      fn: "ALLOCATEALL",
      rates: "Rates!$A$1:$Z$200",
      option: '"A"',
      table: "Institutions!$A$1:$X$4",
    });
    expect(
      allocationCall('=SEND.ALLOCATE(Rates!$A$1:$Z$200,"A",Institutions!$A$1:$X$1,Institutions!A2:X2)'),
    ).toMatchObject({ fn: "ALLOCATE", table: "Institutions!$A$1:$X$1" });
    expect(allocationCall('=SEND.ALLOCATEALL(Rates!$A$1:$Z$200,"A",Institutions!$A$1:$X$4,"Schools")')).toBeNull();
    expect(allocationCall("=SEND.CHECK(Rates!$A$1:$Z$200)")).toBeNull();
    expect(allocationCall(12)).toBeNull();
  });
  it("lays out a comparison spill", () => {
    const c = compareSheet({ refs, a: "National", b: "Option A", count: 3 });
    expect(c.rows).toEqual([['=SEND.COMPARE(\'Rates (2)\'!$A$1:$Z$200,"National","Option A",Institutions!$A$1:$X$4)']]);
    expect(c).toMatchObject({ spill: "A1:E5", names: "A2:A4", difference: "D2:D4", change: "E2:E4", total: "A5:E5" });
  });
  it("writes SEND.FIT with optional arguments", () => {
    expect(fitFormula({ amounts: "C2:C4", budget: 1000 })).toBe("=SEND.FIT(C2:C4,1000)");
    expect(fitFormula({ amounts: "C2:C4", budget: 1000, baseline: "D2:D4", floor: -0.005, cap: 0.05 })).toBe(
      "=SEND.FIT(C2:C4,1000,D2:D4,-0.005,0.05)",
    );
    expect(fitFormula({ amounts: "C2:C4", budget: 1000, baseline: "D2:D4", cap: 0.05 })).toBe(
      "=SEND.FIT(C2:C4,1000,D2:D4,,0.05)",
    );
    expect(() => fitFormula({ amounts: "C2:C4", budget: 1, floor: 0 })).toThrow(/baseline/);
    expect(fitColumn({ amounts: "C2:C4", budget: 5, header: "Fit" })).toEqual([["Fit"], ["=SEND.FIT(C2:C4,5)"]]);
  });
  it("lays out projections side by side", () => {
    const p = projectionSheet({ ratesRef: "Rates!$A$1:$Z$200", options: ["Unmitigated", "Mitigated"], years: 5 });
    expect(p.rows[0]).toEqual(["Unmitigated", null, null, null, null, null, "Mitigated", null, null, null, null]);
    expect(p.rows[1][6]).toBe('=SEND.PROJECT(Rates!$A$1:$Z$200,"Mitigated")');
    expect(p.blocks).toEqual([
      { option: "Unmitigated", spill: "A2:E7", cumulative: "E3:E7" },
      { option: "Mitigated", spill: "G2:K7", cumulative: "K3:K7" },
    ]);
    expect(p.years).toBe("A3:A7");
  });
  it("passes a forecast and the history it read to each projection", () => {
    const p = projectionSheet({
      ratesRef: "Rates!$A$1:$Z$200",
      options: ["Unmitigated"],
      years: 3,
      forecastRef: "Demand!$S$7:$W$55",
      historyRef: "Demand!$A$7:$Q$20",
    });
    expect(p.rows[1][0]).toBe('=SEND.PROJECT(Rates!$A$1:$Z$200,"Unmitigated",Demand!$S$7:$W$55,Demand!$A$7:$Q$20)');
  });
  it("knows every projection key of the contract", () => {
    const keys = PROJECTION_FIELDS.map((f) => f.key);
    expect(keys).toContain("proj.isp.cost");
    expect(keys).toContain("proj.shift");
    expect(new Set(keys).size).toBe(keys.length);
  });
  it("writes a whole-table SEND.CHECK", () => {
    expect(checksSheet(refs.rates)).toEqual([["=SEND.CHECK('Rates (2)'!$A$1:$Z$200)"]]);
  });
});
