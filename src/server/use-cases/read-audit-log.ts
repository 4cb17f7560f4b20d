import { ROLE_POLICIES } from "../../domain/roles.ts";
import { type Actor, auditContextFor } from "../access/actor.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { denied } from "../audit/record-denial.ts";
import type { AppContext } from "../context.ts";
import { AppError } from "../errors.ts";

/** The audit viewer: agency administrators see their agency's rows, system administrators all. */
export async function readAuditLog(
  ctx: AppContext,
  actor: Actor,
  options: { limit: number; before?: number | undefined },
) {
  const scope = ROLE_POLICIES[actor.role].audit;
  if (scope === "none") {
    const error = new AppError("forbidden", "Your role cannot read the audit trail.");
    throw await denied(ctx, actor, { action: "audit.read", recordType: "audit_log" }, error);
  }
  return ctx.db.kysely.transaction().execute(async (trx) => {
    let q = trx.selectFrom("audit_log").selectAll().orderBy("seq", "desc").limit(options.limit);
    if (scope === "agency") q = q.where("actor_agency_id", "=", actor.agencyId);
    if (options.before !== undefined) q = q.where("seq", "<", options.before);
    const rows = await q.execute();
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      {
        action: "audit.read",
        recordType: "audit_log",
        outcome: "allowed",
        detail: { count: rows.length },
      },
    ]);
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
  });
}
