// Guard: the two evaluators read the same rate keys. For random institutions and options (the option's keys come
// from the key catalogue's terms), record every key each path asks the option for: the decimal path per
// institution (it skips a rate whose count is zero), the exact path per phase (it compiles a phase's terms once).
// With every count non-zero the two sets are equal; with random zeros the decimal set is within the exact one.
import {
  allocate,
  fieldReader,
  isSendError,
  KEY_CATALOGUE,
  parseRates,
  resolveOption,
  exactRowTotal,
  PHASES,
  SETTINGS,
  type Cell,
  type Grid,
  type Option,
  buildLayout,
  compileOption,
} from "../api";
import type { TermSpec } from "../../../src/engine/keys";
import { rng, type Rng } from "../../../src/util/rng";

const EHCP_BANDS = ["1", "2"];
const SENIF_BANDS = ["a", "b"];

/** Every concrete key the catalogue's terms read: the term's own key (placeholders expanded) and the keys it names. */
function termKeys(): { key: string; required: boolean }[] {
  const fill: Record<string, readonly string[]> = {
    "<ph>": ["primary", "secondary"],
    "<A..F>": ["a", "b", "c", "d", "e", "f"],
    "<setting>": [...SETTINGS, "all"],
    "<band>": [...new Set([...EHCP_BANDS, ...SENIF_BANDS])],
  };
  const expand = (k: string): string[] => {
    const m = k.match(/<[^>]+>/);
    return m ? (fill[m[0]] ?? []).flatMap((v) => expand(k.replace(m[0], v))) : [k];
  };
  const named = (t: TermSpec): string[] => [
    ...("times" in t && t.times ? t.times : []),
    ...("share" in t && t.share ? [t.share] : []),
    ...("threshold" in t ? [t.threshold] : []),
  ];
  const out = new Map<string, boolean>();
  for (const e of KEY_CATALOGUE) {
    if (!e.term) continue;
    for (const k of expand(e.key)) out.set(k, e.default === undefined);
    for (const k of named(e.term)) out.set(k, KEY_CATALOGUE.find((x) => x.key === k)?.default === undefined);
  }
  return [...out].map(([key, required]) => ({ key, required }));
}

const KEYS = termKeys();

function randomRates(r: Rng): Grid {
  const rows: Cell[][] = [["Factor", "A"]];
  for (const { key, required } of KEYS) {
    if (!required && r.chance(0.3)) continue; // a defaulted key may be absent
    const share = key.startsWith("notional.") || key === "ei.highneeds.threshold";
    // multipliers stay small so every total is within the exact path's range (it answers, so its reads are its own)
    const multiplier = key === "fe.weighting" || key === "fe.area";
    rows.push([
      key,
      share
        ? r.int(1, 100) / 100
        : key === "ey.weeks"
          ? r.int(1, 52)
          : multiplier
            ? r.int(50, 200) / 100
            : r.int(1, 9000),
    ]);
  }
  return rows;
}

const HEADER = [
  "Name",
  "Phase",
  "Primary Pupils",
  "KS3 Pupils",
  "KS4 Pupils",
  "FSM",
  "FSM6",
  ..."ABCDEF".split("").map((b) => `IDACI ${b}`),
  "LPA",
  "EAL",
  "SEN Support",
  ...EHCP_BANDS.map((b) => `EHCP ${b}`),
  "Places",
  "Occupied",
  "DAF",
  ...SENIF_BANDS.map((b) => `SENIF ${b}`),
  "Students",
  "Months",
];

function randomRow(r: Rng, allNonZero: boolean): Cell[] {
  const count = () => (allNonZero || r.chance(0.6) ? r.int(1, 400) : 0);
  return HEADER.map((h) => {
    if (h === "Name") return "X";
    if (h === "Phase") return r.pick(PHASES);
    if (h === "Months") return r.pick([12, 6, 7]);
    if (h === "Places") return r.int(300, 400);
    if (h === "Occupied") return allNonZero ? r.int(1, 299) : r.int(0, 300);
    return count();
  });
}

/** The option with a rates map that records every key asked for (get or has). */
function recording(o: Option): { option: Option; read: Set<string> } {
  const read = new Set<string>();
  const rates = new Map(o.rates);
  const get = rates.get.bind(rates),
    has = rates.has.bind(rates);
  rates.get = (k: string) => {
    read.add(k);
    return get(k);
  };
  rates.has = (k: string) => {
    read.add(k);
    return has(k);
  };
  return { option: { ...o, rates }, read };
}

const sorted = (s: Set<string>) => [...s].sort();

test("the catalogue gives the generator keys for every component", () => {
  expect(KEYS.length).toBeGreaterThan(60);
  expect(KEYS.map((k) => k.key)).toEqual(
    expect.arrayContaining(["be.primary", "topup.all.1", "ey.daf", "ey.weeks", "fe.area", "ei.highneeds.threshold"]),
  );
});

test.each([[true], [false]])("both paths read the same keys (every count non-zero: %s)", (allNonZero) => {
  const r = rng(allNonZero ? 12 : 13);
  const reader = fieldReader(HEADER, "fields");
  if (isSendError(reader)) throw new Error(reader.toString());
  let compared = 0;
  for (let i = 0; i < 400; i++) {
    const parsed = parseRates(randomRates(r));
    if (isSendError(parsed)) throw new Error(parsed.toString());
    const base = resolveOption(parsed, "A");
    if (isSendError(base)) throw new Error(base.toString());
    const row = randomRow(r, allNonZero);
    const inst = reader.read(row, "values");
    if (isSendError(inst)) throw new Error(inst.toString());

    const dec = recording(base);
    const a = allocate(dec.option, inst);
    if (isSendError(a)) throw new Error(`${a.toString()} for ${JSON.stringify(row)}`);
    const fast = recording(base);
    const x = exactRowTotal(compileOption(fast.option), buildLayout(reader), row);
    if (Number.isNaN(x)) throw new Error(`the exact path did not answer for ${JSON.stringify(row)}`);
    expect(x).toBe(a.total.toNumber());

    if (allNonZero) expect(sorted(dec.read)).toEqual(sorted(fast.read));
    else expect(sorted(fast.read)).toEqual(expect.arrayContaining(sorted(dec.read)));
    compared++;
  }
  expect(compared).toBe(400);
});
