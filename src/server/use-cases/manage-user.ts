import type { Transaction } from "kysely";
import { type Actor, auditContextFor } from "../access/actor.ts";
import { appendAudit } from "../audit/audit-log.ts";
import type { AppContext } from "../context.ts";
import type { Database } from "../db/schema.ts";

/** Finds the account by e-mail, applies `change` and audits `action`, in one transaction. */
function changeAccount(
  ctx: AppContext,
  email: string,
  actor: Actor | null,
  action: string,
  change: (trx: Transaction<Database>, userId: string) => Promise<unknown>,
): Promise<boolean> {
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom("users")
      .select("id")
      .where("email", "=", email.toLowerCase())
      .executeTakeFirst();
    if (!user) return false;
    await change(trx, user.id);
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      { action, recordType: "user", recordId: user.id, outcome: "allowed" },
    ]);
    return true;
  });
}

/** Lifts a lockout (5 failed sign-ins) and forgets the failures. */
export function unlockUser(ctx: AppContext, email: string, actor: Actor | null): Promise<boolean> {
  return changeAccount(ctx, email, actor, "user.unlock", async (trx, userId) => {
    await trx.updateTable("users").set({ locked_at: null }).where("id", "=", userId).execute();
    await trx.deleteFrom("login_failures").where("user_id", "=", userId).execute();
  });
}

/** Disables an account and ends its sessions and tokens at once. */
export function disableUser(ctx: AppContext, email: string, actor: Actor | null): Promise<boolean> {
  const now = ctx.clock.now().toISOString();
  return changeAccount(ctx, email, actor, "user.disable", async (trx, userId) => {
    await trx.updateTable("users").set({ status: "disabled" }).where("id", "=", userId).execute();
    await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
    await trx
      .updateTable("api_tokens")
      .set({ revoked_at: now })
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null)
      .execute();
  });
}
