import { receivesEscalationFor } from "../../access/policy.ts";
import { newId } from "../../ids.ts";
import type { SystemScope } from "../scope.ts";

export interface Recipient {
  userId: string;
  email: string;
}

/**
 * What a deadline job reads and writes: the obligation it was scheduled for, who is to be told,
 * and their in-app notifications. No caller: the job reads only the obligation it was given.
 */
export class DeadlinesRepository {
  constructor(private readonly s: SystemScope) {}

  /** The obligation with its case, if it is still open and has a clock; else nothing to do. */
  async stillRunning(obligationId: string) {
    const o = await this.s.trx
      .selectFrom("obligations")
      .innerJoin("cases", "cases.id", "obligations.case_id")
      .select([
        "obligations.id",
        "obligations.action_id",
        "obligations.owner_role",
        "obligations.owner_user_id",
        "obligations.status",
        "obligations.due_at",
        "cases.id as caseId",
        "cases.case_number",
        "cases.agency_id",
      ])
      .where("obligations.id", "=", obligationId)
      .executeTakeFirst();
    if (o?.status !== "open" || !o.due_at) return undefined;
    return { ...o, due_at: o.due_at };
  }

  /** The obligation's owner, or every active holder of its role in the case's agency. */
  async owners(o: {
    owner_user_id: string | null;
    owner_role: string;
    agency_id: string;
  }): Promise<Recipient[]> {
    let q = this.activeMembers();
    q = o.owner_user_id
      ? q.where("users.id", "=", o.owner_user_id)
      : q
          .where("memberships.role", "=", o.owner_role)
          .where("memberships.agency_id", "=", o.agency_id);
    return distinct(await q.execute());
  }

  /** Who is told when an obligation on a case of `agencyId` is overdue (the access policy says). */
  async escalationRecipients(agencyId: string): Promise<Recipient[]> {
    return distinct(await this.activeMembers().where(receivesEscalationFor(agencyId)).execute());
  }

  /** One in-app notification per recipient, of the job's kind, with non-identifying data. */
  async notify(recipients: Recipient[], kind: string, data: object): Promise<void> {
    if (recipients.length === 0) return;
    await this.s.trx
      .insertInto("notifications")
      .values(
        recipients.map((r) => ({
          id: newId(),
          agency_id: null,
          user_id: r.userId,
          kind,
          data: JSON.stringify(data),
          created_at: this.s.nowIso,
        })),
      )
      .execute();
  }

  private activeMembers() {
    return this.s.trx
      .selectFrom("users")
      .innerJoin("memberships", "memberships.user_id", "users.id")
      .select(["users.id as userId", "users.email"])
      .where("users.status", "=", "active");
  }
}

/** A person with two memberships that both qualify is told once. */
function distinct(rows: Recipient[]): Recipient[] {
  return [...new Map(rows.map((r) => [r.userId, r])).values()];
}
