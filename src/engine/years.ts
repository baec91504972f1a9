// Financial and academic years. The DSG is a financial-year grant (April to March); 16-19 rates and place numbers
// change at academic-year boundaries (September). A financial year therefore spends 5 months (April-August) at
// the old academic year's rate or places and 7 months (September-March) at the new one:
//   FY value = 5/12 × old AY value + 7/12 × new AY value
// (the LA example in the domain brief: docsbay "secondary school funding formula 2012-13").
import type { Dec } from "./money";

/** The financial-year value of an academic-year rate or count that changes in September. */
export function financialYearValue(oldAcademicYear: Dec, newAcademicYear: Dec): Dec {
  // multiply first, divide once: exact for whole pounds and whole places
  return oldAcademicYear.times(5).plus(newAcademicYear.times(7)).div(12);
}

/** "2025-26" for 2025. */
export function yearLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/** The same conversion as spreadsheet formula text, so a model's rates stay live: "=5/12*4843+7/12*5105". */
export function financialYearFormula(oldAcademicYear: number | string, newAcademicYear: number | string): string {
  return `=5/12*${oldAcademicYear}+7/12*${newAcademicYear}`;
}
