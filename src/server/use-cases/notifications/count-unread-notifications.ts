import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/** The header's unread count; asked every minute, so audited only when refused, like the list. */
export function countUnreadNotifications(ctx: AppContext, actor: Actor) {
  const spec = { action: "notification.count", recordType: "notification", auditRefusalOnly: true };
  return asCaller(ctx, actor, spec, (w) => w.repos.notificationCentre.unreadCount());
}
