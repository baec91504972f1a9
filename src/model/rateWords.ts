// Rates keys in words for people: "topup.special.band3" -> "Top-up, Band 3, Special school". Shared by
// the pane (Rates screen, search) and the Schools Forum paper.
import { findKeyInfo } from "../engine/keys";
import { normKey } from "../engine/normalize";

export const SETTING_WORDS: Record<string, string> = {
  mainstream: "Mainstream school",
  rb: "Resourced provision / unit",
  special: "Special school",
  ap: "Alternative provision",
  fe: "Further education",
  ey: "Early years",
  isp: "Independent special",
  all: "Any setting (fallback)",
};

export const PLACE_WORDS: [string, string][] = [
  ["place.special", "Special school place"],
  ["place.ap", "Alternative provision place"],
  ["place.rb.occupied", "Resourced provision place, occupied"],
  ["place.rb.unoccupied", "Resourced provision place, unoccupied"],
  ["place.fe", "Further education place (element 2)"],
];

/** "band3" / "Band 3" / "3" -> "Band 3"; "banda" / "band a" -> "Band A" (a band's own name, never its key part); other
 * labels as written. */
export function bandWords(band: string): string {
  const t = band.trim();
  const m = /^(?:band)?[\s_-]*(\d+\w*)$/i.exec(t);
  if (m) return `Band ${m[1]}`;
  const letter = /^band[\s_-]*([a-z]{1,2})$/i.exec(t);
  return letter ? `Band ${letter[1].toUpperCase()}` : t;
}

/** What a key says in words; the catalogue's description for keys without a shorter phrase. */
export function keyInWords(key: string): string {
  const [head, a, b] = key.trim().split(".");
  if (normKey(head) === "topup" && a && b) return `Top-up, ${bandWords(b)}, ${SETTING_WORDS[normKey(a)] ?? a}`;
  if (normKey(head) === "ey" && normKey(a ?? "") === "senif" && b) return `SEN inclusion fund, ${bandWords(b)}`;
  const place = PLACE_WORDS.find(([k]) => normKey(k) === normKey(key));
  if (place) return `Place funding, ${place[1]}`;
  return findKeyInfo(key)?.description ?? key;
}
