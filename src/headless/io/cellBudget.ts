// One budget of cells for every formula of a workbook. HyperFormula's cost is the cells its range references
// cover (it keeps a node and an edge for each, blank or not: SUM(A1:B1000000) on a one-cell sheet takes 33 s and
// 900 MB), whatever names the range: a literal reference, a defined name, an OFFSET with constant arguments. Every
// formula's ranges, as the engine will read them (io/clipRanges.ts trims them to the used range first), are
// charged here; a formula that would take the workbook past the limit is not given to the engine, and its cell
// shows an error naming the limit and the flag that raises it.
//
// The engine builds a range one row taller than a range it already has from that range (a running total
// SUM($B$2:B2) … SUM($B$2:B10001) costs a row per formula), so such a range is charged its last row only; the same
// range twice is charged once.
import type { Area } from "./clipRanges";

const fmt = (n: number) => n.toLocaleString("en-GB");

export class CellBudget {
  /** bottoms of the ranges charged, by sheet, top, left and right */
  private readonly charged = new Map<string, Set<number>>();
  private used = 0;

  constructor(readonly limit: number) {}

  /** Charges the areas; returns a problem (and charges nothing) when they would take the total past the limit. */
  charge(areas: readonly Area[]): string | undefined {
    const added: { key: string; bottom: number }[] = [];
    const has = (key: string, bottom: number) =>
      this.charged.get(key)?.has(bottom) || added.some((x) => x.key === key && x.bottom === bottom);
    let cost = 0;
    for (const a of areas) {
      const key = `${a.sheet}\u0000${a.top}\u0000${a.left}\u0000${a.right}`;
      if (has(key, a.bottom)) continue;
      const width = a.right - a.left + 1;
      cost += has(key, a.bottom - 1) ? width : (a.bottom - a.top + 1) * width;
      added.push({ key, bottom: a.bottom });
    }
    if (cost === 0) return undefined;
    if (this.used + cost > this.limit) {
      return (
        `its ranges cover ${fmt(cost)} cells and bring the cells read by the workbook's formulas to ` +
        `${fmt(this.used + cost)}, past the limit of ${fmt(this.limit)} (raise it with --max-cells)`
      );
    }
    this.used += cost;
    for (const x of added) {
      const set = this.charged.get(x.key) ?? new Set<number>();
      set.add(x.bottom);
      this.charged.set(x.key, set);
    }
    return undefined;
  }

  get total(): number {
    return this.used;
  }
}
