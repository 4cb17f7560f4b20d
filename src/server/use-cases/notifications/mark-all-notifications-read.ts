import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/** Marks every notification the caller has up to now read ("Mark all as read"). */
export function markAllNotificationsRead(ctx: AppContext, actor: Actor) {
  const spec = { action: "notification.read_all", recordType: "notification" };
  return asCaller(ctx, actor, spec, async (w) => {
    const marked = await w.repos.notificationCentre.markAllRead();
    w.record({ detail: { marked } });
    return { marked };
  });
}
