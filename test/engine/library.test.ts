import { readFileSync } from "fs";
import { resolve } from "path";
import { LIBRARY, libraryOption, libraryRatesGrid } from "../../src/engine/library";
import type { LibraryOption } from "../../src/engine/library";
import { attempt, isSendError, SendError } from "../../src/engine/errors";
import { findKeyInfo, isKnownKey } from "../../src/engine/keys";
import { optionFromGrid, type Option } from "../../src/engine/rates";
import { normKey } from "../../src/engine/normalize";
import { D } from "../../src/engine/money";
import { QUOTED } from "../../src/engine/library/sources";

const rateOf = (option: Option, key: string) => option.rates.get(normKey(key));

// The domain brief is the authority for every shipped value (read at test time only).
const DOMAIN = readFileSync(resolve(__dirname, "../../../shared/domain.md"), "utf8");
const DOMAIN_URLS = new Set((DOMAIN.match(/https?:\/\/[^\s)]+/g) ?? []).map((u) => u.replace(/[.,;]+$/, "")));

const allValues = LIBRARY.flatMap((o) => o.values.map((v) => ({ option: o.name, ...v })));

function opt(name: string): LibraryOption {
  const o = libraryOption(name);
  if (isSendError(o)) throw new Error(o.message);
  return o;
}
const valueOf = (name: string, key: string) => opt(name).values.find((v) => v.key === key)?.value;

