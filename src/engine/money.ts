// Money and quantities are exact decimals inside the engine. They become JavaScript numbers only at
// the boundary (toNumber), after rounding by the rounding rule below.
import Decimal from "decimal.js";

/** One Decimal constructor for the whole engine: 40 significant digits, half-up (away from zero). */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

export const ZERO = new D(0);
export const ONE = new D(1);
export const TWELVE = new D(12);
export const PENNY = new D("0.01");

/**
 * The rounding rule (fast/exact.ts roundUnits gives the same result in scaled integers): round to the nearest multiple
 * of `unit` (default £0.01), ties away from zero
 * ("half-up" on the magnitude, as Excel's ROUND does). £1 rounds to whole pounds.
 */
export function roundMoney(x: Dec, unit: Dec = PENNY): Dec {
  return x.div(unit).toDecimalPlaces(0, D.ROUND_HALF_UP).times(unit);
}

/** Sum of decimals. */
export function sum(xs: Iterable<Dec>): Dec {
  let acc = ZERO;
  for (const x of xs) acc = acc.plus(x);
  return acc;
}

/** The boundary: a (rounded) Decimal becomes the nearest double. */
export function toNumber(x: Dec): number {
  return x.toNumber();
}

export function dec(x: number | string | Dec): Dec {
  return new D(x);
}
