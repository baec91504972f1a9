// What officers call the contract's fields: headers seen in census extracts, the APT's school list,
// GIAS downloads and hand-made sheets. Data, not code: add a spelling here and the mapper proposes it.
// Every spelling is compared after squash() (lower case, letters and digits only), with anything in
// brackets removed as well ("NOR (Oct 2024)" meets "NOR").

/** A target that is not itself a header: NOR split into the phase's pupil fields (see apply.ts). */
export const PUPILS_BY_PHASE = "Pupils (by phase)";
/** A count of EHCPs with no band: priced by `topup.<setting>.unbanded`. */
export const UNBANDED_EHCP = "EHCP Unbanded";

export const FIELD_SYNONYMS: Record<string, readonly string[]> = {
  Name: ["name", "establishment name", "school name", "school", "institution", "institution name", "provider", "provider name",
    "setting", "setting name", "academy name", "establishment", "school/academy name", "name of school", "provider/setting"],
  URN: ["urn", "unique reference number", "school urn", "urn (gias)", "establishment urn"],
  Phase: ["phase", "phase of education", "phase of education (name)", "phaseofeducation (name)", "school phase", "education phase",
    "phase type", "sector", "provision type", "type of provision", "setting type", "institution type"],
  "Primary Pupils": ["primary pupils", "primary", "primary nor", "nor primary", "pupils primary", "primary pupil numbers",
    "reception to year 6", "r-y6", "ks1 ks2 pupils", "ks1-2 pupils", "ks1/2 pupils", "primary roll", "yr r-6", "reception-year 6"],
  "KS3 Pupils": ["ks3 pupils", "ks3", "ks3 nor", "nor ks3", "key stage 3", "key stage 3 pupils", "year 7-9", "y7-9", "years 7 to 9", "ks3 roll"],
  "KS4 Pupils": ["ks4 pupils", "ks4", "ks4 nor", "nor ks4", "key stage 4", "key stage 4 pupils", "year 10-11", "y10-11", "years 10 to 11", "ks4 roll"],
  [PUPILS_BY_PHASE]: ["nor", "number on roll", "numbers on roll", "number of pupils", "pupils", "total pupils", "pupil numbers", "roll",
    "headcount", "pupils on roll", "total nor", "nor total", "pupil count", "total number of pupils", "nor (census)", "pupil headcount"],
  FSM: ["fsm", "free school meals", "fsm eligible", "fsm pupils", "number fsm", "fsm number", "eligible for fsm", "current fsm",
    "fsm current", "fsm (current)", "free school meals eligible", "number of fsm pupils"],
  FSM6: ["fsm6", "fsm ever 6", "ever 6 fsm", "fsm ever6", "ever6", "ever 6", "fsm6 pupils", "ever 6 free school meals", "fsm ever 6 pupils", "e6 fsm"],
  LPA: ["lpa", "low prior attainment", "prior attainment", "low prior attainment pupils", "lpa pupils"],
  EAL: ["eal", "english as an additional language", "eal3", "eal 3", "eal pupils", "eal 3 years", "eal (3 years)"],
  "SEN Support": ["sen support", "sensupport pupils", "sen support pupils", "number on sen support", "sen k", "senk", "k", "sen (k)", "sen support count"],
  [UNBANDED_EHCP]: ["ehcp", "ehcps", "number of ehcps", "ehcp pupils", "total ehcps", "ehcp total", "ehc plans", "number of ehc plans",
    "pupils with ehcp", "pupils with an ehcp", "statements/ehcp", "ehcp count", "no of ehcps", "ehcps (total)"],
  Places: ["places", "commissioned places", "number of places", "place numbers", "hn places", "high needs places", "funded places",
    "rb places", "unit places", "places funded", "commissioned", "planned places", "sen unit places", "resource base places"],
  Occupied: ["occupied", "occupied places", "places occupied", "filled places", "occupancy"],
  DAF: ["daf", "disability access fund", "daf eligible", "daf children", "daf eligible children", "disability access fund children"],
  Students: ["students", "hn students", "high needs students", "fe students", "learners", "number of students", "high needs learners", "fe learners"],
  Months: ["months", "months open", "months funded", "open months", "months in year", "funded months"],
};

/** Headers the mapper recognises as not used by the formula: proposed as "keep", named as recognised. */
export const KNOWN_UNUSED: readonly string[] = [
  "ukprn", "laestab", "la estab", "dfe number", "dfe no", "estab", "establishment number", "la", "la number", "la code", "local authority",
  "la name", "upin", "type of establishment", "establishment type", "type", "notes", "note", "comments", "postcode", "address",
  "street", "town", "ward", "district", "trust", "trust name", "mat", "headteacher", "head teacher", "email", "telephone", "phone",
  "age range", "statutory low age", "statutory high age", "gender", "religious character", "status", "open date", "close date",
  "academy", "academy trust", "capacity", "school capacity", "region", "constituency", "website", "id", "ref", "reference",
];

/** Phase values as officers and GIAS write them -> the contract's phases. Compared after squash(). */
export const PHASE_SYNONYMS: Record<string, readonly string[]> = {
  "Early Years": ["early years", "ey", "eyfs", "nursery", "pvi", "childminder", "maintained nursery", "nursery school", "private nursery",
    "early years setting", "pre-school", "preschool"],
  Primary: ["primary", "infant", "junior", "first", "middle deemed primary", "primary school", "infant and junior", "pri", "p"],
  Secondary: ["secondary", "middle deemed secondary", "upper", "high school", "secondary school", "sec", "s", "academy secondary"],
  Special: ["special", "special school", "community special school", "foundation special school", "academy special", "special academy",
    "maintained special", "special (maintained)", "sp"],
  "Resource Base": ["resource base", "resourced provision", "sen unit", "rb", "unit", "resource provision", "enhanced resource provision",
    "specialist resource base", "srp", "arp", "additionally resourced provision"],
  AP: ["ap", "alternative provision", "pupil referral unit", "pru", "ap academy", "alternative provision academy", "hospital school"],
  FE: ["fe", "further education", "16 plus", "16+", "college", "fe college", "post 16", "post-16", "sixth form college", "specialist post 16"],
  ISP: ["isp", "independent special", "independent special school", "non-maintained special", "non maintained special school", "nmss",
    "independent", "independent specialist provider", "independent school"],
};

/** Lower case, letters and digits only. */
export function squash(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** The text without bracketed asides: "NOR (Oct 2024)" -> "NOR". */
export function withoutAsides(s: string): string {
  return s.replace(/\([^)]*\)|\[[^\]]*\]/g, " ").trim();
}
