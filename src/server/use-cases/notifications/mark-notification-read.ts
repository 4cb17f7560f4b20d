import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/** Marks one of the caller's notifications read; one addressed elsewhere is "not found". */
export function markNotificationRead(ctx: AppContext, actor: Actor, notificationId: string) {
  const spec = {
    action: "notification.read",
    recordType: "notification",
    recordId: notificationId,
  };
  return asCaller(ctx, actor, spec, async (w) => {
    if (!(await w.repos.notificationCentre.visible(notificationId)))
      throw w.refuse(notFound("notification"));
    const marked = (await w.repos.notificationCentre.markRead(notificationId)) ? 1 : 0;
    w.record({ detail: { marked } });
    return { marked };
  });
}
