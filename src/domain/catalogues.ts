/**
 * Closed vocabularies shared by intake, storage, the API and statistics. Ids are stable: they are
 * stored in the database and published in reports, so rename the label, never the id.
 */

/** Agency kinds named in DOMAIN.md §1. */
export const AGENCY_KINDS = [
  "cps",
  "law_enforcement",
  "mbi",
  "attorney_general",
  "victim_services",
  "medical",
  "shelter",
  "other",
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Where a tip came from (case intake). */
export const CASE_SOURCES = [
  "cps_hotline",
  "national_hotline",
  "law_enforcement",
  "school",
  "medical",
  "shelter",
  "public_web_form",
  "other",
] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

/** The part a person plays in a case; aiders and abettors are principals (§ 97-3-54.3). */
export const PERSON_PARTS = [
  "victim",
  "suspected_trafficker",
  "purchaser",
  "facilitator",
  "family",
  "reporter",
  "guardian",
] as const;
export type PersonPart = (typeof PERSON_PARTS)[number];

/** Venues of DOMAIN.md §7 (sex and labor), plus "other". */
export const VENUES = [
  "escort_service",
  "illicit_massage_business",
  "brothel",
  "outdoor_solicitation",
  "online",
  "hotel_or_motel",
  "truck_stop",
  "agriculture",
  "domestic_work",
  "restaurant",
  "cleaning_service",
  "carnival",
  "construction",
  "other",
] as const;
export type Venue = (typeof VENUES)[number];

export const CASE_STATUSES = ["open", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CITIZENSHIPS = ["us_citizen", "permanent_resident", "foreign_national"] as const;
export type Citizenship = (typeof CITIZENSHIPS)[number];

/** Mississippi's response runs on Central time; storage is UTC, display is America/Chicago. */
export const DISPLAY_TIME_ZONE = "America/Chicago";
