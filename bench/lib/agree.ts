// How far two per-row result lists agree: exactly, within float noise (the reference rounds doubles,
// so a half-penny tie may land on the other penny in a component), or not at all.
export interface Agreement {
  rows: number;
  exact: number;
  withinPennies: number;
  differ: number;
  firstDiffer?: string;
}

const asValue = (x: unknown): unknown => {
  if (Array.isArray(x)) return asValue(x[0]);
  if (x && typeof x === "object" && "kind" in (x as object)) return (x as { kind: string }).kind;
  return x;
};

/** `pennies`: the tolerance in £ (a component count × 0.01 for float references). */
export function agreement(a: readonly unknown[], b: readonly unknown[], pennies = 0.061): Agreement {
  const res: Agreement = { rows: Math.max(a.length, b.length), exact: 0, withinPennies: 0, differ: 0 };
  for (let i = 0; i < res.rows; i++) {
    const x = asValue(a[i]),
      y = asValue(b[i]);
    if (x === y || (x === null && y === undefined)) res.exact++;
    else if (typeof x === "number" && typeof y === "number" && Math.abs(x - y) <= pennies) res.withinPennies++;
    else {
      res.differ++;
      res.firstDiffer ??= `row ${i + 1}: ${String(x)} vs ${String(y)}`;
    }
  }
  return res;
}
