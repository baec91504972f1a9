// The key catalogue (contract section 2): every key the contract names is known, documented and
// typed; anything else is unknown and gets a useful "did you mean".
import { factorsTable, findKeyInfo, isKnownKey, KEY_CATALOGUE, parseRates, SETTINGS, isSendError } from "./api";
import { SUGGESTIBLE_KEYS, suggestionsFor } from "../../src/engine/keys";
import { nearest } from "../../src/engine/nearest";

describe("catalogue entries", () => {
  test("every key pattern has a description, a unit and what it applies to; keys are unique", () => {
    for (const k of KEY_CATALOGUE) {
      expect(k.key.trim()).not.toBe("");
      expect(k.description.trim().length).toBeGreaterThan(10);
      expect(k.unit.trim()).not.toBe("");
      expect(k.appliesTo.trim()).not.toBe("");
      expect(["number", "text"]).toContain(k.kind);
      if (k.min !== undefined && k.max !== undefined) expect(k.min).toBeLessThanOrEqual(k.max);
    }
    expect(new Set(KEY_CATALOGUE.map((k) => k.key.toLowerCase())).size).toBe(KEY_CATALOGUE.length);
  });

  test("SEND.FACTORS() is the catalogue as a table", () => {
    const t = factorsTable();
    expect(t[0]).toEqual(["Key", "Description", "Unit", "Applies to"]);
    expect(t.slice(1)).toEqual(KEY_CATALOGUE.map((k) => [k.key, k.description, k.unit, k.appliesTo]));
  });

  test.each<[string, number | undefined]>([
    ["round.to", 0.01],
    ["element2.threshold", 6000],
    ["ey.weeks", 38],
    ["fe.rate", 0],
    ["fe.weighting", 1],
    ["fe.area", 1],
    ["notional.be", 0],
    ["notional.lumpsum", 0],
    ["ei.sensupport", 0],
    ["ei.perpupil", 0],
    ["ei.highneeds.threshold", 0],
    ["ei.highneeds.rate", 0],
    ["ei.notional.guarantee", 0],
    ["proj.years", 5],
    ["proj.opening", 0],
    ["place.special", undefined],
    ["ey.daf", undefined],
    ["topup.special.band3", undefined],
  ])("default of %s is the contract's 'if absent' (%s)", (key, dflt) => expect(findKeyInfo(key)?.default).toBe(dflt));

  test("fractions are bounded 0..1; money is never negative; round.to is more than 0", () => {
    for (const k of ["notional.be", "notional.idaci", "ei.highneeds.threshold", "proj.ei.reduction"])
      expect([findKeyInfo(k)?.min, findKeyInfo(k)?.max]).toEqual([0, 1]);
    for (const k of ["place.special", "topup.isp.fee", "be.primary", "ey.senif.1", "fe.rate"])
      expect(findKeyInfo(k)?.min).toBe(0);
    expect(findKeyInfo("round.to")).toMatchObject({ min: 0, minExclusive: true });
    expect(findKeyInfo("band.1")?.min).toBeUndefined(); // points may be negative
    expect(findKeyInfo("proj.opening")?.min).toBeUndefined(); // a deficit is negative
    expect(findKeyInfo("inherits")?.kind).toBe("text");
  });
});

