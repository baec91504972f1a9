// National options for financial year 2023-24. The 16-19 rate is the academic year that starts in
// this financial year (September 2023); a model converts it to the financial year (5/12 old + 7/12 new,
// engine/years.ts).
import type { LibraryOption } from "./types";
import { SRC } from "./sources";

export const NATIONAL_2023_24: LibraryOption = {
  name: "National 2023-24",
  description:
    "National rates for 2023-24: place funding, element 2, DAF (£828 from April 2023; £881 from September 2023 is " +
    "not shipped) and the 16-19 rate as raised for academic year 2023-24 (£4,642 announced, then £4,753). Schools NFF " +
    "unit values, top-ups and resourced-provision unoccupied places are not included: add them locally.",
  fy: 2023,
  values: [
    {
      key: "element2.threshold",
      value: 6000,
      unit: "£/pupil",
      status: "V",
      source: SRC.dorsetSend,
      description: "First part of additional SEN support met by the school (element 2) before high-needs top-up",
    },
    {
      key: "place.special",
      value: 10000,
      unit: "£/place/year",
      status: "V",
      source: SRC.dorsetSend,
      description: "Place funding per special school / academy place (elements 1 and 2)",
    },
    {
      key: "place.ap",
      value: 10000,
      unit: "£/place/year",
      status: "V",
      source: SRC.dorsetSend,
      description: "Place funding per pre-16 alternative provision / PRU place",
    },
    {
      key: "place.rb.occupied",
      value: 6000,
      unit: "£/place/year",
      status: "V",
      source: SRC.dorsetSend,
      description:
        "Resourced provision / SEN unit place occupied by a pupil on roll: element 2 only (element 1 comes through the school formula)",
    },
    {
      key: "place.fe",
      value: 6000,
      unit: "£/place/year",
      status: "V",
      source: SRC.natspec,
      description: "Post-16 high-needs place: element 2 (element 1 comes through the 16-19 formula)",
    },
    {
      key: "ey.daf",
      value: 828,
      unit: "£/child/year",
      status: "V",
      source: SRC.bcpDaf,
      description: "Disability Access Fund per eligible child (DLA), a yearly lump sum to one nominated provider",
    },
    {
      key: "ey.weeks",
      value: 38,
      unit: "weeks",
      status: "I",
      source: SRC.eyGuide2425,
      description: "Funded weeks a year for early years entitlements (15 hours × 38 weeks = 570 hours)",
    },
    {
      key: "fe.rate",
      value: 4753,
      unit: "£/student",
      status: "V",
      source: SRC.edcentral2324,
      description: "16-19 national funding rate per full-time student (band 5), academic year 2023-24",
    },
  ],
};
