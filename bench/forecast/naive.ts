// The naive forecasts the demand model is judged against (issue 9), on one series, h years ahead.
export const NAIVE_METHODS = [
  "flat",
  "last growth",
  "3-yr compound",
  "6-yr compound",
  "3-yr linear",
  "6-yr linear",
] as const;
export type NaiveMethod = (typeof NAIVE_METHODS)[number];

/** A series (oldest first) forecast h years after its last value by a naive method; never below 0. */
export function naiveForecast(y: readonly number[], h: number, method: NaiveMethod): number {
  const n = y.length,
    last = y[n - 1];
  const back = (k: number) => Math.min(k, n - 1); // a short history uses what it has
  const compound = (k: number) => {
    const kk = back(k),
      base = y[n - 1 - kk];
    return kk > 0 && base > 0 ? last * (last / base) ** (h / kk) : last;
  };
  const linear = (k: number) => {
    const kk = back(k);
    return kk > 0 ? Math.max(0, last + (h * (last - y[n - 1 - kk])) / kk) : last;
  };
  switch (method) {
    case "flat":
      return last;
    case "last growth":
      return compound(1);
    case "3-yr compound":
      return compound(3);
    case "6-yr compound":
      return compound(6);
    case "3-yr linear":
      return linear(3);
    case "6-yr linear":
      return linear(6);
  }
}
