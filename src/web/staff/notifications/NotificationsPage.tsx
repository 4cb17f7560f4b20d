import { useCallback, useEffect, useState } from "react";
import type { Reply } from "../../../contract/common.ts";
import type { Notification, notificationReplies } from "../../../contract/notifications/replies.ts";
import { type ApiError, api } from "../../api/client.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Badge } from "../../ui/Badge.tsx";
import { Button } from "../../ui/Button.tsx";
import { Link } from "../../ui/Link.tsx";
import { Page } from "../../ui/Page.tsx";
import { LoadError } from "../LoadError.tsx";
import { noticeText } from "./notice-text.ts";
import { notificationsChanged } from "./unread-count.ts";

type ListReply = Reply<typeof notificationReplies.list>;

/**
 * The notification centre (GET /api/v1/me/notifications): newest first, unread marked, each a
 * link to its case (or to My work for offers and referrals). Following one marks it read.
 */
export default function NotificationsPage() {
  const { t, lang } = useI18n();
  const [items, setItems] = useState<Notification[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [allRead, setAllRead] = useState(false);
  const [busy, setBusy] = useState(false);

  const fetchPage = useCallback(async (before: string | null) => {
    setBusy(true);
    try {
      const q = before ? `?before=${encodeURIComponent(before)}` : "";
      const reply = await api.get<ListReply>(`/api/v1/me/notifications${q}`);
      setItems((old) => (before && old ? [...old, ...reply.notifications] : reply.notifications));
      setCursor(reply.nextCursor);
      setError(null);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  }, []);
  useEffect(() => {
    void fetchPage(null);
  }, [fetchPage]);

  const markRead = async (n: Notification) => {
    if (n.read) return;
    setItems((old) => old?.map((o) => (o.id === n.id ? { ...o, read: true } : o)) ?? old);
    await api.post(`/api/v1/me/notifications/${encodeURIComponent(n.id)}/read`).catch(() => {});
    notificationsChanged();
  };
  const markAll = async () => {
    try {
      await api.post("/api/v1/me/notifications/read-all");
      setItems((old) => old?.map((o) => ({ ...o, read: true })) ?? old);
      setAllRead(true);
      notificationsChanged();
    } catch (e) {
      setError(e as ApiError);
    }
  };

  const unread = items?.some((n) => !n.read) ?? false;
  return (
    <Page title={t("notifications.title")} lead={t("notifications.lead")}>
      {error ? <LoadError error={error} /> : null}
      <div aria-live="polite">
        {allRead ? <Alert tone="success">{t("notifications.marked_all")}</Alert> : null}
      </div>
      {items === null ? (
        error ? null : (
          <p className="loading" role="status">
            {t("common.loading")}
          </p>
        )
      ) : items.length === 0 ? (
        <p role="status">{t("notifications.empty")}</p>
      ) : (
        <>
          {unread ? (
            <Button variant="secondary" onClick={() => void markAll()}>
              {t("notifications.mark_all")}
            </Button>
          ) : null}
          <ul className="notification-list">
            {items.map((n) => (
              <li
                key={n.id}
                className={n.read ? "notification" : "notification notification-unread"}
              >
                <p className="notification-text">
                  {n.read ? null : <Badge tone="info">{t("notifications.new")}</Badge>}{" "}
                  <Link href={n.href} onClick={() => void markRead(n)}>
                    {noticeText(t, lang, n)}
                  </Link>
                </p>
                <p className="notification-meta">
                  <span className="muted">{formatDateTime(n.createdAt, lang)}</span>
                  {n.read ? null : (
                    <Button variant="link" onClick={() => void markRead(n)}>
                      {t("notifications.mark_read")}
                    </Button>
                  )}
                </p>
              </li>
            ))}
          </ul>
          {cursor ? (
            <Button variant="secondary" disabled={busy} onClick={() => void fetchPage(cursor)}>
              {t("notifications.more")}
            </Button>
          ) : null}
        </>
      )}
    </Page>
  );
}
