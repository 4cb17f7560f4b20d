import { isRole, type Role } from "../../../domain/roles.ts";
import { newId } from "../../ids.ts";
import type { AccountScope } from "./account-scope.ts";

/** Memberships: an account's role in one agency (an account acts through one at a time). */
export class MembershipsRepository {
  constructor(private readonly s: AccountScope) {}

  async create(m: { userId: string; agencyId: string; role: Role }): Promise<string> {
    const id = newId();
    await this.s.trx
      .insertInto("memberships")
      .values({
        id,
        user_id: m.userId,
        agency_id: m.agencyId,
        role: m.role,
        created_at: this.s.nowIso,
      })
      .execute();
    return id;
  }

  /** Whether the membership exists (task-force members are added by membership). */
  async exists(membershipId: string): Promise<boolean> {
    const row = await this.s.trx
      .selectFrom("memberships")
      .select("id")
      .where("id", "=", membershipId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The account's memberships whose role Waypoint knows (an unknown role grants nothing). */
  async ofUser(userId: string): Promise<{ agencyId: string; role: Role }[]> {
    const rows = await this.s.trx
      .selectFrom("memberships")
      .select(["agency_id as agencyId", "role"])
      .where("user_id", "=", userId)
      .execute();
    return rows.flatMap((r) => (isRole(r.role) ? [{ agencyId: r.agencyId, role: r.role }] : []));
  }

  /**
   * What a request acting through this membership is: its role, agency and agency kind, and the
   * account's status (a disabled or locked account acts as nobody), or undefined.
   */
  actingAs(userId: string, membershipId: string) {
    return this.s.trx
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .innerJoin("agencies", "agencies.id", "memberships.agency_id")
      .select([
        "memberships.role",
        "memberships.agency_id as agencyId",
        "agencies.kind as agencyKind",
        "users.status",
        "users.locked_at as lockedAt",
      ])
      .where("memberships.id", "=", membershipId)
      .where("memberships.user_id", "=", userId)
      .executeTakeFirst();
  }

  /** The accounts of `reach` (every agency, or those listed), one row per membership, by name. */
  listAccounts(reach: "all" | string[]) {
    let q = this.s.trx
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select([
        "users.id as userId",
        "users.email",
        "users.display_name as displayName",
        "users.status",
        "users.locked_at as lockedAt",
        "users.mfa_enabled_at as mfaEnabledAt",
        "memberships.id as membershipId",
        "memberships.agency_id as agencyId",
        "memberships.role",
      ])
      .orderBy("users.display_name")
      .limit(2000);
    if (reach !== "all") q = q.where("memberships.agency_id", "in", reach);
    return q.execute();
  }
}
