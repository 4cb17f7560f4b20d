import { badRequest } from "../../errors.ts";
import type { Scope } from "../scope.ts";

/**
 * Who works a case. The team is the first scope of the access policy: being on it is what lets
 * a nurse or shelter worker open the case. Staff data only, no victim data.
 */
export class CaseTeamRepository {
  constructor(private readonly s: Scope) {}

  /** The case's team in the order they joined: names, agencies and roles. */
  listMembers(caseId: string) {
    return this.s.trx
      .selectFrom("case_team")
      .innerJoin("users", "users.id", "case_team.user_id")
      .innerJoin("memberships", "memberships.user_id", "users.id")
      .innerJoin("agencies", "agencies.id", "memberships.agency_id")
      .select([
        "users.id as userId",
        "users.display_name as displayName",
        "memberships.role",
        "agencies.name as agencyName",
        "case_team.added_at as addedAt",
      ])
      .where("case_team.case_id", "=", caseId)
      .orderBy("case_team.added_at")
      .execute();
  }

  /**
   * Puts an active account on the case's team, now; someone already on it stays as they were
   * (adding twice is not an error). An unknown or disabled account is the named field's fault.
   */
  async add(caseId: string, userId: string, field: string): Promise<void> {
    const user = await this.s.trx
      .selectFrom("users")
      .select("id")
      .where("id", "=", userId)
      .where("status", "=", "active")
      .executeTakeFirst();
    if (!user) throw badRequest("No such active account.", field);
    const already = await this.s.trx
      .selectFrom("case_team")
      .select("user_id")
      .where("case_id", "=", caseId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    if (!already)
      await this.s.trx
        .insertInto("case_team")
        .values({ case_id: caseId, user_id: userId, added_at: this.s.nowIso })
        .execute();
  }
}
