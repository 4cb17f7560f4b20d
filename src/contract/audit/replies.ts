import { z } from "zod";

/** What the audit trail route answers: one row per audited unit of work, newest first. */

const auditRow = z.object({
  seq: z.number(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorAgencyId: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  fields: z.array(z.string()),
  clientIp: z.string().nullable(),
  outcome: z.string(),
  detail: z.record(z.string(), z.unknown()),
});

export const auditReplies = {
  rows: z.object({ rows: z.array(auditRow) }),
};

export type AuditRow = z.infer<typeof auditRow>;
