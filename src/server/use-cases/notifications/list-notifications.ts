import type { NotificationsQuery } from "../../../contract/notifications/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { badRequest } from "../../errors.ts";
import { decodeNotificationCursor } from "../../repositories/notifications/notification-centre.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/**
 * The caller's notifications, newest first. They name records, not people, and are the
 * caller's own: like their account, reading them is audited only when refused.
 */
export function listNotifications(ctx: AppContext, actor: Actor, q: NotificationsQuery) {
  const cursor = q.before === undefined ? undefined : decodeNotificationCursor(q.before);
  if (q.before !== undefined && !cursor)
    throw badRequest("This list's page marker is not valid; reload the list.", "before");
  const spec = { action: "notification.list", recordType: "notification", auditRefusalOnly: true };
  return asCaller(ctx, actor, spec, (w) =>
    w.repos.notificationCentre.page({ ...q, ...(cursor ? { cursor } : {}) }),
  );
}
