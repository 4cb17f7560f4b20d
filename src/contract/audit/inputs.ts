import { z } from "zod";

/** The audit viewer's page: the newest `limit` rows, older than sequence number `before`. */
export const readAuditLogQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().optional(),
});
export type ReadAuditLogQuery = z.output<typeof readAuditLogQuery>;
