import { newId } from "../../ids.ts";
import type { AccountScope } from "./account-scope.ts";

/**
 * Accounts: who signs in, their status and preferences. E-mail addresses are stored lower-case;
 * every lookup by e-mail lowers what it is given, so `Ana@…` and `ana@…` are one account.
 */
export class UsersRepository {
  constructor(private readonly s: AccountScope) {}

  /** Creates an active account (no second factor yet) with an already hashed password. */
  async create(user: { email: string; displayName: string; passwordHash: string }) {
    const id = newId();
    await this.s.trx
      .insertInto("users")
      .values({
        id,
        email: user.email,
        display_name: user.displayName,
        password_hash: user.passwordHash,
        status: "active",
        locked_at: null,
        mfa_secret: null,
        mfa_enabled_at: null,
        mfa_last_step: null,
        language: "en",
        created_at: this.s.nowIso,
        password_changed_at: this.s.nowIso,
      })
      .execute();
    return id;
  }

  async idByEmail(email: string): Promise<string | undefined> {
    const row = await this.s.trx
      .selectFrom("users")
      .select("id")
      .where("email", "=", email.toLowerCase())
      .executeTakeFirst();
    return row?.id;
  }

  /** The account's e-mail, if it exists (an administrator's change is judged, then applied). */
  async find(userId: string): Promise<{ email: string } | undefined> {
    return this.s.trx
      .selectFrom("users")
      .select("email")
      .where("id", "=", userId)
      .executeTakeFirst();
  }

  /** What the signed-in caller sees of their own account. */
  profile(userId: string) {
    return this.s.trx
      .selectFrom("users")
      .select(["email", "display_name as displayName", "language"])
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
  }

  async setLanguage(userId: string, language: string): Promise<void> {
    await this.s.trx.updateTable("users").set({ language }).where("id", "=", userId).execute();
  }

  /**
   * The account behind an e-mail address with its first membership (the one a sign-in or an API
   * token acts through), or undefined: what the password step and token issuing start from.
   */
  firstMembershipByEmail(email: string) {
    return this.s.trx
      .selectFrom("users")
      .innerJoin("memberships", "memberships.user_id", "users.id")
      .select([
        "users.id",
        "users.password_hash as passwordHash",
        "users.status",
        "users.locked_at as lockedAt",
        "users.mfa_enabled_at as mfaEnabledAt",
        "memberships.id as membershipId",
        "memberships.role",
        "memberships.agency_id as agencyId",
      ])
      .where("users.email", "=", email.toLowerCase())
      .orderBy("memberships.created_at")
      .executeTakeFirst();
  }

  /** Lifts a lockout (5 failed sign-ins) and forgets the failures. */
  async unlock(userId: string): Promise<void> {
    await this.s.trx
      .updateTable("users")
      .set({ locked_at: null })
      .where("id", "=", userId)
      .execute();
    await this.s.trx.deleteFrom("login_failures").where("user_id", "=", userId).execute();
  }

  /** Disables the account and ends its sessions and tokens at once. */
  async disable(userId: string): Promise<void> {
    await this.s.trx
      .updateTable("users")
      .set({ status: "disabled" })
      .where("id", "=", userId)
      .execute();
    await this.s.trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
    await this.s.trx
      .updateTable("api_tokens")
      .set({ revoked_at: this.s.nowIso })
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null)
      .execute();
  }
}
