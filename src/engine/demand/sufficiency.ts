// SEND.SUFFICIENCY: forecast demand against planned places, year by year.
// Decided here (the README states the same):
// - Demand is the forecast's Central value for that year and breakdown (Low and High are not used).
// - Places of a breakdown in year y come from its capacity row with the latest Year ≤ y: a row holds until the next
//   one, so "Special 2023: 500, 2025: 560" means 500 places in 2023 and 2024, 560 from 2025. Before a breakdown's
//   first capacity row its Places and Gap are blank. Capacity rows after the forecast's last year are never read.
// - Gap = Places − Demand: positive is spare places, negative is a shortfall (as a deficit is negative).
// - Only breakdowns named in the capacity table appear, in the forecast's order, every forecast year.
// - overflow TRUE: special-school demand above special places goes to ISP. The Special row's Demand becomes what
//   the places can take (so its Gap is never negative) and the ISP row's Demand gains the rest; the ISP row is
//   shown even without ISP capacity rows (blank Places and Gap). Needs Special rows in capacity and ISP in the
// forecast.
import { cellText, isBlank } from "../coerce";
import { attempt, E, raise, type SendError } from "../errors";
import { D, ZERO, type Dec } from "../money";
import type { Cell, Grid } from "../types";
import { headerColumns, readBreakdown, readCount, readForecast, readYear } from "./forecastTable";

export interface SufficiencyRow {
  year: number;
  breakdown: string;
  demand: Dec;
  places: Dec | null;
  gap: Dec | null;
}

const CAPACITY_HEADERS = ["Breakdown", "Year", "Places"];

/** overflow as given: TRUE/FALSE, 1/0, or the words; blank is FALSE. */
export function readOverflow(c: Cell): boolean | SendError {
  if (isBlank(c)) return false;
  if (typeof c === "boolean") return c;
  if (typeof c === "number" && (c === 0 || c === 1)) return c === 1;
  const t = cellText(c).toUpperCase();
  if (t === "TRUE" || t === "1") return true;
  if (t === "FALSE" || t === "0") return false;
  return E.unknownName("overflow", cellText(c), ["TRUE", "FALSE"]);
}

export function sufficiency(forecastGrid: Grid, capacity: Grid, overflow = false): SufficiencyRow[] | SendError {
  return attempt(() => {
    const forecast = readForecast(forecastGrid);
    if (capacity.length < 2) raise(E.emptyTable("capacity"));
    const cols = headerColumns(capacity[0], "capacity", CAPACITY_HEADERS, CAPACITY_HEADERS);
    const [bc, yc, pc] = CAPACITY_HEADERS.map((h) => cols.get(h)!);
    const present = forecast.breakdowns.map((b) => b.label);
    // breakdown id -> [year, places] sorted by year
    const plans = new Map<string, [number, Dec][]>();
    const firstRow = new Map<string, number>();
    for (let r = 1; r < capacity.length; r++) {
      const row = capacity[r];
      if (row.every(isBlank)) continue;
      const where = `capacity data row ${r}`;
      const b = readBreakdown(row[bc], where);
      if (!forecast.breakdowns.includes(b)) raise(E.breakdownNotInForecast(where, cellText(row[bc]), present));
      const year = readYear(row[yc], where);
      const places = readCount(row[pc], where, "Places", false)!;
      const key = `${b.id}|${year}`;
      const seen = firstRow.get(key);
      if (seen !== undefined) raise(E.duplicateEntry("capacity", `${b.label} in ${year}`, seen, r));
      firstRow.set(key, r);
      const list = plans.get(b.id) ?? [];
      list.push([year, places]);
      plans.set(b.id, list);
    }
    if (plans.size === 0) raise(E.emptyTable("capacity"));
    for (const list of plans.values()) list.sort((a, b) => a[0] - b[0]);
    if (overflow) {
      if (!plans.has("special")) raise(E.capacityLacks("Special", "overflow to ISP"));
      if (!forecast.breakdowns.some((b) => b.id === "isp")) raise(E.forecastLacks("ISP rows", "overflow to ISP"));
    }
    const placesIn = (id: string, year: number): Dec | null => {
      let found: Dec | null = null;
      for (const [y, p] of plans.get(id) ?? []) if (y <= year) found = p;
      return found;
    };
    const shown = forecast.breakdowns.filter((b) => plans.has(b.id) || (overflow && b.id === "isp"));
    const out: SufficiencyRow[] = [];
    for (const year of forecast.years) {
      const demand = forecast.central.get(year)!;
      const special = placesIn("special", year);
      const excess = overflow && special !== null ? D.max(ZERO, demand.get("special")!.minus(special)) : ZERO;
      for (const b of shown) {
        let d = demand.get(b.id)!;
        if (b.id === "special") d = d.minus(excess);
        if (b.id === "isp") d = d.plus(excess);
        const places = placesIn(b.id, year);
        out.push({ year, breakdown: b.label, demand: d, places, gap: places === null ? null : places.minus(d) });
      }
    }
    return out;
  });
}
