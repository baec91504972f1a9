// England's growth, the reference each area's forecast is pooled toward (method.ts). By default it comes from the
// bundled national history (src/data/ehcp, to January 2022), over the years up to the history's last year; a
// history that ends later uses England's growth to the newest bundled year (its vintage). A caller that holds a
// newer England series (the CLI reading a release) passes it instead.
import { ENGLAND_CODE, historyTable } from "../../data/ehcp";
import { isSendError } from "../errors";
import { readHistory, type History } from "./history";
import { compoundGrowth, type Method, type Reference } from "./method";

/** England growth beyond ±25% a year is a group being created or reclassified, not a trend to pool toward. */
export const MAX_GROWTH = 0.25;

let bundled: History | null | undefined;

/** The bundled England history (read once). */
export function bundledEngland(): History | null {
  if (bundled === undefined) {
    const h = readHistory(historyTable(ENGLAND_CODE)!);
    bundled = isSendError(h) ? null : h;
  }
  return bundled;
}

/** England's compound growth of each breakdown to `lastYear` (or England's own last year, if sooner), over the
 * method's years (Total) and partYears (the other breakdowns). */
export function referenceAt(
  lastYear: number,
  method: Pick<Method, "years" | "partYears">,
  england: History | null = bundledEngland(),
): Reference {
  if (!england) return {};
  const k = england.years.indexOf(Math.min(lastYear, england.years[england.years.length - 1]));
  if (k < 1) return {};
  const out: Record<string, number> = {};
  for (const c of england.columns) {
    // a group England was still filling (FE and specialist post-16 after the 2014 reforms) is no evidence for an area
    const years = c.breakdown.kind === "total" ? method.years : method.partYears;
    const g = compoundGrowth(c.values.slice(0, k + 1), years);
    if (Math.abs(g) <= MAX_GROWTH) out[c.breakdown.key] = g;
  }
  return out;
}
