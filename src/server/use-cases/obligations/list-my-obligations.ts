import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/**
 * "My work": open obligations owned by me, or by my role on cases I can see, soonest due first
 * (obligations without a clock last). Audited like every read of case data: how many were shown.
 */
export function listMyObligations(ctx: AppContext, actor: Actor, limit: number) {
  const spec = { action: "obligation.list_mine", recordType: "obligation" };
  return asCaller(ctx, actor, spec, async (w) => w.listed(await w.repos.workQueues.mine(limit)));
}
