// Random rates tables and institution tables for the fast-path identity tests: every phase, values with up to
// 4 decimals, fractional counts and Months (ties likely), numbers as text, missing rates, values too large or
// too long for the exact path (to force the fallback), and the cell errors fields.ts reports.
import type { Cell, Grid } from "../api";
import type { Rng } from "./random";

export const BASE = "Base";
export const CAND = "Candidate";
const PH = ["primary", "secondary"];
/** EHCP bands in headers; keys exist for the first three (band 'x' only through topup.all.x, sometimes) */
const EHCP_HEADERS = ["EHCP 1", "EHCP Band2", "EHCP band 3", "EHCP X"];
const SENIF_HEADERS = ["SENIF a", "SENIF B", "SENIF c"];
const SETTINGS_ALL = ["mainstream", "rb", "special", "ap", "fe", "ey", "isp", "all"];

/** money with 0-4 decimals; now and then a value too long or too large for the exact path */
export function money(r: Rng, maxDigits = 6): Cell {
  if (r.chance(0.01)) return r.pick([123456789012.3456, 98765432109876, 0.30000000000000004, 1e-9 + 1]);
  if (r.chance(0.02)) return r.pick(["£1,234.50", "2,000", "(0)", " 750 "]);
  return r.digits(maxDigits) / 10 ** r.pick([0, 0, 1, 2, 2, 3, 4]);
}

function share(r: Rng): Cell {
  if (r.chance(0.15)) return 0;
  if (r.chance(0.05)) return 1 - r.pick([0.4, 0.7, 0.9]); // 0.6000000000000001: 16 digits, exact but long
  if (r.chance(0.02)) return "12.5%";
  const k = 10 ** r.pick([1, 2, 3, 4]);
  return Math.round(r.next() * k) / k;
}

/** Factor | Base | Candidate (inherits Base, overrides some), with every key an allocation reads. */
export function randomRates(r: Rng): Grid {
  const rows: [string, () => Cell][] = [];
  const add = (k: string, gen: () => Cell) => rows.push([k, gen]);
  add("round.to", () => r.pick([0.01, 0.01, 0.01, 1, 1, 0.05, 0.25, 0.001, 0.5]));
  for (const k of ["be.primary", "be.ks3", "be.ks4"]) add(k, () => money(r));
  for (const p of PH) {
    for (const f of ["fsm", "fsm6", "lpa", "eal"]) add(`${f}.${p}`, () => money(r, 5));
    for (const b of "abcdef") add(`idaci.${p}.${b}`, () => money(r, 4));
    add(`lumpsum.${p}`, () => money(r, 7));
  }
  for (const f of ["be", "fsm", "fsm6", "idaci", "lpa", "eal", "lumpsum"]) add(`notional.${f}`, () => share(r));
  for (const k of ["place.special", "place.ap", "place.rb.occupied", "place.rb.unoccupied", "place.fe"])
    add(k, () => money(r, 5));
  for (const s of SETTINGS_ALL)
    for (const b of ["1", "band2", "Band 3"])
      if (r.chance(s === "all" ? 0.97 : 0.7)) add(`topup.${s}.${b}`, () => money(r, 6));
  if (r.chance(0.8)) add("topup.all.x", () => money(r, 5));
  add("ei.sensupport", () => money(r, 4));
  add("ei.perpupil", () => money(r, 3));
  add("ei.highneeds.threshold", () => share(r));
  add("ei.highneeds.rate", () => money(r, 5));
  add("ei.notional.guarantee", () => money(r, 5));
  add("ey.daf", () => money(r, 4));
  if (r.chance(0.7)) add("ey.weeks", () => r.pick([38, 38, 39, 37.5, 52, 0]));
  for (const b of ["a", "b"]) add(`ey.senif.${b}`, () => money(r, 3));
  add("fe.rate", () => money(r, 5));
  if (r.chance(0.8)) add("fe.weighting", () => r.pick([1, 1.2, 1.0735, 1.5, 0.9999]));
  if (r.chance(0.8)) add("fe.area", () => r.pick([1, 1.0735, 1.2345, 1.05]));
  const grid: Cell[][] = [
    ["Factor", "Description", BASE, CAND],
    ["inherits", null, null, BASE],
  ];
  for (const [k, gen] of rows) {
    const base = r.chance(0.004) ? null : gen(); // a few missing
    grid.push([k, `about ${k}`, base, r.chance(0.15) ? gen() : null]); // the candidate overrides some
  }
  return grid;
}

