import { planModel, SAMPLE_LOCAL_OPTION, tableName } from "../../src/model/model";
import { keyRowIndex, ratesColumns } from "../../src/model/rates";
import { sampleInstitutions } from "../../src/model/sample";
import { columnTotal, looksLikeFormula, summarySheet, valuesOnly } from "../../src/model/publish";
import { LIBRARY } from "../../src/engine/library";

const national = LIBRARY[1].name;

describe("planModel", () => {
  it("plans four sheets with unique names and consistent references", () => {
    const plan = planModel(
      { existing: ["Rates", "Sheet1"], national, candidates: [{ name: "Option A", inherits: national }] },
      ["Institutions"],
    );
    expect(plan.sheets.map((s) => s.name)).toEqual(["Rates (2)", "Institutions", "Allocations", "Checks"]);
    expect(plan.table).toEqual({
      sheet: "Institutions",
      range: `A1:${plan.refs.fields.split(":$")[1].replace(/\$\d+$/, "")}11`,
      name: "Institutions2",
    });
    expect(plan.count).toBe(10);
    const alloc = plan.sheets[2];
    expect(alloc.rows[0]).toEqual(["Name", "Phase", "Option A"]);
    expect(alloc.rows[1][2]).toContain("'Rates (2)'!$A$1:$Z$200");
    expect(alloc.range).toBe("A1:C11");
    const rates = plan.sheets[0].rows;
    expect(keyRowIndex(rates, "proj.shift")).toBeGreaterThan(0);
    expect(rates[keyRowIndex(rates, "inherits")][ratesColumns(rates).options[1].col]).toBe(national);
  });
  it("adds the sample local option, projection options and synthetic institutions", () => {
    const plan = planModel({
      existing: [],
      national,
      candidates: [{ name: "Option A", inherits: SAMPLE_LOCAL_OPTION }],
      sample: { count: 12 },
    });
    const opts = ratesColumns(plan.sheets[0].rows).options.map((o) => o.name);
    expect(opts).toEqual([national, SAMPLE_LOCAL_OPTION, "Option A", "Unmitigated", "Mitigated"]);
    expect(plan.allocationOptions).toEqual([SAMPLE_LOCAL_OPTION, "Option A"]);
    expect(plan.sheets[1].rows).toHaveLength(13);
    expect(plan.header).toContain("EHCP Band 3");
    expect(plan.sheets[1].rows[1][2]).toBe("Primary");
  });
  it("gives tables legal unique names", () => {
    expect(tableName("Institutions (2)", [])).toBe("Institutions2");
    expect(tableName("Institutions", ["institutions"])).toBe("Institutions2");
    expect(tableName("2024 data")).toBe("T_2024data");
  });
});

describe("sample institutions", () => {
  it("is deterministic and covers every phase", () => {
    const a = sampleInstitutions(16);
    expect(sampleInstitutions(16)).toEqual(a);
    expect(new Set(a.map((r) => r[2]))).toEqual(
      new Set(["Primary", "Secondary", "Special", "Resource Base", "Early Years", "AP", "FE", "ISP"]),
    );
    for (const r of a) for (const c of r) if (typeof c === "number") expect(c).toBeGreaterThanOrEqual(0);
  });
});

describe("publish helpers", () => {
  it("replaces error objects by their codes and spots formula-like text", () => {
    expect(valuesOnly([[1, "=x", { error: "#N/A", message: "m" }, null]])).toEqual([[1, "=x", "#N/A", null]]);
    expect(["=1", "+1", "-A1", "@x", "a=b", ""].map(looksLikeFormula)).toEqual([true, true, true, true, false, false]);
  });
  it("totals in pence and counts errors", () => {
    expect(columnTotal([0.1, 0.2, null, "Name"])).toEqual({ total: 0.3, errors: 0 });
    expect(columnTotal([1, "#N/A"])).toEqual({ total: null, errors: 1 });
  });
  it("summarises what was published", () => {
    const rows = summarySheet({
      title: "T",
      when: new Date("2025-01-02T03:04:00Z"),
      sheets: [{ from: "Rates", to: "Review Rates" }],
      institutions: 3,
      totals: [{ option: "A", total: 10, errors: 0 }],
    });
    expect(rows[1]).toEqual(["Published", "2025-01-02 03:04"]);
    expect(rows).toContainEqual(["A", 10, 0]);
    expect(rows[rows.length - 1]).toEqual(["Review Rates", "Rates"]);
  });
});
