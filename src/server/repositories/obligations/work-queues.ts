import { sql } from "kysely";
import { caseInScope } from "../../access/policy.ts";
import type { Scope } from "../scope.ts";

/**
 * The caller's work queues: obligations and cases as lists, filtered by the caller's scope in
 * the SQL. No personal data: case numbers, actions, owners and clocks only.
 */
export class WorkQueuesRepository {
  constructor(private readonly s: Scope) {}

  /**
   * "My work": open obligations owned by the caller, or by the caller's role on cases in scope,
   * soonest due first (obligations without a clock last).
   */
  async mine(limit: number) {
    const { actor, nowIso: now } = this.s;
    const rows = await this.s.trx
      .selectFrom("obligations")
      .innerJoin("cases", "cases.id", "obligations.case_id")
      .select([
        "obligations.id",
        "obligations.case_id",
        "cases.case_number",
        "obligations.action_id",
        "obligations.owner_role",
        "obligations.due_at",
        "obligations.status",
        "obligations.version",
      ])
      .where("obligations.status", "=", "open")
      .where((eb) =>
        eb.or([
          eb("obligations.owner_user_id", "=", actor.userId),
          eb.and([
            eb("obligations.owner_user_id", "is", null),
            eb("obligations.owner_role", "=", actor.role),
            caseInScope(actor, now)(eb),
          ]),
        ]),
      )
      .orderBy((eb) => eb.case().when("obligations.due_at", "is", null).then(1).else(0).end())
      .orderBy("obligations.due_at")
      .orderBy("obligations.id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      caseNumber: r.case_number,
      actionId: r.action_id,
      ownerRole: r.owner_role,
      dueAt: r.due_at,
      overdue: r.due_at !== null && r.due_at < now,
      version: Number(r.version),
    }));
  }

  /** Every open obligation past its due time on the cases in the caller's scope, oldest first. */
  async overdue(limit: number) {
    const now = this.s.nowIso;
    const rows = await this.s.trx
      .selectFrom("obligations")
      .innerJoin("cases", "cases.id", "obligations.case_id")
      .select([
        "obligations.id",
        "obligations.case_id",
        "cases.case_number",
        "cases.county_fips",
        "obligations.action_id",
        "obligations.owner_role",
        "obligations.due_at",
      ])
      .where("obligations.status", "=", "open")
      .where("obligations.due_at", "<", now)
      .where(caseInScope(this.s.actor, now))
      .orderBy("obligations.due_at")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      caseNumber: r.case_number,
      countyFips: r.county_fips,
      actionId: r.action_id,
      ownerRole: r.owner_role,
      dueAt: r.due_at as string,
      overdueMinutes: Math.floor((Date.parse(now) - Date.parse(r.due_at as string)) / 60_000),
    }));
  }

  /**
   * Open and active cases in the caller's scope, oldest tip first, with their open and overdue
   * obligations and whether the Rapid Assessment Team was asked for and formed.
   */
  async openCases(limit: number) {
    const now = this.s.nowIso;
    const rows = await this.s.trx
      .selectFrom("cases")
      .leftJoin("rat_teams", "rat_teams.case_id", "cases.id")
      .select((eb) => [
        "cases.id",
        "cases.case_number as caseNumber",
        "cases.county_fips as countyFips",
        "cases.status",
        "cases.determination",
        "cases.received_at as receivedAt",
        "rat_teams.requested_at as ratRequestedAt",
        "rat_teams.formed_at as ratFormedAt",
        eb
          .selectFrom("obligations")
          .select(sql<number>`count(*)`.as("n"))
          .whereRef("obligations.case_id", "=", "cases.id")
          .where("obligations.status", "=", "open")
          .as("openObligations"),
        eb
          .selectFrom("obligations")
          .select(sql<number>`count(*)`.as("n"))
          .whereRef("obligations.case_id", "=", "cases.id")
          .where("obligations.status", "=", "open")
          .where("obligations.due_at", "<", now)
          .as("overdueObligations"),
      ])
      .where("cases.status", "!=", "closed")
      .where(caseInScope(this.s.actor, now))
      .orderBy("cases.received_at")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      ...r,
      openObligations: Number(r.openObligations ?? 0),
      overdueObligations: Number(r.overdueObligations ?? 0),
    }));
  }
}
