/**
 * Roles of DOMAIN.md §1 and what each may see. The server's access policy
 * (src/server/access/policy.ts) reads this table; nothing else decides access.
 */
export const ROLES = [
  "screener",
  "cps_investigator",
  "ht_investigator",
  "victim_advocate",
  "medical",
  "shelter_staff",
  "task_force_lead",
  "state_coordinator",
  "analyst",
  "agency_admin",
  "system_admin",
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Which cases a role reaches: those whose team it is on, its agency's, every case in the state,
 * or none at all (analysts see aggregates only; administrators manage accounts, not cases).
 */
export type CaseScope = "team" | "agency" | "statewide" | "none";

export interface RolePolicy {
  caseScope: CaseScope;
  /** May see identity fields (names, birth date, contacts, addresses) where disclosure allows. */
  seesIdentity: boolean;
  /** Must pass TOTP at sign-in: every role that sees identities, and every administrator. */
  requiresMfa: boolean;
  /** May open an out-of-scope case in an emergency, with a reason (break-glass). */
  breakGlass: boolean;
  /** May read the audit trail: of its own agency, or of every agency. */
  audit: "none" | "agency" | "all";
}

export const ROLE_POLICIES: Record<Role, RolePolicy> = {
  screener: {
    caseScope: "team",
    seesIdentity: false,
    requiresMfa: false,
    breakGlass: false,
    audit: "none",
  },
  cps_investigator: {
    caseScope: "agency",
    seesIdentity: true,
    requiresMfa: true,
    breakGlass: false,
    audit: "none",
  },
  ht_investigator: {
    caseScope: "team",
    seesIdentity: true,
    requiresMfa: true,
    breakGlass: false,
    audit: "none",
  },
  victim_advocate: {
    caseScope: "agency",
    seesIdentity: true,
    requiresMfa: true,
    breakGlass: false,
    audit: "none",
  },
  medical: {
    caseScope: "team",
    seesIdentity: true,
    requiresMfa: true,
    breakGlass: false,
    audit: "none",
  },
  shelter_staff: {
    caseScope: "team",
    seesIdentity: true,
    requiresMfa: true,
    breakGlass: false,
    audit: "none",
  },
  task_force_lead: {
    caseScope: "agency",
    seesIdentity: true,
    requiresMfa: true,
    breakGlass: true,
    audit: "none",
  },
  state_coordinator: {
    caseScope: "statewide",
    seesIdentity: true,
    requiresMfa: true,
    breakGlass: true,
    audit: "none",
  },
  analyst: {
    caseScope: "none",
    seesIdentity: false,
    requiresMfa: false,
    breakGlass: false,
    audit: "none",
  },
  agency_admin: {
    caseScope: "none",
    seesIdentity: false,
    requiresMfa: true,
    breakGlass: false,
    audit: "agency",
  },
  system_admin: {
    caseScope: "none",
    seesIdentity: false,
    requiresMfa: true,
    breakGlass: false,
    audit: "all",
  },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Categories of information a consent can cover (VAWA 34 U.S.C. 12291(b)(2)). */
export const CONSENT_CATEGORIES = [
  "identity",
  "contact_and_location",
  "case_notes",
  "services",
  "health",
] as const;
export type ConsentCategory = (typeof CONSENT_CATEGORIES)[number];

/** Which identity fields each category discloses. */
export const IDENTITY_FIELD_CATEGORY = {
  givenName: "identity",
  familyName: "identity",
  birthDate: "identity",
  phone: "contact_and_location",
  address: "contact_and_location",
} as const satisfies Record<string, ConsentCategory>;
export type IdentityField = keyof typeof IDENTITY_FIELD_CATEGORY;