describe("findKeyInfo", () => {
  // every key the contract names, in section 2 and section 5 (projection)
  const CONTRACT_KEYS = [
    "inherits",
    "round.to",
    "be.primary",
    "be.ks3",
    "be.ks4",
    ...["primary", "secondary"].flatMap((ph) => [
      `fsm.${ph}`,
      `fsm6.${ph}`,
      `lpa.${ph}`,
      `eal.${ph}`,
      `lumpsum.${ph}`,
      ..."ABCDEF".split("").map((b) => `idaci.${ph}.${b}`),
    ]),
    ...["be", "fsm", "fsm6", "idaci", "lpa", "eal", "lumpsum"].map((f) => `notional.${f}`),
    "element2.threshold",
    "place.special",
    "place.ap",
    "place.rb.occupied",
    "place.rb.unoccupied",
    "place.fe",
    ...[...SETTINGS, "all"].map((s) => `topup.${s}.band3`),
    "topup.special.2",
    "topup.isp.Fee",
    "topup.mainstream.Band 3",
    "topup.ap.medical",
    "band.1",
    "band.Band A",
    "ei.sensupport",
    "ei.perpupil",
    "ei.highneeds.threshold",
    "ei.highneeds.rate",
    "ei.notional.guarantee",
    "ey.daf",
    "ey.senif.1",
    "ey.senif.higher needs",
    "ey.weeks",
    "fe.rate",
    "fe.weighting",
    "fe.area",
    "proj.start",
    "proj.years",
    "proj.opening",
    "proj.grant",
    "proj.grant.growth",
    "proj.grant.extra.1",
    "proj.grant.extra.12",
    ...SETTINGS.flatMap((s) => [`proj.${s}.count`, `proj.${s}.growth`, `proj.${s}.cost`]),
    "proj.inflation",
    "proj.other",
    "proj.ei.cost",
    "proj.ei.reduction",
    "proj.shift",
  ];
  test.each(CONTRACT_KEYS)("%s is a known key", (k) => expect(isKnownKey(k)).toBe(true));

  test.each([
    ["topup.special.band3", "topup.<setting>.<band>"],
    ["TOPUP.ALL.2", "topup.<setting>.<band>"],
    [" Place.Special ", "place.special"],
    ["idaci.secondary.F", "idaci.<ph>.<A..F>"],
    ["ey.senif.Band A", "ey.senif.<band>"],
    ["band.3", "band.<band>"],
    ["proj.grant.extra.3", "proj.grant.extra.<y>"],
    ["proj.isp.count", "proj.<s>.count"],
    ["fsm6.primary", "fsm6.<ph>"],
  ])("%s belongs to %s", (key, pattern) => expect(findKeyInfo(key)?.key).toBe(pattern));

  test.each([
    "palce.special",
    "place.rb",
    "topup.special",
    "topup.special.",
    "topup.private.1",
    "topup.special.a.b",
    "idaci.primary.g",
    "idaci.ks3.a",
    "fsm.ks3",
    "be.ks5",
    "notional.sen",
    "band",
    "band.",
    "proj.grant.extra.0",
    "proj.grant.extra.x",
    "proj.all.count",
    "proj.ey.rate",
    "ey.senif",
    "lumpsum",
    "round",
    "inherit",
    "factor",
    "",
  ])("%p is unknown", (k) => expect(isKnownKey(k)).toBe(false));
});

describe("did you mean", () => {
  test("every example suggestion is itself a known key", () => {
    for (const k of SUGGESTIBLE_KEYS) expect(isKnownKey(k)).toBe(true);
  });

  test.each([
    ["palce.special", "place.special"],
    ["place.rb.occ", "place.rb.occupied"],
    ["roundto", "round.to"],
    ["round_to", "round.to"],
    ["inherit", "inherits"],
    ["fe.weight", "fe.weighting"],
    ["ei.highneeds", "ei.highneeds.rate"],
    ["idaci.primry.a", "idaci.primary.a"],
    ["proj.isp.cnt", "proj.isp.count"],
    ["proj.grant.extr.3", "proj.grant.extra.3"],
    ["ey.dafs", "ey.daf"],
    // a free band label is kept, not replaced by an example band
    ["topup.specail.sld", "topup.special.sld"],
    ["topup.speical.Band 7", "topup.special.band7"],
    ["ey.senfi.higher", "ey.senif.higher"],
    ["topups.special.band3", "topup.special.band3"],
    ["bnad.high", "band.high"],
  ])("%s -> %s", (typo, expected) => {
    expect(nearest(typo.toLowerCase(), suggestionsFor(typo))).toBe(expected);
    const t = parseRates([
      ["Factor", "A"],
      [typo, 1],
    ]);
    expect(isSendError(t) && t.message).toContain(`Did you mean '${expected}'?`);
  });

  test("no guess when nothing is close", () => {
    const t = parseRates([
      ["Factor", "A"],
      ["totally.unrelated.words", 1],
    ]);
    expect(isSendError(t) && t.message).not.toContain("Did you mean");
  });
});
