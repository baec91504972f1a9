// The factor key catalogue (contract section 2): the single source for rates-table validation,
// "did you mean" suggestions, unit-aware editing in the task pane, the README table and SEND.FACTORS() —
// and, through each entry's `term`, of the allocation rules themselves (contract section 4): both evaluators
// (components/ with its trace, and the exact fast/) interpret these terms, so a factor is one entry here.
import { normKey } from "./normalize";
import { DistanceRows, editDistance } from "./nearest";
import { PHASES, SETTINGS, type ComponentName, type Phase } from "./types";
import type { CountField } from "./fields";

/**
 * What a term multiplies its rate by: a count column of the institution row, an IDACI band's count, or a count
 * derived from the row: `one` (the lump sum's 1), `roll` (Primary + KS3 + KS4 pupils), `occupied` (Occupied, or
 * Places when blank), `unoccupied` (Places − Occupied). `idaci.<A..F>` expands with the key's own `<A..F>`.
 */
export type CountRef =
  | CountField
  | "idaci.<A..F>"
  | `idaci.${"a" | "b" | "c" | "d" | "e" | "f"}`
  | "one"
  | "roll"
  | "occupied"
  | "unoccupied";

interface TermBase {
  component: ComponentName;
  /** the phases that get it; a `<ph>` in the key takes the phase's name (primary, secondary) */
  phases: readonly Phase[];
}

/**
 * The rule of one rate key (contract section 4). The common case is linear: count × this rate × each `times` rate
 * × the `share` rate. A rate with a catalogue `default` falls back to it when absent; one without is needed
 * (#N/A naming it) only when the count is not zero. A zero `share` skips the term (no rate needed). Each component
 * is rounded to round.to after × Months / 12, except `perYear` terms, paid once a year in full.
 */
export type TermSpec = TermBase &
  (
    | { rule?: "linear"; count: CountRef; what: string; times?: readonly string[]; share?: string; perYear?: boolean }
    /** Σ over EHCP bands of count × topup.<setting>.<band>, falling back to topup.all.<band> */
    | { rule: "topup" }
    /** Σ over SENIF bands of weekly hours × this rate × each `times` rate (ey.weeks) */
    | { rule: "senif"; times: readonly string[] }
    /** this rate × max(0, EHCPs − threshold × pupils on roll) */
    | { rule: "aboveThreshold"; threshold: string }
    /** max(0, this rate × EHCPs − the annual, unrounded amount of `against`) */
    | { rule: "guarantee"; against: ComponentName }
  );

export interface KeyInfo {
  /** the key as written, with placeholders: <ph> primary|secondary, <A..F> IDACI band, <setting>, <band>, <s>, <y> */
  key: string;
  description: string;
  unit: string;
  /** phases or functions that read it */
  appliesTo: string;
  /** "text" keys hold names (inherits); everything else is a number */
  kind: "number" | "text";
  /** inclusive bounds, checked when an option is resolved (#NUM! outside) */
  min?: number;
  max?: number;
  /** strictly greater than min */
  minExclusive?: boolean;
  /** the contract default when absent (both evaluators read it from here) */
  default?: number;
  /** how the allocation uses this rate; absent for keys that only other rates or other functions read */
  term?: TermSpec;
}

const PH = "<ph>";
const MAINSTREAM: readonly Phase[] = ["Primary", "Secondary"];

const notional = (count: CountRef, what: string, factor: string): TermSpec => ({
  component: "Notional SEN",
  phases: MAINSTREAM,
  count,
  what,
  share: `notional.${factor}`,
});
const place = (phases: readonly Phase[], count: CountRef, what: string): TermSpec => ({
  component: "Place funding",
  phases,
  count,
  what,
});
const FRACTION = { min: 0, max: 1 } as const;
const NONNEG = { min: 0 } as const;

const money = (
  key: string,
  description: string,
  unit: string,
  appliesTo: string,
  extra: Partial<KeyInfo> = {},
): KeyInfo => ({ key, description, unit, appliesTo, kind: "number", ...NONNEG, ...extra });

/** A yearly growth rate of the DSG plan (a fall down to −100% allowed), 0 when absent. */
const yearlyGrowth = (key: string, description: string): KeyInfo => ({
  key,
  description,
  unit: "fraction/year",
  appliesTo: "SEND.PLAN",
  kind: "number",
  min: -1,
  default: 0,
});

