import { sql } from "kysely";
import type { Actor } from "../access/actor.ts";
import { auditContextFor } from "../access/actor.ts";
import { accountAbilities, caseInScope } from "../access/policy.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { denied } from "../audit/record-denial.ts";
import type { AppContext } from "../context.ts";
import { AppError } from "../errors.ts";

/**
 * Open and active cases the caller oversees (a task-force lead: their agency's and those their
 * task force's team works; CPS: their agency's; the state coordinator: all), with their open
 * and overdue obligations and whether the team has formed. No personal data.
 */
export async function listOpenCases(ctx: AppContext, actor: Actor, limit: number) {
  const entry = { action: "case.list_open", recordType: "case" };
  if (!accountAbilities(actor).openCasesQueue)
    throw await denied(
      ctx,
      actor,
      entry,
      new AppError("forbidden", "Your role has no open-cases queue."),
    );
  const now = ctx.clock.now().toISOString();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("cases")
      .leftJoin("rat_teams", "rat_teams.case_id", "cases.id")
      .select((eb) => [
        "cases.id",
        "cases.case_number as caseNumber",
        "cases.county_fips as countyFips",
        "cases.status",
        "cases.determination",
        "cases.received_at as receivedAt",
        "rat_teams.requested_at as ratRequestedAt",
        "rat_teams.formed_at as ratFormedAt",
        eb
          .selectFrom("obligations")
          .select(sql<number>`count(*)`.as("n"))
          .whereRef("obligations.case_id", "=", "cases.id")
          .where("obligations.status", "=", "open")
          .as("openObligations"),
        eb
          .selectFrom("obligations")
          .select(sql<number>`count(*)`.as("n"))
          .whereRef("obligations.case_id", "=", "cases.id")
          .where("obligations.status", "=", "open")
          .where("obligations.due_at", "<", now)
          .as("overdueObligations"),
      ])
      .where("cases.status", "!=", "closed")
      .where(caseInScope(actor, now))
      .orderBy("cases.received_at")
      .limit(limit)
      .execute();
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      { ...entry, outcome: "allowed", detail: { count: rows.length } },
    ]);
    return rows.map((r) => ({
      ...r,
      openObligations: Number(r.openObligations ?? 0),
      overdueObligations: Number(r.overdueObligations ?? 0),
    }));
  });
}
