import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { onCase } from "../../unit-of-work/on-case.ts";

/**
 * The events on the case the caller may see, oldest first. Event data never holds personal
 * data, but an event about a note, document, plan item or referral tells that it exists: the
 * repository leaves it out, in the SQL, for a caller who may not see that record.
 */
export function listCaseTimeline(ctx: AppContext, actor: Actor, caseId: string) {
  return onCase(ctx, actor, { caseId, action: "case.timeline", ability: "read" }, async (w) =>
    w.listed(await w.repos.events.listVisible(caseId)).map((e) => ({
      id: e.id,
      kind: e.kind,
      occurredAt: e.occurred_at,
      actorUserId: e.actor_user_id,
      actorName: e.actor_name,
      data: e.data,
    })),
  );
}
