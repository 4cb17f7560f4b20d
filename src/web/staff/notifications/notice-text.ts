import type { Notification } from "../../../contract/notifications/replies.ts";
import { formatDateTime } from "../../i18n/format.ts";
import type { Language, Translate, UiMessageKey } from "../../i18n/i18n.tsx";
import { actionLabel, labelFor } from "../labels.ts";

/**
 * A notification in plain words, from its kind and the record it names (a case number, an
 * obligation, a seat), never a person. A routing alert says whether anyone was reached.
 */
export function noticeText(t: Translate, lang: Language, n: Notification): string {
  const key: UiMessageKey =
    n.kind === "routing.fallback"
      ? n.reached === "no_one"
        ? "notice.routing.fallback.no_one"
        : "notice.routing.fallback.statewide"
      : n.kind === "obligation.reminder" && n.percent
        ? "notice.obligation.reminder_percent"
        : (`notice.${n.kind}` as UiMessageKey);
  const seatAnswer = n.kind === "rat_seat_answered";
  return t(key, {
    case: n.caseNumber ?? t("notifications.a_case"),
    action: n.actionId ? actionLabel(lang, n.actionId) : "",
    percent: n.percent ?? "",
    due: n.dueAt ? formatDateTime(n.dueAt, lang) : "",
    until: n.until ? formatDateTime(n.until, lang) : "",
    seat: n.seat ? labelFor(t, "seat", n.seat) : "",
    answer: n.answer
      ? labelFor(t, seatAnswer ? "notifications.seat_answer" : "notifications.answer", n.answer)
      : "",
  });
}
