import type { AgencyKind } from "./catalogues.ts";

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
  /**
   * Is told when an obligation passes its deadline still open, and keeps the overdue list: for
   * the cases its agency holds (a task-force lead), or for every case in the state (the state
   * coordinator). DOMAIN.md §5: escalate to the task-force lead and the state coordinator.
   */
  escalations: "none" | "agency" | "all";
  /** May read the audit trail: of its own agency, or of every agency. */
  audit: "none" | "agency" | "all";
  /** Manages accounts: of its own agency, or of every agency. */
  administers: "none" | "agency" | "all";
  /**
   * Convenes a case's Rapid Assessment Team and watches the open-cases queue: CPS on receiving
   * the tip, and those who oversee the response (the task-force lead, the state coordinator).
   */
  convenesRat: boolean;
  /** Delivers or coordinates services, and so writes service plans and sends referrals. */
  deliversServices: boolean;
  /** Adds people to the case team of a case its own agency holds (and so runs that case). */
  managesCaseTeam: boolean;
  /**
   * Runs task forces' membership and on-call roster: none, those its own agency leads (the
   * task-force lead and the agency's administrator), or every one (the state coordinator).
   */
  managesTaskForces: "none" | "own_agency" | "all";
  /** Records any obligation as met, whoever owns it (the state's coordinator steps in). */
  closesAnyObligation: boolean;
  /**
   * Keeps a person's consents (records, lists, revokes them) for its agency's records: the
   * advocate, who takes the written release from the person (VAWA, 34 U.S.C. 12291(b)(2)).
   */
  keepsConsents: boolean;
  /** Writes the CPS specialized plan for a minor victim (Miss. Code § 43-21-105; DOMAIN.md §6). */
  writesSpecializedPlan: boolean;
  /**
   * Closes and reopens cases: those its own agency holds (whoever runs the case there: CPS, the
   * task-force lead, the advocate of a victim-services case), or any case it reaches (the state).
   */
  changesCaseStatus: "none" | "own_agency" | "any";
  /**
   * Cases reached beyond `caseScope`: those whose Rapid Assessment Team the role's agency's task
   * force convened (a task-force lead oversees its teams' cases wherever CPS holds them).
   */
  oversees: "none" | "rat_task_force";
  /**
   * Reaches the cases on which its agency accepted a referral (accepted or completed, never one
   * only sent, or declined): the provider who took the person on works the case on that
   * recorded basis. What it sees there is still what the disclosure rules release.
   */
  reachesReferredCases: boolean;
  /**
   * The kinds of agency whose staff hold this role (DOMAIN.md §1: CPS investigators work for
   * DCPS, certified HT investigators for law enforcement or MBI, advocates for a victim service
   * provider, …). An account is only ever granted a role that fits its agency.
   */
  /**
   * May be a case's assigned worker, the named person at the holding agency who answers for it
   * (issue 13): those who run cases (CPS, HT investigators, advocates, task-force leads, the
   * state coordinator), not those who serve a case from outside it (clinic, shelter, screener).
   */
  holdsCases: boolean;
  /**
   * Is assigned the children's reports routed to its CPS office (Miss. Code § 43-21-353): an
   * office with no active holder of such a role reaches no one, and routing falls back.
   */
  takesRoutedCases: boolean;
  /** Triages the tips sent from the public help page (DOMAIN.md §12: the state's coordinator). */
  triagesPublicTips: boolean;
  /**
   * Assigns and transfers cases, and reassigns obligations: on the cases its own agency holds
   * (whoever runs the case there), or on any case it reaches (the state).
   */
  assignsCases: "none" | "own_agency" | "any";
  agencyKinds: readonly AgencyKind[] | "any";
}

