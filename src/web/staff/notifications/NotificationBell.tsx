import { useEffect, useState } from "react";
import type { Reply } from "../../../contract/common.ts";
import type { notificationReplies } from "../../../contract/notifications/replies.ts";
import { api } from "../../api/client.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { useLocation } from "../../router.ts";
import { Link } from "../../ui/Link.tsx";
import { NOTIFICATIONS_CHANGED } from "./unread-count.ts";

type Unread = Reply<typeof notificationReplies.unread>;

/** How often the header asks again while the page is open (a minute: counts, not alarms). */
const EVERY_MS = 60_000;

/**
 * The header's link to the notification centre with the unread count: asked on every page
 * change, every minute while the tab is visible, and when a page marks some read.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const [unread, setUnread] = useState<Unread | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page means ask again
  useEffect(() => {
    let live = true;
    const ask = () => {
      if (document.visibilityState === "hidden") return;
      api
        .get<Unread>("/api/v1/me/notifications/unread-count")
        .then((u) => live && setUnread(u))
        .catch(() => undefined); // the count is a hint; the page itself reports failures
    };
    ask();
    const timer = window.setInterval(ask, EVERY_MS);
    window.addEventListener(NOTIFICATIONS_CHANGED, ask);
    document.addEventListener("visibilitychange", ask);
    return () => {
      live = false;
      window.clearInterval(timer);
      window.removeEventListener(NOTIFICATIONS_CHANGED, ask);
      document.removeEventListener("visibilitychange", ask);
    };
  }, [pathname]);

  const count = unread?.count ?? 0;
  const words =
    unread?.more === true
      ? t("notifications.unread_more", { count })
      : t("notifications.unread", { count });
  return (
    <Link
      href="/notifications"
      className="notification-bell"
      aria-current={pathname === "/notifications" ? "page" : undefined}
    >
      {t("nav.notifications")}
      {count > 0 ? (
        <span className="notification-count">
          <span aria-hidden="true">{unread?.more ? `${count}+` : count}</span>
          <span className="visually-hidden">{` (${words})`}</span>
        </span>
      ) : null}
    </Link>
  );
}
