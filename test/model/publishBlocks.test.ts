// The published copy totals each DSG block (High Needs first, the others as memo lines) and labels the one total
// across blocks as such, so a Schools Forum reader never takes notional SEN or 16-19 money for High Needs spend.
import { ALL_BLOCKS_HEADER } from "../../src/model/publish";
import { publishBook } from "../../src/model/publishBook";

describe("published summary by DSG block", () => {
  const blocks = {
    name: "Blocks",
    values: [
      ["Name", "Phase", "A: High needs", "A: Schools", "A: 16-19", "A: Early years"],
      ["Alpha", "Special", 87300, 0, 0, 0],
      ["Beta", "Primary", 1000.5, 32503.3, 0, 0],
    ],
    formulas: [
      [],
      [
        null,
        null,
        ...["High needs", "Schools", "16-19", "Early years"].map((b) => `=SEND.ALLOCATEALL(R,"A",T,"${b}")`),
      ],
    ],
  };
  const allocations = {
    name: "Allocations",
    values: [
      ["Name", "A"],
      ["Alpha", 87300],
      ["Beta", 33503.8],
    ],
    formulas: [[], [null, `=SEND.ALLOCATE(R,"A",F,V)`]],
  };

  test("High Needs first, the other blocks as memo columns, and the all-blocks total says what it is", () => {
    const { sheets } = publishBook({ sheets: [allocations, blocks], when: new Date("2025-01-01T00:00:00Z") });
    const rows = sheets[0].rows;
    const head = rows.findIndex((r) => r[0] === "Option");
    expect(rows[head]).toEqual(["Option", "High needs", "Memo: Schools", "Memo: 16-19", "Memo: Early years"]);
    expect(rows[head + 1]).toEqual(["A", 88300.5, 32503.3, 0, 0]);
    const all = rows.findIndex((r) => r[1] === ALL_BLOCKS_HEADER);
    expect(all).toBeGreaterThan(head);
    expect(rows[all + 1]).toEqual(["A", 120803.8, 0]);
    expect(rows.some((r) => r[1] === "Total allocated")).toBe(false);
  });
});
