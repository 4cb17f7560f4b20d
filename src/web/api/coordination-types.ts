/**
 * Rapid Assessment Teams, task forces, certifications, queues and accounts, as
 * `src/server/routes/coordination.ts`, `administration.ts` and `case-file-schemas.ts` declare them.
 */

export interface RatSeat {
  id: string;
  seat: string;
  status: string;
  membershipId: string;
  displayName: string;
  offeredAt: string;
  respondedAt: string | null;
  reason: string | null;
  /** On call in the team's task force now (the server reads the roster, not the browser). */
  onCall: boolean;
}

export interface RatTeam {
  id: string;
  caseId: string;
  taskForceId: string;
  requestedAt: string;
  formedAt: string | null;
  formationMinutes: number | null;
  seats: RatSeat[];
}

/** Why a candidate cannot take a seat (GET /api/v1/cases/:id/rat/candidates). */
export type SeatIneligibility = "wrong_role" | "certification_missing" | "certification_expired";

/** A task-force member who could be offered a seat by hand: eligible ones come first. */
export interface SeatCandidate {
  membershipId: string;
  displayName: string;
  onCall: boolean;
  ineligible: SeatIneligibility | null;
  certificationExpiresOn: string | null;
}

export interface SeatOffer {
  id: string;
  seat: string;
  offeredAt: string;
  caseId: string;
  caseNumber: string;
  countyFips: string | null;
  receivedAt: string;
}

export interface TaskForceSummary {
  id: string;
  name: string;
  agencyId: string;
  /** The caller runs this task force's roster (the server's answer). */
  mayManage: boolean;
}

export interface CertificationPeriod {
  kind: string;
  issuedOn: string;
  expiresOn: string;
}

export interface TaskForceMember {
  membershipId: string;
  userId: string;
  role: string;
  displayName: string;
  onCall: boolean;
  certifications: CertificationPeriod[];
}

export interface OnCallShift {
  id: string;
  membershipId: string;
  startsAt: string;
  endsAt: string;
}

export interface TaskForceDetail extends TaskForceSummary {
  members: TaskForceMember[];
  shifts: OnCallShift[];
}

export interface Certification extends CertificationPeriod {
  id: string;
  certifiedBy: string;
  reference: string | null;
}

export interface OpenCase {
  id: string;
  caseNumber: string;
  countyFips: string | null;
  status: string;
  determination: string | null;
  receivedAt: string;
  ratRequestedAt: string | null;
  ratFormedAt: string | null;
  openObligations: number;
  overdueObligations: number;
}

/** The staff directory (GET /api/v1/staff): one row per membership, no e-mail or status. */
export interface StaffMember {
  membershipId: string;
  userId: string;
  displayName: string;
  role: string;
  agencyId: string;
  agencyName: string;
}

/** One row per membership (a person in one agency and role). */
export interface Account {
  userId: string;
  email: string;
  displayName: string;
  status: string;
  lockedAt: string | null;
  mfaEnabledAt: string | null;
  membershipId: string;
  agencyId: string;
  role: string;
  /** The server's answer: this caller may unlock or disable the account. */
  mayChange: boolean;
}
