import { isRole } from "../../../domain/roles.ts";
import type { Actor } from "../../access/actor.ts";
import { recordSecurityEvent } from "../../audit/security-events.ts";
import { SESSION_COOKIE } from "../../auth/sessions.ts";
import type { AppContext } from "../../context.ts";
import type { SessionRow } from "../../db/schema.ts";
import { accountsOutsideUnit } from "../../repositories/accounts/account-repositories.ts";
import { API_TOKEN_PREFIX } from "../../security/tokens.ts";

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

/**
 * Resolves the caller from a bearer API token or the session cookie. Disabled or locked
 * accounts authenticate as nobody, so disabling a user ends their access on the next request.
 * Runs on every request: its reads take no transaction (no write lock on SQLite); only a
 * token's use is written, as a security event.
 */
export async function authenticate(
  ctx: AppContext,
  headers: { authorization?: string | undefined; cookie?: string | undefined },
  clientIp: string | null,
): Promise<RequestAuth> {
  const accounts = accountsOutsideUnit(ctx);
  const bearer = headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer?.startsWith(API_TOKEN_PREFIX)) {
    const token = await accounts.apiTokens.findLive(bearer);
    if (!token) return ANONYMOUS;
    const m = await accounts.memberships.actingAs(token.userId, token.membershipId);
    if (m?.status !== "active" || m.lockedAt || !isRole(m.role)) return ANONYMOUS;
    const actor: Actor = {
      userId: token.userId,
      membershipId: token.membershipId,
      agencyId: m.agencyId,
      agencyKind: m.agencyKind,
      role: m.role,
      via: "token",
      clientIp,
    };
    // Every use of a token is audited (and dated, so unused tokens can be found and revoked).
    const party = {
      actor: { userId: actor.userId, agencyId: actor.agencyId, role: actor.role },
      clientIp,
    };
    await recordSecurityEvent(ctx, party, async (e) => {
      await e.repos.apiTokens.markUsed(token.id);
      e.record({
        action: "token.use",
        recordType: "api_token",
        recordId: token.id,
        outcome: "allowed",
      });
    });
    return { actor, pending: null, session: null };
  }
  const cookieToken = readCookie(headers.cookie, SESSION_COOKIE);
  if (!cookieToken) return ANONYMOUS;
  const live = await accounts.sessions.findLive(cookieToken);
  if (!live) return ANONYMOUS;
  const { row, acting: m } = live;
  if (m?.status !== "active" || m.lockedAt || !isRole(m.role)) return ANONYMOUS;
  const session = { row, token: cookieToken };
  if (row.mfa_passed !== 1) {
    return {
      actor: null,
      pending: { session: row, token: cookieToken, role: m.role, agencyId: m.agencyId },
      session,
    };
  }
  return {
    actor: {
      userId: row.user_id,
      membershipId: row.membership_id,
      agencyId: m.agencyId,
      agencyKind: m.agencyKind,
      role: m.role,
      via: "session",
      clientIp,
    },
    pending: null,
    session,
  };
}
