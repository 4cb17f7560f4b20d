import { type Actor, auditContextFor } from "../access/actor.ts";
import { appendAudit } from "../audit/audit-log.ts";
import type { AppContext } from "../context.ts";

/** Lifts a lockout (5 failed sign-ins) and forgets the failures. */
export async function unlockUser(
  ctx: AppContext,
  email: string,
  actor: Actor | null,
): Promise<boolean> {
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom("users")
      .select("id")
      .where("email", "=", email.toLowerCase())
      .executeTakeFirst();
    if (!user) return false;
    await trx.updateTable("users").set({ locked_at: null }).where("id", "=", user.id).execute();
    await trx.deleteFrom("login_failures").where("user_id", "=", user.id).execute();
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      { action: "user.unlock", recordType: "user", recordId: user.id, outcome: "allowed" },
    ]);
    return true;
  });
}

/** Disables an account and ends its sessions and tokens at once. */
export async function disableUser(
  ctx: AppContext,
  email: string,
  actor: Actor | null,
): Promise<boolean> {
  const now = ctx.clock.now().toISOString();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom("users")
      .select("id")
      .where("email", "=", email.toLowerCase())
      .executeTakeFirst();
    if (!user) return false;
    await trx.updateTable("users").set({ status: "disabled" }).where("id", "=", user.id).execute();
    await trx.deleteFrom("sessions").where("user_id", "=", user.id).execute();
    await trx
      .updateTable("api_tokens")
      .set({ revoked_at: now })
      .where("user_id", "=", user.id)
      .where("revoked_at", "is", null)
      .execute();
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      { action: "user.disable", recordType: "user", recordId: user.id, outcome: "allowed" },
    ]);
    return true;
  });
}
