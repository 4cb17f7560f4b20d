import type { Actor } from "../../access/actor.ts";
import { administeredAgencies, grantableRoles } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/**
 * For the account form: each agency the caller administers, with the roles it may give there
 * (none for a caller who administers nothing). What the policy allows, not a record: unaudited.
 */
export function listRoleGrants(ctx: AppContext, actor: Actor) {
  return asCaller(ctx, actor, { action: "role_grant.list", auditRefusalOnly: true }, async (w) => {
    const reach = administeredAgencies(actor);
    if (reach.length === 0) return [];
    const agencies = await w.repos.agencies.listReached(reach);
    return agencies.map((a) => ({ agencyId: a.id, roles: grantableRoles(actor, a) }));
  });
}
