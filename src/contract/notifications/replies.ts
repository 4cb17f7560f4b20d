import { z } from "zod";
import { NOTIFICATION_KINDS } from "../../domain/notifications.ts";

/**
 * One notification as the centre lists it: what happened (its kind) and which record it is
 * about, never who the victim is. The web app words it from the kind and these fields.
 */
export const notification = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  createdAt: z.string(),
  read: z.boolean(),
  /** Where the notification takes its reader (a case, or My work for offers and referrals). */
  href: z.string(),
  caseNumber: z.string().nullable(),
  /** The obligation it is about (reminders, escalations, reassignments). */
  actionId: z.string().nullable(),
  dueAt: z.string().nullable(),
  /** How much of the obligation's time had passed when a reminder was sent (50, 75). */
  percent: z.string().nullable(),
  /** A seat offered or answered. */
  seat: z.string().nullable(),
  /** A referral's or a seat offer's answer ("accepted", "declined"). */
  answer: z.string().nullable(),
  /** Until when emergency access stays open. */
  until: z.string().nullable(),
  /** Routing fell back: "statewide" office, or "no_one" could be reached. */
  reached: z.string().nullable(),
});
export type Notification = z.infer<typeof notification>;

export const notificationReplies = {
  list: z.object({
    notifications: z.array(notification),
    /** Pass as `before` for the next page; null on the last. */
    nextCursor: z.string().nullable(),
  }),
  unread: z.object({
    /** How many are unread, counted up to the cap; `more` says there are more than that. */
    count: z.number(),
    more: z.boolean(),
  }),
  marked: z.object({ marked: z.number() }),
};
