// Real published data: ESFA 16-19 allocations 2019-20 (shared/data/fe-allocations-2019-20.csv, see its
// README). High needs element 2 is place funding: £6,000 per high-needs student, £10,000 at special
// schools. The engine must reproduce the published column for every institution but the documented one.
import { readFileSync } from "fs";
import { join } from "path";
import { D, isSendError, readNumber, type Cell, type Dec, type Grid } from "./api";
import { allocateAll } from "./pipeline";

const CSV = join(__dirname, "../../../shared/data/fe-allocations-2019-20.csv");

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF; a leading BOM. */
function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const SPECIAL = new Set(["Academy Special", "Non-Maintained Special School", "Free School Special"]);
/** The documented exceptions (data README): one per identity. */
const ELEMENT2_EXCEPTIONS = ["Esher Sixth Form College"]; // 12 students, £68,957 (≈ £5,746 each)
const TOTAL_EXCEPTIONS = ["CVQO LTD"]; // total £3,500,000 with every component 0

const [header, ...data] = parseCsv(readFileSync(CSV, "utf8"));
const col = (name: string) => {
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`no column ${name}`);
  return i;
};
const money = (raw: Cell): Dec => {
  const n = readNumber(raw);
  if (n.kind === "text") throw new Error(`not a number: ${raw}`);
  return n.kind === "blank" ? new D(0) : n.value;
};
const NAME = col("Institution Name");
const CATEGORY = col("Category");
const HN = col("High Needs Students (included in Total Students)");
const E2 = col("High Needs Element 2 Funding (£)");
const TOTAL = col("Total Funding Allocation (£)");
const PARTS = [
  "Total Programme Funding (£)",
  "High Needs Element 2 Funding (£)",
  "Total Student Financial Support Funding (£)",
  "Industry Placements: Capacity and Delivery Funding (£)",
  "Advanced Maths Premium Funding (£)",
  "Alternative Completions Funding (£)",
  "Actual Condition of Funding adjustment in 2019/20 (£) (after mitigation)",
].map(col);

describe("the CSV as read", () => {
  test("2,836 institutions of 21 columns; quoted names with commas kept whole", () => {
    expect(header[0]).toBe("Region"); // BOM stripped
    expect(header.length).toBe(21);
    expect(data.length).toBe(2836);
    for (const r of data) expect(r.length).toBe(21);
    const abbey = data.find((r) => r[NAME] === "Abbey College, Ramsey")!;
    expect(abbey[HN]).toBe("2");
    expect(money(abbey[E2]).toNumber()).toBe(12000);
    expect(money(abbey[col("Total Programme Funding (£)")]).toNumber()).toBe(460890); // "460,890"
    expect(data.filter((r) => r[NAME].includes(",")).length).toBeGreaterThan(50);
  });

  test("Condition of Funding adjustments are negative money with thousands separators", () => {
    const cof = data.map((r) => money(r[PARTS[6]]));
    expect(cof.every((x) => x.lte(0))).toBe(true);
    expect(cof.some((x) => x.lt(-1000))).toBe(true);
  });
});

describe("High Needs Element 2 = engine place funding", () => {
  const rates: Grid = [
    ["Factor", "Description", "ESFA 2019-20"],
    ["place.fe", "FE element 2 per high-needs student", 6000],
    ["place.special", "special school place", 10000],
  ];
  const table: Grid = [
    ["Name", "Category", "Phase", "Places"],
    ...data.map((r) => [r[NAME], r[CATEGORY], SPECIAL.has(r[CATEGORY]) ? "Special" : "FE", r[HN]]),
  ];
  const totals = allocateAll(rates, "ESFA 2019-20", table);

  test("every institution computes (no errors)", () => {
    if (isSendError(totals)) throw new Error(totals.toString());
    expect(totals.length).toBe(data.length);
    expect(totals.every((t) => t !== null && !isSendError(t))).toBe(true);
  });

  test("all rows match the published column except the documented exception", () => {
    if (isSendError(totals)) throw new Error(totals.toString());
    const mismatches = data.filter((r, i) => !(totals[i] as Dec).eq(money(r[E2]))).map((r) => r[NAME]);
    expect(mismatches).toEqual(ELEMENT2_EXCEPTIONS);
    // the exception is the one the README describes
    const esher = data.findIndex((r) => r[NAME] === "Esher Sixth Form College");
    expect([data[esher][CATEGORY], data[esher][HN], money(data[esher][E2]).toNumber()]).toEqual([
      "Academy",
      "12",
      68957,
    ]);
    expect((totals[esher] as Dec).toNumber()).toBe(72000);
    // CVQO LTD (the total's exception) does not matter here: 0 students, element 2 £0
    const cvqo = data.findIndex((r) => r[NAME] === "CVQO LTD");
    expect((totals[cvqo] as Dec).isZero() && money(data[cvqo][E2]).isZero()).toBe(true);
  });

  test("both rates are exercised by many real rows, and the sum foots", () => {
    if (isSendError(totals)) throw new Error(totals.toString());
    const withHn = data.filter((r) => r[HN] !== "0");
    expect(withHn.filter((r) => SPECIAL.has(r[CATEGORY])).length).toBeGreaterThan(150);
    expect(withHn.filter((r) => !SPECIAL.has(r[CATEGORY])).length).toBeGreaterThan(800);
    const engine = (totals as Dec[]).reduce((s, t) => s.plus(t), new D(0));
    const published = data.reduce((s, r) => s.plus(money(r[E2])), new D(0));
    expect(engine.minus(published).toNumber()).toBe(72000 - 68957);
  });
});

describe("Total Funding Allocation identity (data README)", () => {
  test("Programme + E2 + Student Financial Support + Industry Placements + Advanced Maths + Alternative Completions + CoF adjustment = Total, within £2, all rows but CVQO LTD", () => {
    const off = data
      .filter((r) => {
        const sum = PARTS.reduce((s, c) => s.plus(money(r[c])), new D(0));
        return sum.minus(money(r[TOTAL])).abs().gt(2);
      })
      .map((r) => r[NAME]);
    expect(off).toEqual(TOTAL_EXCEPTIONS);
  });
});