/** DSG blocks other than High Needs, planned beside it by SEND.PLAN (engine/dsg.ts). */
export const OTHER_BLOCKS = [
  { id: "schools", name: "Schools block" },
  { id: "cssb", name: "Central School Services block" },
  { id: "ey", name: "Early Years block" },
] as const;

/** Keys of the DSG-wide plan (SEND.PLAN): every block, the Schools-to-High-Needs transfer, contributions. */
const DSG_KEYS: KeyInfo[] = [
  ...OTHER_BLOCKS.flatMap((b) => [
    money(`dsg.${b.id}.income`, `${b.name} DSG allocation in year 1 (after academy recoupment)`, "£", "SEND.PLAN", {
      default: 0,
    }),
    yearlyGrowth(`dsg.${b.id}.growth`, `Yearly growth of the ${b.name} allocation`),
    money(
      `dsg.${b.id}.spend`,
      `${b.name} spend in year 1; absent: the block spends what it keeps (income less any transfer out)`,
      "£",
      "SEND.PLAN",
    ),
    yearlyGrowth(`dsg.${b.id}.spend.growth`, `Yearly growth of the ${b.name} spend (with dsg.${b.id}.spend)`),
  ]),
  money(
    "dsg.transfer",
    "Share of the Schools block moved to High Needs each year (up to 0.5% with Schools Forum agreement; more needs the Secretary of State)",
    "fraction",
    "SEND.PLAN",
    { ...FRACTION, default: 0 },
  ),
  money("dsg.safetyvalve.<y>", "DfE Safety Valve payment received in plan year y", "£", "SEND.PLAN", { default: 0 }),
  money("dsg.dfe.<y>", "Other DfE contribution to the DSG deficit in plan year y", "£", "SEND.PLAN", { default: 0 }),
  money("dsg.la.<y>", "Local authority's own contribution to the DSG deficit in plan year y", "£", "SEND.PLAN", {
    default: 0,
  }),
  {
    key: "dsg.opening",
    description:
      "Cumulative balance of the other DSG blocks before year 1 (a deficit is negative); proj.opening is High Needs'",
    unit: "£",
    appliesTo: "SEND.PLAN",
    kind: "number",
    default: 0,
  },
  {
    key: "dsg.override.end",
    description:
      "Last financial year the statutory override keeps a DSG deficit off the general fund (2027 = to 31 March 2028)",
    unit: "year",
    appliesTo: "SEND.PLAN",
    kind: "number",
    min: 1900,
    max: 2200,
  },
];

