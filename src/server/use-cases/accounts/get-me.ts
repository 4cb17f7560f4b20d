import type { Actor } from "../../access/actor.ts";
import { accountAbilities, confidentialByDefault } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/**
 * The signed-in caller: their account, agency and role, and what they may do (the web app's
 * menu comes from these abilities). The caller's own account only: not audited.
 */
export function getMe(ctx: AppContext, actor: Actor) {
  const spec = { action: "user.read_self", auditRefusalOnly: true };
  return asCaller(ctx, actor, spec, async (w) => {
    const user = await w.repos.users.profile(actor.userId);
    return {
      userId: actor.userId,
      email: user.email,
      displayName: user.displayName,
      language: user.language,
      agencyId: actor.agencyId,
      agencyName: await w.repos.agencies.nameOf(actor.agencyId),
      role: actor.role,
      abilities: accountAbilities(actor),
      confidentialNotesByDefault: confidentialByDefault(actor),
    };
  });
}
