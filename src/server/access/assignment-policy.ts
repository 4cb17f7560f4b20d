import type { ExpressionBuilder } from "kysely";
import { ROLE_POLICIES, ROLES, type Role, type RolePolicy } from "../../domain/roles.ts";
import type { Database } from "../db/schema.ts";
import type { Actor } from "./actor.ts";

/**
 * The policy's decisions about who answers for a case and its obligations (issue 13; policy.ts
 * re-exports them): who may be a case's assigned worker, who is handed a child's routed report,
 * who triages public tips, who assigns and transfers, who takes and reassigns obligations.
 * All from the role table, never from role names.
 */

const rolesWhere = (pick: (p: RolePolicy) => boolean): Role[] =>
  ROLES.filter((r) => pick(ROLE_POLICIES[r]));

/** Roles that may be a case's assigned worker at its holding agency. */
export const CASE_HOLDER_ROLES: readonly Role[] = rolesWhere((p) => p.holdsCases);

/** Roles handed the children's reports routed to their CPS office. */
export const ROUTED_CASE_ROLES: readonly Role[] = rolesWhere((p) => p.takesRoutedCases);

/** Roles that triage tips from the public help page. */
export const PUBLIC_TIP_ROLES: readonly Role[] = rolesWhere((p) => p.triagesPublicTips);

/** Roles told when a report falls back to the statewide office: who escalates for the state. */
export const ROUTING_ALERT_ROLES: readonly Role[] = rolesWhere((p) => p.escalations === "all");

/**
 * Roles that lead a task force's teams (convene them and run the task force's roster): told,
 * at the task force's agency, how its teams' seat offers are answered.
 */
export const RAT_LEAD_ROLES: readonly Role[] = rolesWhere(
  (p) => p.convenesRat && p.managesTaskForces !== "none",
);

/** Whether the actor assigns and transfers this case (and reassigns its obligations). */
export function mayAssignCase(actor: Actor, c: { agency_id: string }, inScope: boolean): boolean {
  const assigns = ROLE_POLICIES[actor.role].assignsCases;
  return (
    inScope && (assigns === "any" || (assigns === "own_agency" && c.agency_id === actor.agencyId))
  );
}

/**
 * Whether the actor takes an unclaimed obligation from its role's queue: it holds the role the
 * obligation waits for, at the agency that holds the case (the queue is that agency's).
 */
export function mayTakeObligation(
  actor: Actor,
  o: { owner_user_id: string | null; owner_role: string },
  c: { agency_id: string },
): boolean {
  return o.owner_user_id === null && o.owner_role === actor.role && c.agency_id === actor.agencyId;
}

/** Whether the actor hands an obligation to someone else: its owner, or who assigns the case. */
export function mayReassignObligation(
  actor: Actor,
  o: { owner_user_id: string | null },
  c: { agency_id: string },
): boolean {
  return o.owner_user_id === actor.userId || mayAssignCase(actor, c, true);
}

/**
 * Whether the actor lists the workers a case's work can be handed to at its holding agency: who
 * assigns the case, or who owns one of its open obligations (and so may pass it on).
 */
export function mayListCaseWorkers(
  actor: Actor,
  c: { agency_id: string },
  ownsOpenObligation: boolean,
): boolean {
  return ownsOpenObligation || mayAssignCase(actor, c, true);
}

/** Whether a role may be a case's assigned worker (and so be handed its obligations). */
export function mayHoldCases(role: string): boolean {
  return (CASE_HOLDER_ROLES as readonly string[]).includes(role);
}

/**
 * SQL condition: an unclaimed obligation waiting for the actor's role is in the actor's queue
 * when the actor's agency holds the case. Each (agency, role) pair is one queue, so an
 * unclaimed obligation is in exactly one; intake hands any it could reach no one in to the
 * case's assigned worker (CaseAssignmentRepository.settleUnreachable).
 */
export function roleQueueOf(actor: Actor) {
  // `queue_agency_id` is the case's holding agency, kept on the obligation so the queue has an
  // index of its own (migration 2026120411); it moves with the case.
  return (eb: ExpressionBuilder<Database, "obligations">) =>
    eb("obligations.queue_agency_id", "=", actor.agencyId);
}