const COUNT_HEADERS = [
  "Primary Pupils",
  "KS3 Pupils",
  "KS4 Pupils",
  "FSM",
  "FSM6",
  ..."ABCDEF".split("").map((b) => `IDACI ${b}`),
  "LPA",
  "EAL",
  "SEN Support",
  "DAF",
  "Students",
];
const PHASE_TEXT = [
  "Early Years",
  "Primary",
  "Secondary",
  "Special",
  "Resource Base",
  "AP",
  "FE",
  "ISP",
  " primary ",
  "RESOURCE-BASE",
  "early_years",
];
const MONTHS: Cell[] = [null, null, null, 12, 6, 3, 1.5, 4.5, 8.5, 0.125, 6.25, 9.75, 1 / 3, 7, 0, "6", "", 11];

function count(r: Rng, big: boolean): Cell {
  const x = r.next();
  if (x < 0.25) return null;
  if (x < 0.3) return 0;
  if (x < 0.32) return r.pick([0.5, 2.25, 12.6, 0.1 + 0.2, 1 / 3]); // fractional FTE and awkward doubles
  if (x < 0.33) return r.pick(["1,234", " 12 ", "7.5", "£3"]);
  if (big && x < 0.34) return r.pick([1e12, 123456789.123, 2 ** 53, 1e21]);
  return r.int(1, big ? 2000 : 200);
}

/** A table: a shuffled header (unknown columns too), then rows of every phase, some broken or blank. */
export function randomTable(r: Rng, n: number): Grid {
  const header: string[] = [
    "Name",
    "Phase",
    ...COUNT_HEADERS.filter(() => r.chance(0.85)),
    "Places",
    ...(r.chance(0.8) ? ["Occupied"] : []),
    ...EHCP_HEADERS.filter((h) => r.chance(h === "EHCP X" ? 0.4 : 0.8)),
    ...SENIF_HEADERS.filter((h) => r.chance(h === "SENIF c" ? 0.2 : 0.8)),
    ...(r.chance(0.85) ? ["Months"] : []),
    "URN",
    "Notes",
  ];
  for (let i = header.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [header[i], header[j]] = [header[j], header[i]];
  }
  const grid: Cell[][] = [header];
  for (let i = 0; i < n; i++) {
    if (r.chance(0.01)) {
      grid.push(header.map(() => r.pick([null, "", " "])));
      continue;
    }
    const big = r.chance(0.05);
    const row: Cell[] = header.map((h) => {
      if (h === "Name") return r.chance(0.9) ? `School ${i + 1}` : null;
      if (h === "Phase") return r.pick(PHASE_TEXT);
      if (h === "Months") return r.pick(MONTHS);
      if (h === "URN") return 100000 + i;
      if (h === "Notes") return r.chance(0.1) ? "note" : null;
      if (h === "Places") return r.chance(0.3) ? null : r.int(0, 250);
      if (h === "Occupied") return null; // below, once Places is known
      return count(r, big);
    });
    const pc = header.indexOf("Places"),
      oc = header.indexOf("Occupied");
    if (oc >= 0 && r.chance(0.6))
      // more than Places: #NUM!
      row[oc] = r.chance(0.02) ? ((row[pc] as number) ?? 0) + 1 : r.int(0, (row[pc] as number | null) ?? 0);
    if (r.chance(0.02)) {
      const c = r.int(0, header.length - 1);
      if (header[c] !== "Name" && header[c] !== "URN" && header[c] !== "Notes")
        row[c] = r.pick<Cell>([-1, "n/a", true, 13, -0.5, "Nursery", NaN]);
    }
    grid.push(row);
  }
  return grid;
}
