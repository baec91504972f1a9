// National options for financial year 2025-26. Only values the domain brief verifies for 2025-26 or that
// are unchanged national constants; schools NFF values for 2025-26 are not included.
import { nationalOption, value } from "./values";
import { SRC } from "./sources";

export const NATIONAL_2025_26 = nationalOption({
  name: "National 2025-26",
  description:
    "National rates for 2025-26: place funding, element 2, early years and the 16-19 rate (academic year 2025-26). Basic entitlement, other NFF unit " +
    "values, top-ups and resourced-provision unoccupied places are not included: add them locally.",
  fy: 2025,
  values: [
    value("element2.threshold", 6000, "V", SRC.dorsetSend),
    value("place.special", 10000, "V", SRC.dorsetSend),
    value("place.ap", 10000, "V", SRC.dorsetSend),
    value("place.rb.occupied", 6000, "V", SRC.dorsetSend),
    value("place.fe", 6000, "V", SRC.natspec),
    value("ey.daf", 938, "V", SRC.enfieldEy),
    value("ey.weeks", 38, "I", SRC.eyGuide2425),
    value("fe.rate", 5105, "V", SRC.fenews2526),
  ],
});
