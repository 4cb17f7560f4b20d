import { auditReach } from "../../access/policy.ts";
import type { Scope } from "../scope.ts";

/** The audit trail as the audit viewer reads it: only the rows the caller's reach covers. */
export class AuditTrailRepository {
  constructor(private readonly s: Scope) {}

  /**
   * The newest rows first (`before`: older than that sequence number), of the agencies the
   * policy lets the caller audit (`auditReach`), applied in the SQL so no caller can forget it.
   */
  async readable(options: { limit: number; before?: number | undefined }) {
    const reach = auditReach(this.s.actor);
    if (reach.length === 0) return [];
    let q = this.s.trx
      .selectFrom("audit_log")
      .selectAll()
      .orderBy("seq", "desc")
      .limit(options.limit);
    if (reach !== "all") q = q.where("actor_agency_id", "in", reach);
    if (options.before !== undefined) q = q.where("seq", "<", options.before);
    const rows = await q.execute();
    return rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at,
      actorUserId: r.actor_user_id,
      actorAgencyId: r.actor_agency_id,
      actorRole: r.actor_role,
      action: r.action,
      recordType: r.record_type,
      recordId: r.record_id,
      fields: JSON.parse(r.fields) as string[],
      clientIp: r.client_ip,
      outcome: r.outcome,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
    }));
  }
}
