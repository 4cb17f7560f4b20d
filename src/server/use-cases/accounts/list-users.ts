import { isRole } from "../../../domain/roles.ts";
import type { Actor } from "../../access/actor.ts";
import { administeredAgencies, mayAdministerMembership } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/** Accounts an administrator manages: their agency's, or every agency's for a system admin. */
export function listUsers(ctx: AppContext, actor: Actor) {
  const spec = {
    action: "user.list",
    recordType: "user",
    ability: "administerAccounts",
    refusal: "You cannot list accounts.",
  } as const;
  return asCaller(ctx, actor, spec, async (w) => {
    const rows = w.listed(await w.repos.memberships.listAccounts(administeredAgencies(actor)));
    // Whether this caller may unlock or disable the account (never their own, never a role
    // they could not grant), so the page offers only buttons that work.
    return rows.map((r) => ({
      ...r,
      mayChange:
        r.userId !== actor.userId &&
        isRole(r.role) &&
        mayAdministerMembership(actor, { agencyId: r.agencyId, role: r.role }),
    }));
  });
}