export const ROLE_POLICIES: Record<Role, RolePolicy> = {
  screener: {
    holdsCases: false,
    takesRoutedCases: false,
    triagesPublicTips: false,
    assignsCases: "none",
    keepsConsents: false,
    writesSpecializedPlan: false,
    changesCaseStatus: "none",
    caseScope: "team",
    seesIdentity: false,
    requiresMfa: false,
    breakGlass: false,
    escalations: "none",
    audit: "none",
    administers: "none",
    convenesRat: false,
    deliversServices: false,
    managesCaseTeam: false,
    managesTaskForces: "none",
    closesAnyObligation: false,
    oversees: "none",
    reachesReferredCases: false,
    agencyKinds: "any",
  },
  cps_investigator: {
    holdsCases: true,
    takesRoutedCases: true,
    triagesPublicTips: false,
    assignsCases: "own_agency",
    keepsConsents: false,
    writesSpecializedPlan: true,
    changesCaseStatus: "own_agency",
    caseScope: "agency",
    seesIdentity: true,
    requiresMfa: true,
    breakGlass: false,
    escalations: "none",
    audit: "none",
    administers: "none",
    convenesRat: true,
    deliversServices: true,
    managesCaseTeam: true,
    managesTaskForces: "none",
    closesAnyObligation: false,
    oversees: "none",
    reachesReferredCases: true,
    agencyKinds: ["cps"],
  },
  ht_investigator: {
    holdsCases: true,
    takesRoutedCases: false,
    triagesPublicTips: false,
    assignsCases: "none",
    keepsConsents: false,
    writesSpecializedPlan: false,
    changesCaseStatus: "none",
    caseScope: "team",
    seesIdentity: true,
    requiresMfa: true,
    breakGlass: false,
    escalations: "none",
    audit: "none",
    administers: "none",
    convenesRat: false,
    deliversServices: false,
    managesCaseTeam: false,
    managesTaskForces: "none",
    closesAnyObligation: false,
    oversees: "none",
    reachesReferredCases: false,
    agencyKinds: ["law_enforcement", "mbi"],
  },
  victim_advocate: {
    holdsCases: true,
    takesRoutedCases: false,
    triagesPublicTips: false,
    assignsCases: "own_agency",
    keepsConsents: true,
    writesSpecializedPlan: false,
    changesCaseStatus: "own_agency",
    caseScope: "agency",
    seesIdentity: true,
    requiresMfa: true,
    breakGlass: false,
    escalations: "none",
    audit: "none",
    administers: "none",
    convenesRat: false,
    deliversServices: true,
    managesCaseTeam: false,
    managesTaskForces: "none",
    closesAnyObligation: false,
    oversees: "none",
    reachesReferredCases: true,
    agencyKinds: ["victim_services", "attorney_general"],
  },
  medical: {
    holdsCases: false,
    takesRoutedCases: false,
    triagesPublicTips: false,
    assignsCases: "none",
    keepsConsents: false,
    writesSpecializedPlan: false,
    changesCaseStatus: "none",
    caseScope: "team",
    seesIdentity: true,
    requiresMfa: true,
    breakGlass: false,
    escalations: "none",
    audit: "none",
    administers: "none",
    convenesRat: false,
    deliversServices: true,
    managesCaseTeam: false,
    managesTaskForces: "none",
    closesAnyObligation: false,
    oversees: "none",
    reachesReferredCases: true,
    agencyKinds: ["medical"],
  },
  shelter_staff: {
    holdsCases: false,
    takesRoutedCases: false,
    triagesPublicTips: false,
    assignsCases: "none",
    keepsConsents: false,
    writesSpecializedPlan: false,
    changesCaseStatus: "none",
    caseScope: "team",
    seesIdentity: true,
    requiresMfa: true,
    breakGlass: false,
    escalations: "none",
    audit: "none",
    administers: "none",
    convenesRat: false,
    deliversServices: true,
    managesCaseTeam: false,
    managesTaskForces: "none",
    closesAnyObligation: false,
    oversees: "none",
    reachesReferredCases: true,
    agencyKinds: ["shelter", "victim_services"],
  },
  task_force_lead: {
    holdsCases: true,
    takesRoutedCases: false,
    triagesPublicTips: false,
    assignsCases: "own_agency",
    keepsConsents: false,
    writesSpecializedPlan: false,
    changesCaseStatus: "own_agency",
    caseScope: "agency",
    seesIdentity: true,
    requiresMfa: true,
    breakGlass: true,
    escalations: "agency",
    audit: "none",
    administers: "none",
    convenesRat: true,
    deliversServices: true,
    managesCaseTeam: true,
    managesTaskForces: "own_agency",
    closesAnyObligation: false,
    oversees: "rat_task_force",
    reachesReferredCases: true,
    agencyKinds: ["law_enforcement", "mbi"],
  },
  state_coordinator: {
    holdsCases: true,
    takesRoutedCases: false,
    triagesPublicTips: true,
    assignsCases: "any",
    keepsConsents: false,
    writesSpecializedPlan: false,
    changesCaseStatus: "any",
    caseScope: "statewide",
    seesIdentity: true,
    requiresMfa: true,
    breakGlass: true,
    escalations: "all",
    // The state oversees every agency's response, so it reads every agency's trail (issue 13).
    audit: "all",
    administers: "none",
    convenesRat: true,
    deliversServices: true,
    managesCaseTeam: false,
    managesTaskForces: "all",
    closesAnyObligation: true,
    oversees: "none",
    reachesReferredCases: true,
    agencyKinds: ["mbi"],
  },
  analyst: {
    holdsCases: false,
    takesRoutedCases: false,
    triagesPublicTips: false,
    assignsCases: "none",
    keepsConsents: false,
    writesSpecializedPlan: false,
    changesCaseStatus: "none",
    caseScope: "none",
    seesIdentity: false,
    requiresMfa: false,
    breakGlass: false,
    escalations: "none",
    audit: "none",
    administers: "none",
    convenesRat: false,
    deliversServices: false,
    managesCaseTeam: false,
    managesTaskForces: "none",
    closesAnyObligation: false,
    oversees: "none",
    reachesReferredCases: false,
    agencyKinds: "any",
  },
  agency_admin: {
    holdsCases: false,
    takesRoutedCases: false,
    triagesPublicTips: false,
    assignsCases: "none",
    keepsConsents: false,
    writesSpecializedPlan: false,
    changesCaseStatus: "none",
    caseScope: "none",
    seesIdentity: false,
    requiresMfa: true,
    breakGlass: false,
    escalations: "none",
    audit: "agency",
    administers: "agency",
    convenesRat: false,
    deliversServices: false,
    managesCaseTeam: false,
    managesTaskForces: "own_agency",
    closesAnyObligation: false,
    oversees: "none",
    reachesReferredCases: false,
    agencyKinds: "any",
  },
  system_admin: {
    holdsCases: false,
    takesRoutedCases: false,
    triagesPublicTips: false,
    assignsCases: "none",
    keepsConsents: false,
    writesSpecializedPlan: false,
    changesCaseStatus: "none",
    caseScope: "none",
    seesIdentity: false,
    requiresMfa: true,
    breakGlass: false,
    escalations: "none",
    audit: "all",
    administers: "all",
    convenesRat: false,
    deliversServices: false,
    managesCaseTeam: false,
    managesTaskForces: "none",
    closesAnyObligation: false,
    oversees: "none",
    reachesReferredCases: false,
    agencyKinds: "any",
  },
};

/** Whether an account in an agency of this kind may hold the role (see `agencyKinds`). */
export function roleFitsAgencyKind(role: Role, kind: string): boolean {
  const kinds = ROLE_POLICIES[role].agencyKinds;
  return kinds === "any" || (kinds as readonly string[]).includes(kind);
}

/**
 * A role whose powers reach past its own agency's cases and accounts: every case in the state,
 * any case by break-glass, every agency's audit trail, or accounts themselves. Only an
 * administrator of every agency grants these (the access policy's `roleGrant`), so an agency
 * administrator can never make an account more powerful than the agency it administers.
 */
export function reachesBeyondAgency(role: Role): boolean {
  const p = ROLE_POLICIES[role];
  return (
    p.caseScope === "statewide" ||
    p.breakGlass ||
    p.escalations === "all" ||
    p.audit === "all" ||
    p.administers !== "none"
  );
}

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
