// Nearly valid institution tables: a header row with the contract's fields (spelt the ways people spell them),
// rows of plausible counts for every phase, then a few random corruptions (text in counts, negative counts,
// unknown phases, Occupied over Places, Months out of range, duplicate or bandless headers, jagged rows…).
import { PHASES, type Cell } from "../../src/engine/types";
import { BANDS, SENIF_BANDS } from "./ratesTable";
import type { Rng } from "./rng";

export interface TableCase {
  grid: Cell[][];
  corruptions: string[];
}

/** Header spellings that mean the same field (contract section 1: case, spaces, _ and - ignored). */
const SPELLINGS: Record<string, string[]> = {
  "Primary Pupils": ["Primary Pupils", "primary_pupils", "PRIMARY-PUPILS", "PrimaryPupils"],
  "SEN Support": ["SEN Support", "sen_support", "Sen-Support"],
  "KS3 Pupils": ["KS3 Pupils", "ks3 pupils"],
  "KS4 Pupils": ["KS4 Pupils", "KS4_Pupils"],
};
const BAND_HEADERS: Record<string, string[]> = {
  "1": ["1", " 1", "_1"],
  "2": ["2", "-2"],
  band3: ["Band 3", "band3", "BAND_3", "Band-3"],
  sld: ["SLD", "sld", "S L D"],
};
const COUNTS = [
  "Primary Pupils",
  "KS3 Pupils",
  "KS4 Pupils",
  "FSM",
  "FSM6",
  "IDACI A",
  "IDACI B",
  "IDACI C",
  "IDACI D",
  "IDACI E",
  "IDACI F",
  "LPA",
  "EAL",
  "SEN Support",
  "Places",
  "DAF",
  "Students",
];

function spell(r: Rng, field: string): string {
  return SPELLINGS[field] ? r.pick(SPELLINGS[field]) : r.chance(0.1) ? field.toLowerCase() : field;
}

/** A value for a header (by what it means); a quarter of counts blank (blank is 0). */
function valueFor(r: Rng, header: string, phase: string, places: number): Cell {
  const h = header.toLowerCase().replace(/[\s_-]/g, "");
  if (h === "name") return r.chance(0.9) ? `School ${r.int(1, 999)}` : null;
  if (h === "phase") return phase;
  if (h === "months") return r.chance(0.6) ? null : r.pick([12, 6, 0, 1.5, 9, 11]);
  if (h === "places") return places;
  if (h === "occupied") return r.chance(0.5) ? null : r.int(0, places);
  if (h === "urn") return r.int(100000, 150000);
  if (h === "notes") return r.pick([null, "note", "#N/A", 5]);
  if (r.chance(0.25)) return null;
  if (h.startsWith("senif")) return r.int(0, 30);
  if (h.startsWith("ehcp")) return r.chance(0.5) ? r.int(0, 5) : r.int(0, 60);
  if (h.endsWith("pupils") || h === "students") return r.int(0, 1500);
  return r.chance(0.9) ? r.int(0, 300) : r.int(0, 3000) / 10;
}

export function institutionTable(r: Rng, corruptions: number, maxRows = 8): TableCase {
  const header: Cell[] = [];
  if (r.chance(0.95)) header.push("Name");
  if (r.chance(0.97)) header.push(r.pick(["Phase", "phase", " PHASE "]));
  for (const f of COUNTS) if (r.chance(0.6)) header.push(spell(r, f));
  for (const b of BANDS)
    if (r.chance(0.7)) header.push(`${r.pick(["EHCP ", "EHCP", "ehcp_", "EHCP-"])}${r.pick(BAND_HEADERS[b])}`);
  for (const b of SENIF_BANDS) if (r.chance(0.4)) header.push(`SENIF ${b.toUpperCase()}`);
  if (r.chance(0.5)) header.push("Occupied");
  if (r.chance(0.5)) header.push("Months");
  if (r.chance(0.3)) header.push("URN");
  if (r.chance(0.2)) header.push("Notes");
  if (r.chance(0.4)) r.shuffle(header);
  if (!header.some((h) => String(h).trim().toLowerCase() === "places") && r.chance(0.7)) header.push("Places");
  const grid: Cell[][] = [header];
  const n = r.int(1, maxRows);
  for (let i = 0; i < n; i++) {
    const phase = r.chance(0.85)
      ? r.pick(PHASES)
      : r.pick(["primary", " SPECIAL ", "resource_base", "early-years", "Ap", "fe"]);
    const places = r.chance(0.3) ? 0 : r.int(0, 200);
    grid.push(header.map((h) => valueFor(r, String(h ?? ""), phase, places)));
  }
  const done: string[] = [];
  for (let i = 0; i < corruptions; i++) done.push(corruptTable(r, grid));
  return { grid, corruptions: done };
}

function corruptTable(r: Rng, grid: Cell[][]): string {
  const width = grid[0].length;
  const row = grid.length > 1 ? r.int(1, grid.length - 1) : 0;
  const col = r.int(0, Math.max(0, width - 1));
  const colOf = (name: string) =>
    grid[0].findIndex(
      (h) =>
        String(h ?? "")
          .trim()
          .toLowerCase() === name,
    );
  switch (r.int(0, 14)) {
    case 0:
      grid[row][col] = r.chaos(false);
      return `chaos cell at ${row},${col}`;
    case 1:
      grid[row][col] = -r.int(1, 50);
      return `negative at ${row},${col}`;
    case 2:
      grid[row][col] = r.pick(["abc", "1,2,3", "--5", "NaN", "#N/A", "#VALUE!", "1e999", "£", true]);
      return `text at ${row},${col}`;
    case 3: {
      const p = colOf("phase");
      if (p >= 0) grid[row][p] = r.pick(["Primery", "Nursery", "", 3, "#N/A"]);
      return "bad phase";
    }
    case 4: {
      // Occupied over Places
      let o = colOf("occupied");
      let p = colOf("places");
      if (o < 0) {
        grid[0].push("Occupied");
        o = grid[0].length - 1;
      }
      if (p < 0) {
        grid[0].push("Places");
        p = grid[0].length - 1;
      }
      grid[row][p] = 5;
      grid[row][o] = 6;
      return "Occupied > Places";
    }
    case 5: {
      const m = colOf("months") >= 0 ? colOf("months") : grid[0].push("Months") - 1;
      grid[row][m] = r.pick([13, -1, 12.5, "six", 1e308]);
      return "Months out of range";
    }
    case 6:
      grid[0].push(r.pick(["Places", "PHASE", "fsm", "EHCP 1", "ehcp_1"]));
      return "duplicate header (maybe)";
    case 7:
      grid[0].push(r.pick(["EHCP", "SENIF", " ehcp "]));
      return "bandless header";
    case 8:
      grid.push(new Array(r.int(0, width)).fill(r.pick([null, "", " "])));
      return "blank row";
    case 9:
      grid[row] = grid[row].slice(0, r.int(0, width));
      return `row ${row} cut short`;
    case 10: {
      const p = colOf("phase");
      if (p >= 0) grid[0][p] = "Stage";
      return "no Phase column";
    }
    case 11:
      grid[row][col] = r.pick([1e308, 1.7976931348623157e308, 5e-324, 1e21, 2 ** 53 + 1, 0.1 + 0.2]);
      return `extreme at ${row},${col}`;
    case 12:
      grid.length = 1;
      return "header only";
    case 13:
      grid[row].push(r.chaos(false), r.chaos(false));
      return `row ${row} longer than header`;
    default:
      grid.splice(r.int(1, grid.length), 0, grid[0].slice());
      return "header repeated as data";
  }
}
