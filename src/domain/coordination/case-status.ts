/** A case is open from intake until it is closed with an outcome (and may be reopened). */
export const CASE_STATUSES = ["open", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Outcomes feed the statistics of § 97-3-54.9, so they are a closed list, not free text. */
export const CASE_OUTCOMES = [
  "services_provided",
  "referred_elsewhere",
  "not_trafficking",
  "victim_declined_services",
  "lost_contact",
  "transferred_out_of_state",
  "prosecution_referred",
] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
