import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/**
 * The directory of agencies (names and kinds), for referrals, task forces and administration.
 * Every signed-in caller reads it; staff data, not victims', so it is not audited.
 */
export function listAgencies(ctx: AppContext, actor: Actor) {
  return asCaller(ctx, actor, { action: "agency.list", auditRefusalOnly: true }, (w) =>
    w.repos.agencies.list(),
  );
}
