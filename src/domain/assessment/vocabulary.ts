/** Ids of the outputs (DOMAIN.md §3 and §5, plus the contract's "establish_age"). */
export const DETERMINATIONS = [
  "sex_trafficking_minor",
  "sex_trafficking",
  "labor_trafficking",
  "possible_trafficking",
  "not_indicated",
] as const;
export type Determination = (typeof DETERMINATIONS)[number];

export const OFFENSES = [
  "human_trafficking",
  "procuring_involuntary_servitude",
  "procuring_sexual_servitude_of_minor",
] as const;
export type Offense = (typeof OFFENSES)[number];

export const NIBRS_CODES = ["64A", "64B"] as const;
export type NibrsCode = (typeof NIBRS_CODES)[number];

export const ACTION_IDS = [
  "report_cps",
  "report_mbi_ht_coordinator",
  "report_attorney_general",
  "rapid_assessment_team",
  "cps_in_person_contact_24h",
  "cps_specialized_plan",
  "medical_or_shelter_not_detention",
  "notify_cps_minor_in_custody",
  "notify_fbi",
  "establish_age",
  "contact_victim_advocate",
  "national_hotline",
  "offer_law_enforcement_contact",
  "immigration_relief_referral",
  "document_everything",
] as const;
export type ActionId = (typeof ACTION_IDS)[number];

/** Reports the law requires only for a minor (contract rule 10). */
export const MINOR_ONLY_ACTIONS: readonly ActionId[] = [
  "report_cps",
  "report_mbi_ht_coordinator",
  "report_attorney_general",
  "rapid_assessment_team",
  "cps_in_person_contact_24h",
  "cps_specialized_plan",
];
