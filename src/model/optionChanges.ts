// What each option of a rates table changes against the option it inherits from, and the projection
// assumptions of the plans, in words: the Schools Forum paper's "what this option does" (the HTML
// report and the pane's printable page both use it). Pure: reads a rates grid of values.
import { findKeyInfo } from "../engine/keys";
import { normKey, normOption } from "../engine/normalize";
import { firstValue, optionChain } from "./inheritance";
import { PROJECTION_FIELDS } from "./projection";
import { ratesColumns } from "./rates";
import { keyInWords } from "./rateWords";

/** A rates grid as read back (error cells may be objects). */
export type RatesValues = readonly (readonly unknown[])[];

export interface RateChange {
  key: string;
  words: string;
  unit: string;
  value: number | string;
  /** what the parent chain gives instead (null: nothing, so the contract default or a missing rate) */
  parent: number | string | null;
  parentFrom: string | null;
}

export interface OptionChanges {
  option: string;
  inherits: string | null;
  changes: RateChange[];
}

const usable = (v: unknown): v is number | string =>
  (typeof v === "number" && Number.isFinite(v)) || (typeof v === "string" && v.trim() !== "");

function table(grid: RatesValues) {
  const cols = ratesColumns(grid as never);
  const inheritsRow = grid.findIndex(
    (r, i) => i > 0 && typeof r[cols.factor] === "string" && normKey(r[cols.factor] as string) === "inherits",
  );
  const options = cols.options.map((o) => {
    const v = inheritsRow < 0 ? null : grid[inheritsRow][o.col];
    return { ...o, inherits: typeof v === "string" && v.trim() ? v.trim() : null };
  });
  /** The first value a chain of options holds on a row, and the option holding it. */
  const first = (chain: readonly (typeof options)[number][], row: number) =>
    firstValue(chain, (o): number | string | null => {
      const v = grid[row]?.[o.col];
      return usable(v) ? v : null;
    });
  /** The value an option gets for a row after inheritance, and where it came from. */
  const effective = (name: string, row: number) => first(optionChain(options, name), row);
  /** What the option's parents give it on a row (the option itself left out). */
  const inherited = (name: string, row: number) => first(optionChain(options, name).slice(1), row);
  return { cols, inheritsRow, options, effective, inherited };
}

/** For each option: the keys it sets itself that differ from what its parent would give. */
export function optionChanges(grid: RatesValues, options?: readonly string[]): OptionChanges[] {
  const t = table(grid);
  const wanted = options
    ? t.options.filter((o) => options.some((n) => normOption(n) === normOption(o.name)))
    : t.options;
  return wanted.map((o) => {
    const inherits = o.inherits;
    const changes: RateChange[] = [];
    grid.forEach((r, row) => {
      const key = r[t.cols.factor];
      if (row === 0 || row === t.inheritsRow || typeof key !== "string" || !findKeyInfo(key)) return;
      const v = r[o.col];
      if (!usable(v)) return;
      const parent = t.inherited(o.name, row);
      if (parent && parent.value === v) return;
      changes.push({
        key: key.trim(),
        words: keyInWords(key),
        unit: findKeyInfo(key)!.unit,
        value: v,
        parent: parent?.value ?? null,
        parentFrom: parent?.from ?? null,
      });
    });
    return { option: o.name, inherits, changes };
  });
}

export interface AssumptionRow {
  key: string;
  label: string;
  unit: string;
  values: (number | string | null)[];
}

/** The projection assumptions each plan uses (after inheritance), one row per key that any plan sets. */
export function projectionAssumptions(grid: RatesValues, plans: readonly string[]): AssumptionRow[] {
  const t = table(grid);
  const rowOf = (key: string) =>
    grid.findIndex(
      (r, i) => i > 0 && typeof r[t.cols.factor] === "string" && normKey(r[t.cols.factor] as string) === normKey(key),
    );
  return PROJECTION_FIELDS.flatMap((f) => {
    const row = rowOf(f.key);
    const values = plans.map((p) => (row < 0 ? null : (t.effective(p, row)?.value ?? null)));
    return values.some((v) => v !== null) ? [{ key: f.key, label: f.label, unit: f.unit, values }] : [];
  });
}

/** "/pupil/year" -> " a pupil a year"; "" for a bare unit. */
function perWords(unit: string): string {
  const per = unit.split("/").slice(1).filter(Boolean);
  return per.map((p) => ` ${/^(hour|[aeiou])/.test(p) ? "an" : "a"} ${p}`).join("");
}

/**
 * A rate in words with its unit: "£17,220 a pupil a year", "£3.50 an hour", "5% a year", "38 weeks", and a
 * year as a year ("2025", never "2,025").
 */
export function valueInWords(v: number | string | null, unit: string): string {
  if (v === null) return "not set";
  if (typeof v === "string") return v;
  if (unit === "year") return String(v);
  if (/^fraction/.test(unit)) return `${+(v * 100).toPrecision(10)}%${perWords(unit)}`;
  if (unit.startsWith("£")) {
    const abs = Math.abs(v);
    const digits = Number.isInteger(abs)
      ? { maximumFractionDigits: 0 }
      : { minimumFractionDigits: 2, maximumFractionDigits: 2 };
    return `${v < 0 ? "-" : ""}£${abs.toLocaleString("en-GB", digits)}${perWords(unit)}`;
  }
  return `${v.toLocaleString("en-GB")} ${unit}`.trim();
}

/** "Top-up, Band 3, Special school: £17,220 (Baseline: £16,000)". */
export function changeSentence(c: RateChange): string {
  const was = c.parent === null ? "not set before" : `${c.parentFrom}: ${valueInWords(c.parent, c.unit)}`;
  return `${c.words}: ${valueInWords(c.value, c.unit)} (${was})`;
}
