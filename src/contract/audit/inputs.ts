import { z } from "zod";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "A date as YYYY-MM-DD.");

/** What narrows the audit trail: who acted, on which case, which action, between which days. */
export const auditFilters = z.object({
  actor: z.string().min(1).max(100).optional(),
  caseNumber: z.string().min(1).max(40).optional(),
  action: z
    .string()
    .regex(/^[a-z_]+(\.[a-z_]+)*$/)
    .max(80)
    .optional(),
  /** First day included (a Mississippi calendar day). */
  from: day.optional(),
  /** Last day included (a Mississippi calendar day). */
  to: day.optional(),
});
export type AuditFilters = z.output<typeof auditFilters>;

/** The audit viewer's page: the newest `limit` rows, older than sequence number `before`. */
export const readAuditLogQuery = auditFilters.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().optional(),
});
export type ReadAuditLogQuery = z.output<typeof readAuditLogQuery>;
