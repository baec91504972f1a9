// Public pages the library's values were checked against: the project's domain brief, and (QUOTED) public pages
// found and read for issue 11, each with the sentence that carries its figure.
export const SRC = {
  /** place funding: £10k special / AP places, £6k per resourced-provision place, the £6k element 2 */
  dorsetSend: "https://www.dorsetcouncil.gov.uk/w/funding-for-send-in-schools-and-educational-settings",
  /** post-16 high needs: element 2 is £6,000 per place */
  natspec: "https://natspec.org.uk/resources/funding/",
  /** notional SEN budget guide 2024-25: "up to £6,000" per pupil */
  notionalSen2425:
    "https://gov.uk/government/publications/pre-16-schools-funding-local-authority-guidance-for-2024-to-2025/the-notional-sen-budget-for-mainstream-schools-operational-guide-2024-to-2025",
  /** schools block 2021-22 (basic entitlement inputs) */
  brighton2122: "https://www.brighton-hove.gov.uk/families-children-and-learning/agenda-item-8-schools-block-2021-22",
  /** 2024-25 basic entitlement (AWPU) */
  torbayAwpu: "https://torbayfamilyhub.org.uk/topic/element-1-basic-pre-pupil-entitlement-core-funding/",
  /** DAF £615 (2017 to 2021-22) */
  stocktonDaf: "https://www.stocktoninformationdirectory.org/kb5/stockton/directory/service.page?id=cgEJlm7qXlQ",
  /** 2024-25 early years rates: DAF £910 */
  earlyEducation2425:
    "https://early-education.org.uk/early-years-funding-rates-for-2024-25-still-fall-short-for-3-and-4-year-olds/",
  /** 2025-26 DAF £938 */
  enfieldEy: "https://www.enfield.gov.uk/childcare-information-service/childcare-providers/childcare-funding",
  /** early years entitlements operational guide 2024-25: 15 hours × 38 weeks = 570 hours */
  eyGuide2425:
    "https://www.gov.uk/government/publications/early-years-funding-2024-to-2025/early-years-entitlements-local-authority-funding-operational-guide-2024-to-2025",
  /** 16-19 national funding rate £4,188 (set in 2020-21, held for 2021-22) */
  fe2021: "https://gov.uk/guidance/16-to-19-funding-information-for-2020-to-2021",
  /** 16-19 national funding rate £4,843 for 2024-25 */
  fe2425: "https://gov.uk/guidance/16-to-19-funding-information-for-2024-to-2025",
  /** DAF £800 a year, £828 from April 2023 */
  bcpDaf:
    "https://www.bcpcouncil.gov.uk/Children-young-people-and-families/Working-in-childcare/Early-Years-SEND/Disability-Access-Fund-funding-guide-for-practitioners.aspx",
  /** 16-19 national funding rate £4,542 in 2022-23, rising 2.2% to £4,642 from August 2023 */
  schoolsWeek2324: "https://schoolsweek.co.uk/16-19-base-rate-to-rise-by-just-2-2-from-august-2023/",
  /** 16-19 national funding rate raised to £4,753 for academic year 2023-24 */
  edcentral2324: "https://edcentral.uk/ednews/fe-skills/14713-front-line-boost-to-16-19-funding-revealed",
  /** 16-19 national funding rate £5,105 (band 5) for academic year 2025-26 (June 2025 update) */
  fenews2526: "https://www.fenews.co.uk/skills/16-to-19-funding-updates-5-5-increase-and-enhanced-support-for-2025-26/",
  /** 16-19 national funding rate from £5,105 to £5,133 for academic year 2026-27 */
  feweek2627: "https://feweek.co.uk/ministers-accused-of-breaking-16-19-funding-promise-with-0-5-rate-rise/",
  /** DAF 2023-24: £828 a year, plus a £53 supplement paid as £30.92 for September 2023 to March 2024 */
  surreyDaf2324: "https://www.surreycc.gov.uk/people-and-community/families/send-support/disability-access-fund",
  /** DAF £1,225 a year from April 2026 */
  surreyDaf:
    "https://www.surreycc.gov.uk/children/support-and-advice/local-offer/practitioners/resources/early-years/daf",
} as const;

/**
 * Sources beyond the domain brief, each checked at a stored public page, with the words that carry the figure
 * (the library test insists every shipped number appears in the domain brief or in its source's quote).
 */
export const QUOTED: Readonly<Record<string, string>> = {
  [SRC.fenews2526]:
    "We have increased the national funding rate for students aged 16 and 17 and students aged 18 and over " +
    "with high needs in band 5 to £5,105 (16 to 19 funding: information for 2025 to 2026, June 2025 update).",
  [SRC.feweek2627]:
    "The Department for Education today confirmed the national funding rate for 16 and 17 year old learners " +
    "will only rise by 0.5 per cent in academic year 2026-27, from £5,105 to £5,133. (FE Week, 10 March 2026)",
  [SRC.surreyDaf2324]:
    "The fund can provide £828 per year for every child who meets its eligibility criteria. They can also receive a " +
    "supplement of £53, equivalent to £30.92 for the period from September 2023 to March 2024 (one off payment per " +
    "child).",
  [SRC.surreyDaf]:
    "From April 2026 childcare providers can receive £1225 per year for every child who meets the eligibility criteria.",
};
