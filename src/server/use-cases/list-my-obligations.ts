import type { Actor } from "../access/actor.ts";
import { caseInScope } from "../access/policy.ts";
import type { AppContext } from "../context.ts";

/**
 * "My work": open obligations owned by me, or by my role on cases I can see, soonest due first
 * (obligations without a clock last).
 */
export async function listMyObligations(ctx: AppContext, actor: Actor, limit: number) {
  const now = ctx.clock.now().toISOString();
  const rows = await ctx.db.kysely
    .selectFrom("obligations")
    .innerJoin("cases", "cases.id", "obligations.case_id")
    .select([
      "obligations.id",
      "obligations.case_id",
      "cases.case_number",
      "obligations.action_id",
      "obligations.owner_role",
      "obligations.due_at",
      "obligations.status",
      "obligations.version",
    ])
    .where("obligations.status", "=", "open")
    .where((eb) =>
      eb.or([
        eb("obligations.owner_user_id", "=", actor.userId),
        eb.and([
          eb("obligations.owner_user_id", "is", null),
          eb("obligations.owner_role", "=", actor.role),
          caseInScope(actor, now)(eb),
        ]),
      ]),
    )
    .orderBy((eb) => eb.case().when("obligations.due_at", "is", null).then(1).else(0).end())
    .orderBy("obligations.due_at")
    .orderBy("obligations.id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    actionId: r.action_id,
    ownerRole: r.owner_role,
    dueAt: r.due_at,
    overdue: r.due_at !== null && r.due_at < now,
    version: Number(r.version),
  }));
}
