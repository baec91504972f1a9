// PROTOTYPE (bench-only, not wired into src): a per-header row reader compiled once per table.
// It classifies the header row once (as fieldReader does) and then reads a row into a flat
// Float64Array of counts, with no Decimal and no Map per row. Anything it is not sure about
// (text in a numeric cell, a negative or fractional count, an unknown phase, Occupied > Places, more
// than 2 decimals in Months…) makes it return null, and the caller falls back to the engine for that
// row, so errors and their messages are always the engine's own.
import { PHASES, type Cell } from "../../src/engine/types";

const norm = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, "");

/** Slots of the flat count vector. EHCP and SENIF bands follow, in header order. */
export const F = {
  pri: 0, ks3: 1, ks4: 2, fsm: 3, fsm6: 4, idaciA: 5, /* …idaciF = 10 */ lpa: 11, eal: 12, sen: 13,
  places: 14, occupied: 15, daf: 16, students: 17, months100: 18, phase: 19, ehcpSum: 20, first: 21,
} as const;

const COUNT: Record<string, number> = {
  primarypupils: F.pri, ks3pupils: F.ks3, ks4pupils: F.ks4, fsm: F.fsm, fsm6: F.fsm6, lpa: F.lpa, eal: F.eal,
  sensupport: F.sen, places: F.places, daf: F.daf, students: F.students,
  idacia: 5, idacib: 6, idacic: 7, idacid: 8, idacie: 9, idacif: 10,
};
const PHASE_CODE = new Map<string, number>(PHASES.map((p, i) => [norm(p), i]));
export const PHASE_INDEX = Object.fromEntries(PHASES.map((p, i) => [p, i])) as Record<(typeof PHASES)[number], number>;

export interface CompiledReader {
  /** normalised EHCP band labels, in slot order (slot F.first + i) */
  ehcpBands: string[];
  senifBands: string[];
  width: number;
  /** fills `out`; false = let the engine read this row */
  read(row: readonly Cell[], out: Float64Array): boolean;
}

/** null when the header needs the engine (duplicates, a bandless EHCP header…). */
export function compileReader(header: readonly Cell[]): CompiledReader | null {
  const countCols: [number, number][] = [];
  const ehcpBands: string[] = [];
  const senifBands: string[] = [];
  const bandCols: [number, number][] = [];
  let phaseCol = -1, monthsCol = -1, occupiedCol = -1;
  const seen = new Set<string>();
  const senifCols: number[] = [];
  for (let c = 0; c < header.length; c++) {
    const h = header[c];
    if (h === null || h === undefined || String(h).trim() === "") continue;
    const n = norm(String(h));
    if (seen.has(n)) return null;
    seen.add(n);
    if (n === "phase") phaseCol = c;
    else if (n === "months") monthsCol = c;
    else if (n === "occupied") occupiedCol = c;
    else if (n in COUNT) countCols.push([c, COUNT[n]]);
    else if (n === "ehcp" || n === "senif") return null;
    else if (n.startsWith("ehcp")) { ehcpBands.push(n.slice(4)); bandCols.push([c, -1]); }
    else if (n.startsWith("senif")) { senifBands.push(n.slice(5)); senifCols.push(c); }
  }
  if (phaseCol < 0) return null;
  bandCols.forEach((bc, i) => (bc[1] = F.first + i));
  senifCols.forEach((c, i) => bandCols.push([c, F.first + ehcpBands.length + i]));
  const width = F.first + ehcpBands.length + senifBands.length;
  const phaseCache = new Map<unknown, number>();
  const nEhcp = ehcpBands.length;

  /** a count: a non-negative integer number or blank; -1 = not sure */
  const count = (v: Cell): number => {
    if (typeof v === "number") return v >= 0 && Number.isInteger(v) && v <= 1e9 ? v : -1;
    if (v === null || v === undefined) return 0;
    return typeof v === "string" && v.trim() === "" ? 0 : -1;
  };

  return {
    ehcpBands, senifBands, width,
    read(row, out) {
      out.fill(0);
      const p = row[phaseCol];
      let code = phaseCache.get(p);
      if (code === undefined) {
        code = typeof p === "string" ? PHASE_CODE.get(norm(p)) ?? -1 : -1;
        phaseCache.set(p, code);
      }
      if (code < 0) return false;
      out[F.phase] = code;
      for (let i = 0; i < countCols.length; i++) {
        const v = count(row[countCols[i][0]]);
        if (v < 0) return false;
        out[countCols[i][1]] = v;
      }
      let ehcps = 0;
      for (let i = 0; i < bandCols.length; i++) {
        const v = count(row[bandCols[i][0]]);
        if (v < 0) return false;
        out[bandCols[i][1]] = v;
        if (i < nEhcp) ehcps += v;
      }
      out[F.ehcpSum] = ehcps;
      if (occupiedCol >= 0) {
        const raw = row[occupiedCol];
        if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) out[F.occupied] = out[F.places];
        else {
          const v = count(raw);
          if (v < 0 || v > out[F.places]) return false;
          out[F.occupied] = v;
        }
      } else out[F.occupied] = out[F.places];
      const m = monthsCol < 0 ? null : row[monthsCol];
      if (m === null || m === undefined || (typeof m === "string" && m.trim() === "")) out[F.months100] = 1200;
      else {
        if (typeof m !== "number" || !(m >= 0 && m <= 12)) return false;
        const m100 = Math.round(m * 100);
        if (m100 / 100 !== m) return false; // more than 2 decimals: the engine handles it
        out[F.months100] = m100;
      }
      return true;
    },
  };
}

/** The engine's "all-blank row" test, for rows the fast path reads. */
export function isBlankRow(row: readonly Cell[]): boolean {
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (v === null || v === undefined) continue;
    if (typeof v === "string" && v.trim() === "") continue;
    return false;
  }
  return true;
}
