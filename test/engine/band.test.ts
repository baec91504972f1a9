// SEND.BAND: the band with the highest band.<band> threshold not above the score.
import { band, D, isSendError, optionFromGrid, type Grid, type Option } from "./api";

const opt = (g: Grid, name: string | null = null): Option => {
  const o = optionFromGrid(g, name);
  if (isSendError(o)) throw new Error(o.message);
  return o;
};
const at = (o: Option, score: number | string) => {
  const r = band(o, new D(score));
  return isSendError(r) ? `${r.kind} ${r.message}` : r;
};

describe("band", () => {
  const scale = opt([
    ["Factor", "Wilts"],
    ["band.0", 0],
    ["band.1", 1],
    ["band.2", 2],
    ["band.3", 3],
    ["band.4", 4],
  ]);
  test.each<[number | string, string]>([
    [0, "0"],
    [0.99, "0"],
    [1, "1"],
    [2.5, "2"],
    [4, "4"],
    [1000, "4"],
  ])("score %p -> band %s", (s, b) => expect(at(scale, s)).toBe(b));

  test("exact decimals at the boundary: 0.1 + 0.2 meets a threshold of 0.3", () => {
    const o = opt([
      ["Factor", "A"],
      ["band.low", 0],
      ["band.high", 0.3],
    ]);
    expect(at(o, new D("0.1").plus("0.2").toString())).toBe("high");
  });

  test("below the lowest threshold is #N/A naming the score, the option and the lowest band", () => {
    expect(at(scale, -0.01)).toBe(
      "#N/A score -0.01 is below the lowest band of option 'Wilts' (band '0' starts at 0).",
    );
  });

  test("no band keys is #N/A", () => {
    expect(
      at(
        opt([
          ["Factor", "A"],
          ["place.ap", 1],
        ]),
        5,
      ),
    ).toBe("#N/A option 'A' has no 'band.<band>' keys.");
  });

  test("labels come back as written in the key (after 'band.')", () => {
    const o = opt([
      ["Factor", "A"],
      ["Band.Level One", 0],
      ["BAND.Level Two", 10],
    ]);
    expect([at(o, 5), at(o, 10)]).toEqual(["Level One", "Level Two"]);
  });

  test("equal thresholds: the later row wins", () => {
    const o = opt([
      ["Factor", "A"],
      ["band.x", 0],
      ["band.y", 10],
      ["band.z", 10],
    ]);
    expect(at(o, 10)).toBe("z");
  });

  test("inherited thresholds mix with the option's own", () => {
    const g: Grid = [
      ["Factor", "Old", "New"],
      ["inherits", null, "Old"],
      ["band.1", 0, null],
      ["band.2", 10, 15],
      ["band.3", 20, null],
    ];
    expect([at(opt(g, "Old"), 12), at(opt(g, "New"), 12), at(opt(g, "New"), 15), at(opt(g, "New"), 25)]).toEqual([
      "2",
      "1",
      "2",
      "3",
    ]);
  });
});
