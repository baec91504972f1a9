// National options for financial year 2026-27. The 16-19 rate is the academic year that starts in
// this financial year (September 2026); a model converts it to the financial year (5/12 old + 7/12 new,
// engine/years.ts).
import { nationalOption, value } from "./values";
import { SRC } from "./sources";

export const NATIONAL_2026_27 = nationalOption({
  name: "National 2026-27",
  description:
    "National rates for 2026-27: place funding, element 2, DAF and the 16-19 rate (academic year 2026-27). Schools NFF " +
    "unit values, top-ups and resourced-provision unoccupied places are not included: add them locally.",
  fy: 2026,
  values: [
    value("element2.threshold", 6000, "V", SRC.dorsetSend),
    value("place.special", 10000, "V", SRC.dorsetSend),
    value("place.ap", 10000, "V", SRC.dorsetSend),
    value("place.rb.occupied", 6000, "V", SRC.dorsetSend),
    value("place.fe", 6000, "V", SRC.natspec),
    value("ey.daf", 1225, "V", SRC.surreyDaf),
    value("ey.weeks", 38, "I", SRC.eyGuide2425),
    value("fe.rate", 5133, "V", SRC.feweek2627),
  ],
});
