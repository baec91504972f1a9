// Where the fast row reader puts each count of an institution row (a flat array per row, no objects).
// EHCP band counts and SENIF band hours follow from FIRST_BAND on, in the header's column order.
import type { CountField } from "../fields";
import type { CountRef } from "../keys";

export const S = {
  primaryPupils: 0,
  ks3Pupils: 1,
  ks4Pupils: 2,
  fsm: 3,
  fsm6: 4,
  idaciA: 5, // … idaciF = 10
  lpa: 11,
  eal: 12,
  senSupport: 13,
  places: 14,
  occupied: 15,
  daf: 16,
  students: 17,
  /** always 1: the lump sum's count */
  one: 18,
  /** derived per row by evaluate(): pupils on roll, Places − Occupied, EHCPs (all bands) */
  roll: 19,
  unoccupied: 20,
  ehcps: 21,
} as const;
export const FIRST_BAND = 22;

export const COUNT_SLOT: Record<CountField, number> = {
  primaryPupils: S.primaryPupils,
  ks3Pupils: S.ks3Pupils,
  ks4Pupils: S.ks4Pupils,
  fsm: S.fsm,
  fsm6: S.fsm6,
  lpa: S.lpa,
  eal: S.eal,
  senSupport: S.senSupport,
  places: S.places,
  daf: S.daf,
  students: S.students,
};

export const IDACI_BANDS = ["a", "b", "c", "d", "e", "f"];

/** The slot of a term's count (keys.ts CountRef). */
export function slotOf(count: Exclude<CountRef, "idaci.<A..F>">): number {
  switch (count) {
    case "one":
      return S.one;
    case "roll":
      return S.roll;
    case "occupied":
      return S.occupied;
    case "unoccupied":
      return S.unoccupied;
    default:
      return count.startsWith("idaci.")
        ? S.idaciA + IDACI_BANDS.indexOf(count.slice(6))
        : COUNT_SLOT[count as CountField];
  }
}

/** Phase codes: the index in PHASES (types.ts). */
export const P = {
  earlyYears: 0,
  primary: 1,
  secondary: 2,
  special: 3,
  resourceBase: 4,
  ap: 5,
  fe: 6,
  isp: 7,
} as const;
