import { allInError, allocationStates, bandRanges, stateLine } from "../../src/model/allocationState";
import type { SheetRead } from "../../src/model/publishBook";

const F = "=SEND.ALLOCATE(Institutions[@], Rates!A1:D9, C$1)";
const missing = (band: string) => ({
  error: "#N/A",
  message: `option 'Option A' has no rate 'topup.mainstream.${band}' or 'topup.all.${band}' (needed for top-up (EHCP Band X = 2 at a Primary setting)).`,
});

function sheet(values: SheetRead["values"]): SheetRead {
  return { name: "Allocations", values, formulas: [values[0].map(String), ["Ash", "Primary", F, F]] };
}

describe("how the allocations stand", () => {
  it("groups errors by cause, names every blank top-up band as a range, and says where to set them", () => {
    const s = sheet([
      ["Name", "Phase", "Option A", "Option B"],
      ["Ash", "Primary", missing("banda"), 1200.5],
      ["Oak", "Primary", missing("bandb"), { error: "#VALUE!", message: "values: unknown phase 'X'. Phases: …" }],
      ["Elm", "Primary", missing("banda"), 3],
      [null, null, null, null],
    ]);
    const [a, b] = allocationStates(s, "the Rates sheet", ["banda", "bandb", "bandc", "bande"]);
    expect(a).toMatchObject({ option: "Option A", rows: 3, errors: 3 });
    expect(stateLine(a)).toBe(
      "3 institutions, 3 allocations in error under Option A: top-up rates missing for bands A-C and E (set them on the Rates sheet).",
    );
    expect(allInError(a)).toBe(true);
    expect(stateLine(b)).toBe(
      "3 institutions, 1 of 3 allocations in error under Option B: #VALUE! values: unknown phase 'X'.",
    );
    expect(allInError(b)).toBe(false);
  });

  it("says when every allocation calculated, and writes runs of bands as ranges", () => {
    const [a] = allocationStates(
      sheet([
        ["Name", "Phase", "Option A"],
        ["Ash", "Primary", 10],
      ]),
      "the Rates screen",
    );
    expect(stateLine(a)).toBe("1 institution, every allocation under Option A calculated.");
    expect(bandRanges(["1", "2", "3", "5"])).toBe("1-3 and 5");
    expect(bandRanges(["A", "B"])).toBe("A and B");
    expect(bandRanges([])).toBe("");
  });
});
