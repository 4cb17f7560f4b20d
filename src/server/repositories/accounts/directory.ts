import type { AccountScope } from "./account-scope.ts";

/**
 * The directories of staff and task forces: who works where in which role, and which task
 * forces exist. Staff data only, no e-mail and no account status (those stay with account
 * administration), so task-force builders and certifiers can pick people from it.
 */
export class DirectoryRepository {
  constructor(private readonly s: AccountScope) {}

  /** Active staff, one row per membership (membership ids to add them with), by name. */
  staff() {
    return this.s.trx
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .innerJoin("agencies", "agencies.id", "memberships.agency_id")
      .select([
        "memberships.id as membershipId",
        "users.id as userId",
        "users.display_name as displayName",
        "memberships.role",
        "agencies.id as agencyId",
        "agencies.name as agencyName",
      ])
      .where("users.status", "=", "active")
      .orderBy("users.display_name")
      .limit(5000)
      .execute();
  }

  /** Every task force's name and lead agency (rosters stay with those who manage them). */
  taskForces() {
    return this.s.trx
      .selectFrom("task_forces")
      .select(["id", "name", "agency_id"])
      .orderBy("name")
      .execute();
  }
}
