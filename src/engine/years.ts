// Financial and academic years. The DSG is a financial-year grant (April to March); 16-19 rates and place numbers
// change at academic-year boundaries (September). A financial year therefore spends 5 months (April-August) at
// the old academic year's rate or places and 7 months (September-March) at the new one:
//   FY value = 5/12 × old AY value + 7/12 × new AY value
// (the LA example in the domain brief: docsbay "secondary school funding formula 2012-13").
// FE colleges are funded by the 16-19 funding year, which starts in August (the domain brief's 16-19 rates change
// "from August 2023", schoolsweek.co.uk), so a college's financial year is 4/12 of the old year (April-July) and 8/12
// of the new (August-March).
import { TWELVE, type Dec } from "./money";
import type { Phase, PlaceYear } from "./types";

/** Months of a financial year (April to March) before the new academic year: 5 at schools, 4 at FE colleges. */
export function monthsBeforeNewYear(phase: Phase): number {
  return phase === "FE" ? 4 : 5;
}

/** The financial-year value of an academic-year rate or count that changes after `monthsBefore` months. */
export function financialYearValue(oldAcademicYear: Dec, newAcademicYear: Dec, monthsBefore = 5): Dec {
  // multiply first, divide once: exact for whole pounds and whole places
  return oldAcademicYear
    .times(monthsBefore)
    .plus(newAcademicYear.times(12 - monthsBefore))
    .div(12);
}

/**
 * A row's places in one financial year when `Places from September` is given: `before` from April, `after` from the
 * new academic year. Occupied (resourced provision) is a financial-year figure; blank means every place is occupied.
 */
export function placeYear(phase: Phase, before: Dec, after: Dec, occupied: Dec | null): PlaceYear {
  const monthsBefore = monthsBeforeNewYear(phase);
  const twelfths = before.times(monthsBefore).plus(after.times(12 - monthsBefore));
  return {
    before,
    after,
    monthsBefore,
    twelfths,
    occupiedTwelfths: occupied === null ? twelfths : occupied.times(TWELVE),
    yearPlaces: twelfths.div(TWELVE),
  };
}

/** "2025-26" for 2025. */
export function yearLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/** The same conversion as spreadsheet formula text, so a model's rates stay live: "=5/12*4843+7/12*5105". */
export function financialYearFormula(oldAcademicYear: number | string, newAcademicYear: number | string): string {
  return `=5/12*${oldAcademicYear}+7/12*${newAcademicYear}`;
}
