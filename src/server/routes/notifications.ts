import type { FastifyPluginAsync } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { notificationParams, notificationsQuery } from "../../contract/notifications/inputs.ts";
import { notificationReplies as s } from "../../contract/notifications/replies.ts";
import type { AppContext } from "../context.ts";
import { requireActor } from "../http/auth-hook.ts";
import { errorReplies } from "../http/error-schema.ts";
import { routeDocs } from "../http/route-docs.ts";
import { countUnreadNotifications } from "../use-cases/notifications/count-unread-notifications.ts";
import { listNotifications } from "../use-cases/notifications/list-notifications.ts";
import { markAllNotificationsRead } from "../use-cases/notifications/mark-all-notifications-read.ts";
import { markNotificationRead } from "../use-cases/notifications/mark-notification-read.ts";

/** The caller's notification centre: the list, the header's unread count, marking read. */
export const notificationRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const route = routeDocs(["notifications"], errorReplies);
    r.get(
      "/api/v1/me/notifications",
      route(
        "Your notifications, newest first",
        { querystring: notificationsQuery },
        { 200: s.list },
      ),
      async (req) => listNotifications(ctx, requireActor(req), req.query),
    );
    r.get(
      "/api/v1/me/notifications/unread-count",
      route("How many of your notifications are unread", {}, { 200: s.unread }),
      async (req) => countUnreadNotifications(ctx, requireActor(req)),
    );
    r.post(
      "/api/v1/me/notifications/:notificationId/read",
      route("Marks one notification read", { params: notificationParams }, { 200: s.marked }),
      async (req) => markNotificationRead(ctx, requireActor(req), req.params.notificationId),
    );
    r.post(
      "/api/v1/me/notifications/read-all",
      route("Marks all your notifications read", {}, { 200: s.marked }),
      async (req) => markAllNotificationsRead(ctx, requireActor(req)),
    );
  };
