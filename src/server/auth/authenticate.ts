import { isRole } from "../../domain/roles.ts";
import type { Actor } from "../access/actor.ts";
import { appendAudit } from "../audit/audit-log.ts";
import type { AppContext } from "../context.ts";
import type { SessionRow } from "../db/schema.ts";
import { API_TOKEN_PREFIX, sha256 } from "../security/tokens.ts";
import { findLiveSession, SESSION_COOKIE } from "./sessions.ts";

/** What a request proved about its caller. */
export interface RequestAuth {
  actor: Actor | null;
  /** A cookie session that still owes its second factor (only the MFA routes accept it). */
  pending: { session: SessionRow; token: string; role: string; agencyId: string } | null;
  session: { row: SessionRow; token: string } | null;
}

export const ANONYMOUS: RequestAuth = { actor: null, pending: null, session: null };

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

async function membershipActor(ctx: AppContext, userId: string, membershipId: string) {
  return ctx.db.kysely
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .innerJoin("agencies", "agencies.id", "memberships.agency_id")
    .select([
      "memberships.role",
      "memberships.agency_id",
      "agencies.kind",
      "users.status",
      "users.locked_at",
    ])
    .where("memberships.id", "=", membershipId)
    .where("memberships.user_id", "=", userId)
    .executeTakeFirst();
}

/**
 * Resolves the caller from a bearer API token or the session cookie. Disabled or locked
 * accounts authenticate as nobody, so disabling a user ends their access on the next request.
 */
export async function authenticate(
  ctx: AppContext,
  headers: { authorization?: string | undefined; cookie?: string | undefined },
  clientIp: string | null,
): Promise<RequestAuth> {
  const bearer = headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer?.startsWith(API_TOKEN_PREFIX)) {
    const now = ctx.clock.now().toISOString();
    const token = await ctx.db.kysely
      .selectFrom("api_tokens")
      .select(["id", "user_id", "membership_id", "expires_at", "revoked_at"])
      .where("token_hash", "=", sha256(bearer))
      .executeTakeFirst();
    if (!token || token.revoked_at || (token.expires_at && token.expires_at <= now))
      return ANONYMOUS;
    const m = await membershipActor(ctx, token.user_id, token.membership_id);
    if (m?.status !== "active" || m.locked_at || !isRole(m.role)) return ANONYMOUS;
    const actor: Actor = {
      userId: token.user_id,
      membershipId: token.membership_id,
      agencyId: m.agency_id,
      agencyKind: m.kind,
      role: m.role,
      via: "token",
      clientIp,
    };
    // Every use of a token is audited (and dated, so unused tokens can be found and revoked).
    await ctx.db.kysely.transaction().execute(async (trx) => {
      await trx
        .updateTable("api_tokens")
        .set({ last_used_at: now })
        .where("id", "=", token.id)
        .execute();
      await appendAudit(
        trx,
        {
          actor: { userId: actor.userId, agencyId: actor.agencyId, role: actor.role },
          clientIp,
          clock: ctx.clock,
        },
        [{ action: "token.use", recordType: "api_token", recordId: token.id, outcome: "allowed" }],
      );
    });
    return { actor, pending: null, session: null };
  }
  const cookieToken = readCookie(headers.cookie, SESSION_COOKIE);
  if (!cookieToken) return ANONYMOUS;
  const row = await findLiveSession(ctx.db.kysely, ctx.clock, cookieToken);
  if (!row) return ANONYMOUS;
  const m = await membershipActor(ctx, row.user_id, row.membership_id);
  if (m?.status !== "active" || m.locked_at || !isRole(m.role)) return ANONYMOUS;
  const session = { row, token: cookieToken };
  if (row.mfa_passed !== 1) {
    return {
      actor: null,
      pending: { session: row, token: cookieToken, role: m.role, agencyId: m.agency_id },
      session,
    };
  }
  return {
    actor: {
      userId: row.user_id,
      membershipId: row.membership_id,
      agencyId: m.agency_id,
      agencyKind: m.kind,
      role: m.role,
      via: "session",
      clientIp,
    },
    pending: null,
    session,
  };
}
