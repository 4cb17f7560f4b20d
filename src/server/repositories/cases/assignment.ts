import { sql } from "kysely";
import type { Role } from "../../../domain/roles.ts";
import { CASE_HOLDER_ROLES } from "../../access/policy.ts";
import { newId } from "../../ids.ts";
import { AgenciesRepository } from "../accounts/agencies.ts";
import type { ActingScope } from "../scope.ts";

/** A worker who may be handed a case, with how many open cases they already hold. */
export interface Worker {
  userId: string;
  displayName: string;
  role: string;
  openCases: number;
}

/**
 * Who answers for a case and its obligations (issue 13): the case's assigned worker at its
 * holding agency, and the owners of its obligations. Staff data only. Written on behalf of the
 * caller, or of nobody (a public tip's routing); the unit has decided who may.
 */
export class CaseAssignmentRepository {
  constructor(private readonly s: ActingScope) {}

  /**
   * Active people at an agency holding one of `roles`, least loaded first (fewest open cases
   * assigned to them, then by id, so the choice is the same on every run).
   */
  async workersAt(agencyId: string, roles: readonly Role[], limit = 100): Promise<Worker[]> {
    if (roles.length === 0) return [];
    const rows = await this.s.trx
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select((eb) => [
        "users.id as userId",
        "users.display_name as displayName",
        "memberships.role",
        eb
          .selectFrom("cases")
          .select(sql<number>`count(*)`.as("n"))
          .whereRef("cases.assigned_user_id", "=", "users.id")
          .where("cases.status", "=", "open")
          .as("openCases"),
      ])
      .where("memberships.agency_id", "=", agencyId)
      .where("memberships.role", "in", roles)
      .where("users.status", "=", "active")
      .orderBy("openCases")
      .orderBy("users.id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...r, openCases: Number(r.openCases ?? 0) }));
  }

  /** The least-loaded active holder of one of `roles` at the agency, or null: nobody there. */
  async leastLoaded(agencyId: string, roles: readonly Role[]): Promise<Worker | null> {
    return (await this.workersAt(agencyId, roles, 1))[0] ?? null;
  }

  /** The active person holding a case-holding role at the agency, or undefined. */
  async holderAt(agencyId: string, userId: string) {
    return this.s.trx
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select(["users.id", "memberships.role"])
      .where("memberships.agency_id", "=", agencyId)
      .where("memberships.user_id", "=", userId)
      .where("memberships.role", "in", CASE_HOLDER_ROLES)
      .where("users.status", "=", "active")
      .executeTakeFirst();
  }

  /**
   * Makes `userId` the case's assigned worker (at `agencyId`, which now holds the case) and puts
   * them on the case's team, so their scope reaches it whatever their role's scope.
   */
  async assign(caseId: string, agencyId: string, userId: string): Promise<void> {
    await this.s.trx
      .updateTable("cases")
      .set({ agency_id: agencyId, assigned_user_id: userId, updated_at: this.s.nowIso })
      .where("id", "=", caseId)
      .execute();
    // The case's unclaimed obligations wait in the queues of the agency that holds it now.
    await this.s.trx
      .updateTable("obligations")
      .set({ queue_agency_id: agencyId })
      .where("case_id", "=", caseId)
      .where("queue_agency_id", "!=", agencyId)
      .execute();
    const onTeam = await this.s.trx
      .selectFrom("case_team")
      .select("user_id")
      .where("case_id", "=", caseId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    if (!onTeam)
      await this.s.trx
        .insertInto("case_team")
        .values({ case_id: caseId, user_id: userId, added_at: this.s.nowIso })
        .execute();
  }

  /** Hands the case's unclaimed open obligations waiting for one of `roles` to `userId`. */
  async claimFor(caseId: string, roles: readonly string[], userId: string): Promise<void> {
    if (roles.length === 0) return;
    await this.s.trx
      .updateTable("obligations")
      .set((eb) => ({ owner_user_id: userId, version: eb("version", "+", 1) }))
      .where("case_id", "=", caseId)
      .where("status", "=", "open")
      .where("owner_user_id", "is", null)
      .where("owner_role", "in", roles)
      .execute();
  }

  /** Hands the case's open obligations owned by `fromUserId` to `toUserId` (a transfer). */
  async handOver(caseId: string, fromUserId: string, toUserId: string): Promise<void> {
    await this.s.trx
      .updateTable("obligations")
      .set((eb) => ({ owner_user_id: toUserId, version: eb("version", "+", 1) }))
      .where("case_id", "=", caseId)
      .where("status", "=", "open")
      .where("owner_user_id", "=", fromUserId)
      .execute();
  }

  /**
   * Gives every unclaimed open obligation that no one could take to the case's assigned worker:
   * one whose role no active person holds at the holding agency (an advocate's duty on a case
   * CPS holds, a reporter's duty on a tip nobody signed). So no obligation is owned by nobody.
   */
  async settleUnreachable(caseId: string, assigneeUserId: string): Promise<void> {
    await this.s.trx
      .updateTable("obligations")
      .set((eb) => ({ owner_user_id: assigneeUserId, version: eb("version", "+", 1) }))
      .where("case_id", "=", caseId)
      .where("status", "=", "open")
      .where("owner_user_id", "is", null)
      .where(
        sql<boolean>`not exists (select 1 from memberships m
          inner join users u on u.id = m.user_id
          inner join cases c on c.id = obligations.case_id
          where m.agency_id = c.agency_id and m.role = obligations.owner_role
            and u.status = 'active')`,
      )
      .execute();
  }

  /** Hands one obligation to a person (taken from the queue, or reassigned), if still at version. */
  async setOwner(o: { id: string; version: number }, userId: string): Promise<boolean> {
    const r = await this.s.trx
      .updateTable("obligations")
      .set({ owner_user_id: userId, version: o.version + 1 })
      .where("id", "=", o.id)
      .where("version", "=", o.version)
      .where("status", "=", "open")
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /**
   * The least-loaded active holder of one of `roles` in any agency, with that agency: who
   * triages the statewide queue of public tips. Null when nobody holds such a role.
   */
  async leastLoadedAnywhere(roles: readonly Role[]) {
    if (roles.length === 0) return null;
    const row = await this.s.trx
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .innerJoin("agencies", "agencies.id", "memberships.agency_id")
      .select((eb) => [
        "users.id as userId",
        "memberships.role",
        "agencies.id as agencyId",
        "agencies.kind as agencyKind",
        eb
          .selectFrom("cases")
          .select(sql<number>`count(*)`.as("n"))
          .whereRef("cases.assigned_user_id", "=", "users.id")
          .where("cases.status", "=", "open")
          .as("openCases"),
      ])
      .where("memberships.role", "in", roles)
      .where("users.status", "=", "active")
      .orderBy("openCases")
      .orderBy("users.id")
      .limit(1)
      .executeTakeFirst();
    return row ?? null;
  }

  /** A system queue's agency by name and kind, created on first use (no one's act). */
  queueAgency(queue: { name: string; kind: string }): Promise<string> {
    return new AgenciesRepository(this.s).ensure(queue.name, queue.kind);
  }

  /** Appends a timeline event about who answers for the case (ids only, never names). */
  async event(caseId: string, kind: string, data: Record<string, string | null>): Promise<void> {
    await this.s.trx
      .insertInto("case_events")
      .values({
        id: newId(),
        case_id: caseId,
        occurred_at: this.s.nowIso,
        kind,
        actor_user_id: this.s.actor?.userId ?? null,
        data: JSON.stringify(data),
        record_type: null,
        record_id: null,
      })
      .execute();
  }
}
