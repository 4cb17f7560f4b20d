/**
 * The case file's answers (plans, referrals, notes, documents, obligations, timeline, consent),
 * as `src/server/routes/case-file-schemas.ts` and `cases.ts` declare them.
 */

export interface CaseObligation {
  id: string;
  actionId: string;
  ownerRole: string;
  status: string;
  dueAt: string | null;
  closedAt: string | null;
  reason: string | null;
  evidence: Record<string, unknown> | null;
  version: number;
  /** The policy's answer: this user may record the outcome (always false once closed). */
  mayClose: boolean;
}

export interface TimelineEvent {
  id: string;
  kind: string;
  occurredAt: string;
  actorUserId: string | null;
  /** Who did it; null for what the system did (deadlines, automatic offers). */
  actorName: string | null;
  data: Record<string, unknown>;
}

export interface PlanItem {
  id: string;
  domain: string;
  need: string;
  goal: string | null;
  service: string;
  providerAgencyId: string | null;
  startsOn: string | null;
  endsOn: string | null;
  status: string;
  version: number;
}

/**
 * A plan as the server lets the caller see it: `own_agency` in full; `consent` with the items
 * of the consented categories; `statutory_report` (CPS, a child's report) kind and status only;
 * `none` only the agency holding it. What is withheld is null, never guessed.
 */
export interface ServicePlan {
  id: string;
  personId: string;
  agencyId: string;
  disclosureBasis: "own_agency" | "consent" | "statutory_report" | "none";
  kind: string | null;
  status: string | null;
  createdAt: string | null;
  version: number | null;
  items: PlanItem[];
}

export interface CaseReferral {
  id: string;
  personId: string;
  toAgencyId: string;
  toAgencyName: string;
  domain: string;
  service: string;
  status: string;
  reason: string | null;
  disclosureBasis: string;
  statute: string | null;
  consentId: string | null;
  sentAt: string;
  version: number;
}

/** A referral waiting on my agency (GET /api/v1/me/referrals): identity only under a basis. */
export interface IncomingReferral {
  id: string;
  caseNumber: string;
  domain: string;
  service: string;
  status: string;
  sentAt: string;
  version: number;
  disclosureBasis: string;
  ageYears: number | null;
  identity: { givenName?: string; familyName?: string; birthDate?: string };
}

export interface CaseNote {
  id: string;
  aboutPersonId: string | null;
  authorAgencyId: string;
  authorName: string;
  confidential: boolean;
  body: string;
  createdAt: string;
}

export interface CaseDocument {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  scanStatus: string;
  confidential: boolean;
  agencyId: string;
  createdAt: string;
}

export interface ConsentRecord {
  id: string;
  recipientAgencyId: string;
  recipientAgencyName: string;
  categories: string[];
  purpose: string;
  form: string;
  expiresAt: string;
  revokedAt: string | null;
  createdAt: string;
  valid: boolean;
}

export interface Agency {
  id: string;
  name: string;
  kind: string;
  countyFips: string | null;
}
