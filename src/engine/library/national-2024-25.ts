// National options for financial year 2024-25 (16-19 rate: academic year 2024-25).
import type { LibraryOption } from "./types";
import { SRC } from "./sources";

export const NATIONAL_2024_25: LibraryOption = {
  name: "National 2024-25",
  description:
    "National rates for 2024-25. Other NFF unit values (FSM, IDACI, LPA, EAL, lump sum), top-ups and " +
    "resourced-provision unoccupied places are not included: add them locally.",
  fy: 2024,
  values: [
    {
      key: "be.primary",
      value: 3562,
      unit: "£/pupil",
      status: "V",
      source: SRC.torbayAwpu,
      description: "Schools NFF basic entitlement per primary pupil",
    },
    {
      key: "be.ks3",
      value: 5022,
      unit: "£/pupil",
      status: "V",
      source: SRC.torbayAwpu,
      description: "Schools NFF basic entitlement per key stage 3 pupil",
    },
    {
      key: "be.ks4",
      value: 5661,
      unit: "£/pupil",
      status: "V",
      source: SRC.torbayAwpu,
      description: "Schools NFF basic entitlement per key stage 4 pupil",
    },
    {
      key: "element2.threshold",
      value: 6000,
      unit: "£/pupil",
      status: "V",
      source: SRC.notionalSen2425,
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
      value: 910,
      unit: "£/child/year",
      status: "V",
      source: SRC.earlyEducation2425,
      description: "Disability Access Fund per eligible child (DLA), a yearly lump sum to one nominated provider",
    },
    {
      key: "ey.weeks",
      value: 38,
      unit: "weeks",
      status: "V",
      source: SRC.eyGuide2425,
      description: "Funded weeks a year for early years entitlements (15 hours × 38 weeks = 570 hours)",
    },
    {
      key: "fe.rate",
      value: 4843,
      unit: "£/student",
      status: "V",
      source: SRC.fe2425,
      description: "16-19 national funding rate per full-time student (band 5), academic year",
    },
  ],
};