export const KEY_CATALOGUE: readonly KeyInfo[] = [
  {
    key: "inherits",
    description: "Option whose values fill this option's blank cells",
    unit: "option name",
    appliesTo: "all",
    kind: "text",
  },
  money("round.to", "Rounding unit for every money result (0.01 = pence, 1 = whole pounds)", "£", "all", {
    min: 0,
    minExclusive: true,
    default: 0.01,
  }),
  // -- years (issue 11): an option prices one financial year; academic-year rates are converted 5/12 + 7/12 --
  {
    key: "year",
    description:
      "Financial year the option prices (2025 -> 2025-26, April to March); academic-year rates (16-19, places) in it are 5/12 of the old academic year + 7/12 of the new",
    unit: "year",
    appliesTo: "all (labels, management plan)",
    kind: "number",
    min: 1900,
    max: 2200,
  },
  // -- end of years keys --
  money("be.primary", "Basic entitlement per primary pupil (for notional SEN)", "£/pupil", "Primary, Secondary", {
    term: notional("primaryPupils", "Primary Pupils", "be"),
  }),
  money("be.ks3", "Basic entitlement per KS3 pupil (for notional SEN)", "£/pupil", "Primary, Secondary", {
    term: notional("ks3Pupils", "KS3 Pupils", "be"),
  }),
  money("be.ks4", "Basic entitlement per KS4 pupil (for notional SEN)", "£/pupil", "Primary, Secondary", {
    term: notional("ks4Pupils", "KS4 Pupils", "be"),
  }),
  money(`fsm.${PH}`, "Free school meals unit value (for notional SEN)", "£/pupil", "Primary, Secondary", {
    term: notional("fsm", "FSM", "fsm"),
  }),
  money(`fsm6.${PH}`, "FSM Ever 6 unit value (for notional SEN)", "£/pupil", "Primary, Secondary", {
    term: notional("fsm6", "FSM6", "fsm6"),
  }),
  money(`lpa.${PH}`, "Low prior attainment unit value (for notional SEN)", "£/pupil", "Primary, Secondary", {
    term: notional("lpa", "LPA", "lpa"),
  }),
  money(
    `eal.${PH}`,
    "English as an additional language unit value (for notional SEN)",
    "£/pupil",
    "Primary, Secondary",
    { term: notional("eal", "EAL", "eal") },
  ),
  money(`idaci.${PH}.<A..F>`, "IDACI band unit value (for notional SEN)", "£/pupil", "Primary, Secondary", {
    term: notional("idaci.<A..F>", "IDACI <A..F>", "idaci"),
  }),
  money(`lumpsum.${PH}`, "Lump sum per school (for notional SEN)", "£/school", "Primary, Secondary", {
    term: notional("one", "school", "lumpsum"),
  }),
  ...["be", "fsm", "fsm6", "idaci", "lpa", "eal", "lumpsum"].map((f) =>
    money(`notional.${f}`, `Share of the ${f} factor counted as notional SEN`, "fraction 0-1", "Primary, Secondary", {
      ...FRACTION,
      default: 0,
    }),
  ),
  money(
    "element2.threshold",
    "School-funded first part of additional support per high-needs pupil (informs SEND.CHECK)",
    "£/pupil",
    "Primary, Secondary",
    { default: 6000 },
  ),
  money("place.special", "Place funding per special-school place", "£/place/year", "Special", {
    term: place(["Special"], "places", "Places"),
  }),
  money("place.ap", "Place funding per alternative-provision place", "£/place/year", "AP", {
    term: place(["AP"], "places", "Places"),
  }),
  money(
    "place.rb.occupied",
    "Place funding per occupied resourced-provision / unit place",
    "£/place/year",
    "Resource Base",
    { term: place(["Resource Base"], "occupied", "Occupied places") },
  ),
  money(
    "place.rb.unoccupied",
    "Place funding per unoccupied resourced-provision / unit place",
    "£/place/year",
    "Resource Base",
    { term: place(["Resource Base"], "unoccupied", "Unoccupied places (Places − Occupied)") },
  ),
  money("place.fe", "FE element 2 per high-needs place", "£/place/year", "FE", {
    term: place(["FE"], "places", "Places"),
  }),
  money(
    "topup.<setting>.<band>",
    "Element 3 top-up per EHCP pupil at a band, by setting (mainstream, rb, special, ap, fe, ey, isp; 'all' is the fallback)",
    "£/pupil/year",
    "all phases; SEND.TOPUP",
    { term: { component: "Top-up", phases: PHASES, rule: "topup" } },
  ),
  {
    key: "band.<band>",
    description: "Lowest assessment score for the band",
    unit: "points",
    appliesTo: "SEND.BAND",
    kind: "number",
  },
  money("ei.sensupport", "Early intervention per SEN Support pupil (no EHCP)", "£/pupil", "Primary, Secondary", {
    default: 0,
    term: { component: "Early intervention", phases: MAINSTREAM, count: "senSupport", what: "SEN Support" },
  }),
  money("ei.perpupil", "Universal inclusion funding per pupil on roll", "£/pupil", "Primary, Secondary", {
    default: 0,
    term: { component: "Early intervention", phases: MAINSTREAM, count: "roll", what: "pupils" },
  }),
  money(
    "ei.highneeds.threshold",
    "EHCPs per pupil above which high-incidence funding is paid",
    "fraction",
    "Primary, Secondary",
    { ...FRACTION, default: 0 },
  ),
  money("ei.highneeds.rate", "High-incidence funding per EHCP above the threshold", "£/pupil", "Primary, Secondary", {
    default: 0,
    term: {
      component: "Early intervention",
      phases: MAINSTREAM,
      rule: "aboveThreshold",
      threshold: "ei.highneeds.threshold",
    },
  }),
  money(
    "ei.notional.guarantee",
    "Tops notional SEN up to this amount per EHCP pupil",
    "£/pupil",
    "Primary, Secondary",
    {
      default: 0,
      term: { component: "Early intervention", phases: MAINSTREAM, rule: "guarantee", against: "Notional SEN" },
    },
  ),
  money(
    "ey.daf",
    "Disability Access Fund per eligible child, paid once a year (not pro-rated by Months)",
    "£/child/year",
    "Early Years",
    { term: { component: "Early years", phases: ["Early Years"], count: "daf", what: "DAF", perYear: true } },
  ),
  money("ey.senif.<band>", "SEN inclusion fund hourly rate at a band", "£/hour", "Early Years", {
    term: { component: "Early years", phases: ["Early Years"], rule: "senif", times: ["ey.weeks"] },
  }),
  money("ey.weeks", "Funded weeks a year", "weeks", "Early Years", { max: 52, default: 38 }),
  money("fe.rate", "16-19 funding rate per student (element 1)", "£/student", "FE", {
    default: 0,
    term: {
      component: "FE element 1",
      phases: ["FE"],
      count: "students",
      what: "Students",
      times: ["fe.weighting", "fe.area"],
    },
  }),
  money("fe.weighting", "16-19 programme cost weighting", "multiplier", "FE", { default: 1 }),
  money("fe.area", "16-19 area cost adjustment", "multiplier", "FE", { default: 1 }),
  {
    key: "proj.start",
    description: "First financial year of the projection (2021 -> 2021-22)",
    unit: "year",
    appliesTo: "SEND.PROJECT",
    kind: "number",
    min: 1900,
    max: 2200,
  },
  {
    key: "proj.years",
    description: "Number of projected years",
    unit: "years",
    appliesTo: "SEND.PROJECT",
    kind: "number",
    min: 1,
    max: 50,
    default: 5,
  },
  {
    key: "proj.opening",
    description: "Cumulative DSG balance before year 1 (a deficit is negative)",
    unit: "£",
    appliesTo: "SEND.PROJECT",
    kind: "number",
    default: 0,
  },
  money("proj.grant", "High needs grant in year 1", "£", "SEND.PROJECT", { default: 0 }),
  {
    key: "proj.grant.growth",
    description: "Yearly growth of the grant",
    unit: "fraction/year",
    appliesTo: "SEND.PROJECT",
    kind: "number",
    min: -1,
    default: 0,
  },
  {
    key: "proj.grant.extra.<y>",
    description: "One-off extra income in projection year y (1..n)",
    unit: "£",
    appliesTo: "SEND.PROJECT",
    kind: "number",
    default: 0,
  },
  money("proj.<s>.count", "Pupils in setting s in year 1", "pupils", "SEND.PROJECT", { default: 0 }),
  {
    key: "proj.<s>.growth",
    description: "Yearly growth of the number of pupils in setting s",
    unit: "fraction/year",
    appliesTo: "SEND.PROJECT",
    kind: "number",
    min: -1,
    default: 0,
  },
  money("proj.<s>.cost", "Average cost per pupil in setting s in year 1", "£/pupil/year", "SEND.PROJECT", {
    default: 0,
  }),
  {
    key: "proj.inflation",
    description: "Yearly cost inflation",
    unit: "fraction/year",
    appliesTo: "SEND.PROJECT",
    kind: "number",
    min: -1,
    default: 0,
  },
  money("proj.other", "Other high-needs spend in year 1", "£", "SEND.PROJECT", { default: 0 }),
  money("proj.ei.cost", "Yearly cost of the early-intervention package in year 1", "£", "SEND.PROJECT", { default: 0 }),
  money(
    "proj.ei.reduction",
    "Share by which early intervention slows EHCP growth (mainstream, rb, special, isp)",
    "fraction",
    "SEND.PROJECT",
    { ...FRACTION, default: 0 },
  ),
  money("proj.shift", "ISP placements moved to special schools each year (cumulative)", "pupils/year", "SEND.PROJECT", {
    default: 0,
  }),
  {
    key: "proj.inflation.isp",
    description: "Yearly inflation of ISP and SPI fees (set by the providers); proj.inflation when absent",
    unit: "fraction/year",
    appliesTo: "SEND.PROJECT",
    kind: "number",
    min: -1,
  },
  {
    key: "proj.inflation.topup",
    description: "Yearly uplift of LA-set costs per pupil (every setting but ISP); proj.inflation when absent",
    unit: "fraction/year",
    appliesTo: "SEND.PROJECT",
    kind: "number",
    min: -1,
  },
  money(
    "proj.elsewhere.cost",
    "Average cost per plan in the forecast's Other group (educated elsewhere, NEET, awaiting provision)",
    "£/pupil/year",
    "SEND.PROJECT with a forecast",
    { default: 0 },
  ),
  money(
    "proj.census.weight",
    "Weight of the January census inside a financial year when a forecast's January counts become financial-year caseloads (0.75 interpolates: FY Apr Y-Mar Y+1 = 3/4 Jan Y+1 + 1/4 Jan Y, the census before the first year from SEND.PROJECT's history; 1 = the January inside the year, the earlier convention)",
    "fraction",
    "SEND.PROJECT with a forecast",
    { ...FRACTION, default: 0.75 },
  ),
  money(
    "proj.newplans.cut",
    "Share of the forecast's new plans that early help avoids each year",
    "fraction",
    "SEND.PROJECT with a forecast",
    { ...FRACTION, default: 0 },
  ),
  money("proj.newplans.cost", "Yearly cost of the early help that avoids new plans, in year 1", "£", "SEND.PROJECT", {
    default: 0,
  }),
  money(
    "proj.places.<y>",
    "New special-school places opening in projection year y (1..n); each takes one ISP pupil from then on",
    "places",
    "SEND.PROJECT",
    { default: 0 },
  ),
  money(
    "proj.places.cost",
    "One-off cost per new special place, in its opening year (year-1 prices)",
    "£/place",
    "SEND.PROJECT",
    { default: 0 },
  ),
  ...DSG_KEYS,
];

