import type { TaskForcesTable } from "../../db/schema-coordination.ts";
import { newId } from "../../ids.ts";
import type { Scope } from "../scope.ts";

export type TaskForceRow = TaskForcesTable;

/**
 * Task forces, their members (memberships: a person in one agency and role) and the on-call
 * roster. Who may change them is the policy's (`taskForceAbilities`), checked by the unit of work
 * before any of these run.
 */
export class TaskForcesRepository {
  constructor(private readonly s: Scope) {}

  find(taskForceId: string): Promise<TaskForceRow | undefined> {
    return this.s.trx
      .selectFrom("task_forces")
      .selectAll()
      .where("id", "=", taskForceId)
      .executeTakeFirst();
  }

  async create(taskForce: { name: string; agencyId: string }): Promise<string> {
    const id = newId();
    await this.s.trx
      .insertInto("task_forces")
      .values({
        id,
        name: taskForce.name,
        agency_id: taskForce.agencyId,
        created_at: this.s.nowIso,
      })
      .execute();
    return id;
  }

  async hasMember(taskForceId: string, membershipId: string): Promise<boolean> {
    const row = await this.s.trx
      .selectFrom("task_force_members")
      .select("membership_id")
      .where("task_force_id", "=", taskForceId)
      .where("membership_id", "=", membershipId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Adds a member; adding one already there changes nothing. */
  async addMember(taskForceId: string, membershipId: string): Promise<void> {
    if (await this.hasMember(taskForceId, membershipId)) return;
    await this.s.trx
      .insertInto("task_force_members")
      .values({ task_force_id: taskForceId, membership_id: membershipId, added_at: this.s.nowIso })
      .execute();
  }

  async addShift(
    taskForceId: string,
    shift: { membershipId: string; startsAt: string; endsAt: string },
  ): Promise<string> {
    const id = newId();
    await this.s.trx
      .insertInto("on_call_shifts")
      .values({
        id,
        task_force_id: taskForceId,
        membership_id: shift.membershipId,
        starts_at: new Date(shift.startsAt).toISOString(),
        ends_at: new Date(shift.endsAt).toISOString(),
      })
      .execute();
    return id;
  }

  /** The task force's active members (of one role, when given), by name. */
  members(taskForceId: string, role?: string) {
    let q = this.s.trx
      .selectFrom("task_force_members")
      .innerJoin("memberships", "memberships.id", "task_force_members.membership_id")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select([
        "memberships.id as membershipId",
        "memberships.role",
        "users.id as userId",
        "users.display_name as displayName",
      ])
      .where("task_force_members.task_force_id", "=", taskForceId)
      .where("users.status", "=", "active");
    if (role !== undefined) q = q.where("memberships.role", "=", role);
    return q.orderBy("users.display_name").execute();
  }

  /** Shifts not yet over (under way or to come), earliest first. */
  currentAndComingShifts(taskForceId: string) {
    return this.s.trx
      .selectFrom("on_call_shifts")
      .select(["id", "membership_id as membershipId", "starts_at as startsAt", "ends_at as endsAt"])
      .where("task_force_id", "=", taskForceId)
      .where("ends_at", ">", this.s.nowIso)
      .orderBy("starts_at")
      .execute();
  }

  /** The memberships on call now. */
  async onCallNow(taskForceId: string): Promise<Set<string>> {
    const rows = await this.s.trx
      .selectFrom("on_call_shifts")
      .select("membership_id")
      .where("task_force_id", "=", taskForceId)
      .where("starts_at", "<=", this.s.nowIso)
      .where("ends_at", ">", this.s.nowIso)
      .execute();
    return new Set(rows.map((r) => r.membership_id));
  }
}