describe("library data", () => {
  test("ships the national options with unique names and unique keys per option", () => {
    expect(LIBRARY.map((o) => o.name)).toEqual([
      "National 2021-22",
      "National 2022-23",
      "National 2023-24",
      "National 2024-25",
      "National 2025-26",
      "National 2026-27",
    ]);
    for (const o of LIBRARY) {
      expect(o.description.trim()).not.toBe("");
      const keys = o.values.map((v) => v.key);
      expect(new Set(keys).size).toBe(keys.length);
      if (o.inherits !== undefined) expect(isSendError(libraryOption(o.inherits))).toBe(false);
    }
  });

  test.each(allValues.map((v) => [`${v.option} ${v.key}`, v] as const))("%s is documented and sourced", (_, v) => {
    expect(v.unit.trim()).not.toBe("");
    expect(v.description.trim()).not.toBe("");
    expect(v.source).toMatch(/^https:\/\//);
    expect(DOMAIN_URLS.has(v.source) || QUOTED[v.source] !== undefined).toBe(true);
    expect(["V", "I"]).toContain(v.status);
  });

  test.each(allValues.map((v) => [`${v.option} ${v.key}`, v] as const))(
    "%s is a contract key with the catalogue's unit",
    (_, v) => {
      expect(isKnownKey(v.key)).toBe(true);
      expect(v.key).toBe(v.key.trim().toLowerCase()); // spelled exactly as the contract spells it
      expect(v.unit).toBe(findKeyInfo(v.key)!.unit);
      expect(typeof v.value).toBe(findKeyInfo(v.key)!.kind === "text" ? "string" : "number");
    },
  );

  test("every numeric value appears as a figure in the domain brief or in its source's quoted sentence", () => {
    const appears = (x: number, source: string) => {
      const plain = String(x).replace(".", "\\.");
      const grouped = x.toLocaleString("en-GB", { maximumFractionDigits: 2 }).replace(".", "\\."); // 10000 -> "10,000"
      const re = new RegExp(`(?<![\\d,.])(${plain}|${grouped})(?![\\d,])`);
      return re.test(DOMAIN) || re.test(QUOTED[source] ?? "");
    };
    for (const v of allValues) {
      if (typeof v.value !== "number") continue;
      // an inferred value with a derivation: each figure of the sum is at the source, and the sum is the value
      const parts = v.derivation?.split("+").map((t) => Number(t.trim())) ?? [v.value];
      const found = parts.every((x) => appears(x, v.source));
      expect({ option: v.option, key: v.key, found }).toEqual({ option: v.option, key: v.key, found: true });
      expect(parts.reduce((a, x) => a.plus(x), new D(0)).eq(v.value)).toBe(true);
      if (v.derivation !== undefined) expect(v.status).toBe("I");
    }
  });

  test("every option carries its financial year, matching its name", () => {
    for (const o of LIBRARY) expect(`National ${o.fy}-${String((o.fy! + 1) % 100).padStart(2, "0")}`).toBe(o.name);
  });

  test("the rates the issue names: DAF £800 / £858.92 / £938 / £1,225 and 16-19 £5,105 / £5,133", () => {
    expect(["2022-23", "2023-24", "2025-26", "2026-27"].map((y) => valueOf(`National ${y}`, "ey.daf"))).toEqual([
      800, 858.92, 938, 1225,
    ]);
    expect(["2022-23", "2023-24", "2025-26", "2026-27"].map((y) => valueOf(`National ${y}`, "fe.rate"))).toEqual([
      4542, 4753, 5105, 5133,
    ]);
  });

  test("spot values match the domain brief", () => {
    expect([
      valueOf("National 2024-25", "be.primary"),
      valueOf("National 2024-25", "be.ks3"),
      valueOf("National 2024-25", "be.ks4"),
    ]).toEqual([3562, 5022, 5661]);
    expect([
      valueOf("National 2021-22", "be.primary"),
      valueOf("National 2021-22", "be.ks3"),
      valueOf("National 2021-22", "be.ks4"),
    ]).toEqual([3123, 4404, 4963]);
    expect([
      valueOf("National 2021-22", "ey.daf"),
      valueOf("National 2024-25", "ey.daf"),
      valueOf("National 2025-26", "ey.daf"),
    ]).toEqual([615, 910, 938]);
    expect([valueOf("National 2021-22", "fe.rate"), valueOf("National 2024-25", "fe.rate")]).toEqual([4188, 4843]);
    for (const o of LIBRARY) {
      expect(valueOf(o.name, "place.special")).toBe(10000);
      expect(valueOf(o.name, "place.ap")).toBe(10000);
      expect(valueOf(o.name, "place.fe")).toBe(6000);
      expect(valueOf(o.name, "place.rb.occupied")).toBe(6000);
      expect(valueOf(o.name, "element2.threshold")).toBe(6000);
      expect(valueOf(o.name, "ey.weeks")).toBe(38);
    }
  });

  test("inferred values are marked I; unverified figures are not shipped", () => {
    for (const k of ["be.primary", "be.ks3", "be.ks4"]) {
      expect(opt("National 2021-22").values.find((v) => v.key === k)!.status).toBe("I");
      expect(opt("National 2024-25").values.find((v) => v.key === k)!.status).toBe("V");
    }
    // [U] in the brief, never shipped: NFF FSM/IDACI/LPA/EAL/lump-sum values, 16-19 weightings and the £10k
    // unoccupied resourced-provision place (every option's description says to add it locally)
    const shipped = new Set(allValues.map((v) => v.key));
    for (const k of shipped)
      expect(k).not.toMatch(/^(fsm6?\.|idaci\.|lpa\.|eal\.|lumpsum\.|fe\.weighting|place\.rb\.unoccupied)/);
    for (const o of LIBRARY) expect(o.description).toContain("resourced-provision unoccupied places are not included");
    // every year carries the verified occupied resourced-provision place rate
    for (const o of LIBRARY) expect(valueOf(o.name, "place.rb.occupied")).toBe(6000);
    // 2025-26 has no verified basic entitlement
    expect(valueOf("National 2025-26", "be.primary")).toBeUndefined();
  });
});

describe("libraryOption", () => {
  test("matches names case-insensitively, trimmed", () => {
    expect(opt("  national 2024-25 ").name).toBe("National 2024-25");
  });
  test("an unknown name is #VALUE! listing the options and the nearest", () => {
    const e = libraryOption("National 2024-26") as SendError;
    expect(isSendError(e)).toBe(true);
    expect(e.kind).toBe("#VALUE!");
    expect(e.message).toContain("'National 2021-22'");
    expect(e.message).toContain("Did you mean 'National 2024-25'?");
  });
});

describe("libraryRatesGrid", () => {
  const grid = libraryRatesGrid(["National 2021-22", "National 2024-25", "National 2025-26"]);
  const header = grid[0];
  const rowOf = (key: string) => grid.find((r) => r[0] === key);

  test("header and rectangular shape", () => {
    expect(header).toEqual([
      "Factor",
      "Description",
      "Unit",
      "Source",
      "National 2021-22",
      "National 2024-25",
      "National 2025-26",
    ]);
    for (const r of grid) expect(r).toHaveLength(header.length);
  });

  test("one row per key of the union, plus blank-Factor section headings", () => {
    const keys = grid
      .slice(1)
      .filter((r) => r[0] !== null)
      .map((r) => r[0]);
    expect(new Set(keys)).toEqual(new Set(["year", ...allValues.map((v) => v.key)]));
    expect(keys).toHaveLength(new Set(keys).size);
    const headings = grid.slice(1).filter((r) => r[0] === null);
    expect(headings.map((r) => r[1])).toEqual([
      "General",
      "Schools formula",
      "Notional SEN",
      "Place funding",
      "Early years",
      "16-19",
    ]);
    for (const h of headings) expect(h.filter((c, i) => i !== 1 && c !== null)).toEqual([]);
    // headings sit right above their keys
    const at = (x: unknown) => grid.findIndex((r) => r[0] === x || (r[0] === null && r[1] === x));
    expect(at("Place funding")).toBe(at("place.special") - 1);
    expect(at("place.special")).toBeLessThan(at("place.rb.occupied"));
    expect(at("place.rb.occupied")).toBeLessThan(at("place.fe"));
    expect(at("Early years")).toBe(at("ey.daf") - 1);
  });

  test("values in option columns, blank where an option lacks the key", () => {
    expect(rowOf("be.primary")!.slice(4)).toEqual([3123, 3562, null]);
    expect(rowOf("ey.daf")!.slice(4)).toEqual([615, 910, 938]);
    expect(rowOf("fe.rate")!.slice(4)).toEqual([4188, 4843, 5105]);
    expect(rowOf("year")!.slice(4)).toEqual([2021, 2024, 2025]);
  });

  test("description and unit from the first option; distinct sources joined with '; '", () => {
    const daf = rowOf("ey.daf")!;
    const first = opt("National 2021-22").values.find((v) => v.key === "ey.daf")!;
    expect(daf[1]).toBe(first.description);
    expect(daf[2]).toBe("£/child/year");
    const dafSources = ["National 2021-22", "National 2024-25", "National 2025-26"].map(
      (n) => opt(n).values.find((v) => v.key === "ey.daf")!.source,
    );
    expect(daf[3]).toBe(dafSources.join("; "));
    expect(rowOf("place.special")![3]).toBe(
      opt("National 2024-25").values.find((v) => v.key === "place.special")!.source,
    );
  });

  test("option order follows the names given; one option gives one column", () => {
    const g = libraryRatesGrid(["national 2025-26", "National 2021-22"]);
    expect(g[0].slice(4)).toEqual(["National 2025-26", "National 2021-22"]);
    expect(g.find((r) => r[0] === "ey.daf")!.slice(4)).toEqual([938, 615]);
    expect(g.find((r) => r[0] === "be.primary")!.slice(4)).toEqual([null, 3123]);
    const one = libraryRatesGrid(["National 2024-25"]);
    expect(one[0]).toHaveLength(5);
    expect(one.filter((r) => r[0] !== null)).toHaveLength(2 + opt("National 2024-25").values.length); // header, year
  });

  test("defaults to every library option", () => {
    expect(libraryRatesGrid()[0].slice(4)).toEqual(LIBRARY.map((o) => o.name));
  });

  test("an unknown option fails with #VALUE!", () => {
    const r = attempt(() => libraryRatesGrid(["National 1999-00"]));
    expect(isSendError(r) && r.kind).toBe("#VALUE!");
  });

  test("the grid reads back as a valid rates table with the library's values", () => {
    const everyOption = libraryRatesGrid();
    for (const o of LIBRARY) {
      const resolved = optionFromGrid(everyOption, o.name);
      if (isSendError(resolved)) throw new Error(resolved.message);
      for (const v of o.values) {
        const got = rateOf(resolved, v.key);
        expect(got && String(got.value)).toBe(typeof v.value === "number" ? new D(v.value).toString() : v.value);
      }
    }
  });

  test("an option that inherits brings its parent along and reads back through inheritance", () => {
    const child: LibraryOption = {
      name: "Test child",
      description: "test only",
      inherits: "National 2024-25",
      values: [
        {
          key: "ey.daf",
          value: 1000,
          unit: "£/child/year",
          description: "test",
          source: "https://example.org",
          status: "I",
        },
      ],
    };
    LIBRARY.push(child);
    try {
      const g = libraryRatesGrid(["Test child"]);
      expect(g[0].slice(4)).toEqual(["Test child", "National 2024-25"]);
      expect(g[1]).toEqual([null, "General", null, null, null, null]);
      expect(g[2].slice(0, 3)).toEqual(["inherits", expect.any(String), "option name"]);
      expect(g[2].slice(4)).toEqual(["National 2024-25", null]);
      expect(g[3].slice(0, 1).concat(g[3].slice(4))).toEqual(["year", null, 2024]);
      const o = optionFromGrid(g, "Test child");
      if (isSendError(o)) throw new Error(o.message);
      expect(String(rateOf(o, "ey.daf")!.value)).toBe("1000");
      expect(String(rateOf(o, "be.primary")!.value)).toBe("3562");
    } finally {
      LIBRARY.pop();
    }
  });
});
