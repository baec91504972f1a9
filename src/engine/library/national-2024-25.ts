// National options for financial year 2024-25 (16-19 rate: academic year 2024-25).
import { nationalOption, value } from "./values";
import { SRC } from "./sources";

export const NATIONAL_2024_25 = nationalOption({
  name: "National 2024-25",
  description:
    "National rates for 2024-25. Other NFF unit values (FSM, IDACI, LPA, EAL, lump sum), top-ups and resourced-provision unoccupied places are not " +
    "included: add them locally.",
  fy: 2024,
  values: [
    value("be.primary", 3562, "V", SRC.torbayAwpu),
    value("be.ks3", 5022, "V", SRC.torbayAwpu),
    value("be.ks4", 5661, "V", SRC.torbayAwpu),
    value("element2.threshold", 6000, "V", SRC.notionalSen2425),
    value("place.special", 10000, "V", SRC.dorsetSend),
    value("place.ap", 10000, "V", SRC.dorsetSend),
    value("place.rb.occupied", 6000, "V", SRC.dorsetSend),
    value("place.fe", 6000, "V", SRC.natspec),
    value("ey.daf", 910, "V", SRC.earlyEducation2425),
    value("ey.weeks", 38, "V", SRC.eyGuide2425),
    value("fe.rate", 4843, "V", SRC.fe2425),
  ],
});
