import { type Actor, auditContextFor } from "../access/actor.ts";
import { appendAudit } from "../audit/audit-log.ts";
import type { AppContext } from "../context.ts";
import { AppError } from "../errors.ts";
import { newId } from "../ids.ts";
import { API_TOKEN_PREFIX, randomToken, sha256 } from "../security/tokens.ts";

const DAY_MS = 86_400_000;

/**
 * Issues a bearer token acting as the user (first membership). The token is returned once and
 * only its hash is kept.
 */
export async function createApiToken(
  ctx: AppContext,
  input: { email: string; name: string; expiresInDays?: number },
  actor: Actor | null,
): Promise<{ id: string; token: string; expiresAt: string | null }> {
  const token = randomToken(32, API_TOKEN_PREFIX);
  const now = ctx.clock.now();
  const expiresAt = input.expiresInDays
    ? new Date(now.getTime() + input.expiresInDays * DAY_MS).toISOString()
    : null;
  const id = newId();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom("users")
      .innerJoin("memberships", "memberships.user_id", "users.id")
      .select(["users.id as userId", "users.status", "memberships.id as membershipId"])
      .where("users.email", "=", input.email.toLowerCase())
      .orderBy("memberships.created_at")
      .executeTakeFirst();
    if (user?.status !== "active") {
      throw new AppError("not_found", "No active account with that e-mail.");
    }
    await trx
      .insertInto("api_tokens")
      .values({
        id,
        user_id: user.userId,
        membership_id: user.membershipId,
        name: input.name,
        token_hash: sha256(token),
        created_at: now.toISOString(),
        expires_at: expiresAt,
        revoked_at: null,
        last_used_at: null,
      })
      .execute();
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      {
        action: "token.create",
        recordType: "api_token",
        recordId: id,
        outcome: "allowed",
        detail: { userId: user.userId },
      },
    ]);
  });
  return { id, token, expiresAt };
}

/** Revokes one token at once: its next use authenticates as nobody. */
export async function revokeApiToken(
  ctx: AppContext,
  tokenId: string,
  actor: Actor | null,
): Promise<boolean> {
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const token = await trx
      .selectFrom("api_tokens")
      .select(["id", "revoked_at"])
      .where("id", "=", tokenId)
      .executeTakeFirst();
    if (!token) return false;
    if (!token.revoked_at) {
      await trx
        .updateTable("api_tokens")
        .set({ revoked_at: ctx.clock.now().toISOString() })
        .where("id", "=", tokenId)
        .execute();
    }
    await appendAudit(trx, auditContextFor(actor, ctx.clock), [
      { action: "token.revoke", recordType: "api_token", recordId: tokenId, outcome: "allowed" },
    ]);
    return true;
  });
}
