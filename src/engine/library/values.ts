// How a national option is written: one line per value (key, value, status, source). The unit is the key
// catalogue's and the description is the library's one description of that key, so neither is repeated
// year after year (and a key the catalogue does not know fails as the module loads).
import { findKeyInfo } from "../keys";
import { yearLabel } from "../years";
import type { LibraryOption, LibraryValue } from "./types";

/** What each library key means, in the words a Schools Forum paper would use. */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  "be.primary": "Schools NFF basic entitlement per primary pupil",
  "be.ks3": "Schools NFF basic entitlement per key stage 3 pupil",
  "be.ks4": "Schools NFF basic entitlement per key stage 4 pupil",
  "element2.threshold": "First part of additional SEN support met by the school (element 2) before high-needs top-up",
  "place.special": "Place funding per special school / academy place (elements 1 and 2)",
  "place.ap": "Place funding per pre-16 alternative provision / PRU place",
  "place.rb.occupied":
    "Resourced provision / SEN unit place occupied by a pupil on roll: element 2 only (element 1 comes through " +
    "the school formula)",
  "place.fe": "Post-16 high-needs place: element 2 (element 1 comes through the 16-19 formula)",
  "ey.daf": "Disability Access Fund per eligible child (DLA), a yearly lump sum to one nominated provider",
  "ey.weeks": "Funded weeks a year for early years entitlements (15 hours × 38 weeks = 570 hours)",
  "fe.rate": "16-19 national funding rate per full-time student (band 5), academic year",
};

type Entry = Pick<LibraryValue, "key" | "value" | "status" | "source" | "derivation">;

/**
 * One value of a national option; `status` V = verified at `source`, I = inferred or carried over (with the
 * `derivation` from figures at the source when it is arithmetic) (types.ts).
 */
export function value(
  key: string,
  v: number | string,
  status: LibraryValue["status"],
  source: string,
  derivation?: string,
): Entry {
  return derivation === undefined ? { key, value: v, status, source } : { key, value: v, status, source, derivation };
}

/** A national option with each value's unit and description filled in. */
export function nationalOption(o: Omit<LibraryOption, "values"> & { fy: number; values: Entry[] }): LibraryOption {
  const academicYear = yearLabel(o.fy);
  return {
    ...o,
    values: o.values.map((e) => {
      const unit = findKeyInfo(e.key)?.unit;
      const description = DESCRIPTIONS[e.key];
      if (unit === undefined || description === undefined)
        throw new Error(`library: ${e.key} is not a catalogue key with a library description`);
      // the 16-19 rate is the academic year that starts in the option's financial year
      return { ...e, unit, description: e.key === "fe.rate" ? `${description} ${academicYear}` : description };
    }),
  };
}
