import type { Transaction } from "kysely";
import type { AuditEntry } from "../audit/audit-log.ts";
import type { Clock } from "../clock.ts";
import type { Database } from "../db/schema.ts";
import { newId } from "../ids.ts";

/**
 * CJIS 5.5.3 / ASVS V6.3.1: five unsuccessful sign-in attempts within 15 minutes lock the
 * account until an administrator unlocks it. An attempt fails at either step: a wrong password,
 * a wrong TOTP or recovery code, or a wrong code while confirming enrolment. Only a complete
 * sign-in forgets the failures, so a known password cannot be used to reset the count between
 * guesses at the second factor.
 */
export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60_000;

/**
 * Records one failed attempt inside the caller's transaction and locks the account on the
 * fifth in the window (ending all its sessions, pending ones included). Returns the audit
 * entries to append after the caller's own failure entry: `auth.lockout` when this one locked.
 */
export async function recordSignInFailure(
  trx: Transaction<Database>,
  clock: Clock,
  userId: string,
): Promise<AuditEntry[]> {
  const now = clock.now();
  const locked = await takeAccount(trx, userId);
  await trx
    .insertInto("login_failures")
    .values({ id: newId(), user_id: userId, at: now.toISOString() })
    .execute();
  if (locked) return [];
  const since = new Date(now.getTime() - LOCKOUT_WINDOW_MS).toISOString();
  const { n } = await trx
    .selectFrom("login_failures")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("user_id", "=", userId)
    .where("at", ">", since)
    .executeTakeFirstOrThrow();
  const failures = Number(n);
  if (failures < LOCKOUT_FAILURES) return [];
  await trx
    .updateTable("users")
    .set({ locked_at: now.toISOString() })
    .where("id", "=", userId)
    .execute();
  await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
  return [
    {
      action: "auth.lockout",
      recordType: "user",
      recordId: userId,
      outcome: "denied",
      detail: { failures },
    },
  ];
}

/**
 * Takes the account's row for the rest of the transaction and says whether it is locked.
 * The no-op update is a row lock on PostgreSQL (SQLite transactions are serialised already),
 * so concurrent attempts count one after another: a burst of parallel guesses cannot all read
 * a count of four, and a code accepted at the moment of a lockout cannot outlive it.
 */
export async function takeAccount(trx: Transaction<Database>, userId: string): Promise<boolean> {
  const row = await trx
    .updateTable("users")
    .set((eb) => ({ locked_at: eb.ref("locked_at") }))
    .where("id", "=", userId)
    .returning("locked_at")
    .executeTakeFirstOrThrow();
  return row.locked_at !== null;
}

/** A complete sign-in (every step the role requires) forgets earlier failures. */
export async function clearSignInFailures(
  trx: Transaction<Database>,
  userId: string,
): Promise<void> {
  await trx.deleteFrom("login_failures").where("user_id", "=", userId).execute();
}
