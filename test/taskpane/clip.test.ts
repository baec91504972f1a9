// clipToUsed: what Explain reads of a reference (src/taskpane/ports/clip.ts).
import { clipToUsed } from "../../src/taskpane/ports/clip";

describe("clipToUsed", () => {
  it("cuts whole columns and rows at the used range, keeping the reference's top-left", () => {
    expect(clipToUsed("A:AH", "A1:AH600")).toBe("A1:AH600");
    expect(clipToUsed("$A:$H", "B3:F40")).toBe("A1:F40");
    expect(clipToUsed("1:5", "A1:C9")).toBe("A1:C5");
  });

  it("leaves a range inside the used range as it is", () => {
    expect(clipToUsed("A2:X2", "A1:X51")).toBe("A2:X2");
    expect(clipToUsed("$A$1:$Z$200", "A1:H90")).toBe("A1:H90");
  });

  it("reads one cell when nothing of the reference is used", () => {
    expect(clipToUsed("D500:E600", "A1:C9")).toBe("D500");
    expect(clipToUsed("A:B", null)).toBe("A1");
  });
});
