import type { AccountScope } from "./account-scope.ts";

/**
 * What the role-grant audit compares: every membership with its agency's kind, and who created
 * each account (the `user.create` rows of the audit trail). Account data only, no case data.
 */
export class RoleGrantsRepository {
  constructor(private readonly s: AccountScope) {}

  /** Every membership, with the account's e-mail and the agency's kind, by e-mail. */
  memberships() {
    return this.s.trx
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .innerJoin("agencies", "agencies.id", "memberships.agency_id")
      .select([
        "users.id as userId",
        "users.email",
        "memberships.id as membershipId",
        "memberships.agency_id as agencyId",
        "agencies.kind as agencyKind",
        "memberships.role",
      ])
      .orderBy("users.email")
      .execute();
  }

  /** Each account's creation as audited: when, and by whom in which role (none: an operator). */
  accountCreations() {
    return this.s.trx
      .selectFrom("audit_log")
      .select(["record_id", "at", "actor_user_id", "actor_agency_id", "actor_role"])
      .where("record_type", "=", "user")
      .where("action", "=", "user.create")
      .where("outcome", "=", "allowed")
      .execute();
  }
}
