// Which institution fields each phase's components read (contract section 4). A count in a field its
// phase never reads is not an error, but it is money the officer may expect and will not see: the
// importer and SEND.CHECK's institutions check both report it from this one table.
import type { Phase } from "./types";

/** Field families, as the Institutions headers name them ("EHCP <band>" is one family), in the table's order. */
export const FIELD_FAMILIES = [
  "Primary Pupils",
  "KS3 Pupils",
  "KS4 Pupils",
  "FSM",
  "FSM6",
  "IDACI",
  "LPA",
  "EAL",
  "SEN Support",
  "EHCP",
  "Places",
  "Occupied",
  "Places from September",
  "DAF",
  "SENIF",
  "Students",
] as const;
export type FieldFamily = (typeof FIELD_FAMILIES)[number];

/** A mainstream school reads every family up to EHCP (the table's order puts them first). */
const MAINSTREAM: readonly FieldFamily[] = FIELD_FAMILIES.slice(0, FIELD_FAMILIES.indexOf("EHCP") + 1);

export const FIELDS_USED: Record<Phase, readonly FieldFamily[]> = {
  Primary: MAINSTREAM,
  Secondary: MAINSTREAM,
  Special: ["Places", "Places from September", "EHCP"],
  AP: ["Places", "Places from September", "EHCP"],
  "Resource Base": ["Places", "Places from September", "Occupied", "EHCP"],
  FE: ["Places", "Places from September", "Students", "EHCP"],
  "Early Years": ["DAF", "SENIF", "EHCP"],
  ISP: ["EHCP"],
};

/** Whether a phase's formula reads a field family. */
export function phaseUses(phase: Phase, family: FieldFamily): boolean {
  return FIELDS_USED[phase].includes(family);
}

/** The phases that read a family, for messages ("Places are read for Special, AP, Resource Base and FE"). */
export function phasesUsing(family: FieldFamily): Phase[] {
  return (Object.keys(FIELDS_USED) as Phase[]).filter((p) => FIELDS_USED[p].includes(family));
}
