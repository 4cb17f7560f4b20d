import { newId } from "../../ids.ts";
import { sha256 } from "../../security/tokens.ts";
import type { AccountScope } from "./account-scope.ts";

/** The authenticator secret is sealed at rest, bound to its account's row. */
const secretContext = (userId: string) => `users.mfa_secret.${userId}`;

/**
 * Second factors: the TOTP secret (encrypted with the key ring, never stored in plain text), the
 * last time step used (a code is never accepted twice), and recovery codes (kept only hashed,
 * each used once).
 */
export class SecondFactorsRepository {
  constructor(private readonly s: AccountScope) {}

  /** The account's e-mail (the authenticator app's label) and whether a factor is set up. */
  enrolmentOf(userId: string) {
    return this.s.trx
      .selectFrom("users")
      .select(["email", "mfa_enabled_at as enabledAt"])
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
  }

  /** Keeps a new secret, not active until the first code confirms it. */
  async startEnrolment(userId: string, secret: string): Promise<void> {
    await this.s.trx
      .updateTable("users")
      .set({ mfa_secret: this.s.keyring.encrypt(secret, secretContext(userId)) })
      .where("id", "=", userId)
      .execute();
  }

  /** The account's secret (opened), whether it is active, and the last time step used. */
  async factorOf(userId: string) {
    const row = await this.s.trx
      .selectFrom("users")
      .select(["mfa_secret", "mfa_enabled_at", "mfa_last_step"])
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    return {
      secret: row.mfa_secret && this.s.keyring.decrypt(row.mfa_secret, secretContext(userId)),
      enabledAt: row.mfa_enabled_at,
      lastStep: row.mfa_last_step,
    };
  }

  /** Activates the secret at the confirming code's step and replaces the recovery codes. */
  async enable(userId: string, step: number, recoveryCodes: string[]): Promise<void> {
    await this.s.trx
      .updateTable("users")
      .set({ mfa_enabled_at: this.s.nowIso, mfa_last_step: step })
      .where("id", "=", userId)
      .execute();
    await this.s.trx.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
    await this.s.trx
      .insertInto("recovery_codes")
      .values(
        recoveryCodes.map((c) => ({
          id: newId(),
          user_id: userId,
          code_hash: sha256(c),
          used_at: null,
        })),
      )
      .execute();
  }

  /** Remembers the step of an accepted code, so the same code is refused from now on. */
  async rememberStep(userId: string, step: number): Promise<void> {
    await this.s.trx
      .updateTable("users")
      .set({ mfa_last_step: step })
      .where("id", "=", userId)
      .execute();
  }

  /** The id of an unused recovery code of the account matching `code`, if any. */
  async findUnusedRecoveryCode(userId: string, code: string): Promise<string | undefined> {
    const row = await this.s.trx
      .selectFrom("recovery_codes")
      .select("id")
      .where("user_id", "=", userId)
      .where("code_hash", "=", sha256(code))
      .where("used_at", "is", null)
      .executeTakeFirst();
    return row?.id;
  }

  async spendRecoveryCode(codeId: string): Promise<void> {
    await this.s.trx
      .updateTable("recovery_codes")
      .set({ used_at: this.s.nowIso })
      .where("id", "=", codeId)
      .execute();
  }
}
