import type { AuditEntry } from "../../audit/audit-log.ts";
import { newId } from "../../ids.ts";
import type { AccountScope } from "./account-scope.ts";

/**
 * CJIS 5.5.3 / ASVS V6.3.1: five unsuccessful sign-in attempts within 15 minutes lock the
 * account until an administrator unlocks it. An attempt fails at either step: a wrong password,
 * a wrong TOTP or recovery code, or a wrong code while confirming enrolment. Only a complete
 * sign-in forgets the failures, so a known password cannot be used to reset the count between
 * guesses at the second factor. Used inside a security event's transaction (its row lock is
 * what makes concurrent attempts count one after another).
 */
export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60_000;

export class SignInFailuresRepository {
  constructor(private readonly s: AccountScope) {}

  /**
   * Records one failed attempt and locks the account on the fifth in the window (ending all its
   * sessions, pending ones included). Returns the audit entries to append after the caller's
   * own failure entry: `auth.lockout` when this one locked.
   */
  async record(userId: string): Promise<AuditEntry[]> {
    const locked = await this.takeAccount(userId);
    await this.s.trx
      .insertInto("login_failures")
      .values({ id: newId(), user_id: userId, at: this.s.nowIso })
      .execute();
    if (locked) return [];
    const since = new Date(this.s.now.getTime() - LOCKOUT_WINDOW_MS).toISOString();
    const { n } = await this.s.trx
      .selectFrom("login_failures")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("user_id", "=", userId)
      .where("at", ">", since)
      .executeTakeFirstOrThrow();
    const failures = Number(n);
    if (failures < LOCKOUT_FAILURES) return [];
    await this.s.trx
      .updateTable("users")
      .set({ locked_at: this.s.nowIso })
      .where("id", "=", userId)
      .execute();
    await this.s.trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
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
  async takeAccount(userId: string): Promise<boolean> {
    const row = await this.s.trx
      .updateTable("users")
      .set((eb) => ({ locked_at: eb.ref("locked_at") }))
      .where("id", "=", userId)
      .returning("locked_at")
      .executeTakeFirstOrThrow();
    return row.locked_at !== null;
  }

  /** A complete sign-in (every step the role requires) forgets earlier failures. */
  async clear(userId: string): Promise<void> {
    await this.s.trx.deleteFrom("login_failures").where("user_id", "=", userId).execute();
  }
}
