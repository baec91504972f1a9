// Nearly valid rates tables: every key of the catalogue with a plausible value (so allocations, top-ups, bands
// and projections get all the way through), options with inheritance, ignored columns and section headings,
// then a few random corruptions (typos, duplicates, cycles, out-of-range and non-numeric values, jagged rows…).
import { SETTINGS, type Cell } from "../../src/engine/types";
import type { Rng } from "./rng";

/** Band labels as keys spell them (normalised); institution headers spell them several ways. */
export const BANDS = ["1", "2", "band3", "sld"] as const;
export const SENIF_BANDS = ["a", "b"] as const;
export const OPTION_POOL = ["Baseline", "Option B", "Mitigated", "2025-26", "C"];

type Value = (r: Rng) => Cell;
const money: Value = (r) => (r.chance(0.5) ? r.int(0, 20000) : r.int(0, 2_000_000) / 100);
const share: Value = (r) => r.int(0, 100) / 100;
const growth: Value = (r) => r.int(-10, 20) / 100;

function keyList(): [string, Value][] {
  const keys: [string, Value][] = [
    ["round.to", (r) => r.pick([0.01, 0.01, 1, 0.05, 0.1, 100, 0.001])],
    ["be.primary", money],
    ["be.ks3", money],
    ["be.ks4", money],
  ];
  for (const ph of ["primary", "secondary"]) {
    for (const f of ["fsm", "fsm6", "lpa", "eal", "lumpsum"]) keys.push([`${f}.${ph}`, money]);
    for (const b of "abcdef") keys.push([`idaci.${ph}.${b}`, money]);
  }
  for (const f of ["be", "fsm", "fsm6", "idaci", "lpa", "eal", "lumpsum"]) keys.push([`notional.${f}`, share]);
  keys.push(["element2.threshold", money]);
  for (const k of ["place.special", "place.ap", "place.rb.occupied", "place.rb.unoccupied", "place.fe"])
    keys.push([k, money]);
  for (const s of [...SETTINGS, "all"]) for (const b of BANDS) keys.push([`topup.${s}.${b}`, money]);
  keys.push(
    ["band.1", () => 0],
    ["band.2", (r) => r.int(1, 20)],
    ["band.band3", (r) => r.int(21, 40)],
    ["band.sld", (r) => r.int(41, 100)],
  );
  keys.push(
    ["ei.sensupport", money],
    ["ei.perpupil", money],
    ["ei.highneeds.threshold", share],
    ["ei.highneeds.rate", money],
    ["ei.notional.guarantee", money],
    ["ey.daf", money],
    ["ey.weeks", (r) => r.int(1, 52)],
  );
  for (const b of SENIF_BANDS) keys.push([`ey.senif.${b}`, money]);
  keys.push(
    ["fe.rate", money],
    ["fe.weighting", (r) => r.int(50, 200) / 100],
    ["fe.area", (r) => r.int(80, 130) / 100],
  );
  keys.push(
    ["proj.start", (r) => r.int(2020, 2030)],
    ["proj.years", (r) => r.pick([1, 3, 5, 5, 10, 50])],
    ["proj.opening", (r) => r.int(-2e7, 2e7)],
    ["proj.grant", (r) => r.int(0, 1e8)],
    ["proj.grant.growth", growth],
    ["proj.grant.extra.2", (r) => r.int(0, 1e6)],
    ["proj.inflation", (r) => r.int(0, 10) / 100],
    ["proj.other", (r) => r.int(0, 1e7)],
    ["proj.ei.cost", (r) => r.int(0, 1e6)],
    ["proj.ei.reduction", share],
    ["proj.shift", (r) => r.int(0, 20)],
  );
  for (const s of SETTINGS)
    keys.push(
      [`proj.${s}.count`, (r) => r.int(0, 2000)],
      [`proj.${s}.growth`, growth],
      [`proj.${s}.cost`, (r) => r.int(0, 80000)],
    );
  return keys;
}
const KEYS = keyList();

export interface RatesCase {
  grid: Cell[][];
  /** the option headers as written (before corruption) */
  options: string[];
  /** what was done to a valid table (for reading a failing case) */
  corruptions: string[];
}

function respell(r: Rng, s: string): string {
  const how = r.int(0, 9);
  if (how === 0) return s.toUpperCase();
  if (how === 1) return ` ${s} `;
  return s;
}

/**
 * A valid rates table, then `corruptions` random corruptions. `keep` is the share of catalogue keys present
 * (1: everything an allocation can need; lower: some #N/A for missing rates).
 */