const SETTING_ALT = SETTINGS.join("|");
const PLACEHOLDERS: Record<string, string> = {
  "<ph>": "(?:primary|secondary)",
  "<a..f>": "[a-f]",
  "<setting>": `(?:${SETTING_ALT}|all)`,
  "<band>": "[^.]+",
  "<s>": `(?:${SETTING_ALT})`,
  "<y>": "[1-9][0-9]*",
};

/** Built on first use, so a catalogue entry added before any lookup (a test fixture's made-up factor) counts. */
let matchers: { re: RegExp; info: KeyInfo }[] | undefined;
const buildMatchers = () =>
  KEY_CATALOGUE.map((info) => {
    const src = info.key
      .toLowerCase()
      .split(/(<[^>]+>)/)
      .map((part) => PLACEHOLDERS[part] ?? part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("");
    return { re: new RegExp(`^${src}$`), info };
  });

/** The catalogue entry a (normalised or raw) key belongs to, or undefined for an unknown key. */
export function findKeyInfo(key: string): KeyInfo | undefined {
  const k = normKey(key);
  for (const m of (matchers ??= buildMatchers())) if (m.re.test(k)) return m.info;
  return undefined;
}

export function isKnownKey(key: string): boolean {
  return findKeyInfo(key) !== undefined;
}

/** Every catalogue key with its placeholders expanded; `<band>` takes the given labels. */
function expandCatalogue(bands: readonly string[]): string[] {
  const alts: Record<string, readonly string[]> = {
    "<ph>": ["primary", "secondary"],
    "<A..F>": ["a", "b", "c", "d", "e", "f"],
    "<setting>": [...SETTINGS, "all"],
    "<s>": SETTINGS,
    "<band>": bands,
    "<y>": ["1", "2", "3"],
  };
  const expand = (k: string): string[] => {
    const m = k.match(/<[^>]+>/);
    if (!m) return [k];
    return (alts[m[0]] ?? [m[0]]).flatMap((a) => expand(k.replace(m[0], () => a))); // literally: no "$&" patterns
  };
  return KEY_CATALOGUE.flatMap((info) => expand(info.key));
}

/** Concrete example keys for "did you mean" (placeholders expanded with typical values). */
export const SUGGESTIBLE_KEYS: readonly string[] = expandCatalogue(["band1", "band2", "band3", "1", "2", "3"]);

/** The catalogue expanded with a marker for `<band>`, once: suggestionsFor puts each typo's own band in its place. */
const BAND_MARK = "\u0000";
const BANDED_TEMPLATES: readonly (readonly string[])[] = expandCatalogue([BAND_MARK]).map((t) => t.split(BAND_MARK));

/**
 * Candidates for "did you mean" for one unknown key: the examples, plus every banded key completed with
 * the typo's own last part, so 'topup.specail.SLD' suggests 'topup.special.sld', not 'topup.special.1'.
 */
export function suggestionsFor(key: string): string[] {
  const k = normKey(key);
  const dot = k.lastIndexOf(".");
  const tail = dot < 0 ? "" : k.slice(dot + 1);
  if (tail === "") return [...SUGGESTIBLE_KEYS];
  // only where the part before the band is itself a near miss ('ei.highneeds' must not become 'band.highneeds')
  const head = k.slice(0, dot);
  const completed: string[] = [];
  const rows = new DistanceRows();
  for (const parts of BANDED_TEMPLATES) {
    const x = parts.length === 2 ? parts[0] + tail + parts[1] : parts.join(tail);
    if (x.endsWith(`.${tail}`) && editDistance(head, x.slice(0, x.length - tail.length - 1), 2, rows) <= 2)
      completed.push(x);
  }
  return [...SUGGESTIBLE_KEYS, ...completed];
}
