// National options for financial year 2023-24. The 16-19 rate is the academic year that starts in
// this financial year (September 2023); a model converts it to the financial year (5/12 old + 7/12 new,
// engine/years.ts).
import { nationalOption, value } from "./values";
import { SRC } from "./sources";

export const NATIONAL_2023_24 = nationalOption({
  name: "National 2023-24",
  description:
    "National rates for 2023-24: place funding, element 2, DAF and the 16-19 rate as raised for academic year 2023-24 " +
    "(£4,642 announced, then £4,753). DAF was £828 a year from April 2023 and £881 from September 2023; the £53 rise " +
    "for September 2023 to March 2024 was paid as a £30.92 supplement (7/12 of £53, through the DfE's early years " +
    "supplementary grant 2023 to 2024), so a child's DAF in the financial year " +
    "is £828 + £30.92 = £858.92 (5/12 × 828 + 7/12 × 881, to the penny): one ey.daf for the year, as every option " +
    "prices one financial year. Schools NFF unit values, top-ups and resourced-provision unoccupied places are not included: add them locally.",
  fy: 2023,
  values: [
    value("element2.threshold", 6000, "V", SRC.dorsetSend),
    value("place.special", 10000, "V", SRC.dorsetSend),
    value("place.ap", 10000, "V", SRC.dorsetSend),
    value("place.rb.occupied", 6000, "V", SRC.dorsetSend),
    value("place.fe", 6000, "V", SRC.natspec),
    value("ey.daf", 858.92, "I", SRC.surreyDaf2324, "828 + 30.92"),
    value("ey.weeks", 38, "I", SRC.eyGuide2425),
    value("fe.rate", 4753, "V", SRC.edcentral2324),
  ],
});
