/**
 * What an in-app notification can say (issue 13 item 10). Each kind names the event, never a
 * person: the notification points at a record, and opening it asks the access policy again.
 * Kinds keep the names stored since the first release (some dotted, some not).
 */
export const NOTIFICATION_KINDS = [
  "case.assigned",
  "case.transferred",
  "case_routed",
  "routing.fallback",
  "obligation.assigned",
  "obligation.reminder",
  "obligation.escalation",
  "rat_seat_offered",
  "rat_seat_answered",
  "referral_received",
  "referral_answered",
  "referral_withdrawn",
  "break_glass_opened",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Where a notification takes its reader. Seat offers and incoming referrals wait in My work:
 * the case does not open to the reader until they accept. Everything else is about a case the
 * reader holds or works on.
 */
export function notificationTarget(kind: NotificationKind, caseId: string | null): string {
  if (kind === "rat_seat_offered" || kind === "referral_received" || !caseId) return "/work";
  return `/cases/${caseId}`;
}

/** The unread count shown in the header stops here ("99+"): counting further costs and tells nothing. */
export const UNREAD_COUNT_CAP = 99;
