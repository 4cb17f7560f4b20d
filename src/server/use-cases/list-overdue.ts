import type { Actor } from "../access/actor.ts";
import { auditContextFor } from "../access/actor.ts";
import { accountAbilities, caseInScope } from "../access/policy.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { denied } from "../audit/record-denial.ts";
import type { AppContext } from "../context.ts";
import { AppError } from "../errors.ts";

/**
 * The overdue list: every open obligation past its due time on the cases the caller oversees
 * (a task-force lead: their agency's; the state coordinator: the state's), oldest first.
 */
export async function listOverdue(ctx: AppContext, actor: Actor, limit: number) {
  const entry = { action: "obligation.list_overdue", recordType: "obligation" };
  if (!accountAbilities(actor).overdueQueue) {
    throw await denied(
      ctx,
      actor,
      entry,
      new AppError(
        "forbidden",
        "Only task-force leads and the state coordinator have an overdue list.",
      ),
    );
  }
  const now = ctx.clock.now().toISOString();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("obligations")
      .innerJoin("cases", "cases.id", "obligations.case_id")
      .select([
        "obligations.id",
        "obligations.case_id",
        "cases.case_number",
        "cases.county_fips",
        "obligations.action_id",
        "obligations.owner_role",
        "obligations.due_at",
      ])
      .where("obligations.status", "=", "open")
      .where("obligations.due_at", "<", now)
      .where(caseInScope(actor, now))
      .orderBy("obligations.due_at")
      .limit(limit)
      .execute();
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      { ...entry, outcome: "allowed", detail: { count: rows.length } },
    ]);
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      caseNumber: r.case_number,
      countyFips: r.county_fips,
      actionId: r.action_id,
      ownerRole: r.owner_role,
      dueAt: r.due_at as string,
      overdueMinutes: Math.floor((Date.parse(now) - Date.parse(r.due_at as string)) / 60_000),
    }));
  });
}
