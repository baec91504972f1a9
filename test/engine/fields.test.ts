// Institution fields (contract section 3): which header fills what, defaults, and every field error.
import {
  fieldReader,
  isSendError,
  KNOWN_HEADERS,
  readInstitution,
  readTable,
  type Cell,
  type Institution,
} from "./api";

function inst(fields: Cell[], values: Cell[]): Institution {
  const i = readInstitution(fields, values);
  if (isSendError(i)) throw new Error(i.toString());
  return i;
}
const err = (fields: Cell[], values: Cell[]) => {
  const i = readInstitution(fields, values);
  return isSendError(i) ? `${i.kind} ${i.message}` : "ok";
};

describe("readInstitution", () => {
  test("every contract field lands where it should", () => {
    const i = inst(
      [
        "Name",
        "Phase",
        "Primary Pupils",
        "KS3 Pupils",
        "KS4 Pupils",
        "FSM",
        "FSM6",
        "IDACI A",
        "IDACI F",
        "LPA",
        "EAL",
        "SEN Support",
        "EHCP Band 3",
        "EHCP 2",
        "SENIF Higher Needs",
        "Places",
        "Occupied",
        "DAF",
        "Students",
        "Months",
        "URN",
      ],
      ["Oak", "primary", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 12, 15, 16, 6.5, "100123"],
    );
    expect(i.name).toBe("Oak");
    expect(i.phase).toBe("Primary");
    const s = (x: { toString(): string }) => x.toString();
    expect([i.primaryPupils, i.ks3Pupils, i.ks4Pupils, i.fsm, i.fsm6, i.lpa, i.eal, i.senSupport].map(s)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "8",
      "9",
      "10",
    ]);
    expect(Object.fromEntries(Object.entries(i.idaci).map(([k, v]) => [k, s(v)]))).toEqual({ a: "6", f: "7" });
    expect([...i.ehcp].map(([b, e]) => [b, e.label, s(e.count)])).toEqual([
      ["band3", "Band 3", "11"],
      ["2", "2", "12"],
    ]);
    expect([...i.senif].map(([b, e]) => [b, e.label, s(e.hours)])).toEqual([["higherneeds", "Higher Needs", "13"]]);
    expect([i.places, i.occupied, i.daf, i.students, i.months].map(s)).toEqual(["14", "12", "15", "16", "6.5"]);
  });

  test("defaults: counts 0, Months 12, Occupied = Places, no name", () => {
    const i = inst(["Phase", "Places"], ["Resource Base", 7]);
    expect([i.name, i.months.toString(), i.occupied.toString(), i.fsm.toString(), i.ehcp.size]).toEqual([
      null,
      "12",
      "7",
      "0",
      0,
    ]);
    const j = inst(["Phase", "Places", "Occupied", "Months", "FSM"], ["Resource Base", 7, null, "", null]);
    expect([j.months.toString(), j.occupied.toString(), j.fsm.toString()]).toEqual(["12", "7", "0"]);
  });

  test.each([
    ["Early Years"],
    ["early years"],
    ["EARLY_YEARS"],
    ["Early-Years"],
    ["Primary"],
    ["Secondary"],
    ["Special"],
    ["Resource Base"],
    ["resourcebase"],
    ["AP"],
    ["ap"],
    ["FE"],
    ["fe"],
    ["ISP"],
    [" isp "],
  ])("phase %p is read", (p) => expect(isSendError(readInstitution(["Phase"], [p]))).toBe(false));

  test("headers ignore case, spaces, '_' and '-', and unknown headers are ignored", () => {
    const i = inst(
      ["phase", "PRIMARY_PUPILS", "ks-3 pupils", " Sen Support ", "idaci_a", "Notes", "Result", "ehcp-band-3"],
      ["Primary", 10, 20, 3, 4, "x", "#N/A", 2],
    );
    expect([i.primaryPupils, i.ks3Pupils, i.senSupport, i.idaci.a, i.ehcp.get("band3")?.count].map(String)).toEqual([
      "10",
      "20",
      "3",
      "4",
      "2",
    ]);
  });

  test("every field error names the argument and header", () => {
    expect(err(["Phase", "Places"], ["Special", "ten"])).toBe("#VALUE! values: 'Places' is not a number: 'ten'.");
    expect(err(["Phase", "FSM"], ["Primary", -3])).toBe(
      "#NUM! values: 'FSM' is negative (-3); counts must be 0 or more.",
    );
    expect(err(["Phase", "EHCP 1"], ["Special", "(1)"])).toMatch(/^#NUM! values: 'EHCP 1' is negative/);
    expect(err(["Phase", "Months"], ["Special", 12.5])).toBe(
      "#NUM! values: 'Months' is 12.5; it must be between 0 and 12.",
    );
    expect(err(["Phase", "Months"], ["Special", -0.5])).toMatch(/^#NUM! values: 'Months' is -0.5/);
    expect(err(["Phase", "Months"], ["Special", "June"])).toBe("#VALUE! values: 'Months' is not a number: 'June'.");
    expect(err(["Phase", "Places", "Occupied"], ["Resource Base", 2, 3])).toBe(
      "#NUM! values: 'Occupied' (3) is more than 'Places' (2).",
    );
    expect(err(["Phase", "Occupied"], ["Resource Base", 1])).toMatch(
      /^#NUM! values: 'Occupied' \(1\) is more than 'Places' \(0\)/,
    );
    expect(err(["Phase"], ["Primry"])).toMatch(
      /^#VALUE! values: unknown phase 'Primry'. Phases: .*Did you mean 'Primary'\?$/,
    );
    expect(err(["Phase"], ["Nursery"])).not.toContain("Did you mean");
    expect(err(["Name"], ["Oak"])).toMatch(/^#VALUE! values: no 'Phase' value/);
    expect(err(["Phase"], [" "])).toMatch(/^#VALUE! values: no 'Phase' value/);
    expect(err(["Phase", "Places"], ["Special"])).toBe(
      "#VALUE! fields has 2 headers but values has 1 values; they must be the same length.",
    );
    expect(err(["Phase", "EHCP"], ["Special", 1])).toBe(
      "#VALUE! fields: header 'EHCP' needs a band label, e.g. 'EHCP Band 1'.",
    );
    expect(err(["Phase", "SENIF"], ["Early Years", 1])).toMatch(/header 'SENIF' needs a band label/);
    expect(err(["Phase", "Places", "PLACES"], ["Special", 1, 1])).toBe(
      "#VALUE! fields: header 'PLACES' appears twice.",
    );
    expect(err(["Phase", "EHCP Band 3", "ehcp band3"], ["Special", 1, 1])).toMatch(/appears twice/);
  });

  test("a header error is reported even when its value is blank", () => {
    expect(err(["Phase", "EHCP"], ["Special", null])).toMatch(/needs a band label/);
  });

  test("KNOWN_HEADERS lists the contract's fields", () => {
    expect(KNOWN_HEADERS).toEqual(
      expect.arrayContaining([
        "Name",
        "Phase",
        "Primary Pupils",
        "KS3 Pupils",
        "KS4 Pupils",
        "FSM",
        "FSM6",
        "IDACI A",
        "IDACI F",
        "LPA",
        "EAL",
        "SEN Support",
        "EHCP <band>",
        "Places",
        "Occupied",
        "DAF",
        "SENIF <band>",
        "Students",
        "Months",
      ]),
    );
  });
});

describe("readTable", () => {
  test("one institution per row; blank rows are null; bad rows carry an error naming row and name", () => {
    const rows = readTable([
      ["Name", "Phase", "Places"],
      ["Oak", "Special", 1],
      ["", "Specal", 2],
      [null, null, "  "],
      ["Ash", "AP", "x"],
    ]);
    if (isSendError(rows)) throw new Error(rows.message);
    expect(rows.map((r) => [r.index, r.name])).toEqual([
      [1, "Oak"],
      [2, null],
      [3, null],
      [4, "Ash"],
    ]);
    expect(isSendError(rows[0].institution)).toBe(false);
    expect((rows[1].institution as { message: string }).message).toMatch(/^table row 2: unknown phase 'Specal'/);
    expect(rows[2].institution).toBeNull();
    expect((rows[3].institution as { message: string }).message).toBe(
      "table row 4 ('Ash'): 'Places' is not a number: 'x'.",
    );
  });

  test("a header row alone, or a bad header, is an error for the whole table", () => {
    expect(isSendError(readTable([["Name", "Phase"]]))).toBe(true);
    const bad = readTable(
      [
        ["Phase", "EHCP"],
        ["Special", 1],
      ],
      "institutions",
    );
    expect(isSendError(bad) && bad.message).toBe("institutions: header 'EHCP' needs a band label, e.g. 'EHCP Band 1'.");
  });

  test("rows shorter than the header read as blank cells", () => {
    const rows = readTable([
      ["Phase", "Places", "Months"],
      ["Special", 2],
    ]);
    if (isSendError(rows)) throw new Error(rows.message);
    const i = rows[0].institution as Institution;
    expect([i.places.toString(), i.months.toString()]).toEqual(["2", "12"]);
  });

  test("a reader is built once per header row and reused", () => {
    const r = fieldReader(["Phase", "Places"], "table");
    if (isSendError(r)) throw new Error(r.message);
    expect((r.read(["AP", 3], "row 1") as Institution).places.toString()).toBe("3");
    expect((r.read(["AP", -3], "row 2") as { message: string }).message).toMatch(/^row 2: 'Places' is negative/);
  });
});
