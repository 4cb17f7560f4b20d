import { z } from "zod";

/** A page of the caller's notifications, newest first; `before` is the cursor a page answered. */
export const notificationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30),
  before: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/)
    .optional(),
});
export type NotificationsQuery = z.infer<typeof notificationsQuery>;

export const notificationParams = z.object({ notificationId: z.string().min(1).max(100) });
