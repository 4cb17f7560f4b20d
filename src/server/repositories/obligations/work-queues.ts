import { type ExpressionBuilder, sql } from "kysely";
import { ACTION_CATALOGUE } from "../../../domain/assessment/actions.ts";
import { dueState } from "../../../domain/obligation-urgency.ts";
import { IMMEDIATE_GRACE_MS } from "../../../domain/obligations.ts";
import { caseInScopeForList, roleQueueOf } from "../../access/policy.ts";
import type { Database } from "../../db/schema.ts";
import type { Scope } from "../scope.ts";

/**
 * The caller's work queues: obligations and cases as lists, filtered by the caller's scope in
 * the SQL. No personal data: case numbers, actions, owners and clocks only.
 */
export class WorkQueuesRepository {
  constructor(private readonly s: Scope) {}

  /**
   * "My work": open obligations owned by the caller, and those waiting unclaimed in the caller's
   * role queue (`roleQueueOf`), on open cases (a closed case leaves every queue),
   * soonest due first (obligations without a clock last). Three parts, each read in the order of
   * an index and cut at the page, then merged: the caller's own, the role's with a due time, the
   * role's without; an `or` of the two owners would make the database sort every open one.
   */
  async mine(limit: number) {
    const { actor, nowIso: now } = this.s;
    const open = () =>
      this.s.trx
        .selectFrom("obligations")
        .innerJoin("cases", "cases.id", "obligations.case_id")
        .select([
          "obligations.id",
          "obligations.case_id",
          "cases.case_number",
          "obligations.action_id",
          "obligations.owner_role",
          "obligations.owner_user_id",
          "obligations.due_at",
          "obligations.status",
          "obligations.version",
        ])
        .where("obligations.status", "=", "open")
        .where("cases.status", "=", "open");
    const role = () =>
      open()
        .where("obligations.owner_role", "=", actor.role)
        .where("obligations.owner_user_id", "is", null)
        .where(roleQueueOf(actor))
        .where(caseInScopeForList(actor, now));
    const undatedLast = sql<number>`case when due_at is null then 1 else 0 end`;
    const own = open()
      .where("obligations.owner_user_id", "=", actor.userId)
      .orderBy((eb) => eb.case().when("obligations.due_at", "is", null).then(1).else(0).end())
      .orderBy("obligations.due_at")
      .orderBy("obligations.id")
      .limit(limit);
    const dated = role()
      .where("obligations.due_at", "is not", null)
      .orderBy("obligations.due_at")
      .orderBy("obligations.id")
      .limit(limit);
    // Ordered by due time too (all null here), so the index's order serves it on both databases.
    const undated = role()
      .where("obligations.due_at", "is", null)
      .orderBy("obligations.due_at")
      .orderBy("obligations.id")
      .limit(limit);
    const t = this.s.trx;
    const rows = await t
      .selectFrom(
        t
          .selectFrom(own.as("own"))
          .selectAll()
          .unionAll(t.selectFrom(dated.as("dated")).selectAll())
          .unionAll(t.selectFrom(undated.as("undated")).selectAll())
          .as("work"),
      )
      .selectAll()
      .orderBy(undatedLast)
      .orderBy("due_at")
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      caseNumber: r.case_number,
      actionId: r.action_id,
      ownerRole: r.owner_role,
      claimed: r.owner_user_id !== null,
      dueAt: r.due_at,
      dueState: dueState({ actionId: r.action_id, dueAt: r.due_at }, this.s.now),
      overdue: dueState({ actionId: r.action_id, dueAt: r.due_at }, this.s.now) === "overdue",
      version: Number(r.version),
    }));
  }

  /**
   * Every open obligation past its due time on the open cases in the caller's scope, oldest
   * first; a report due "immediately" only once its grace has run out (`overdueAfter`).
   */
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
      .where("cases.status", "=", "open")
      .where("obligations.due_at", "<", now)
      .where(pastGrace(this.s.now))
      .where(caseInScopeForList(this.s.actor, now))
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
   * Open cases in the caller's scope, oldest tip first, with their open and overdue obligations
   * and whether the Rapid Assessment Team was asked for and formed. The page is chosen first
   * (open cases in received order, an index walk cut at `limit`), then counted: counts over the
   * page's rows only, each an index range, never over every open case in the state.
   */
  async openCases(limit: number) {
    const now = this.s.nowIso;
    const t = this.s.trx;
    // CASE_STATUSES is open | closed: "not closed" is "open", which an index can walk in order.
    const page = t
      .selectFrom("cases")
      .select(["id", "case_number", "county_fips", "status", "determination", "received_at"])
      .where("cases.status", "=", "open")
      .where(caseInScopeForList(this.s.actor, now))
      .orderBy("cases.received_at")
      .limit(limit);
    const rows = await t
      .selectFrom(page.as("c"))
      .leftJoin("rat_teams", "rat_teams.case_id", "c.id")
      .select((eb) => [
        "c.id",
        "c.case_number as caseNumber",
        "c.county_fips as countyFips",
        "c.status",
        "c.determination",
        "c.received_at as receivedAt",
        "rat_teams.requested_at as ratRequestedAt",
        "rat_teams.formed_at as ratFormedAt",
        eb
          .selectFrom("obligations")
          .select(sql<number>`count(*)`.as("n"))
          .whereRef("obligations.case_id", "=", "c.id")
          .where("obligations.status", "=", "open")
          .as("openObligations"),
        eb
          .selectFrom("obligations")
          .select(sql<number>`count(*)`.as("n"))
          .whereRef("obligations.case_id", "=", "c.id")
          .where("obligations.status", "=", "open")
          .where("obligations.due_at", "<", now)
          .where(pastGrace(this.s.now))
          .as("overdueObligations"),
      ])
      .orderBy("c.received_at")
      .execute();
    return rows.map((r) => ({
      ...r,
      openObligations: Number(r.openObligations ?? 0),
      overdueObligations: Number(r.overdueObligations ?? 0),
    }));
  }
}

/** Actions due "immediately": overdue only after their grace (domain/obligation-urgency). */
export const IMMEDIATE_ACTIONS = Object.values(ACTION_CATALOGUE)
  .filter((a) => a.deadline.kind === "immediately")
  .map((a) => a.id);

/** SQL form of `overdueAfter`: an obligation already past due is overdue unless still in grace. */
export function pastGrace(now: Date) {
  const graceEnd = new Date(now.getTime() - IMMEDIATE_GRACE_MS).toISOString();
  return (eb: ExpressionBuilder<Database, "obligations">) =>
    eb.or([
      eb("obligations.action_id", "not in", IMMEDIATE_ACTIONS),
      eb("obligations.due_at", "<", graceEnd),
    ]);
}
