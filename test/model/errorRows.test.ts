import { errorInWords, errorRowsSentence, totalLeavingOut } from "../../src/model/errorRows";

describe("rows in error, left out of a total", () => {
  it("totals the numbers to the penny and names each error row with its sheet row and cause", () => {
    const r = totalLeavingOut(
      [0.1, 0.2, { error: "#VALUE!" }, 1000.05, null, { error: "#N/A", message: "no rate for topup.special.a." }],
      ["Ash", "Beech", "Oak Primary", "Elm", null, ""],
    );
    expect(r.total).toBe(1000.35);
    expect(r.counted).toBe(3);
    expect(r.errors).toEqual([
      { row: 4, name: "Oak Primary", error: "#VALUE!", reason: "not a number" },
      { row: 7, name: "Row 6", error: "#N/A", reason: "no rate for topup.special.a" },
    ]);
    expect(errorRowsSentence(r.errors.slice(0, 1))).toBe("1 row in error, left out: row 4 'Oak Primary', not a number");
    expect(errorRowsSentence(r.errors, 1)).toBe(
      "2 rows in error, left out: row 4 'Oak Primary', not a number; and 1 more",
    );
  });

  it("says what an unknown code is rather than nothing", () => {
    expect(errorInWords({ error: "#WHAT?" })).toBe("#WHAT?");
    expect(errorInWords({ error: "#ref!" })).toBe("a reference to a cell or sheet that is gone");
  });
});
