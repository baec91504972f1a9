// Public pages the library's values were checked against (each listed in the project's domain brief).
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
} as const;
