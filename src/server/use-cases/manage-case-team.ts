import { z } from "zod";
import { type Actor, auditContextFor } from "../access/actor.ts";
import { appendAudit } from "../audit/audit-log.ts";
import type { AppContext } from "../context.ts";
import { badRequest } from "../errors.ts";
import { caseForAction } from "../repositories/case-access.ts";
import { appendCaseEvent } from "../repositories/cases.ts";

export const addTeamMemberInput = z.strictObject({ userId: z.string().min(1).max(100) });

/** Who works the case: names, agencies and roles of the team (staff data, no victim data). */
export async function listCaseTeam(ctx: AppContext, actor: Actor, caseId: string) {
  await caseForAction(ctx, ctx.db.kysely, actor, caseId, "case.team.read", "read");
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("case_team")
      .innerJoin("users", "users.id", "case_team.user_id")
      .innerJoin("memberships", "memberships.user_id", "users.id")
      .innerJoin("agencies", "agencies.id", "memberships.agency_id")
      .select([
        "users.id as userId",
        "users.display_name as displayName",
        "memberships.role",
        "agencies.name as agencyName",
        "case_team.added_at as addedAt",
      ])
      .where("case_team.case_id", "=", caseId)
      .orderBy("case_team.added_at")
      .execute();
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      {
        action: "case.team.read",
        recordType: "case",
        recordId: caseId,
        outcome: "allowed",
        detail: { count: rows.length },
      },
    ]);
    return rows;
  });
}

/**
 * Adds someone to the case team (CPS or the task-force lead running the case): the team is the
 * first scope of the access policy, so this is what lets a nurse or shelter worker open the case.
 */
export async function addCaseTeamMember(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  raw: z.input<typeof addTeamMemberInput>,
): Promise<void> {
  const input = addTeamMemberInput.parse(raw);
  await caseForAction(ctx, ctx.db.kysely, actor, caseId, "case.team.add", "manageTeam");
  const nowIso = ctx.clock.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom("users")
      .select("id")
      .where("id", "=", input.userId)
      .where("status", "=", "active")
      .executeTakeFirst();
    if (!user) throw badRequest("No such active account.", "userId");
    const already = await trx
      .selectFrom("case_team")
      .select("user_id")
      .where("case_id", "=", caseId)
      .where("user_id", "=", input.userId)
      .executeTakeFirst();
    if (!already)
      await trx
        .insertInto("case_team")
        .values({ case_id: caseId, user_id: input.userId, added_at: nowIso })
        .execute();
    await appendCaseEvent(trx, {
      caseId,
      kind: "team_member_added",
      occurredAt: nowIso,
      actorUserId: actor.userId,
      data: { userId: input.userId },
    });
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      {
        action: "case.team.add",
        recordType: "case",
        recordId: caseId,
        outcome: "allowed",
        detail: { userId: input.userId },
      },
    ]);
  });
}
