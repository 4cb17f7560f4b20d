import { newId } from "../../ids.ts";
import { sha256 } from "../../security/tokens.ts";
import type { AccountScope } from "./account-scope.ts";

/** API tokens: kept only as the hash of the token, which is shown once when it is issued. */
export class ApiTokensRepository {
  constructor(private readonly s: AccountScope) {}

  async create(t: {
    userId: string;
    membershipId: string;
    name: string;
    token: string;
    expiresAt: string | null;
  }): Promise<string> {
    const id = newId();
    await this.s.trx
      .insertInto("api_tokens")
      .values({
        id,
        user_id: t.userId,
        membership_id: t.membershipId,
        name: t.name,
        token_hash: sha256(t.token),
        created_at: this.s.nowIso,
        expires_at: t.expiresAt,
        revoked_at: null,
        last_used_at: null,
      })
      .execute();
    return id;
  }

  /** The token presented, if it is known, not revoked and not expired. */
  async findLive(token: string) {
    const row = await this.s.trx
      .selectFrom("api_tokens")
      .select([
        "id",
        "user_id as userId",
        "membership_id as membershipId",
        "expires_at",
        "revoked_at",
      ])
      .where("token_hash", "=", sha256(token))
      .executeTakeFirst();
    if (!row || row.revoked_at || (row.expires_at && row.expires_at <= this.s.nowIso))
      return undefined;
    return { id: row.id, userId: row.userId, membershipId: row.membershipId };
  }

  /** Dates the token's use (so unused tokens can be found and revoked). */
  async markUsed(tokenId: string): Promise<void> {
    await this.s.trx
      .updateTable("api_tokens")
      .set({ last_used_at: this.s.nowIso })
      .where("id", "=", tokenId)
      .execute();
  }

  /** Revokes the token (its next use authenticates as nobody); false when there is no such token. */
  async revoke(tokenId: string): Promise<boolean> {
    const token = await this.s.trx
      .selectFrom("api_tokens")
      .select(["id", "revoked_at"])
      .where("id", "=", tokenId)
      .executeTakeFirst();
    if (!token) return false;
    if (!token.revoked_at) {
      await this.s.trx
        .updateTable("api_tokens")
        .set({ revoked_at: this.s.nowIso })
        .where("id", "=", tokenId)
        .execute();
    }
    return true;
  }
}
