import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/**
 * The overdue list: every open obligation past its due time on the cases the caller oversees
 * (a task-force lead: their agency's; the state coordinator: the state's), oldest first.
 */
export function listOverdue(ctx: AppContext, actor: Actor, limit: number) {
  const spec = {
    action: "obligation.list_overdue",
    recordType: "obligation",
    ability: "overdueQueue",
    refusal: "Only task-force leads and the state coordinator have an overdue list.",
  } as const;
  return asCaller(ctx, actor, spec, async (w) => w.listed(await w.repos.workQueues.overdue(limit)));
}
