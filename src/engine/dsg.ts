// The DSG as a whole, for SEND.PLAN: the Schools, Central School Services and Early Years blocks beside High Needs
// (the one projection of ./project), the Schools-to-High-Needs transfer, DfE and local authority contributions, and
// the DSG-wide in-year and cumulative balance, with the part of a cumulative deficit that falls after the statutory
// override ends (dsg.override.end, a rate key).
// Rules (each block b of OTHER_BLOCKS, plan year y = 1..n):
// - income_b(y) = dsg.b.income × (1 + dsg.b.growth)^(y−1), rounded
// - transfer(y) = dsg.transfer × income_schools(y), rounded: leaves the Schools block, arrives in High Needs
// - spend_b(y) = dsg.b.spend × (1 + dsg.b.spend.growth)^(y−1) when dsg.b.spend is given, rounded; else the block
//   spends what it keeps (income, less the transfer for Schools), so it balances
// - High Needs: SEND.PROJECT's income and spend; its in-year after the transfer = PROJECT's in-year + transfer
// - contributions(y) = dsg.safetyvalve.y + dsg.dfe.y + dsg.la.y
// - DSG in-year = Σ blocks' in-year (transfer included) + contributions; cumulative from proj.opening + dsg.opening
// - beyond the override: the cumulative deficit of a year after dsg.override.end (a deficit is negative), else 0.
import { SendError } from "./errors";
import { OTHER_BLOCKS } from "./keys";
import { ONE, ZERO, roundMoney, sum, type Dec } from "./money";
import { normKey } from "./normalize";
import { projectYears, type ProjectedYear } from "./project";
import type { Option } from "./rates";
import type { Grid } from "./types";

export type OtherBlock = (typeof OTHER_BLOCKS)[number]["id"];

export interface DsgYear {
  /** income and spend of Schools, CSSB and Early Years, in OTHER_BLOCKS order */
  blocks: { id: OtherBlock; income: Dec; spend: Dec }[];
  /** moved from the Schools block to High Needs */
  transfer: Dec;
  highNeedsInYear: Dec;
  safetyValve: Dec;
  dfeOther: Dec;
  la: Dec;
  inYear: Dec;
  cumulative: Dec;
  /** the cumulative deficit no longer covered by the statutory override (0 while it is, or with no end date) */
  beyondOverride: Dec;
}

export function dsgYears(
  option: Option,
  forecast?: Grid | null,
  years?: ProjectedYear[],
  history?: Grid | null,
): { projection: ProjectedYear[]; dsg: DsgYear[] } | SendError {
  const projection = years ?? projectYears(option, forecast, history);
  if (projection instanceof SendError) return projection;
  const get = (key: string): Dec => (option.rates.get(normKey(key))?.value as Dec | undefined) ?? ZERO;
  const has = (key: string): boolean => option.rates.has(normKey(key));
  const round = (x: Dec) => roundMoney(x, option.roundTo);
  const start = has("proj.start") ? get("proj.start").toNumber() : null;
  const overrideEnd = has("dsg.override.end") ? get("dsg.override.end").toNumber() : null;
  let cumulative = get("proj.opening").plus(get("dsg.opening"));
  const dsg = projection.map((p, i) => {
    const y = i + 1;
    const grown = (key: string, growth: string) => round(get(key).times(ONE.plus(get(growth)).pow(y - 1)));
    const incomes = OTHER_BLOCKS.map((b) => grown(`dsg.${b.id}.income`, `dsg.${b.id}.growth`));
    const transfer = round(get("dsg.transfer").times(incomes[0]));
    const blocks = OTHER_BLOCKS.map((b, k) => {
      const kept = k === 0 ? incomes[k].minus(transfer) : incomes[k];
      const spend = has(`dsg.${b.id}.spend`) ? grown(`dsg.${b.id}.spend`, `dsg.${b.id}.spend.growth`) : kept;
      return { id: b.id, income: incomes[k], spend };
    });
    const highNeedsInYear = p.inYear.plus(transfer);
    const safetyValve = round(get(`dsg.safetyvalve.${y}`));
    const dfeOther = round(get(`dsg.dfe.${y}`));
    const la = round(get(`dsg.la.${y}`));
    const others = sum(blocks.map((b) => b.income.minus(b.spend))).minus(transfer);
    const inYear = others.plus(highNeedsInYear).plus(safetyValve).plus(dfeOther).plus(la);
    cumulative = cumulative.plus(inYear);
    const fy = start === null ? null : start + i;
    const after = overrideEnd !== null && fy !== null && fy > overrideEnd;
    const beyondOverride = after && cumulative.lt(ZERO) ? cumulative : ZERO;
    return { blocks, transfer, highNeedsInYear, safetyValve, dfeOther, la, inYear, cumulative, beyondOverride };
  });
  return { projection, dsg };
}