export function ratesTable(r: Rng, corruptions: number, keep = r.pick([1, 1, 0.97, 0.8])): RatesCase {
  const nOpt = r.pick([1, 1, 2, 2, 3]);
  const options = r.shuffle([...OPTION_POOL]).slice(0, nOpt);
  const ignored = r.shuffle(["Description", "Unit", "Notes", "Source"]).slice(0, r.int(0, 2));
  const columns = ["Factor", ...options, ...ignored];
  if (r.chance(0.3)) r.shuffle(columns);
  const col = (name: string) => columns.indexOf(name);
  const width = columns.length;
  const header: Cell[] = columns.map((c) => (c === "Factor" ? respell(r, c) : c));
  const rows: Cell[][] = [header];
  const parents = options.map((_, i) => (i > 0 && r.chance(0.6) ? options[r.int(0, i - 1)] : null));
  if (parents.some((p) => p !== null)) {
    const row: Cell[] = new Array(width).fill(null);
    row[col("Factor")] = "inherits";
    options.forEach((o, i) => {
      row[col(o)] = parents[i];
    });
    rows.push(row);
  }
  for (const [key, value] of KEYS) {
    if (!r.chance(keep)) continue;
    if (r.chance(0.04)) {
      // a section heading
      const h: Cell[] = new Array(width).fill(null);
      if (ignored.length > 0) h[col(ignored[0])] = "Section";
      rows.push(h);
    }
    const row: Cell[] = new Array(width).fill(null);
    row[col("Factor")] = respell(r, key);
    options.forEach((o, i) => {
      row[col(o)] = parents[i] !== null && r.chance(0.7) ? null : value(r);
    });
    if (ignored.length > 0 && r.chance(0.3)) row[col(ignored[0])] = `about ${key}`;
    rows.push(row);
  }
  const done: string[] = [];
  for (let i = 0; i < corruptions; i++) done.push(corruptRates(r, rows, options, col("Factor")));
  return { grid: rows, options, corruptions: done };
}

const OUT_OF_RANGE: [string, Cell][] = [
  ["notional.be", 1.5],
  ["round.to", 0],
  ["round.to", -1],
  ["ey.weeks", 60],
  ["proj.years", 0],
  ["proj.years", 51],
  ["be.primary", -5],
  ["ei.highneeds.threshold", 2],
  ["proj.start", 1800],
  ["proj.grant.growth", -2],
  ["topup.special.1", -0.01],
];

function randomRow(r: Rng, rows: Cell[][]): number {
  return rows.length > 1 ? r.int(1, rows.length - 1) : 0;
}

/** One corruption, in place; returns its name. */
function corruptRates(r: Rng, rows: Cell[][], options: string[], factorCol: number): string {
  const row = randomRow(r, rows);
  const width = rows[0].length;
  const valueCol = () =>
    r.pick(
      options
        .map((o) => rows[0].findIndex((h) => h === o))
        .filter((c) => c >= 0)
        .concat([width - 1]),
    );
  const setKey = (key: string, v: Cell) => {
    const at = rows.findIndex((x) => x[factorCol] === key);
    const target = at > 0 ? at : rows.push(new Array(width).fill(null)) - 1;
    rows[target][factorCol] = key;
    rows[target][valueCol()] = v;
  };
  switch (r.int(0, 17)) {
    case 0: {
      const c = r.int(0, width - 1);
      rows[row][c] = r.chaos(false);
      return `chaos cell at ${row},${c}`;
    }
    case 1: {
      // a typo in a key
      const k = String(rows[row][factorCol] ?? "");
      const i = r.int(0, Math.max(0, k.length - 2));
      rows[row][factorCol] = k.slice(0, i) + k.charAt(i + 1) + k.charAt(i) + k.slice(i + 2);
      return `typo in row ${row}`;
    }
    case 2:
      rows.push([...rows[row]]);
      return `row ${row} duplicated`;
    case 3:
      if (options.length > 0) {
        rows[0][r.int(0, width - 1)] = options[0].toLowerCase();
      }
      return "duplicate option header";
    case 4:
      rows[0][factorCol] = r.pick(["Factors", "", "Key", null, "factor "]);
      return "Factor header changed";
    case 5:
      rows[0][r.int(0, width - 1)] = r.pick([null, "", "  "]);
      return "header blanked";
    case 6:
      setKey("inherits", options.length > 1 ? options[options.length - 1] : options[0]);
      return "inheritance cycle (maybe)";
    case 7:
      setKey("inherits", r.pick(["Nope", "Baselin", "", 5]));
      return "unknown parent";
    case 8: {
      const [k, v] = r.pick(OUT_OF_RANGE);
      setKey(k, v);
      return `${k} = ${v}`;
    }
    case 9:
      rows[row][valueCol()] = r.pick(["abc", "1,2,3", "--5", "NaN", "#N/A", true]);
      return `text value in row ${row}`;
    case 10:
      rows[row][valueCol()] = r.pick([1e308, -1e308, 5e-324, 1.7976931348623157e308, 1e21, 1e-300]);
      return `extreme value in row ${row}`;
    case 11:
      rows[row] = rows[row].slice(0, r.int(0, width - 1));
      return `row ${row} cut short`;
    case 12:
      for (const x of rows) x.push(x === rows[0] ? r.pick(["Extra", null, "Option Z"]) : r.chaos(false));
      return "extra column";
    case 13:
      if (rows.length > 1) rows.splice(row, 1);
      return `row ${row} removed`;
    case 14:
      setKey(
        r.pick([
          "foo.bar",
          "topup.special",
          "topup.special.band.1",
          "place.specail",
          "idaci.primary.g",
          "topup.speical.$&",
          "band.<ph>x",
          "ey.senfi.$1",
          "topup.specail.<band>",
        ]),
        1,
      );
      return "unknown key";
    case 15:
      rows.length = 1;
      return "header only";
    case 16:
      rows[row][factorCol] = r.pick([5, true, -0, "#N/A", "  "]);
      return `odd key cell in row ${row}`;
    default: {
      const at = r.int(1, rows.length);
      rows.splice(at, 0, new Array(r.int(0, width + 2)).fill(null));
      return "blank row";
    }
  }
}
