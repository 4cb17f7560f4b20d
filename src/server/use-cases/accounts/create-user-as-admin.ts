import type { CreateUserInput } from "../../../contract/accounts/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import { roleGrant } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";
import { acceptedPasswordHash, addAccount } from "./create-user.ts";

const GRANT_REFUSALS = {
  agency: () => new AppError("forbidden", "You cannot create accounts in that agency.", "agencyId"),
  role: () =>
    new AppError(
      "role_not_grantable",
      "You cannot give this role. Only a system administrator can.",
      "role",
    ),
  kind: () =>
    new AppError(
      "role_does_not_fit_agency",
      "This role does not belong in that kind of agency.",
      "role",
    ),
};

/**
 * Creates an account when the access policy lets the caller give that role in that agency
 * (`roleGrant`): agency administrators never make administrators or statewide roles. A refusal
 * is audited; a weak password (judged only once the grant stands, so a refused request costs no
 * argon2 time) is a 400 like any bad input.
 */
export function createUserAsAdmin(ctx: AppContext, actor: Actor, input: CreateUserInput) {
  return asCaller(ctx, actor, { action: "user.create", recordType: "user" }, async (w) => {
    w.record({ detail: { role: input.role } });
    const agency = await w.repos.agencies.find(input.agencyId);
    if (!agency) throw w.refuse(new AppError("not_found", "No such agency.", "agencyId"));
    const grant = roleGrant(actor, agency, input.role);
    if (!grant.allowed) throw w.refuse(GRANT_REFUSALS[grant.reason]());
    return addAccount(w, input, await acceptedPasswordHash(input));
  });
}
