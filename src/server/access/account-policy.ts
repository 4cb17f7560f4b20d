import type { ExpressionBuilder } from "kysely";
import type { AccountAbilities } from "../../domain/abilities.ts";
import {
  ROLE_POLICIES,
  ROLES,
  type Role,
  reachesBeyondAgency,
  roleFitsAgencyKind,
} from "../../domain/roles.ts";
import type { Database } from "../db/schema.ts";
import type { Actor } from "./actor.ts";

/**
 * The policy's decisions about accounts (part of the policy module; policy.ts re-exports them):
 * who administers which agency's accounts, which roles each may grant, who reads the audit trail
 * and the staff directory, and who records or reads certifications. All from the role table.
 */

/** Who manages accounts in an agency: its own administrators, and system administrators. */
export function canAdministerAgency(actor: Actor, agencyId: string): boolean {
  const administers = ROLE_POLICIES[actor.role].administers;
  return administers === "all" || (administers === "agency" && actor.agencyId === agencyId);
}

/** The agencies whose accounts the actor administers: every one, some (its own), or none. */
export function administeredAgencies(actor: Actor): "all" | string[] {
  const administers = ROLE_POLICIES[actor.role].administers;
  if (administers === "all") return "all";
  return administers === "agency" ? [actor.agencyId] : [];
}

/**
 * The agencies whose audit rows the actor may read: every agency's, its own agency's (the rows
 * its staff wrote), or none. The audit viewer's repository filters by this, so the trail of one
 * agency never reaches another agency's administrator.
 */
export function auditReach(actor: Actor): "all" | string[] {
  const audit = ROLE_POLICIES[actor.role].audit;
  if (audit === "all") return "all";
  return audit === "agency" ? [actor.agencyId] : [];
}

/**
 * Whether a role must pass its second factor (TOTP) before it is signed in: every role that
 * sees identities, and every administrator (ASVS V6.3.3, CJIS 5.6.2.2; the role table says which).
 */
export function requiresMfa(role: Role): boolean {
  return ROLE_POLICIES[role].requiresMfa;
}

/**
 * Who reads the staff directory (names, roles, agencies): whoever builds task forces or records
 * certifications, or reads the audit trail, since all pick people from it. Staff data only; e-mails and account status
 * stay with account administration.
 */
export function mayReadStaffDirectory(actor: Actor): boolean {
  const abilities = accountAbilities(actor);
  // Audit readers pick the person whose actions they look for from it.
  return abilities.manageTaskForces || abilities.recordCertifications || abilities.readAudit;
}

/** Whether the actor's powers cover handing out `role` at all (the agency aside). */
function mayHandOutRole(actor: Actor, role: Role): boolean {
  const administers = ROLE_POLICIES[actor.role].administers;
  return administers === "all" || (administers === "agency" && !reachesBeyondAgency(role));
}

export type RoleGrant =
  | { allowed: true }
  /** agency: not an agency the actor administers; role: beyond the actor's powers; kind: the
   * role does not belong in that kind of agency. */
  | { allowed: false; reason: "agency" | "role" | "kind" };

/**
 * Whether the actor may give `role` to an account in `agency` (on creating the account or any
 * later change of role). A system administrator grants any role that fits the agency; an
 * agency's administrator grants, in its own agency only, the roles that fit it and reach no
 * further than it: never an administrator, the state coordinator, a break-glass role or the
 * statewide audit (`reachesBeyondAgency`). Nobody else grants roles. Without this rule an
 * agency administrator could make a system administrator and take over the state.
 */
export function roleGrant(
  actor: Actor,
  agency: { id: string; kind: string },
  role: Role,
): RoleGrant {
  if (!canAdministerAgency(actor, agency.id)) return { allowed: false, reason: "agency" };
  if (!mayHandOutRole(actor, role)) return { allowed: false, reason: "role" };
  if (!roleFitsAgencyKind(role, agency.kind)) return { allowed: false, reason: "kind" };
  return { allowed: true };
}

/** The roles the actor may give in an agency (the account form offers exactly these). */
export function grantableRoles(actor: Actor, agency: { id: string; kind: string }): Role[] {
  return ROLES.filter((role) => roleGrant(actor, agency, role).allowed);
}

/**
 * Whether the actor manages an account (unlock, disable) through one of its memberships: one
 * the actor could have granted, so an agency administrator cannot lock out or unlock the state
 * coordinator or a system administrator who happens to sit in its agency. The agency's kind is
 * not asked: a system administrator must be able to disable an account that never fitted.
 */
export function mayAdministerMembership(
  actor: Actor,
  membership: { agencyId: string; role: Role },
): boolean {
  return canAdministerAgency(actor, membership.agencyId) && mayHandOutRole(actor, membership.role);
}

/**
 * Who records a person's certifications: the state (the HT Task Force Board's and the Attorney
 * General's lists reach the state coordinator first), a system administrator, or an
 * administrator who manages one of the person's memberships.
 */
export function mayRecordCertifications(
  actor: Actor,
  memberships: readonly { agencyId: string; role: Role }[],
): boolean {
  const policy = ROLE_POLICIES[actor.role];
  if (policy.caseScope === "statewide" || policy.administers === "all") return true;
  return memberships.some((m) => mayAdministerMembership(actor, m));
}

/**
 * Whether the actor may read a person's certifications: their own, or those of someone whose
 * certifications the actor records. A person with no membership (no such person) has none to
 * read, so an unknown id and one beyond the actor's reach answer alike.
 */
export function mayReadCertifications(
  actor: Actor,
  userId: string,
  memberships: readonly { agencyId: string; role: Role }[],
): boolean {
  return (
    actor.userId === userId ||
    (memberships.length > 0 && mayRecordCertifications(actor, memberships))
  );
}

/**
 * What the caller may do outside any one case (sent with `/me`, so the web app shows its menu
 * from the server's answer and never keeps its own copy of these lists).
 */
export function accountAbilities(actor: Actor): AccountAbilities {
  const policy = ROLE_POLICIES[actor.role];
  return {
    intake: policy.caseScope !== "none",
    // Who is told of an overdue obligation keeps the list of them (the role table's escalations).
    overdueQueue: policy.escalations !== "none",
    openCasesQueue: policy.convenesRat,
    readAudit: policy.audit !== "none",
    administerAccounts: policy.administers !== "none",
    createAgencies: policy.administers === "all",
    manageTaskForces: policy.managesTaskForces !== "none",
    recordCertifications: policy.administers !== "none" || policy.caseScope === "statewide",
    receiveReferrals: policy.seesIdentity,
    // Whoever reaches cases keeps a caseload of them (the role table's case scope).
    caseload: policy.caseScope !== "none",
  };
}

/**
 * SQL condition on `notifications`: those addressed to the caller, and those addressed to the
 * agency they act for (shared by its members: a referral received, a case routed to it).
 */
export function notificationsFor(actor: Actor) {
  return (eb: ExpressionBuilder<Database, "notifications">) =>
    eb.or([
      eb("notifications.user_id", "=", actor.userId),
      eb("notifications.agency_id", "=", actor.agencyId),
    ]);
}
