import { isRole, type Role, roleFitsAgencyKind } from "../../../domain/roles.ts";
import type { Actor } from "../../access/actor.ts";
import { roleGrant } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { accountsOutsideUnit } from "../../repositories/accounts/account-repositories.ts";

/** Why an account's role would not be granted today. */
export type RoleGrantProblem =
  /** The role does not belong in the agency's kind (a CPS investigator at a shelter). */
  | "role_does_not_fit_agency"
  /** The account was created by someone whose role may not give that role (the hole closed in
   * issue 10: agency administrators making system administrators). */
  | "granted_beyond_grantor"
  /** No audit row says who created the account (made outside Waypoint, or the row is gone). */
  | "no_record_of_grant"
  /** The stored role is not one Waypoint knows. */
  | "unknown_role";

export interface RoleGrantFinding {
  userId: string;
  email: string;
  membershipId: string;
  agencyId: string;
  agencyKind: string;
  role: string;
  problem: RoleGrantProblem;
  grantedAt: string | null;
  grantedBy: { userId: string; role: string | null } | null;
}

/**
 * Every membership whose role the access policy would refuse to grant today, judged against
 * who created the account (the `user.create` audit row): how a deployment finds accounts made
 * through a hole in the grant rule, and accounts in agencies they do not fit. Accounts made
 * from the command line or by the demo seed have no actor and were made by an operator.
 * Account data only: no case data is read.
 */
export async function auditRoleGrants(ctx: AppContext): Promise<RoleGrantFinding[]> {
  // An operator's check (the command line, and a warning at start-up): no caller, no unit.
  const records = accountsOutsideUnit(ctx).roleGrants;
  const memberships = await records.memberships();
  const grants = await records.accountCreations();
  const grantOf = new Map(grants.map((g) => [g.record_id, g]));
  const findings: RoleGrantFinding[] = [];
  for (const m of memberships) {
    const grant = grantOf.get(m.userId);
    const report = (problem: RoleGrantProblem) =>
      findings.push({
        ...m,
        problem,
        grantedAt: grant?.at ?? null,
        grantedBy: grant?.actor_user_id
          ? { userId: grant.actor_user_id, role: grant.actor_role }
          : null,
      });
    if (!isRole(m.role)) {
      report("unknown_role");
      continue;
    }
    if (!roleFitsAgencyKind(m.role, m.agencyKind)) report("role_does_not_fit_agency");
    if (!grant) report("no_record_of_grant");
    else if (grant.actor_user_id && !grantorCouldGive(grant, m.agencyId, m.agencyKind, m.role))
      report("granted_beyond_grantor");
  }
  return findings;
}

/** The policy's own rule, asked about the grantor as they were when they created the account. */
function grantorCouldGive(
  grant: {
    actor_user_id: string | null;
    actor_agency_id: string | null;
    actor_role: string | null;
  },
  agencyId: string,
  agencyKind: string,
  role: Role,
): boolean {
  if (!grant.actor_role || !isRole(grant.actor_role) || !grant.actor_agency_id) return false;
  const grantor: Actor = {
    userId: grant.actor_user_id as string,
    membershipId: "",
    agencyId: grant.actor_agency_id,
    agencyKind: "",
    role: grant.actor_role,
    via: "session",
    clientIp: null,
  };
  // The agency's kind is reported on its own (role_does_not_fit_agency), so it is not asked here.
  const decision = roleGrant(grantor, { id: agencyId, kind: agencyKind }, role);
  return decision.allowed || decision.reason === "kind";
}
