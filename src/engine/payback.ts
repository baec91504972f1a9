// SEND.PAYBACK: years for an invest-to-save scheme to repay itself.
//   years = investment / (annual_saving − annual_cost), rounded half-up to 0.01 of a year
// Rules (decided here):
// - a negative investment is #NUM!; an investment of 0 pays back in 0 years.
// - annual_cost absent (or blank) is 0. Saving and cost may be any numbers; only the net saving matters, and a net
//   saving of 0 or less means it never pays back: #NUM! naming both arguments and their values.
import { type Dec, PENNY, roundMoney } from "./money";
import { E, type SendError } from "./errors";

export function payback(investment: Dec, annualSaving: Dec, annualCost?: Dec | null): Dec | SendError {
  if (investment.lt(0)) return E.argRange("investment", investment.toFixed(), "0 or more");
  const net = annualCost ? annualSaving.minus(annualCost) : annualSaving;
  if (net.lte(0)) return E.neverPaysBack(annualSaving.toFixed(), annualCost ? annualCost.toFixed() : null);
  // 40 significant digits before rounding: far finer than any half-hundredth a real input can come near
  return roundMoney(investment.div(net), PENNY);
}
