import { z } from "zod";

/**
 * What the audit trail route answers: one row per audited unit of work, newest first, in words
 * a person can read: who by display name (null: no one was signed in — the public, or Waypoint's
 * own jobs), the case by its number, the action code the web turns into a sentence, and the
 * names of the fields touched. Never a value, a victim's name, a narrative or an address.
 */
const auditRow = z.object({
  seq: z.number(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  recordType: z.string().nullable(),
  caseNumber: z.string().nullable(),
  fields: z.array(z.string()),
  outcome: z.string(),
  /** The refusal's error code, when the row is a refusal. */
  reason: z.string().nullable(),
});

export const auditReplies = {
  rows: z.object({ rows: z.array(auditRow) }),
};

export type AuditRow = z.infer<typeof auditRow>;
