// SEND.DEFICIT: the DSG reserve year by year.
//   in-year_y    = income_y − spend_y + adjustment_y
//   cumulative_y = cumulative_(y−1) + in-year_y, starting from `opening` (a deficit is negative)
// Rules (decided here):
// - a blank (null) income, spend or adjustment is 0 and keeps its year; no adjustments at all means 0 every year.
// - income must have at least one value (#VALUE!); spend and adjustments must have as many values as income
//   (#VALUE! naming both).
// - inputs are money and are used exactly as given. Each in-year amount is rounded to `unit` (default £0.01) and the
//   cumulative column is the (rounded) opening plus the running sum of the rounded in-year amounts, so the two
//   columns foot exactly on screen: last cumulative = opening + Σ in-year.
import { type Dec, PENNY, ZERO, roundMoney } from "./money";
import { E, type SendError } from "./errors";

type Column = readonly (Dec | null)[];

/** n rows of [in-year, cumulative]. */
export function deficit(
  opening: Dec | null,
  income: Column,
  spend: Column,
  adjustments?: Column | null,
  unit: Dec = PENNY,
): Dec[][] | SendError {
  const n = income.length;
  if (n === 0) return E.noValues("income", "give one value per year");
  if (spend.length !== n) return E.lengthMismatch("income", "spend", n, spend.length);
  if (adjustments && adjustments.length !== n) return E.lengthMismatch("income", "adjustments", n, adjustments.length);
  let cumulative = roundMoney(opening ?? ZERO, unit);
  return income.map((inc, y) => {
    const inYear = roundMoney((inc ?? ZERO).minus(spend[y] ?? ZERO).plus(adjustments?.[y] ?? ZERO), unit);
    cumulative = cumulative.plus(inYear);
    return [inYear, cumulative];
  });
}
