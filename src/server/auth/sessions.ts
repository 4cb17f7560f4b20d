import type { Kysely, Transaction } from "kysely";
import type { Clock } from "../clock.ts";
import type { Database, SessionRow } from "../db/schema.ts";
import { randomToken, sha256 } from "../security/tokens.ts";

/**
 * Server-side sessions (ASVS V7; CJIS 5.5.5 session lock): a 128-bit random token in a
 * `__Host-` cookie, stored only as its hash; 30 minutes idle and 12 hours absolute.
 */
export const SESSION_COOKIE = "__Host-waypoint";
export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 3_600_000;
// Writing last_seen_at on every request would turn every read into a write; once a minute is
// precise enough for a 30-minute idle limit.
const TOUCH_EVERY_MS = 60_000;

type Executor = Kysely<Database> | Transaction<Database>;

export async function createSession(
  trx: Executor,
  clock: Clock,
  s: { userId: string; membershipId: string; mfaPassed: boolean; clientIp: string | null },
): Promise<{ token: string; csrfToken: string; expiresAt: string }> {
  const token = randomToken(16);
  const csrfToken = randomToken(16);
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS).toISOString();
  await trx
    .insertInto("sessions")
    .values({
      id: sha256(token),
      user_id: s.userId,
      membership_id: s.membershipId,
      csrf_token: csrfToken,
      mfa_passed: s.mfaPassed ? 1 : 0,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
      client_ip: s.clientIp,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** What a session acts as: its membership's role and agency, and its account's standing. */
export interface SessionActing {
  role: string;
  agencyId: string;
  agencyKind: string;
  status: string;
  lockedAt: string | null;
}

/**
 * The live session for a token with what it acts as (undefined when its membership is gone), or
 * undefined (unknown, idle too long, or past 12 hours). One statement: the session, its
 * membership, account and agency are read together, as every authenticated request needs them.
 */
export async function findLiveSession(
  db: Executor,
  clock: Clock,
  token: string,
): Promise<{ row: SessionRow; acting: SessionActing | undefined } | undefined> {
  const id = sha256(token);
  const found = await db
    .selectFrom("sessions")
    .leftJoin("memberships", (join) =>
      join
        .onRef("memberships.id", "=", "sessions.membership_id")
        .onRef("memberships.user_id", "=", "sessions.user_id"),
    )
    .leftJoin("users", "users.id", "memberships.user_id")
    .leftJoin("agencies", "agencies.id", "memberships.agency_id")
    .selectAll("sessions")
    .select([
      "memberships.role as acting_role",
      "memberships.agency_id as acting_agency_id",
      "agencies.kind as acting_agency_kind",
      "users.status as acting_status",
      "users.locked_at as acting_locked_at",
    ])
    .where("sessions.id", "=", id)
    .executeTakeFirst();
  if (!found) return undefined;
  const {
    acting_role: role,
    acting_agency_id: agencyId,
    acting_agency_kind: agencyKind,
    acting_status: status,
    acting_locked_at: lockedAt,
    ...row
  } = found;
  const now = clock.now().getTime();
  const idle = now - new Date(row.last_seen_at).getTime() > IDLE_TIMEOUT_MS;
  const expired = now >= new Date(row.expires_at).getTime();
  if (idle || expired) {
    await db.deleteFrom("sessions").where("id", "=", id).execute();
    return undefined;
  }
  if (now - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
    await db
      .updateTable("sessions")
      .set({ last_seen_at: new Date(now).toISOString() })
      .where("id", "=", id)
      .execute();
  }
  // No membership row joined: it is gone, and the session acts as nobody. With one, its account
  // and agency are there too (foreign keys), so their columns are not null.
  const acting =
    role === null ? undefined : ({ role, agencyId, agencyKind, status, lockedAt } as SessionActing);
  return { row, acting };
}

export async function destroySession(db: Executor, token: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", sha256(token)).execute();
}

/**
 * After MFA the session is upgraded under a new token (no session fixation across a privilege
 * change): the old row is deleted and a new one created with the same absolute expiry.
 */
export async function upgradeSession(
  trx: Executor,
  clock: Clock,
  old: SessionRow,
  oldToken: string,
) {
  await destroySession(trx, oldToken);
  const token = randomToken(16);
  const csrfToken = randomToken(16);
  const now = clock.now().toISOString();
  await trx
    .insertInto("sessions")
    .values({ ...old, id: sha256(token), csrf_token: csrfToken, mfa_passed: 1, last_seen_at: now })
    .execute();
  return { token, csrfToken, expiresAt: old.expires_at };
}
