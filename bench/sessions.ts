import { createSession } from "../src/server/auth/sessions.ts";
import { systemClock } from "../src/server/clock.ts";
import type { Db } from "../src/server/db/database.ts";

/**
 * The cookie of a fresh signed-in session (TOTP passed) for the first demo account holding
 * `role`: what a benchmark's load generator sends.
 */
export async function sessionCookieFor(db: Db, role = "state_coordinator"): Promise<string> {
  const m = await db.kysely
    .selectFrom("memberships")
    .select(["user_id", "id"])
    .where("role", "=", role)
    .orderBy("created_at")
    .executeTakeFirstOrThrow();
  const session = await createSession(db.kysely, systemClock, {
    userId: m.user_id,
    membershipId: m.id,
    mfaPassed: true,
    clientIp: null,
  });
  return `__Host-waypoint=${session.token}`;
}
