// ROUND, ROUNDUP and ROUNDDOWN as Excel computes them: on the decimal value Excel shows (the double to 15
// significant digits), rounding half away from zero. HyperFormula multiplies the double and rounds the binary
// product: ROUND(1.005,2) = 1.00499999…×100 → 1 (Excel: 1.01), ROUND(0.285,2) → 0.28 (Excel: 0.29).
import Decimal from "decimal.js";
import { FunctionArgumentType, FunctionPlugin, HyperFormula } from "hyperformula";
import type { ImplementedFunctions } from "hyperformula";

/** The double as the 15-significant-digit decimal Excel works on. */
const shown = (x: number) => new Decimal(x.toPrecision(15));

/** Rounds x to `places` decimal places (negative: tens, hundreds…) with a decimal.js rounding mode. */
export function excelRound(x: number, places: number, mode: Decimal.Rounding): number {
  if (!Number.isFinite(x)) return x;
  const p = Math.trunc(places);
  const d = shown(x);
  const scale = new Decimal(10).pow(-p);
  const out = p >= 0 ? d.toDecimalPlaces(p, mode) : d.div(scale).toDecimalPlaces(0, mode).mul(scale);
  const n = out.toNumber() + 0; // never -0
  return Number.isFinite(n) ? n : x; // 15 digits of a value near the largest double overflow: nothing to round
}

const NUMBER_ARGS = [
  { argumentType: FunctionArgumentType.NUMBER },
  { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 },
];

type Args = Parameters<FunctionPlugin["runFunction"]>;

class ExcelRoundingPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    ROUND: { method: "round", parameters: NUMBER_ARGS },
    ROUNDUP: { method: "roundup", parameters: NUMBER_ARGS },
    ROUNDDOWN: { method: "rounddown", parameters: NUMBER_ARGS },
  };

  private run(name: string, ast: { args: Args[0] }, state: Args[1], mode: Decimal.Rounding) {
    return this.runFunction(ast.args, state, this.metadata(name), (x: number, places: number) =>
      excelRound(x, places, mode),
    );
  }
  round(ast: { args: Args[0] }, state: Args[1]) {
    return this.run("ROUND", ast, state, Decimal.ROUND_HALF_UP); // decimal.js: half away from zero
  }
  roundup(ast: { args: Args[0] }, state: Args[1]) {
    return this.run("ROUNDUP", ast, state, Decimal.ROUND_UP); // away from zero
  }
  rounddown(ast: { args: Args[0] }, state: Args[1]) {
    return this.run("ROUNDDOWN", ast, state, Decimal.ROUND_DOWN); // towards zero
  }
}

let registered = false;
/** Replaces HyperFormula's ROUND, ROUNDUP and ROUNDDOWN with Excel's (once per process). */
export function registerExcelRounding(): void {
  if (registered) return;
  for (const id of ["ROUND", "ROUNDUP", "ROUNDDOWN"]) HyperFormula.unregisterFunction(id);
  HyperFormula.registerFunctionPlugin(ExcelRoundingPlugin);
  registered = true;
}
