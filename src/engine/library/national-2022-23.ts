// National options for financial year 2022-23. The 16-19 rate is the academic year that starts in
// this financial year (September 2022); a model converts it to the financial year (5/12 old + 7/12 new,
// engine/years.ts).
import { nationalOption, value } from "./values";
import { SRC } from "./sources";

export const NATIONAL_2022_23 = nationalOption({
  name: "National 2022-23",
  description:
    "National rates for 2022-23: place funding, element 2, DAF and the 16-19 rate. Schools NFF unit values, top-ups and resourced-provision unoccupied places " +
    "are not included: add them locally.",
  fy: 2022,
  values: [
    value("element2.threshold", 6000, "V", SRC.dorsetSend),
    value("place.special", 10000, "V", SRC.dorsetSend),
    value("place.ap", 10000, "V", SRC.dorsetSend),
    value("place.rb.occupied", 6000, "V", SRC.dorsetSend),
    value("place.fe", 6000, "V", SRC.natspec),
    value("ey.daf", 800, "V", SRC.bcpDaf),
    value("ey.weeks", 38, "I", SRC.eyGuide2425),
    value("fe.rate", 4542, "V", SRC.schoolsWeek2324),
  ],
});
