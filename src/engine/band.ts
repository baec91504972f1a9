// SEND.BAND: the band with the highest band.<band> threshold ≤ score.
import { E, SendError } from "./errors";
import type { Dec } from "./money";
import type { Option } from "./rates";

export function band(option: Option, score: Dec): string | SendError {
  const bands: { label: string; min: Dec }[] = [];
  for (const [k, r] of option.rates) {
    if (k.startsWith("band.")) bands.push({ label: r.key.slice("band.".length), min: r.value as Dec });
  }
  if (bands.length === 0) return E.noBands(option.name);
  bands.sort((a, b) => a.min.comparedTo(b.min));
  let found: string | null = null;
  for (const b of bands) if (b.min.lte(score)) found = b.label;
  return found ?? E.belowLowestBand(option.name, score.toString(), bands[0].min.toString(), bands[0].label);
}
