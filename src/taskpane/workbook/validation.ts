// Unit-aware checks of what a user types for a rate, using the engine's key catalogue, so a typo or
// a value in the wrong unit is caught in the pane before it reaches the workbook.
import { findKeyInfo, SUGGESTIBLE_KEYS, type KeyInfo } from "../../engine/keys";
import { nearest } from "../../engine/nearest";
import { normOption } from "../../engine/normalize";
import { parseNumberInput } from "../numbers";

export type RateInput =
  /** value null = clear the cell (the option then inherits the key) */
  { ok: true; value: number | string | null; info: KeyInfo } | { ok: false; message: string };

const isFraction = (unit: string) => /fraction|%/.test(unit);

function describeBounds(info: KeyInfo): string {
  const lo = info.min === undefined ? null : `${info.minExclusive ? "more than" : "at least"} ${info.min}`;
  const hi = info.max === undefined ? null : `at most ${info.max}`;
  return [lo, hi].filter(Boolean).join(" and ");
}

/** "£1,234.50" -> 1234.5; "5%" -> 0.05 for fractions; money may be typed "£1.2m"; otherwise a unit message. */
function parseNumber(input: string, info: KeyInfo): number | string {
  const fraction = isFraction(info.unit);
  if (input.includes("%") && !fraction) return `${info.key} is in ${info.unit}, not a percentage.`;
  const p = parseNumberInput(input, {
    label: info.key,
    kind: fraction ? "fraction" : info.unit.startsWith("£") ? "money" : "number",
  });
  return p.ok ? p.value : `'${input.trim()}' is not a number (${info.key} is in ${info.unit}).`;
}

export function validateRate(key: string, input: string, optionNames: readonly string[], option?: string): RateInput {
  const k = key.trim();
  if (k === "") return { ok: false, message: "Enter a key, for example topup.special.band1." };
  const info = findKeyInfo(k);
  if (!info) {
    const guess = nearest(k.toLowerCase(), SUGGESTIBLE_KEYS);
    return { ok: false, message: `'${k}' is not a rates key.${guess ? ` Did you mean '${guess}'?` : ""}` };
  }
  if (input.trim() === "") return { ok: true, value: null, info };
  if (info.kind === "text") {
    const name = optionNames.find((o) => normOption(o) === normOption(input));
    if (!name)
      return {
        ok: false,
        message: `'${input.trim()}' is not an option in the rates table (options: ${optionNames.join(", ")}).`,
      };
    if (option && normOption(name) === normOption(option))
      return { ok: false, message: "An option cannot inherit from itself." };
    return { ok: true, value: name, info };
  }
  const n = parseNumber(input, info);
  if (typeof n === "string") return { ok: false, message: n };
  const below = info.min !== undefined && (info.minExclusive ? n <= info.min : n < info.min);
  const above = info.max !== undefined && n > info.max;
  if (below || above)
    return {
      ok: false,
      message: `${info.key} must be ${describeBounds(info)} (${info.unit}); you entered ${input.trim()}.`,
    };
  return { ok: true, value: n, info };
}
