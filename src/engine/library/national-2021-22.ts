// National options for financial year 2021-22 (16-19 rate: academic year 2021-22).
import { nationalOption, value } from "./values";
import { SRC } from "./sources";

export const NATIONAL_2021_22 = nationalOption({
  name: "National 2021-22",
  description:
    "National rates for 2021-22. Basic entitlement is inferred (2020-21 NFF values × 1.03 plus the roll-in of the " +
    "teachers' pay and pension grants, £180 primary / £265 secondary), not read from the DfE technical note. " +
    "Other NFF unit values, top-ups and resourced-provision unoccupied places are not included: add them locally.",
  fy: 2021,
  values: [
    value("be.primary", 3123, "I", SRC.brighton2122),
    value("be.ks3", 4404, "I", SRC.brighton2122),
    value("be.ks4", 4963, "I", SRC.brighton2122),
    value("element2.threshold", 6000, "V", SRC.dorsetSend),
    value("place.special", 10000, "V", SRC.dorsetSend),
    value("place.ap", 10000, "V", SRC.dorsetSend),
    value("place.rb.occupied", 6000, "V", SRC.dorsetSend),
    value("place.fe", 6000, "V", SRC.natspec),
    value("ey.daf", 615, "V", SRC.stocktonDaf),
    value("ey.weeks", 38, "I", SRC.eyGuide2425),
    value("fe.rate", 4188, "V", SRC.fe2021),
  ],
});
